/**
 * The weekly norm (T, hours per week at 100 %) and the aml § 10-4 limit, derived from the
 * employee's own plan (KS HTA kap. 1 § 4.2; aml § 10-4 (4)–(6); domain.md §§ 2.2, 3.1, 3.2).
 *
 * Exported:
 * - `WEEKLY_NORMS`, `TREDELT_MIN`, `TREDELT_MAX`, `tredeltCredit`, `tredeltWeeklyHours`,
 *   `tredeltFromPlan` (moved here from hours.ts, which re-exports them).
 * - `derivedNorm(index, employeeId): DerivedNorm` — which norm the plan qualifies the employee
 *   for, and why (first match wins):
 *   1. HELKONT_336 (33.6 h, § 4.2.3; aml § 10-4 (5)): ≥ 539 night hours (21–06) and ≥ 231 hours
 *      on søn-/helgedager per year, pro rata for the period and scaled to 100 %;
 *   2. TREDELT (§ 4.2.4; aml § 10-4 (6)): works at least every 3rd søn-/helgedag (worked × 3 ≥
 *      red days, moving holidays counted as Sundays [INFERENS: on average]), has day, evening
 *      and night shifts, and at least 1/4 of the hours on day and evening: T = clamp(37.5 −
 *      S·10/60 − N·15/60, 33.6, 35.5);
 *   3. TURNUS_355 (35.5 h, § 4.2.2; aml § 10-4 (4)): mainly night (≥ 3/4 of the hours at night,
 *      (4) d), or at least every 3rd søn-/helgedag ((4) c), or regular søn-/helgedag work in a
 *      two-shift turnus, read as at least every 4th red day worked ((4) b [INFERENS], so
 *      Askermodellen's every 4th weekend keeps 35.5);
 *   4. DAG (37.5 h, § 4.2.1; aml § 10-4 (1)).
 *   `lawWeeklyHours` is the § 10-4 limit of that arrangement: 36 (helkontinuerlig), 38 ((4),
 *   incl. tredelt), 40.
 * - `weeklyHoursFor(index, employeeId)` — T used by target hours and the resulting position:
 *   the derived norm when `employees[].weeklyHoursFromPlan` is true («fra planen», optional,
 *   default off), else `employees[].weeklyHours` (default 35.5).
 * - `FULL_TIME_DAYS_PER_WEEK` (5) and `fullTimeDayHours(index, employeeId)` — the full-time day:
 *   the ordinary daily working time of a full-time employee under the same norm, T / 5 (7.5 h at
 *   37.5, 7.1 h at 35.5, 6.72 h at 33.6), the one place it is derived (OVERTIME-DAY, averaging.ts).
 * - `STATUTORY_DAILY_REST` (11 h, aml § 10-8 (1); defined in time.ts, re-exported here).
 */

import { weeklyHoursOf } from './model';
export { STATUTORY_DAILY_REST } from './time';
import { type PlanIndex, type WorkShift, employeeIndex, isHolidayDay, lowerBound, nightMinutes, shiftTypeSpan } from './plan-index';
import { isoWeekday } from '../calendar';
import { redDaysBetween, redDayWorkOf, zoneOf } from './zones';

export const WEEKLY_NORMS = { DAG: 37.5, TURNUS_355: 35.5, HELKONT_336: 33.6 } as const;
export type WeeklyNorm = keyof typeof WEEKLY_NORMS;
export const TREDELT_MIN = 33.6;
export const TREDELT_MAX = 35.5;

/** Credit hours per week of the tredelt rule: S × 10/60 + N × 15/60. */
export function tredeltCredit(sundayHoursPerWeek: number, nightHoursPerWeek: number): number {
  return (sundayHoursPerWeek * 10) / 60 + (nightHoursPerWeek * 15) / 60;
}

/**
 * Weekly hours at 100 % for tredelt turnus (domain.md §3.2): 37.5 reduced by 10 min per
 * søn-/helgedag hour and 15 min per night hour, clamped to 33.6–35.5. An hour that is both night
 * and søn-/helgedag should be passed as night only.
 */
export function tredeltWeeklyHours(sundayHoursPerWeek: number, nightHoursPerWeek: number): number {
  const t = WEEKLY_NORMS.DAG - tredeltCredit(sundayHoursPerWeek, nightHoursPerWeek);
  return Math.min(TREDELT_MAX, Math.max(TREDELT_MIN, t));
}

export interface TredeltResult {
  /** Søn-/helgedag hours per week at 100 % (night hours excluded). */
  sundayHoursPerWeek: number;
  /** Night hours (21–06) per week at 100 %. */
  nightHoursPerWeek: number;
  credit: number;
  weeklyHours: number;
}

