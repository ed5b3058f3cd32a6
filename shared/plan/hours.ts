/**
 * Annual-hours arithmetic (domain.md §3, §5; plan-format.md «Planned hours», «Target hours»,
 * «Resulting position»). One place for each formula.
 *
 * Exported functions:
 * - `plannedHours(index, employeeId, fromDay?, toDay?): number` — paid hours of the employee's
 *   work shifts dated in the period (or the given sub-range) + creditedHours of its absences.
 * - `vacationDaysIn(index, employeeId): DayNumber[]` — the employee's vacation dates in the period.
 * - `nettoAt100(input: NettoInput): number` — the netto formula at 100 %:
 *   `T × d/7 − (FE + H) × T/6` (MONSAT_T_OVER_6), `T × d/7 − (FE + H) × T/5` with Monday–Friday
 *   counting (MONFRI_T_OVER_5), `T × d/7 − FE × T/6` (NONE).
 * - `fullTimeHours(index, employeeId): number` — that denominator for one employee (her
 *   weekly hours, her vacation, the plan's holidayReduction).
 * - `targetHours(index, employeeId): number` — position × fullTimeHours.
 * - `resultingPosition(index, employeeId): number` — plannedHours ÷ fullTimeHours (0 when the
 *   denominator is not positive).
 * - `holidayReductionOf(plan)`, `holidayCount(startDay, endDay, mode)`,
 *   `countedVacationDays(days, mode)` — the pieces of the formula.
 * - Weekly norms (norm.ts, re-exported): `WEEKLY_NORMS` (DAG 37.5, TURNUS_355 35.5, HELKONT_336 33.6),
 *   `tredeltWeeklyHours(sundayHoursPerWeek, nightHoursPerWeek)` = clamp(37.5 − S·10/60 −
 *   N·15/60, 33.6, 35.5), `tredeltCredit(...)`, and `tredeltFromPlan(index, employeeId)` which
 *   measures S (søn-/helgedag zone hours, aml § 10-10) and N (night hours 21–06, aml § 10-11)
 *   per week of the employee's plan, scaled to 100 %, an hour that is both counted as night;
 *   `derivedNorm(index, employeeId)` and `weeklyHoursFor(index, employeeId)` (T for the target:
 *   the derived norm when `employees[].weeklyHoursFromPlan` is set, else `weeklyHours`).
 * - Vacation (ferieloven §§ 5, 7 + KS): `vacationEntitlementDays(employee)` (25 + 5, +6 for
 *   60+), `isVirkedag(day)`, `vacationVirkedager(index, employeeId, fromDay?, toDay?)`,
 *   `vacationHoursEntitlement(employee)`, `longestVacationRunInSummer(index, employeeId, year)`
 *   and `hovedferieStatus(index, employeeId)` (18 consecutive virkedager in 1 June–30 Sept).
 */

import type { Employee, HolidayReduction, TurnusPlan } from './model';
import { weeklyHoursOf } from './model';
import { weeklyHoursFor } from './norm';
import { type DayNumber, MON_FRI, MON_SAT, dayOf, holidaysBetween, isoWeekday, ymd } from '../calendar';
import { type PlanIndex, employeeIndex, isHolidayDay, lowerBound } from './plan-index';
import { forEachWorkHours } from './work-periods';

// ---------------------------------------------------------------------------------------------
// Planned hours

