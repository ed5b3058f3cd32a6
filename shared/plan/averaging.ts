/**
 * Gjennomsnittsberegning (aml § 10-5; KS HTA kap. 1 § 4; domain.md §2.3 item 5): the employee's
 * average weekly hours over the plan and over the agreement's averaging period, against the
 * § 10-4 limit of her arrangement (40/38/36 h, norm.ts) and against the tariff norm × position
 * (T × p), with the weeks above and below and the balance; and the hours the plan puts beyond
 * full time (overtime, aml § 10-6; KS HTA kap. 1 § 6) or beyond the contract within full time
 * (merarbeid).
 *
 * Overtime by the day (KS HTA kap. 1 § 6: for a part-timer, work beyond full time per day or per
 * week is overtime; aml § 10-6; domain.md § 3.6): for an employee with position < 1, the hours of
 * a date beyond the full-time day are overtime, where the full-time day is the larger of T / 5
 * (`fullTimeDayHours`, norm.ts) and the paid hours of the date's own work shift: a shift of the
 * arbeidsplan is the ordinary day a full-timer in the same turnus works (a langvakt under the
 * unit's § 10-5 agreement included), so only work added to it (a meeting or course after the
 * shift, work-periods.ts) or a day of activities beyond T / 5 makes overtime. These hours are
 * listed per date (`overtimeDays`) and are not counted again in the block: a block's overtime
 * and merarbeid are computed from its ordinary hours (hours − the block's day overtime).
 *
 * Only work (shifts and timed activities, work-periods.ts) dated inside the period counts (plan-format.md «Rows outside the period").
 * Weeks are calendar weeks (Monday–Sunday); a first or last week only partly inside the period
 * is weighed by its days in the period (days/7), so the period's weeks sum to days/7.
 *
 * The averaging period is `rules.averagingWeeks` (optional, 1–52 weeks, the length the unit's
 * agreement allows under § 10-5 (1)/(2)); without it the whole plan is one block. Blocks start
 * on the period's first day and are `averagingWeeks` long; the last may be shorter.
 *
 * Exported: `averagingWeeksOf(plan)`, `averaging(index, employeeId): AveragingResult`.
 */

import { mondayOf } from '../calendar';
import type { TurnusPlan } from './model';
import { weeklyHoursOf } from './model';
import { type PlanIndex, dayString, employeeIndex, lowerBound } from './plan-index';
import { derivedNorm, fullTimeDayHours, weeklyHoursFor } from './norm';
import { forEachWorkHours, workPeriods } from './work-periods';

export interface AveragingBlock {
  /** First and last date ('yyyy-MM-dd') of the block. */
  start: string;
  end: string;
  /** Length in weeks (days / 7). */
  weeks: number;
  hours: number;
  avgWeekly: number;
  /** Average above the § 10-4 limit: the plan cannot balance within this averaging period. */
  overLaw: boolean;
  /** Ordinary hours (hours − dayOvertimeHours) beyond full time (T × weeks): overtime if worked. */
  overtimeHours: number;
  /** Hours beyond the full-time day on the block's dates (part-timers only). */
  dayOvertimeHours: number;
  /** Hours beyond the contract (T × p × weeks) but within full time: merarbeid. */
  extraHours: number;
}

export interface AveragingResult {
  /** Weeks in the period (days / 7). */
  weeks: number;
  hours: number;
  avgWeekly: number;
  /** aml § 10-4 limit of the arrangement (h/week). */
  lawNorm: number;
  /** T at 100 % (the contract's, or the plan's when «fra planen»). */
  weeklyHours: number;
  /** T × position (h/week). */
  tariffNorm: number;
  /** Calendar weeks (whole or partial) above and below the tariff norm (pro rata for partial weeks). */
  weeksAbove: number;
  weeksBelow: number;
  /** hours − tariffNorm × weeks. */
  balance: number;
  averagingWeeks: number | null;
  blocks: AveragingBlock[];
  /** Overtime in all: beyond full time over the blocks + beyond the full-time day. */
  overtimeHours: number;
  /** Of which beyond the full-time day (part-timers only), with the dates. */
  dayOvertimeHours: number;
  overtimeDays: OvertimeDay[];
  /** The full-time day (h): T / 5. */
  fullTimeDay: number;
  extraHours: number;
}

/** A date on which a part-timer is planned beyond the full-time day. */
export interface OvertimeDay {
  date: string;
  /** Paid hours of the work periods dated that day (a shift with the meetings and courses it touches). */
  hours: number;
  /** The full-time day that date: max(T / 5, the date's own shift). */
  limit: number;
  overtimeHours: number;
}

export function averagingWeeksOf(plan: Pick<TurnusPlan, 'rules'>): number | null {
  const v = plan.rules?.averagingWeeks;
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.min(52, Math.floor(v)) : null;
}