/** Night and søn-/helgedag minutes of the employee's shifts in the period (one pass). */
interface PlanMinutes {
  paid: number;
  night: number;
  zoneOnly: number;
  sundayFrom22: number;
  hasDay: boolean;
  hasEvening: boolean;
  hasNight: boolean;
}

/**
 * Per-shift minutes, cached per cell object: the index shares one read-only cell per (code, day)
 * between employees, so each is computed once per index.
 */
const minutesCache = new WeakMap<WorkShift, { night: number; zoneOnly: number; sundayFrom22: number }>();

function shiftMinutes(s: WorkShift): { night: number; zoneOnly: number; sundayFrom22: number } {
  let c = minutesCache.get(s);
  if (c) return c;
  c = { night: nightMinutes(s.start, s.end), zoneOnly: 0, sundayFrom22: 0 };
  for (let d = s.day; d <= s.day + 2; d++) {
    if (!(isoWeekday(d) === 6 || isHolidayDay(d))) continue;
    const z = zoneOf(d);
    const a = Math.max(s.start, z.start),
      b = Math.min(s.end, z.end);
    if (b > a) c.zoneOnly += b - a - nightMinutes(a, b);
    // The helkontinuerlig test counts the Sunday from Saturday 22:00 (domain.md §2.2).
    const a2 = Math.max(s.start, z.end - 24 * 60);
    if (b > a2) c.sundayFrom22 += b - a2;
  }
  minutesCache.set(s, c);
  return c;
}

function planMinutes(index: PlanIndex, employeeId: string): PlanMinutes {
  const e = employeeIndex(index, employeeId);
  const r: PlanMinutes = { paid: 0, night: 0, zoneOnly: 0, sundayFrom22: 0, hasDay: false, hasEvening: false, hasNight: false };
  for (let i = lowerBound(e.shifts, index.startDay); i < e.shifts.length && e.shifts[i].day <= index.endDay; i++) {
    const s = e.shifts[i];
    r.paid += s.paidHours;
    const c = shiftMinutes(s);
    const nm = c.night;
    r.night += nm;
    r.zoneOnly += c.zoneOnly;
    r.sundayFrom22 += c.sundayFrom22;
    const startMin = shiftTypeSpan(s.type).start;
    if (nm > NIGHT_SHIFT_MINUTES) r.hasNight = true;
    else if (startMin >= 12 * 60) r.hasEvening = true;
    else r.hasDay = true;
  }
  return r;
}

function tredeltOf(index: PlanIndex, employeeId: string, m: PlanMinutes): TredeltResult {
  const e = employeeIndex(index, employeeId);
  const weeks = index.days / 7;
  const scale = e.employee.position > 0 ? 1 / e.employee.position : 0;
  const S = (m.zoneOnly / 60 / weeks) * scale;
  const N = (m.night / 60 / weeks) * scale;
  return { sundayHoursPerWeek: S, nightHoursPerWeek: N, credit: tredeltCredit(S, N), weeklyHours: tredeltWeeklyHours(S, N) };
}

/** S and N of the employee's plan (per week of the period, scaled to 100 %) and the resulting T. */
export function tredeltFromPlan(index: PlanIndex, employeeId: string): TredeltResult {
  return tredeltOf(index, employeeId, planMinutes(index, employeeId));
}

// ---------------------------------------------------------------------------------------------
// The norm derived from the plan

export type NormKind = WeeklyNorm | 'TREDELT';

export interface DerivedNorm {
  kind: NormKind;
  /** T at 100 % (hours per week). */
  weeklyHours: number;
  /** aml § 10-4 limit of the arrangement: 40, 38 or 36 h per week. */
  lawWeeklyHours: number;
  /** Norwegian: which condition qualifies it (shown beside the target hours). */
  condition: string;
  tredelt: TredeltResult;
  redDays: number;
  redDaysWorked: number;
  /** Night hours ÷ paid hours. */
  nightShare: number;
  /** Night and søn-/helgedag hours per year at 100 % (pro rata). */
  nightHoursPerYear: number;
  sundayHoursPerYear: number;
  hasDay: boolean;
  hasEvening: boolean;
  hasNight: boolean;
  /** Hours outside 21–06 ÷ paid hours. */
  dayEveningShare: number;
}

export const HELKONT_NIGHT_HOURS = 539;
export const HELKONT_SUNDAY_HOURS = 231;
const NIGHT_SHIFT_MINUTES = 180;

function fmt(x: number): string {
  return (Math.round(x * 10) / 10).toString().replace('.', ',');
}

