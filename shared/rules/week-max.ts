/**
 * AML-WEEK-MAX: the paid hours of the work shifts that start in a calendar week exceed
 * maxWeekHours (aml § 10-5). Dated on the week's Monday.
 */

import { activityReach, workPeriods } from '../plan/work-periods';
import { isoWeek, mondayOf } from '../calendar';
import { lowerBound, dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { inPeriod } from './period';
import { dateNo, formatHours, personOf } from './agreements';

export const weekMax: Rule = {
  id: 'AML-WEEK-MAX',
  title: 'Timer per uke',
  source: 'aml § 10-5 (2)',
  severity: 'error',
  description:
    'Betalte timer i vaktene datert i perioden som starter i en kalenderuke er flere enn maxWeekHours, også i en første eller siste uke som bare delvis ligger i perioden. Dateres på mandagen. Møter og kurs med klokkeslett (planens aktiviteter) er arbeid her: et møte som berører en vakt, blir del av den, et møte for seg er en egen arbeidsperiode. Den som har fravær hele dagen, eller en vakt som verken overlapper eller berører et møte/kurs for alle og gir under 11 t hvile mot det, er fritatt fra det (det er ikke arbeid for den ansatte); en navngitt deltaker fritas aldri.',
  parameters: [
    {
      name: 'rules.agreements.maxWeekHours',
      default: 54,
      description:
        '40 t uten gjennomsnittsberegning; 50 t i én uke med skriftlig avtale (§ 10-5 (1)); 54 t med avtale med tillitsvalgte (§ 10-5 (2)).',
    },
  ],
  reach: (ctx) => 7 + activityReach(ctx.index.plan),
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    const req = ctx.agreements.maxWeek;
    const s = workPeriods(ctx.index, emp);
    // First Monday ≥ fromDay_.
    let i = lowerBound(s, mondayOf(fromDay_ + 6));
    while (i < s.length) {
      const m = mondayOf(s[i].day);
      if (m > toDay_) break;
      let sum = 0;
      for (; i < s.length && s[i].day <= m + 6; i++) if (inPeriod(ctx, s[i])) sum += s[i].paidHours;
      if (sum <= req.value + 1e-9) continue;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(m),
        severity: this.severity,
        message: `${personOf(emp)} har ${formatHours(sum)} t i uke ${isoWeek(m).week} fra ${dateNo(m)} (grense: ${formatHours(req.value)} t, ${req.basis}).`,
        source: req.source,
      });
    }
    return out;
  },
};
