/**
 * Weekends (plan-format.md «Weekend»; domain.md §6.2). A weekend is Saturday 00:00 to Monday
 * 00:00 Europe/Oslo. An employee has worked a weekend when one of her work periods overlaps it by
 * MORE than one hour, so a Friday night shift ending Saturday 07:45 counts. A work period is a
 * shift with the timed meetings/courses touching it, or such an activity on its own
 * (`workPeriods`, work-periods.ts): a Saturday course 09:00–15:00 makes a worked weekend. The
 * contract's rule table says «work shift» (written before timed activities); the law decides:
 * a meeting or course the employer orders is working time (aml § 10-1 (1); domain.md § 6.1: M
 * «counts as working time»), and Saturday/Sunday work is paid lørdags-/søndagstillegg by the hour
 * (KS HTA § 5.2), so a weekend with such work is not a free weekend. Only weekends whose
 * Saturday and Sunday both lie in the period are considered.
 *
 * Exported functions:
 * - `periodWeekends(index): DayNumber[]` — Saturdays of the period's weekends.
 * - `weekendWindow(saturday): { start, end }` — the weekend as UTC minutes.
 * - `shiftWeekendMinutes(shift): { saturday, minutes }` — overlap of one shift with the weekend
 *   of its week.
 * - `workedWeekends(index, employeeId): DayNumber[]` — Saturdays of the worked weekends, sorted.
 * - `workedWeekendsOf(index, emp, weekends): DayNumber[]` — the same for a given weekend list
 *   (WEEKEND-FREQUENCY reads it).
 * - `weekendHours(index, employeeId): number` — hours of work (periods) inside the period's weekends.
 * - `weekendLoad(index, employeeId): number` — helgebelastning = weekend hours ÷ work hours.
 * - `longShiftCount(index, employeeId): number` — langvakter dated in the period.
 * - Weekend groups (plan-format.md «Weekend groups»), the ONE place for the numbering that the
 *   rules, the generator and the UI share: `defaultWeekendAnchor(startDay, endDay)` (first
 *   Saturday of the period whose Sunday is in the period), `weekendAnchorOf(index)` (unit.weekendAnchor
 *   or the default), `weekendNumber(day, anchor)` (the weekend containing `day`, numbered from the
 *   anchor's weekend = 0; a Monday–Friday maps to the Saturday of its ISO week, `saturdayOfWeek`),
 *   `groupOfWeekend(n, k)` and `weekendGroupOf(day, anchor, k)` (number mod k, 0 … k−1).
 *   shared/plan/weekend-groups.ts re-exports these (`weekendIndex` = `weekendNumber`).
 */

import { type DayNumber, isIsoDate, isoWeekday, mondayOf, toDay, weekendsIn } from '../calendar';
import type { TurnusPlan } from './model';
import { type EmployeeIndex, type PlanIndex, type WorkShift, employeeIndex, lowerBound, overlapMinutes, utcOf } from './plan-index';
import { workPeriods } from './work-periods';

// ---------------------------------------------------------------------------------------------
// Weekend groups

/** First Saturday in [startDay, endDay] whose Sunday is also in it (undefined: none). */
export function defaultWeekendAnchor(startDay: DayNumber, endDay: DayNumber): DayNumber | undefined {
  return weekendsIn(startDay, endDay)[0];
}

/**
 * The anchor Saturday of a plan: `unit.weekendAnchor` when it is a valid date (any date counts as
 * the Saturday of its weekend: `mondayOf(day) + 5`), else the default of the period.
 */
export function weekendAnchorOf(index: { plan: Pick<TurnusPlan, 'unit'>; startDay: DayNumber; endDay: DayNumber }): DayNumber | undefined {
  const a = index.plan.unit?.weekendAnchor;
  if (typeof a === 'string' && isIsoDate(a)) return saturdayOfWeek(toDay(a));
  return defaultWeekendAnchor(index.startDay, index.endDay);
}

/** The Saturday of the weekend a date belongs to (Monday–Sunday week). */
export function saturdayOfWeek(day: DayNumber): DayNumber {
  return mondayOf(day) + 5;
}

/** Number of the weekend whose Saturday is `saturdayOfWeek(day)`, counted from the anchor's (= 0). */
export function weekendNumber(day: DayNumber, anchor: DayNumber): number {
  return Math.round((saturdayOfWeek(day) - saturdayOfWeek(anchor)) / 7);
}

/** Group of weekend number n: n mod k in 0 … k − 1 (also for negative n). */
export function groupOfWeekend(n: number, k: number): number {
  return ((n % k) + k) % k;
}

/** Weekend group (0 … k − 1) of the weekend of `day`. */
export function weekendGroupOf(day: DayNumber, anchor: DayNumber, k: number): number {
  return groupOfWeekend(weekendNumber(day, anchor), k);
}

