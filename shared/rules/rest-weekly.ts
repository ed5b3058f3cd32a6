/**
 * AML-REST-WEEKLY: each calendar week (Monday 00:00 – Monday 00:00) wholly inside the period
 * must hold a continuous rest of weeklyRestMinHours (aml § 10-8 (2), (3)). Dated on its Monday.
 */

import { workPeriods } from '../plan/work-periods';
import { type DayNumber, isoWeek, mondayOf } from '../calendar';
import { type WorkShift, lowerBound, utcOf, dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { dateNo, formatHours, personOf, requirement } from './agreements';

/**
 * Longest continuous rest (minutes) inside the week [Monday 00:00, next Monday 00:00) of
 * `monday`. Every work shift counts, also one dated before the period that cuts into the first
 * week (plan-format.md «Rows outside the period»).
 */
export function longestRestMinutes(s: readonly WorkShift[], monday: DayNumber): number {
  const wStart = utcOf(monday, 0),
    wEnd = utcOf(monday + 7, 0);
  let cursor = wStart,
    longest = 0;
  for (let i = lowerBound(s, monday - 2); i < s.length && s[i].day <= monday + 7; i++) {
    const sh = s[i];
    if (sh.end <= wStart) continue;
    if (sh.start >= wEnd) break;
    if (sh.start > cursor) longest = Math.max(longest, sh.start - cursor);
    cursor = Math.max(cursor, sh.end);
  }
  if (wEnd > cursor) longest = Math.max(longest, wEnd - cursor);
  return longest;
}

export const restWeekly: Rule = {
  id: 'AML-REST-WEEKLY',
  title: 'Ukentlig arbeidsfri',
  source: 'aml § 10-8 (2)',
  severity: 'error',
  description:
    'En kalenderuke (mandag 00:00 – mandag 00:00) som ligger helt innenfor perioden mangler sammenhengende fri på weeklyRestMinHours inne i uken (vakter datert før perioden teller med). Dateres på mandagen. Møter og kurs med klokkeslett (planens aktiviteter) er arbeid her: et møte som berører en vakt, blir del av den, et møte for seg er en egen arbeidsperiode. Den som har fravær hele dagen, eller en vakt som verken overlapper eller berører et møte/kurs for alle og gir under 11 t hvile mot det, er fritatt fra det (det er ikke arbeid for den ansatte); en navngitt deltaker fritas aldri.',
  parameters: [
    {
      name: 'rules.agreements.weeklyRestMinHours',
      default: 35,
      description: '35 t etter loven; ned til 28 t med avtale med tillitsvalgte (aml § 10-8 (3)).',
    },
  ],
  reach: 14,
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    const req = ctx.agreements.weeklyRest;
    const { startDay, endDay } = ctx.index;
    let m = mondayOf(Math.max(fromDay_, startDay));
    if (m < startDay || m < fromDay_) m += 7;
    const s = workPeriods(ctx.index, emp);
    for (; m <= toDay_ && m + 6 <= endDay; m += 7) {
      const longest = longestRestMinutes(s, m);
      if (longest / 60 >= req.value - 1e-9) continue;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(m),
        severity: this.severity,
        message: `${personOf(emp)} har ingen sammenhengende fri på ${formatHours(req.value)} t i uke ${isoWeek(m).week} (${dateNo(m)}–${dateNo(m + 6)}); lengste fri er ${formatHours(longest / 60)} t ${requirement(req)}.`,
        source: req.source,
      });
    }
    return out;
  },
};
