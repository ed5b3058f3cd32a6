/**
 * Red days worked and free per employee and period (aml § 10-8 (4), § 10-10 (1); domain.md §5.2
 * F3/F5), for the report and the review pack. A red day (Sunday or statutory holiday in the
 * period) is worked when a work shift dated inside the period, or a timed meeting/course, overlaps
 * its protected window (shared/plan/zones.ts `redDayWorkOf`: the one place for the window). Context rows of the neighbouring plans
 * never count here (plan-format.md «Rows outside the period»).
 *
 * - F3, main rule (strict alternation, § 10-8 (4) first sentence): after a worked red day the
 *   next red day of the period is free; `f3OwedStrict` = red days whose predecessor was worked,
 *   `f3MissingStrict` = those of them that are worked anyway.
 * - F3 under averaging (§ 10-8 (4) second sentence): at least half of the period's red days are
 *   free; `f3OwedAveraging` = ⌈n / 2⌉, `f3MissingAveraging` = max(0, ⌈n / 2⌉ − free).
 * - F5 (KS/Spekter [TARIFF]): a weekly day off that falls on a holiday Monday–Saturday gives an
 *   extra day off, unless the unit's holiday mode already deducts that holiday from the target
 *   hours: MONSAT_T_OVER_6 deducts every Monday–Saturday holiday (F5 = 0, given through the
 *   reduction); MONFRI_T_OVER_5 deducts Monday–Friday, so a free Saturday holiday counts; NONE
 *   deducts none, so every free Monday–Saturday holiday counts. A holiday is a day off when it is
 *   not worked and holds no absence (vacation or leave are not the weekly day off).
 *
 * Exported: `redDayStats(index, employeeId): RedDayStats`.
 */

import { isoWeekday, isHoliday } from '../calendar';
import { holidayReductionOf } from '../plan/hours';
import type { HolidayReduction } from '../plan/model';
import { type PlanIndex, dayString, employeeIndex } from '../plan/plan-index';
import { redDaysBetween, redDayWorkOf } from '../plan/zones';

export interface RedDayStats {
  /** Sundays and holidays in the period. */
  redDays: number;
  worked: number;
  free: number;
  /** Dates ('yyyy-MM-dd') of the worked red days. */
  workedDates: string[];
  f3OwedStrict: number;
  f3MissingStrict: number;
  f3OwedAveraging: number;
  f3MissingAveraging: number;
  /** F5 days the holiday mode gives (see the module comment). */
  f5: number;
  holidayMode: HolidayReduction;
}

const redDayCache = new WeakMap<PlanIndex, number[]>();

function periodRedDays(index: PlanIndex): number[] {
  let r = redDayCache.get(index);
  if (!r) {
    r = redDaysBetween(index.startDay, index.endDay);
    redDayCache.set(index, r);
  }
  return r;
}

export function redDayStats(index: PlanIndex, employeeId: string): RedDayStats {
  const e = employeeIndex(index, employeeId);
  const red = periodRedDays(index);
  const mode = holidayReductionOf(index.plan);
  const worked = red.map(redDayWorkOf(index, e, index.startDay, index.endDay));
  let nWorked = 0,
    owed = 0,
    missing = 0,
    f5 = 0;
  const workedDates: string[] = [];
  for (let k = 0; k < red.length; k++) {
    if (worked[k]) {
      nWorked++;
      workedDates.push(dayString(red[k]));
    }
    if (k > 0 && worked[k - 1]) {
      owed++;
      if (worked[k]) missing++;
    }
    const d = red[k];
    const wd = isoWeekday(d);
    if (!worked[k] && wd <= 5 && isHoliday(d) && !e.cells.has(d)) {
      if (mode === 'NONE' || (mode === 'MONFRI_T_OVER_5' && wd === 5)) f5++;
    }
  }
  const free = red.length - nWorked;
  const owedAvg = Math.ceil(red.length / 2);
  return {
    redDays: red.length,
    worked: nWorked,
    free,
    workedDates,
    f3OwedStrict: owed,
    f3MissingStrict: missing,
    f3OwedAveraging: owedAvg,
    f3MissingAveraging: Math.max(0, owedAvg - free),
    f5,
    holidayMode: mode,
  };
}
