/**
 * Time helpers of the plan index for the hot loops of the rule engine, the metrics and the solver:
 * memoised local → UTC conversion (`utcOf`), shift spans and paid hours, overlaps, night minutes
 * (aml § 10-11), and memoised day strings and holiday flags. Pure; depends on the calendar only.
 */
import type { ShiftType } from './model';
import { type DayNumber, fromDay, isHoliday, osloOffsetAtLocal, osloToUtc, shiftLocalSpan } from '../calendar';

// ---------------------------------------------------------------------------------------------
// Fast local → UTC conversion for the hot loops of the rule engine. Same result as
// `osloToUtc`: on a day whose 00:00 and next 00:00 have the same UTC offset the whole day has
// that offset (the changes happen at 02:00/03:00 on the change days), so the offset per day is
// memoised; the two change days per year fall back to `osloToUtc`.

const OFFSET_DAYS = 60_000; // day numbers 0 … 60 000 (1970–2134)
const offsetAtMidnight = new Int8Array(OFFSET_DAYS);

function midnightOffset(day: DayNumber): number {
  if (day < 0 || day >= OFFSET_DAYS) return osloOffsetAtLocal(day * 1440);
  let o = offsetAtMidnight[day];
  if (o === 0) {
    o = osloOffsetAtLocal(day * 1440);
    offsetAtMidnight[day] = o;
  }
  return o;
}

/** UTC minutes of a local Oslo date and minute of day (may exceed 1440); equals `osloToUtc`. */
export function utcOf(day: DayNumber, minuteOfDay: number): number {
  const d = day + Math.floor(minuteOfDay / 1440);
  const m = minuteOfDay - (d - day) * 1440;
  const a = midnightOffset(d);
  return a === midnightOffset(d + 1) ? d * 1440 + m - a : osloToUtc(d, m);
}

/** `shiftLocalSpan` of a shift type, cached per object (re-parsed when its times change). */
const spanCache = new WeakMap<ShiftType, { start: string; end: string; span: { start: number; end: number } }>();
export function shiftTypeSpan(type: ShiftType): { start: number; end: number } {
  const c = spanCache.get(type);
  if (c && c.start === type.start && c.end === type.end) return c.span;
  const span = shiftLocalSpan(type.start, type.end);
  spanCache.set(type, { start: type.start, end: type.end, span });
  return span;
}

/** Elapsed minutes minus the unpaid break, as hours, for a shift starting on `day`. */
export function paidHours(shiftType: ShiftType, day: DayNumber): number {
  const span = shiftTypeSpan(shiftType);
  const start = utcOf(day, span.start);
  const end = utcOf(day, span.end);
  return (end - start - (shiftType.unpaidBreakMinutes ?? 0)) / 60;
}

/** Overlap in minutes of two half-open intervals. */
export function overlapMinutes(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const o = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  return Math.max(o, 0);
}

/**
 * The statutory daily rest, hours (aml § 10-8 (1)): the limit an agreement may lower
 * (shared/rules/agreements.ts) and the rest that excuses a person from a meeting for all
 * (activities.ts). Defined here, the plan layer's lowest module, so activities.ts can read it
 * without an import circle; norm.ts re-exports it.
 */
export const STATUTORY_DAILY_REST = 11;

/** Minutes of the UTC interval [start, end) inside 21:00–06:00 Europe/Oslo (aml § 10-11 (1)). */
export function nightMinutes(start: number, end: number): number {
  // Local day numbers that can hold a night window touching the interval.
  const firstDay = Math.floor(start / 1440) - 1;
  const lastDay = Math.floor(end / 1440) + 1;
  let total = 0;
  for (let d = firstDay; d <= lastDay; d++) {
    total += overlapMinutes(start, end, utcOf(d, 21 * 60), utcOf(d + 1, 6 * 60));
  }
  return total;
}

const dayStrings: (string | undefined)[] = new Array(OFFSET_DAYS);
/** 0 = not computed, 1 = holiday, 2 = not a holiday. */
const holidayFlags = new Int8Array(OFFSET_DAYS);

/** `isHoliday` (calendar.ts), memoised per day for the hot loops. */
export function isHolidayDay(day: DayNumber): boolean {
  if (!(day >= 0 && day < OFFSET_DAYS && Number.isInteger(day))) return isHoliday(day);
  let f = holidayFlags[day];
  if (f === 0) {
    f = isHoliday(day) ? 1 : 2;
    holidayFlags[day] = f;
  }
  return f === 1;
}

/** `fromDay`, memoised for the hot loops ('yyyy-MM-dd'). */
export function dayString(day: DayNumber): string {
  if (!(day >= 0 && day < OFFSET_DAYS)) return fromDay(day);
  let s = dayStrings[day];
  if (s === undefined) {
    s = fromDay(day);
    dayStrings[day] = s;
  }
  return s;
}
