import { getISOWeek, getISOWeekYear, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatDateLong, formatDateNo, fromDay, isoWeek, parseUserDate, toDay } from '../../../shared/calendar';

const TODAY = new Date(2026, 11, 7);

describe('Norwegian dates for people (date-fns, nb)', () => {
  it('formats short and long dates in bokmål', () => {
    expect(formatDateNo('2026-03-12')).toBe('tor. 12.03.2026');
    expect(formatDateNo('2026-03-12', false)).toBe('12.03.2026');
    expect(formatDateLong('2027-05-17')).toBe('mandag 17. mai 2027');
    expect(formatDateLong('2027-12-24', false)).toBe('24. desember 2027');
  });

  it('reads dd.mm.åååå, d.m.åå, d.m and ISO', () => {
    expect(parseUserDate('01.02.2027', 'Fra', TODAY)).toEqual({ ok: true, date: '2027-02-01' });
    expect(parseUserDate('1.2.27', 'Fra', TODAY)).toEqual({ ok: true, date: '2027-02-01' });
    expect(parseUserDate(' 24/12 ', 'Fra', TODAY)).toEqual({ ok: true, date: '2026-12-24' });
    expect(parseUserDate('2028-02-29', 'Fra', TODAY)).toEqual({ ok: true, date: '2028-02-29' });
  });

  it('says in Norwegian, with the field label, what is wrong', () => {
    expect(parseUserDate('', 'Til og med', TODAY)).toEqual({ ok: false, message: 'Fyll inn «Til og med».' });
    expect(parseUserDate('31.2.2027', 'Til og med', TODAY)).toEqual({
      ok: false,
      message: '«Til og med»: 31.2.2027 finnes ikke i kalenderen.',
    });
    expect(parseUserDate('07/31/2027x', 'Fra', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('dd.mm.åååå') });
    expect(parseUserDate('2027-02-30', 'Fra', TODAY).ok).toBe(false);
  });

  it('property: every date formatted without weekday reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (n) => {
        const iso = addDays(fromDay(0), n);
        expect(parseUserDate(formatDateNo(iso, false), 'Dato', TODAY)).toEqual({ ok: true, date: iso });
      }),
    );
  });

  it('property: the integer ISO week of the grid agrees with date-fns on every day 1900–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay('1900-01-01'), max: toDay('2100-12-31') }), (d) => {
        const iso = fromDay(d);
        expect(isoWeek(d)).toEqual({ week: getISOWeek(parseISO(iso)), year: getISOWeekYear(parseISO(iso)) });
      }),
      { numRuns: 2000 },
    );
  });
});
