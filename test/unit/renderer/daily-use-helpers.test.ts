// The pure helpers behind issue 16: typing keys of codes, spreadsheet paste, the bemanningsplan form.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchTyped, typingClashes, typingKeys } from '../../../renderer/src/lib/codes';
import { parsePastedText } from '../../../renderer/src/lib/pasteText';
import { cellError, demandKey, demandRowsOf, prefillDate, sameDemand, shiftTotal, withoutDate } from '../../../renderer/src/lib/demandGrid';

const STANDARD = ['D', 'A', 'N', 'L', 'FE', 'KURS', 'MØTE', 'PERM'];

describe('typing keys', () => {
  it('one letter for the standard codes; K beside KURS makes KURS «KU» and K a pause', () => {
    const k = typingKeys(STANDARD);
    expect(k.get('KURS')).toEqual({ keys: 'K', pause: false });
    expect(k.get('FE')).toEqual({ keys: 'F', pause: false });
    const withK = typingKeys([...STANDARD, 'K']);
    expect(withK.get('KURS')).toEqual({ keys: 'KU', pause: false });
    expect(withK.get('K')).toEqual({ keys: 'K', pause: true });
    expect(typingClashes('K', STANDARD)).toEqual([{ code: 'KURS', before: 'K', after: 'KU' }]);
    expect(typingClashes('X', STANDARD)).toEqual([]);
  });

  it('the keys shown type the code (property)', () => {
    const code = fc.stringMatching(/^[A-Z][A-Z0-9]{0,3}$/);
    fc.assert(
      fc.property(fc.uniqueArray(code, { minLength: 1, maxLength: 10 }), (codes) => {
        for (const [c, k] of typingKeys(codes)) {
          const m = matchTyped(k.keys, codes);
          expect(m.code).toBe(c);
          expect(m.wait).toBe(k.pause);
        }
      }),
    );
  });
});

describe('paste from a spreadsheet', () => {
  it('reads tab-separated rows, any case, CRLF, empty cells; unknown codes are counted and skipped', () => {
    const p = parsePastedText('d\tA\tX\r\nn\t\tfe\r\nX\r\n', STANDARD);
    expect(p.block).toEqual([['D', 'A', undefined], ['N', null, 'FE'], [undefined]]);
    expect(p.rows).toBe(3);
    expect(p.cols).toBe(3);
    expect(p.unknown).toEqual([{ text: 'X', cells: 2 }]);
  });

  it('what the grid copies pastes back as the same block (property)', () => {
    const cell = fc.oneof(fc.constantFrom(...STANDARD), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 6 }), (block) => {
        const w = Math.max(...block.map((r) => r.length));
        const full = block.map((r) => [...r, ...Array<null>(w - r.length).fill(null)]);
        const text = full.map((r) => r.map((c) => c ?? '').join('\t')).join('\n') + '\n';
        const p = parsePastedText(text, STANDARD);
        expect(p.block).toEqual(full);
        expect(p.unknown).toEqual([]);
      }),
    );
  });
});

describe('bemanningsplan form', () => {
  it('every wrong cell at once, in Norwegian; the rows to save carry their cell', () => {
    const cells = {
      [demandKey('weekday', 'D', 'sykepleier')]: '999',
      [demandKey('weekday', 'D', 'any')]: '-1',
      [demandKey('weekday', 'A', 'any')]: 'to',
      [demandKey('weekday', 'N', 'any')]: '2',
    };
    const r = demandRowsOf(cells, ['D', 'A', 'N'], []);
    expect(Object.values(r.errors).sort()).toEqual([
      'Antall personer kan ikke være negativt.',
      'Antall personer kan være høyst 200.',
      'Skriv et helt antall personer (0–200).',
    ]);
    expect(r.rows).toEqual([{ dayType: 'weekday', shift: 'N', competence: 'any', count: 2 }]);
    expect(r.keys).toEqual([demandKey('weekday', 'N', 'any')]);
    expect(cellError('')).toBeNull();
    expect(cellError('200')).toBeNull();
  });

  it('a date of its own starts from the day type it replaces, totals add the competences, removing forgets it', () => {
    const cells = {
      [demandKey('weekday', 'D', 'sykepleier')]: '1',
      [demandKey('weekday', 'D', 'any')]: '3',
      [demandKey('saturday', 'L', 'any')]: '3',
    };
    const fri = prefillDate(cells, '2027-12-24');
    expect(fri[demandKey('2027-12-24', 'D', 'any')]).toBe('3');
    expect(shiftTotal(fri, '2027-12-24', 'D', ['sykepleier', 'helsefagarbeider', 'assistent', 'any'])).toBe(4);
    const sat = prefillDate(cells, '2027-12-25'); // 1. juledag: a holiday, which has no numbers here
    expect(sat[demandKey('2027-12-25', 'L', 'any')]).toBeUndefined();
    expect(sameDemand(withoutDate(fri, '2027-12-24'), cells)).toBe(true);
    expect(sameDemand({ a: '0' }, {})).toBe(true);
  });
});
