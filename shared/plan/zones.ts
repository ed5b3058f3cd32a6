/**
 * Søn- og helgedag windows of aml § 10-10 (1) (plan-format.md «Red-day windows», domain.md
 * §4.3): THE one place that says when work counts as søn- og helgedagsarbeid. AML-SUNDAY,
 * AML-SUNDAY-4W, the red-day counts of the report (shared/metrics/red-days.ts) and the tredelt
 * norm all read it.
 *
 * One window per red day (every Sunday and every statutory holiday); it ends at 22:00 on the
 * red day itself and starts (first match wins):
 * - 22:00 the day before when the day before is itself a red day (a chain of red days is one
 *   continuous window, split at 22:00 of each day);
 * - 15:00 the day before when that is julaften, påskeaften or pinseaften;
 * - 22:00 the day before for 1. and 17. mai on Monday–Saturday when the day is no other holiday
 *   and the day before is not a Saturday (Lov 26.04.1947 nr. 1 § 2);
 * - otherwise 18:00 the day before.
 *
 * Exported functions:
 * - `zoneOf(day): Zone` — the window (aml § 10-10 (1)) of one red day (throws for a
 *   non-red day); memoised, read-only.
 * - `windowLabel(zone): string` — «lørdag 18:00 – søndag 22:00» for rule messages.
 * - `workedRedDay(cells, day, onlyFrom?, onlyTo?)` — does a work shift overlap the window
 *   (by any amount)? Shifts only (the solver's grid reads it).
 * - `redDayWorkOf(index, emp, onlyFrom?, onlyTo?): (day) => boolean` — the same for the
 *   employee's WORK as the law counts it (`workPeriods`: shifts and timed meetings/courses): THE
 *   test the rules and counts use. A meeting Sunday 12:00–15:00 is Sunday work; a course on 17. mai is red-day
 *   work. Timed activities are read only inside the period, so they are always the plan's own.
 * - `intervalsWorkRedDay(spans, day)` — does one of the intervals (activities) overlap the window?
 * - `redDaysBetween(fromDay, toDay): DayNumber[]` — Sundays and holidays, ordered.
 * - `zoneMinutes(start, end, zones): number` — minutes of a UTC interval inside the zones.
 */

import { type DayNumber, WEEKDAY_LONG, easterSunday, holidaysOn, isRedDay, isoWeekday, ymd } from '../calendar';
import { type Cell, type EmployeeIndex, type PlanIndex, overlapMinutes, utcOf } from './plan-index';
import { activitySpans } from './activities';

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

function computeZone(day: DayNumber): Zone {
  const end = utcOf(day, 22 * 60);
  if (isRedDay(day - 1)) return { day, start: utcOf(day - 1, 22 * 60), end, startRule: 'chain-22' };
  if (isAften15(day - 1)) return { day, start: utcOf(day - 1, 15 * 60), end, startRule: 'aften-15' };
  const hs = holidaysOn(day);
  const mai = hs.length > 0 && hs.every((h) => h.kind === 'hoytidsdag');
  if (mai && isoWeekday(day) !== 6 && isoWeekday(day - 1) !== 5) return { day, start: utcOf(day - 1, 22 * 60), end, startRule: 'mai-22' };
  return { day, start: utcOf(day - 1, 18 * 60), end, startRule: 'sunday-18' };
}

const zoneCache = new Map<DayNumber, Zone>();

/** The protected window of a red day (memoised; read-only). Throws for a day that is not red. */
export function zoneOf(day: DayNumber): Zone {
  let z = zoneCache.get(day);
  if (z) return z;
  if (!isRedDay(day)) throw new RangeError('Dagen er verken søndag eller helligdag');
  z = Object.freeze(computeZone(day));
  if (zoneCache.size > 20_000) zoneCache.clear();
  zoneCache.set(day, z);
  return z;
}

/** «lørdag 18:00 – søndag 22:00» (the window in words, for rule messages). */
export function windowLabel(z: Zone): string {
  const from = z.startRule === 'aften-15' ? '15:00' : z.startRule === 'sunday-18' ? '18:00' : '22:00';
  return `${WEEKDAY_LONG[isoWeekday(z.day - 1)]} ${from} – ${WEEKDAY_LONG[isoWeekday(z.day)]} 22:00`;
}

/**
 * Does one of the employee's work cells overlap the window of red day `day` (any amount)? Only
 * shifts dated in [onlyFrom, onlyTo] count when given (the plan's own period). A shift can reach
 * the window when it is dated on the red day or up to two days before.
 */
export function workedRedDay(cells: ReadonlyMap<DayNumber, Cell>, day: DayNumber, onlyFrom = -Infinity, onlyTo = Infinity): boolean {
  const z = zoneOf(day);
  for (let d = day - 2; d <= day; d++) {
    if (d < onlyFrom || d > onlyTo) continue;
    const c = cells.get(d);
    if (c && c.kind === 'work' && c.start < z.end && c.end > z.start) return true;
  }
  return false;
}

/**
 * Which red days does the employee's work as the law counts it (`workPeriods`: shifts and timed
 * meetings/courses) overlap, by any amount? Returns a test for one red day. A work period is the
 * union of a shift and the activities touching it, so it overlaps a window exactly when its shift
 * or one of its activities does: the test reads the shifts through the cells (as `workedRedDay`)
 * and the activities from the same spans `workPeriods` merges (computed once per call). With
 * [onlyFrom, onlyTo] only the plan's own work counts: a shift dated in it, or an activity
 * (activities are read inside the period only, so always the plan's own). Without activities this
 * is exactly `workedRedDay` on the cells.
 */
export function redDayWorkOf(index: PlanIndex, emp: EmployeeIndex, onlyFrom = -Infinity, onlyTo = Infinity): (day: DayNumber) => boolean {
  const byShift = (day: DayNumber) => workedRedDay(emp.cells, day, onlyFrom, onlyTo);
  if (!index.plan.activities?.length) return byShift;
  const spans = activitySpans(index, emp.employee.id);
  if (spans.length === 0) return byShift;
  return (day) => byShift(day) || intervalsWorkRedDay(spans, day);
}

/**
 * Does one of the intervals (UTC minutes: timed activities) overlap the window of red day `day`
 * (any amount)? The activity half of `redDayWorkOf`, also read by the solver's terms.
 */
export function intervalsWorkRedDay(spans: readonly { start: number; end: number }[], day: DayNumber): boolean {
  const z = zoneOf(day);
  return spans.some((x) => x.start < z.end && x.end > z.start);
}

const redDayLists = new Map<string, readonly DayNumber[]>();

/** Sundays and holidays in [fromDay, toDay], ordered (a fresh array; memoised per range). */
export function redDaysBetween(fromDay: DayNumber, toDay: DayNumber): DayNumber[] {
  const key = `${fromDay}:${toDay}`;
  let list = redDayLists.get(key);
  if (!list) {
    const out: DayNumber[] = [];
    for (let d = fromDay; d <= toDay; d++) if (isRedDay(d)) out.push(d);
    if (redDayLists.size > 1000) redDayLists.clear();
    redDayLists.set(key, out);
    list = out;
  }
  return list.slice();
}

/** Minutes of [start, end) inside any of the (non-overlapping) zones. */
export function zoneMinutes(start: number, end: number, zones: readonly Zone[]): number {
  let m = 0;
  for (const z of zones) m += overlapMinutes(start, end, z.start, z.end);
  return m;
}
