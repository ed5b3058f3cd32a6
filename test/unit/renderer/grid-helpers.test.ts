import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchTyped } from '../../../renderer/src/lib/codes';
import { balancedGroups, datesInRange, weekendPlacement } from '../../../renderer/src/lib/steps';
import { parsePercent } from '../../../renderer/src/lib/format';
import type { Employee } from '../../../shared/plan/model';

const CODES = ['D', 'A', 'N', 'L', 'FE', 'KURS', 'MØTE', 'PERM'];

describe('typing a code in the grid', () => {
  it('one letter is enough for every default code', () => {
    expect(matchTyped('d', CODES)).toEqual({ code: 'D', wait: false });
    expect(matchTyped('f', CODES)).toEqual({ code: 'FE', wait: false });
    expect(matchTyped('k', CODES)).toEqual({ code: 'KURS', wait: false });
    expect(matchTyped('m', CODES)).toEqual({ code: 'MØTE', wait: false });
    expect(matchTyped('x', CODES)).toEqual({ code: null, wait: false });
  });

  it('waits when a code is also the start of another (K and KURS)', () => {
    const codes = [...CODES, 'K'];
    expect(matchTyped('k', codes)).toEqual({ code: 'K', wait: true });
    expect(matchTyped('ku', codes)).toEqual({ code: 'KURS', wait: false });
  });

  it('never answers a code that does not start with what was typed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-ZÆØÅ]{1,4}$/), { minLength: 1, maxLength: 10 }),
        fc.stringMatching(/^[a-zæøå]{1,3}$/),
        (codes, typed) => {
          const m = matchTyped(typed, codes);
          if (m.code !== null) expect(m.code.toUpperCase().startsWith(typed.toUpperCase())).toBe(true);
          if (!m.wait && m.code !== null) expect(codes.filter((c) => c.toUpperCase().startsWith(typed.toUpperCase())).length).toBe(1);
        },
      ),
    );
  });
});

describe('stillingsprosent typed as text', () => {
  it('reads Norwegian and English decimals and a percent sign', () => {
    expect(parsePercent('75')).toBe(0.75);
    expect(parsePercent('62,5')).toBe(0.625);
    expect(parsePercent('62.5 %')).toBe(0.625);
    expect(parsePercent('sytti')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });
});

const emp = (id: string, name: string, competence: string, consents = true): Employee => ({
  id,
  name,
  competence,
  position: 0.8,
  consentsLongShifts: consents,
});

describe('Askermodellen helpers', () => {
  it('clips a wish to the plan period', () => {
    expect(datesInRange('2026-12-30', '2027-01-02', { start: '2027-01-01', end: '2027-03-31' })).toEqual(['2027-01-01', '2027-01-02']);
    expect(datesInRange('2027-05-01', '2027-05-02', { start: '2027-01-01', end: '2027-03-31' })).toEqual([]);
  });

  it('deals weekend groups so each group gets a sykepleier first', () => {
    const staff = [
      emp('1', 'Åse', 'helsefagarbeider'),
      emp('2', 'Kari', 'sykepleier'),
      emp('3', 'Per', 'assistent'),
      emp('4', 'Anne', 'sykepleier'),
      emp('5', 'Ola', 'helsefagarbeider'),
      emp('6', 'Liv', 'helsefagarbeider'),
    ];
    const g = balancedGroups(staff, 2);
    expect(g.get('4')).toBe(0); // Anne, sykepleier
    expect(g.get('2')).toBe(1); // Kari, sykepleier
    const sizes = [0, 1].map((k) => [...g.values()].filter((x) => x === k).length);
    expect(sizes).toEqual([3, 3]);
  });

  it("lays L on Saturday and Sunday of the group's weekends only, for those who consented", () => {
    const staff = [emp('1', 'Kari', 'sykepleier'), emp('2', 'Per', 'helsefagarbeider', false)];
    const p = weekendPlacement(
      staff,
      new Map([
        ['1', 1],
        ['2', 0],
      ]),
      4,
      { start: '2027-01-04', end: '2027-02-28' },
      () => false,
    );
    // Weekends: 9/10 jan (0), 16/17 (1), 23/24 (2), 30/31 (3), 6/7 feb (4), 13/14 (5), 20/21 (6), 27/28 (7)
    expect(p.changes.map((c) => c.date)).toEqual(['2027-01-16', '2027-01-17', '2027-02-13', '2027-02-14']);
    expect(p.withoutConsent.map((e) => e.name)).toEqual(['Per']);
  });

  it('leaves cells that already hold something', () => {
    const p = weekendPlacement(
      [emp('1', 'Kari', 'sykepleier')],
      new Map([['1', 0]]),
      4,
      { start: '2027-01-04', end: '2027-01-31' },
      (_id, d) => d === '2027-01-09',
    );
    expect(p.changes.map((c) => c.date)).toEqual(['2027-01-10']);
    expect(p.skipped).toBe(1);
  });
});
