/**
 * AML-REST-WEEKLY-COMP: under an agreement of weekly rest below 35 h (aml § 10-8 (3): «ned til
 * 28 timer … forutsatt at arbeidstakerne gis tilsvarende lengre fri i andre perioder»; domain.md
 * §2.3 item 2) the deficit of a week (35 h − its longest rest) is followed into the next weeks:
 * every later week's rest beyond 35 h repays the oldest deficit first. A deficit not repaid within
 * the next REPAY_WEEKS calendar weeks is a warning dated on the Monday of the week that caused it.
 * Only calendar weeks wholly inside the period count; a deficit whose repayment weeks reach past
 * the period end is left to the next plan.
 */

import { workPeriods } from '../plan/work-periods';
import { type DayNumber, isoWeek, mondayOf } from '../calendar';
import { dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { STATUTORY_WEEKLY_REST, dateNo, formatHours, personOf } from './agreements';
import { longestRestMinutes } from './rest-weekly';

/** Weeks within which a weekly-rest deficit must be repaid [INFERENS: the law says «andre perioder»]. */
export const REPAY_WEEKS = 4;

export const restWeeklyComp: Rule = {
  id: 'AML-REST-WEEKLY-COMP',
  title: 'Ukehvile: underskudd tas igjen',
  source: 'aml § 10-8 (3)',
  severity: 'warning',
  description: `Bare med avtale om ukentlig hvile under 35 t: en uke med lengste fri r under 35 t gir et underskudd på 35 − r timer, som må tas igjen med lengre fri (over 35 t) i de neste ${REPAY_WEEKS} ukene; overskudd betaler det eldste underskuddet først. Et underskudd som ikke er tatt igjen, dateres på mandagen i uken det oppsto. Bare hele kalenderuker i perioden; et underskudd der fristen går ut etter perioden, overlates til neste plan.`,
  parameters: [
    {
      name: 'rules.agreements.weeklyRestMinHours',
      default: 35,
      description:
        'Regelen gjelder bare når avtalen tillater ukehvile under 35 t (ned til 28 t). Møter og kurs med klokkeslett (planens aktiviteter) er arbeid her: et møte som berører en vakt, blir del av den, et møte for seg er en egen arbeidsperiode. Den som har fravær hele dagen, eller en vakt som verken overlapper eller berører et møte/kurs for alle og gir under 11 t hvile mot det, er fritatt fra det (det er ikke arbeid for den ansatte); en navngitt deltaker fritas aldri.',
    },
  ],
  reach: Infinity,
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    if (ctx.agreements.weeklyRest.value >= STATUTORY_WEEKLY_REST - 1e-9) return out;
    const { startDay, endDay } = ctx.index;
    let first = mondayOf(startDay);
    if (first < startDay) first += 7;
    const queue: { monday: DayNumber; rest: number; left: number }[] = [];
    const report = (d: { monday: DayNumber; rest: number; left: number }) => {
      if (d.monday < fromDay_ || d.monday > toDay_) return;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(d.monday),
        severity: this.severity,
        message: `${personOf(emp)} hadde bare ${formatHours(d.rest)} t sammenhengende fri i uke ${isoWeek(d.monday).week} (${dateNo(d.monday)}–${dateNo(d.monday + 6)}); ${formatHours(d.left)} t av underskuddet mot 35 t er ikke tatt igjen med lengre fri i de neste ${REPAY_WEEKS} ukene (avtale om redusert ukehvile krever tilsvarende lengre fri i andre perioder, aml § 10-8 (3)).`,
        source: this.source,
      });
    };
    for (let m = first; m + 6 <= endDay; m += 7) {
      while (queue.length > 0 && queue[0].monday + REPAY_WEEKS * 7 < m) report(queue.shift()!);
      const rest = longestRestMinutes(workPeriods(ctx.index, emp), m) / 60;
      if (rest < STATUTORY_WEEKLY_REST - 1e-9) {
        queue.push({ monday: m, rest, left: STATUTORY_WEEKLY_REST - rest });
        continue;
      }
      let surplus = rest - STATUTORY_WEEKLY_REST;
      while (surplus > 1e-9 && queue.length > 0) {
        const pay = Math.min(surplus, queue[0].left);
        queue[0].left -= pay;
        surplus -= pay;
        if (queue[0].left <= 1e-9) queue.shift();
      }
    }
    for (const d of queue) if (d.monday + REPAY_WEEKS * 7 + 6 <= endDay) report(d);
    return out;
  },
};