export function derivedNorm(index: PlanIndex, employeeId: string): DerivedNorm {
  const e = employeeIndex(index, employeeId);
  const red = redDaysBetween(index.startDay, index.endDay);
  let redWorked = 0;
  const works = redDayWorkOf(index, e, index.startDay, index.endDay);
  for (const d of red) if (works(d)) redWorked++;
  const m = planMinutes(index, employeeId);
  const paid = m.paid,
    night = m.night / 60,
    sunday = m.sundayFrom22 / 60;
  const { hasDay, hasEvening, hasNight } = m;
  const tredelt = tredeltOf(index, employeeId, m);
  const scale = e.employee.position > 0 ? 1 / e.employee.position : 0;
  const perYear = (365 / index.days) * scale;
  const nightYear = night * perYear,
    sundayYear = sunday * perYear;
  const nightShare = paid > 0 ? night / paid : 0;
  const dayEveningShare = paid > 0 ? 1 - nightShare : 0;
  const every3rd = red.length > 0 && redWorked * 3 >= red.length;
  const every4th = red.length > 0 && redWorked * 4 >= red.length;
  const base = {
    tredelt,
    redDays: red.length,
    redDaysWorked: redWorked,
    nightShare,
    nightHoursPerYear: nightYear,
    sundayHoursPerYear: sundayYear,
    hasDay,
    hasEvening,
    hasNight,
    dayEveningShare,
  };
  if (paid > 0 && nightYear >= HELKONT_NIGHT_HOURS && sundayYear >= HELKONT_SUNDAY_HOURS) {
    return {
      ...base,
      kind: 'HELKONT_336',
      weeklyHours: WEEKLY_NORMS.HELKONT_336,
      lawWeeklyHours: 36,
      condition: `helkontinuerlig-lignende turnus: ${fmt(nightYear)} nattetimer og ${fmt(sundayYear)} søn-/helgedagstimer per år ved 100 % (krav 539 og 231, HTA § 4.2.3, aml § 10-4 (5))`,
    };
  }
  if (every3rd && hasDay && hasEvening && hasNight && dayEveningShare >= 0.25) {
    return {
      ...base,
      kind: 'TREDELT',
      weeklyHours: tredelt.weeklyHours,
      lawWeeklyHours: 38,
      condition: `tredelt turnus med arbeid ${redWorked} av ${red.length} søn-/helgedager (minst hver 3.): 37,5 − ${fmt(tredelt.sundayHoursPerWeek)} × 10/60 − ${fmt(tredelt.nightHoursPerWeek)} × 15/60 = ${fmt(37.5 - tredelt.credit)}, innenfor 33,6–35,5 (HTA § 4.2.4, aml § 10-4 (6))`,
    };
  }
  if (paid > 0 && nightShare >= 0.75) {
    return {
      ...base,
      kind: 'TURNUS_355',
      weeklyHours: WEEKLY_NORMS.TURNUS_355,
      lawWeeklyHours: 38,
      condition: `hovedsakelig nattarbeid: ${fmt(nightShare * 100)} % av timene om natten (HTA § 4.2.2, aml § 10-4 (4) d)`,
    };
  }
  if (every3rd) {
    return {
      ...base,
      kind: 'TURNUS_355',
      weeklyHours: WEEKLY_NORMS.TURNUS_355,
      lawWeeklyHours: 38,
      condition: `arbeid minst hver 3. søn-/helgedag: ${redWorked} av ${red.length} (HTA § 4.2.2, aml § 10-4 (4) c)`,
    };
  }
  if (every4th) {
    return {
      ...base,
      kind: 'TURNUS_355',
      weeklyHours: WEEKLY_NORMS.TURNUS_355,
      lawWeeklyHours: 38,
      condition: `turnus med jevnlig søn-/helgedagsarbeid: ${redWorked} av ${red.length}, minst hver 4. (HTA § 4.2.2, aml § 10-4 (4) b)`,
    };
  }
  return {
    ...base,
    kind: 'DAG',
    weeklyHours: WEEKLY_NORMS.DAG,
    lawWeeklyHours: 40,
    condition: `dagarbeid: ${redWorked} av ${red.length} søn-/helgedager arbeidet, ingen vilkår for kortere arbeidstid (HTA § 4.2.1, aml § 10-4 (1))`,
  };
}

/** T for target hours and resulting position: from the plan when the employee's norm is «fra planen». */
export function weeklyHoursFor(index: PlanIndex, employeeId: string): number {
  const e = employeeIndex(index, employeeId).employee;
  return e.weeklyHoursFromPlan === true ? derivedNorm(index, employeeId).weeklyHours : weeklyHoursOf(e);
}

/** Working days of a full-time week: the weekly norm spread over Monday–Friday (KS HTA kap. 1 § 4). */
export const FULL_TIME_DAYS_PER_WEEK = 5;

/** The full-time day (h): the employee's weekly norm at 100 % divided by 5. */
export function fullTimeDayHours(index: PlanIndex, employeeId: string): number {
  return weeklyHoursFor(index, employeeId) / FULL_TIME_DAYS_PER_WEEK;
}
