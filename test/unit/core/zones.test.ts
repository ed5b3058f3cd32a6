// Søn-/helgedag zones of aml § 10-10 (domain.md §4.3). Expected instants are written in UTC:
// Oslo is UTC+1 in winter and UTC+2 in summer.
import { describe, expect, it } from 'vitest';
import { toDay } from '../../../shared/calendar';
import { redDaysBetween, zoneMinutes, zoneOf } from '../../../shared/plan/zones';

const iso = (min: number) => new Date(min * 60000).toISOString().slice(0, 16) + 'Z';
const zone = (date: string) => {
  const z = zoneOf(toDay(date));
  return [iso(z.start), iso(z.end), z.startRule];
};

describe('søn- og helgedag zones', () => {
  it('ordinary Sunday: Saturday 18:00 → Sunday 22:00', () => {
    expect(zone('2026-01-11')).toEqual(['2026-01-10T17:00Z', '2026-01-11T21:00Z', 'sunday-18']);
    expect(zone('2026-06-14')).toEqual(['2026-06-13T16:00Z', '2026-06-14T20:00Z', 'sunday-18']);
  });
  it('Christmas: 1. juledag from 15:00 on julaften, 2. juledag from 22:00 on 1. juledag', () => {
    expect(zone('2025-12-25')).toEqual(['2025-12-24T14:00Z', '2025-12-25T21:00Z', 'aften-15']);
    expect(zone('2025-12-26')).toEqual(['2025-12-25T21:00Z', '2025-12-26T21:00Z', 'chain-22']);
  });
  it('Easter 2026: skjærtorsdag 18:00, langfredag chained, 1. påskedag from 15:00 on påskeaften', () => {
    expect(zone('2026-04-02')).toEqual(['2026-04-01T16:00Z', '2026-04-02T20:00Z', 'sunday-18']);
    expect(zone('2026-04-03')).toEqual(['2026-04-02T20:00Z', '2026-04-03T20:00Z', 'chain-22']);
    expect(zone('2026-04-05')).toEqual(['2026-04-04T13:00Z', '2026-04-05T20:00Z', 'aften-15']);
    expect(zone('2026-04-06')).toEqual(['2026-04-05T20:00Z', '2026-04-06T20:00Z', 'chain-22']);
  });
  it('1. and 17. mai start 22:00 the day before unless on a Sunday', () => {
    expect(zone('2026-05-01')).toEqual(['2026-04-30T20:00Z', '2026-05-01T20:00Z', 'mai-22']);
    expect(zone('2026-05-17')).toEqual(['2026-05-16T16:00Z', '2026-05-17T20:00Z', 'sunday-18']);
    // 2027: 17 May is also 2. pinsedag, after 1. pinsedag.
    expect(zone('2027-05-17')).toEqual(['2027-05-16T20:00Z', '2027-05-17T20:00Z', 'chain-22']);
  });
  it('1. nyttårsdag from 18:00 on nyttårsaften', () => {
    expect(zone('2026-01-01')).toEqual(['2025-12-31T17:00Z', '2026-01-01T21:00Z', 'sunday-18']);
  });
  it('a plain weekday has no zone', () => {
    expect(() => zoneOf(toDay('2026-01-07'))).toThrow();
    expect(redDaysBetween(toDay('2026-01-05'), toDay('2026-01-11'))).toEqual([toDay('2026-01-11')]);
  });
  it('measures the minutes of a shift inside the zones', () => {
    // A 15:00–22:30 on Saturday 10 Jan 2026: 18:00–22:30 is inside Sunday's zone = 270 min.
    const start = Date.UTC(2026, 0, 10, 14, 0) / 60000,
      end = Date.UTC(2026, 0, 10, 21, 30) / 60000;
    expect(zoneMinutes(start, end, [zoneOf(toDay('2026-01-11'))])).toBe(270);
  });
});