/** Paid hours of work shifts dated in [fromDay, toDay] (default: the period) + credited absence hours. */
export function plannedHours(index: PlanIndex, employeeId: string, fromDay?: DayNumber, toDay?: DayNumber): number {
  const e = employeeIndex(index, employeeId);
  const from = fromDay ?? index.startDay;
  const to = toDay ?? index.endDay;
  let sum = 0;
  // Work shifts and timed meetings and courses (the part no work shift covers), work-periods.ts.
  forEachWorkHours(index, e, from, to, (_d, h) => {
    sum += h;
  });
  for (let i = lowerBound(e.absences, from); i < e.absences.length && e.absences[i].day <= to; i++) sum += e.absences[i].creditedHours;
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Target hours (netto)

export function holidayReductionOf(plan: Pick<TurnusPlan, 'rules'>): HolidayReduction {
  return plan.rules?.holidayReduction ?? 'MONSAT_T_OVER_6';
}

export interface NettoInput {
  /** Weekly hours at 100 % (T). */
  weeklyHours: number;
  startDay: DayNumber;
  endDay: DayNumber;
  /** The employee's vacation dates (any weekday; the mode decides which count). */
  vacationDays: readonly DayNumber[];
  mode: HolidayReduction;
}

const holidayCounts = new Map<string, number>();

/** Distinct holiday dates in [startDay, endDay] that the mode deducts (H). Memoised per range. */
export function holidayCount(startDay: DayNumber, endDay: DayNumber, mode: HolidayReduction): number {
  if (mode === 'NONE') return 0;
  const key = `${startDay}:${endDay}:${mode}`;
  let n = holidayCounts.get(key);
  if (n === undefined) {
    n = holidaysBetween(startDay, endDay, mode === 'MONFRI_T_OVER_5' ? MON_FRI : MON_SAT).length;
    if (holidayCounts.size > 10_000) holidayCounts.clear();
    holidayCounts.set(key, n);
  }
  return n;
}

/** Vacation dates the mode deducts (FE): Monday–Saturday (Monday–Friday for MONFRI), not holidays. */
export function countedVacationDays(days: readonly DayNumber[], mode: HolidayReduction): number {
  const weekdays = mode === 'MONFRI_T_OVER_5' ? MON_FRI : MON_SAT;
  let n = 0;
  for (const d of days) if (weekdays.has(isoWeekday(d)) && !isHolidayDay(d)) n++;
  return n;
}

/** The netto formula of plan-format.md at 100 %. */
export function nettoAt100(input: NettoInput): number {
  const { weeklyHours: T, startDay, endDay, vacationDays, mode } = input;
  const d = endDay - startDay + 1;
  const inPeriod = vacationDays.filter((x) => x >= startDay && x <= endDay);
  const dayValue = mode === 'MONFRI_T_OVER_5' ? T / 5 : T / 6;
  const fe = countedVacationDays(inPeriod, mode);
  const h = holidayCount(startDay, endDay, mode);
  return (T * d) / 7 - (fe + h) * dayValue;
}

/** The employee's vacation dates (absence kind 'vacation') inside the period. */
export function vacationDaysIn(index: PlanIndex, employeeId: string): DayNumber[] {
  const e = employeeIndex(index, employeeId);
  const out: DayNumber[] = [];
  for (const a of e.absences) {
    if (a.absence.kind === 'vacation' && a.day >= index.startDay && a.day <= index.endDay) out.push(a.day);
  }
  return out;
}

/** The denominator at 100 %: T × d/7 − (FE + H) × T/6 (per the plan's holidayReduction). */
export function fullTimeHours(index: PlanIndex, employeeId: string): number {
  employeeIndex(index, employeeId); // throws RangeError for an unknown employee
  return nettoAt100({
    weeklyHours: weeklyHoursFor(index, employeeId),
    startDay: index.startDay,
    endDay: index.endDay,
    vacationDays: vacationDaysIn(index, employeeId),
    mode: holidayReductionOf(index.plan),
  });
}

/** Target hours (netto) = position × fullTimeHours. */
export function targetHours(index: PlanIndex, employeeId: string): number {
  return employeeIndex(index, employeeId).employee.position * fullTimeHours(index, employeeId);
}

/** The position the plan actually gives the employee: plannedHours ÷ fullTimeHours. */
export function resultingPosition(index: PlanIndex, employeeId: string): number {
  const denom = fullTimeHours(index, employeeId);
  return denom > 0 ? plannedHours(index, employeeId) / denom : 0;
}

// ---------------------------------------------------------------------------------------------
// Weekly norms (KS HTA kap. 1 § 4.2, aml § 10-4): in norm.ts, re-exported here.

export {
  WEEKLY_NORMS,
  TREDELT_MIN,
  TREDELT_MAX,
  tredeltCredit,
  tredeltWeeklyHours,
  tredeltFromPlan,
  derivedNorm,
  weeklyHoursFor,
} from './norm';
export type { WeeklyNorm, TredeltResult, DerivedNorm } from './norm';

// ---------------------------------------------------------------------------------------------
// Vacation (ferieloven §§ 5, 7; KS avtalefestet ferie)

export const STATUTORY_VACATION_DAYS = 25;
export const AGREED_EXTRA_VACATION_DAYS = 5;
export const SENIOR_EXTRA_VACATION_DAYS = 6;
export const HOVEDFERIE_DAYS = 18;

/** Vacation virkedager per ferieår: 25 + 5 (KS), + 6 for 60+. */
export function vacationEntitlementDays(employee: Employee): number {
  return STATUTORY_VACATION_DAYS + AGREED_EXTRA_VACATION_DAYS + (employee.age60plus ? SENIOR_EXTRA_VACATION_DAYS : 0);
}

/** Vacation hours per ferieår: entitlement days × T/6 × p (177.5 h at 100 % of 35.5). */
export function vacationHoursEntitlement(employee: Employee): number {
  return ((vacationEntitlementDays(employee) * weeklyHoursOf(employee)) / 6) * employee.position;
}

/** Virkedag (ferieloven): every day except Sundays and statutory holidays; Saturday is one. */
export function isVirkedag(day: DayNumber): boolean {
  return isoWeekday(day) !== 6 && !isHolidayDay(day);
}

/** Vacation virkedager the employee has in [fromDay, toDay] (default: the period). */
export function vacationVirkedager(index: PlanIndex, employeeId: string, fromDay?: DayNumber, toDay?: DayNumber): number {
  const e = employeeIndex(index, employeeId);
  const from = fromDay ?? index.startDay;
  const to = toDay ?? index.endDay;
  let n = 0;
  for (const a of e.absences) if (a.absence.kind === 'vacation' && a.day >= from && a.day <= to && isVirkedag(a.day)) n++;
  return n;
}

/**
 * Longest run of consecutive virkedager with vacation inside 1 June–30 Sept of `year`.
 * Sundays and holidays neither count nor break a run; a virkedag without vacation breaks it.
 */
export function longestVacationRunInSummer(index: PlanIndex, employeeId: string, year: number): number {
  const e = employeeIndex(index, employeeId);
  const from = dayOf(year, 6, 1),
    to = dayOf(year, 9, 30);
  let best = 0,
    run = 0;
  for (let d = from; d <= to; d++) {
    if (!isVirkedag(d)) continue;
    const c = e.cells.get(d);
    if (c && c.kind === 'absence' && c.absence.kind === 'vacation') {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best;
}

export interface HovedferieStatus {
  year: number;
  /** Longest run of vacation virkedager in 1 June–30 Sept. */
  longestRun: number;
  ok: boolean;
}

/**
 * Hovedferie (ferieloven § 7) for an employee who wants it: for each year whose whole
 * 1 June–30 Sept lies inside the period, whether 18 consecutive virkedager are vacation.
 * Empty when the employee has not asked for hovedferie or no summer lies inside the period.
 */
export function hovedferieStatus(index: PlanIndex, employeeId: string): HovedferieStatus[] {
  const e = employeeIndex(index, employeeId);
  if (!e.employee.wantsHovedferie) return [];
  const out: HovedferieStatus[] = [];
  for (let y = ymd(index.startDay).year; y <= ymd(index.endDay).year; y++) {
    if (dayOf(y, 6, 1) < index.startDay || dayOf(y, 9, 30) > index.endDay) continue;
    const longestRun = longestVacationRunInSummer(index, employeeId, y);
    out.push({ year: y, longestRun, ok: longestRun >= HOVEDFERIE_DAYS });
  }
  return out;
}
