/**
 * The review screens' pure helpers: base64 for downloads and imports, the names field of the
 * drøfting form, timestamps and the § 10-3 countdown.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ToBytes, bytesToBase64, fmtSize } from '../../../renderer/src/lib/download';
import { daysUntil, fmtTimestamp, joinNames, splitNames, todayIso } from '../../../renderer/src/views/review/text';

describe('base64 for exports and imports', () => {
  it('round-trips any bytes, and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => {
        const b64 = bytesToBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString('base64'));
        expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(bytes));
      }),
      { numRuns: 200 },
    );
  });
  it('ignores line breaks in base64', () => {
    expect(new TextDecoder().decode(base64ToBytes('w6bDuMOl\r\nw4bDmMOF'))).toBe('æøåÆØÅ');
  });
  it('shows file sizes the Norwegian way', () => {
    expect(fmtSize(500)).toBe('500 byte');
    expect(fmtSize(1536)).toBe('1,5 kB');
    expect(fmtSize(3 * 1024 * 1024)).toBe('3,0 MB');
  });
});

describe('names of tillitsvalgte', () => {
  it('splits on comma, semicolon and new line and drops empty names', () => {
    expect(splitNames('Anne Berg (Fagforbundet), Per Lie (NSF);\n Eva ,, ')).toEqual(['Anne Berg (Fagforbundet)', 'Per Lie (NSF)', 'Eva']);
    expect(splitNames('   ')).toEqual([]);
  });
  it('never returns a name with a separator or outer spaces', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const n of splitNames(s)) {
          expect(n).toBe(n.trim());
          expect(n.length).toBeGreaterThan(0);
          expect(/[,;\n]/.test(n)).toBe(false);
        }
      }),
    );
  });
  it('joins names as Norwegian prose', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['Anne'])).toBe('Anne');
    expect(joinNames(['Anne', 'Per'])).toBe('Anne og Per');
    expect(joinNames(['Anne', 'Per', 'Eva'])).toBe('Anne, Per og Eva');
  });
});

describe('dates', () => {
  it('shows a stored UTC timestamp in Oslo time (TZ=Europe/Oslo), summer and winter', () => {
    expect(fmtTimestamp('2026-11-22T08:49:03.123Z')).toBe('22.11.2026 kl. 09:49');
    expect(fmtTimestamp('2027-07-01T22:30:00.000Z')).toBe('02.07.2027 kl. 00:30');
    expect(fmtTimestamp('ikke en dato')).toBe('ikke en dato');
  });
  it('counts days to the drøfting deadline across a DST change', () => {
    expect(daysUntil('2027-03-20', '2027-04-03')).toBe(14);
    expect(daysUntil('2027-01-05', '2027-01-04')).toBe(-1);
    expect(daysUntil('2026-12-31', '2026-12-31')).toBe(0);
  });
  it('today is a local yyyy-mm-dd date', () => {
    expect(todayIso(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });
});