export function averaging(index: PlanIndex, employeeId: string): AveragingResult {
  const e = employeeIndex(index, employeeId);
  const { startDay, endDay } = index;
  const days = endDay - startDay + 1;
  // Paid hours per day of the period.
  const perDay = new Float64Array(Math.max(0, days));
  forEachWorkHours(index, e, startDay, endDay, (d, h) => {
    perDay[d - startDay] += h;
  });
  const fullTimeDay = fullTimeDayHours(index, employeeId);
  // Overtime by the day (part-timers): the work of each work day (the work periods dated on it, so
  // a meeting right after a night shift belongs to the night's day) beyond max(T / 5, its shift).
  const dayOver = new Float64Array(Math.max(0, days));
  const overtimeDays: OvertimeDay[] = [];
  if (e.employee.position < 1) {
    const dayWork = new Float64Array(Math.max(0, days));
    const shiftPaid = new Float64Array(Math.max(0, days));
    for (const w of workPeriods(index, e)) if (w.day >= startDay && w.day <= endDay) dayWork[w.day - startDay] += w.paidHours;
    for (let i = lowerBound(e.shifts, startDay); i < e.shifts.length && e.shifts[i].day <= endDay; i++)
      shiftPaid[e.shifts[i].day - startDay] = Math.max(shiftPaid[e.shifts[i].day - startDay], e.shifts[i].paidHours);
    for (let i = 0; i < days; i++) {
      const limit = Math.max(fullTimeDay, shiftPaid[i]);
      if (dayWork[i] > limit + 0.005) {
        dayOver[i] = dayWork[i] - limit;
        overtimeDays.push({ date: dayString(startDay + i), hours: dayWork[i], limit, overtimeHours: dayOver[i] });
      }
    }
  }
  let hours = 0;
  for (const h of perDay) hours += h;
  const T = weeklyHoursFor(index, employeeId);
  const p = e.employee.position;
  const tariffNorm = T * p;
  const lawNorm =
    e.employee.weeklyHoursFromPlan === true ? derivedNorm(index, employeeId).lawWeeklyHours : lawNormOfContract(weeklyHoursOf(e.employee));
  let weeksAbove = 0,
    weeksBelow = 0;
  for (let m = mondayOf(startDay); m <= endDay; m += 7) {
    const a = Math.max(m, startDay),
      b = Math.min(m + 6, endDay);
    let h = 0;
    for (let d = a; d <= b; d++) h += perDay[d - startDay];
    const w = (b - a + 1) / 7;
    if (h > tariffNorm * w + 1e-9) weeksAbove += w;
    else if (h < tariffNorm * w - 1e-9) weeksBelow += w;
  }
  const aw = averagingWeeksOf(index.plan);
  const span = aw === null ? days : aw * 7;
  const blocks: AveragingBlock[] = [];
  for (let s = startDay; s <= endDay; s += span) {
    const t = Math.min(endDay, s + span - 1);
    let h = 0,
      dayOt = 0;
    for (let d = s; d <= t; d++) {
      h += perDay[d - startDay];
      dayOt += dayOver[d - startDay];
    }
    const w = (t - s + 1) / 7;
    const full = T * w,
      contract = T * p * w,
      ordinary = h - dayOt;
    blocks.push({
      start: dayString(s),
      end: dayString(t),
      weeks: w,
      hours: h,
      avgWeekly: w > 0 ? h / w : 0,
      overLaw: h > lawNorm * w + 1e-9,
      overtimeHours: Math.max(0, ordinary - full),
      dayOvertimeHours: dayOt,
      extraHours: Math.max(0, Math.min(ordinary, full) - contract),
    });
  }
  const weeks = days / 7;
  return {
    weeks,
    hours,
    avgWeekly: weeks > 0 ? hours / weeks : 0,
    lawNorm,
    weeklyHours: T,
    tariffNorm,
    weeksAbove,
    weeksBelow,
    balance: hours - tariffNorm * weeks,
    averagingWeeks: aw,
    blocks,
    overtimeHours: blocks.reduce((x, b) => x + b.overtimeHours + b.dayOvertimeHours, 0),
    dayOvertimeHours: blocks.reduce((x, b) => x + b.dayOvertimeHours, 0),
    overtimeDays,
    fullTimeDay,
    extraHours: blocks.reduce((x, b) => x + b.extraHours, 0),
  };
}

/**
 * The § 10-4 limit that goes with a contract's weekly hours when the norm is not derived from
 * the plan: 33.6 → helkontinuerlig (36 h, (5)); 35.5 or tredelt (below 37.5) → (4) (38 h);
 * otherwise 40 h.
 */
export function lawNormOfContract(T: number): number {
  if (T <= 33.6 + 1e-9) return 36;
  if (T < 37.5 - 1e-9) return 38;
  return 40;
}
