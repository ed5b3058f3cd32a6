// Holiday test vectors 2024–2031 of domain.md §4.2, checked against shared/calendar.ts.
import { describe, expect, it } from 'vitest';
import {
  MON_FRI,
  MON_SAT,
  WEEKDAY_SHORT,
  dayOf,
  easterSunday,
  fromDay,
  holidaysBetween,
  holidaysOfYear,
  isoWeekday,
} from '../../../shared/calendar';

// year, Easter, skjærtorsdag, langfredag, 2. påskedag, Kristi himmelfart, 1. pinse, 2. pinse,
// weekday of 1 May, 17 May, 1 Jan, 25 Dec, red days Mon–Fri, red days Mon–Sat
const VECTORS: [number, string, string, string, string, string, string, string, string, string, string, string, number, number][] = [
  [2024, '31.03', '28.03', '29.03', '01.04', '09.05', '19.05', '20.05', 'ons', 'fre', 'man', 'ons', 10, 10],
  [2025, '20.04', '17.04', '18.04', '21.04', '29.05', '08.06', '09.06', 'tor', 'lør', 'ons', 'tor', 9, 10],
  [2026, '05.04', '02.04', '03.04', '06.04', '14.05', '24.05', '25.05', 'fre', 'søn', 'tor', 'fre', 8, 9],
  [2027, '28.03', '25.03', '26.03', '29.03', '06.05', '16.05', '17.05', 'lør', 'man', 'fre', 'lør', 6, 8],
  [2028, '16.04', '13.04', '14.04', '17.04', '25.05', '04.06', '05.06', 'man', 'ons', 'lør', 'man', 9, 10],
  [2029, '01.04', '29.03', '30.03', '02.04', '10.05', '20.05', '21.05', 'tir', 'tor', 'man', 'tir', 10, 10],
  [2030, '21.04', '18.04', '19.04', '22.04', '30.05', '09.06', '10.06', 'ons', 'fre', 'tir', 'ons', 10, 10],
  [2031, '13.04', '10.04', '11.04', '14.04', '22.05', '01.06', '02.06', 'tor', 'lør', 'ons', 'tor', 9, 10],
];

const ddmm = (year: number, s: string) => dayOf(year, +s.slice(3, 5), +s.slice(0, 2));
const wd = (day: number) => WEEKDAY_SHORT[isoWeekday(day)];

describe('holidays 2024–2031 (domain.md §4.2)', () => {
  for (const [y, easter, skj, lang, p2, kh, pi1, pi2, may1, may17, jan1, dec25, monFri, monSat] of VECTORS) {
    it(`${y}`, () => {
      expect(easterSunday(y)).toBe(ddmm(y, easter));
      const names = new Map(holidaysOfYear(y).map((h) => [h.name, h.day]));
      expect(names.get('Skjærtorsdag')).toBe(ddmm(y, skj));
      expect(names.get('Langfredag')).toBe(ddmm(y, lang));
      expect(names.get('2. påskedag')).toBe(ddmm(y, p2));
      expect(names.get('Kristi himmelfartsdag')).toBe(ddmm(y, kh));
      expect(names.get('1. pinsedag')).toBe(ddmm(y, pi1));
      expect(names.get('2. pinsedag')).toBe(ddmm(y, pi2));
      expect(wd(dayOf(y, 5, 1))).toBe(may1);
      expect(wd(dayOf(y, 5, 17))).toBe(may17);
      expect(wd(dayOf(y, 1, 1))).toBe(jan1);
      expect(wd(dayOf(y, 12, 25))).toBe(dec25);
      const from = dayOf(y, 1, 1),
        to = dayOf(y, 12, 31);
      expect(holidaysBetween(from, to, MON_FRI).length).toBe(monFri);
      expect(holidaysBetween(from, to, MON_SAT).length).toBe(monSat);
    });
  }

  it('counts 17 May = 2. pinsedag (2027) once', () => {
    expect(fromDay(holidaysBetween(dayOf(2027, 5, 17), dayOf(2027, 5, 17))[0])).toBe('2027-05-17');
    expect(holidaysBetween(dayOf(2027, 5, 17), dayOf(2027, 5, 17)).length).toBe(1);
  });
});
