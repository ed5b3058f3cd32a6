/**
 * Søn- og helgedag zones of aml § 10-10 (1) (domain.md §4.3) and the plain red-day list used by
 * the contract rule AML-SUNDAY.
 *
 * One zone per red day (every Sunday and every statutory holiday):
 * - ordinary Sunday / helgedag: 18:00 the day before → 22:00 on the day;
 * - 1. juledag, 1. påskedag, 1. pinsedag: from 15:00 on julaften / påskeaften / pinseaften;
 * - 1. and 17. mai (høytidsdager, when not on a Sunday): from 22:00 the day before
 *   (Lov 26.04.1947 nr. 1 § 2);
 * - a red day that follows another red day starts at 22:00 on that day, so a chain of red
 *   days becomes separate zones that touch at 22:00 (the [INFERENS] reading of §4.3).
 *
 * Exported functions:
 * - `zoneOf(day): Zone` — the zone of one red day (throws for a non-red day).
 * - `zonesBetween(fromDay, toDay): Zone[]` — zones of the red days in [fromDay, toDay].
 * - `redDaysBetween(fromDay, toDay): DayNumber[]` — Sundays and holidays, ordered.
 * - `zoneMinutes(start, end, zones): number` — minutes of a UTC interval inside the zones.
 * - `dayWindow(day): { start, end }` — local 00:00–24:00 of a date in UTC minutes.
 */

import { type DayNumber, easterSunday, holidaysOn, isRedDay, isoWeekday, ymd } from '../calendar';
import { overlapMinutes, utcOf } from './plan-index';

export interface Zone {
  /** The red day the zone belongs to. */
  day: DayNumber;
  /** UTC minutes. */
  start: number;
  end: number;
  /** Why the zone starts when it does (for messages and docs). */
  startRule: 'sunday-18' | 'aften-15' | 'mai-22' | 'chain-22';
}

/** Julaften, påskeaften and pinseaften: the zone of the next day starts at 15:00. */
function isAften15(day: DayNumber): boolean {
  const { year, month, day: dd } = ymd(day);
  if (month === 12 && dd === 24) return true;
  const e = easterSunday(year);
  return day === e - 1 || day === e + 48;
}

export function zoneOf(day: DayNumber): Zone {
  if (!isRedDay(day)) throw new RangeError('Dagen er verken søndag eller helligdag');
  const end = utcOf(day, 22 * 60);
  if (isRedDay(day - 1)) return { day, start: utcOf(day - 1, 22 * 60), end, startRule: 'chain-22' };
  if (isAften15(day - 1)) return { day, start: utcOf(day - 1, 15 * 60), end, startRule: 'aften-15' };
  const hoytid = holidaysOn(day).some((h) => h.kind === 'hoytidsdag');
  if (hoytid && isoWeekday(day) !== 6) return { day, start: utcOf(day - 1, 22 * 60), end, startRule: 'mai-22' };
  return { day, start: utcOf(day - 1, 18 * 60), end, startRule: 'sunday-18' };
}

/** Sundays and holidays in [fromDay, toDay], ordered. */
export function redDaysBetween(fromDay: DayNumber, toDay: DayNumber): DayNumber[] {
  const out: DayNumber[] = [];
  for (let d = fromDay; d <= toDay; d++) if (isRedDay(d)) out.push(d);
  return out;
}

export function zonesBetween(fromDay: DayNumber, toDay: DayNumber): Zone[] {
  return redDaysBetween(fromDay, toDay).map(zoneOf);
}

/** Minutes of [start, end) inside any of the (non-overlapping) zones. */
export function zoneMinutes(start: number, end: number, zones: readonly Zone[]): number {
  let m = 0;
  for (const z of zones) m += overlapMinutes(start, end, z.start, z.end);
  return m;
}

/** Local 00:00–24:00 of a date, in UTC minutes. */
export function dayWindow(day: DayNumber): { start: number; end: number } {
  return { start: utcOf(day, 0), end: utcOf(day + 1, 0) };
}