/** A weekend counts as worked when a shift overlaps it by more than this. */
export const WEEKEND_MIN_OVERLAP_MINUTES = 60;

const weekendsCache = new WeakMap<PlanIndex, { startDay: DayNumber; endDay: DayNumber; weekends: readonly DayNumber[] }>();

/** The period's weekends, computed once per index (read-only, shared). */
function cachedWeekends(index: PlanIndex): readonly DayNumber[] {
  const c = weekendsCache.get(index);
  if (c && c.startDay === index.startDay && c.endDay === index.endDay) return c.weekends;
  const weekends = weekendsIn(index.startDay, index.endDay);
  weekendsCache.set(index, { startDay: index.startDay, endDay: index.endDay, weekends });
  return weekends;
}

export function periodWeekends(index: PlanIndex): DayNumber[] {
  return cachedWeekends(index).slice();
}

export function weekendWindow(saturday: DayNumber): { start: number; end: number } {
  return { start: utcOf(saturday, 0), end: utcOf(saturday + 2, 0) };
}

/**
 * Overlap (minutes) of a shift with the weekend of its own ISO week. A shift lasts at most about
 * 24 h, so one that starts Monday–Thursday cannot reach Saturday: 0 without computing.
 */
export function shiftWeekendMinutes(shift: Pick<WorkShift, 'day' | 'start' | 'end'>): { saturday: DayNumber; minutes: number } {
  const saturday = mondayOf(shift.day) + 5;
  if (isoWeekday(shift.day) < 4) return { saturday, minutes: 0 };
  const w = weekendWindow(saturday);
  return { saturday, minutes: overlapMinutes(shift.start, shift.end, w.start, w.end) };
}

/** Saturdays of the period's weekends that the employee has worked. */
export function workedWeekends(index: PlanIndex, employeeId: string): DayNumber[] {
  return workedWeekendsOf(index, employeeIndex(index, employeeId), cachedWeekends(index));
}

/**
 * Saturdays of the listed weekends (sorted Saturdays) that the employee has worked: a work period
 * (a shift with its touching activities, or an activity alone) overlaps the weekend by more than
 * one hour. A context shift of the previous plan counts (plan-format.md «Rows outside the period»).
 */
export function workedWeekendsOf(index: PlanIndex, emp: EmployeeIndex, weekends: readonly DayNumber[]): DayNumber[] {
  if (weekends.length === 0) return [];
  const first = weekends[0],
    last = weekends[weekends.length - 1];
  const out: DayNumber[] = [];
  const work = workPeriods(index, emp);
  // Work that can touch the first weekend starts at the earliest on its Monday.
  for (let i = lowerBound(work, first - 5); i < work.length && work[i].day <= last + 1; i++) {
    const { saturday, minutes } = shiftWeekendMinutes(work[i]);
    if (saturday < first || saturday > last || minutes <= WEEKEND_MIN_OVERLAP_MINUTES) continue;
    if (!out.includes(saturday)) out.push(saturday);
  }
  return out.sort((a, b) => a - b);
}

/** Hours of work (shifts and timed activities) inside the period's weekends (Sat 00:00–Mon 00:00). */
export function weekendHours(index: PlanIndex, employeeId: string): number {
  const e = employeeIndex(index, employeeId);
  const weekends = cachedWeekends(index);
  if (weekends.length === 0) return 0;
  const first = weekends[0],
    last = weekends[weekends.length - 1];
  const work = workPeriods(index, e);
  let minutes = 0;
  for (let i = lowerBound(work, first - 5); i < work.length && work[i].day <= last + 1; i++) {
    const s = shiftWeekendMinutes(work[i]);
    if (s.saturday >= first && s.saturday <= last) minutes += s.minutes;
  }
  return minutes / 60;
}

/** Helgebelastning (domain.md §6.2): weekend hours ÷ elapsed hours of all work in the period. */
export function weekendLoad(index: PlanIndex, employeeId: string): number {
  const work = workPeriods(index, employeeIndex(index, employeeId));
  let total = 0;
  for (let i = lowerBound(work, index.startDay); i < work.length && work[i].day <= index.endDay; i++) {
    total += (work[i].end - work[i].start) / 60;
  }
  return total > 0 ? weekendHours(index, employeeId) / total : 0;
}

/** Number of langvakter (shift types with `long`) dated in the period. */
export function longShiftCount(index: PlanIndex, employeeId: string): number {
  const e = employeeIndex(index, employeeId);
  let n = 0;
  for (let i = lowerBound(e.shifts, index.startDay); i < e.shifts.length && e.shifts[i].day <= index.endDay; i++) {
    if (e.shifts[i].long) n++;
  }
  return n;
}
