/** AML-DAY-MAX: a shift's paid hours exceed maxShiftHours (aml §§ 10-4 (1), 10-5, 10-12 (4)). */

import { activityReach, workPeriods } from '../plan/work-periods';
import { lowerBound, dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { periodRange } from './period';
import { dateNo, formatHours, personOf } from './agreements';

export const dayMax: Rule = {
  id: 'AML-DAY-MAX',
  title: 'Lengste vakt',
  source: 'aml § 10-4 (1)',
  severity: 'error',
  description:
    'En vakts betalte timer er flere enn maxShiftHours. Dateres på vakten. Møter og kurs med klokkeslett (planens aktiviteter) er arbeid her: et møte som berører en vakt, blir del av den, et møte for seg er en egen arbeidsperiode. Den som har fravær hele dagen, eller en vakt som verken overlapper eller berører et møte/kurs for alle og gir under 11 t hvile mot det, er fritatt fra det (det er ikke arbeid for den ansatte); en navngitt deltaker fritas aldri.',
  parameters: [
    {
      name: 'rules.agreements.maxShiftHours',
      default: 12.5,
      description:
        '9 t etter loven; 10 t med skriftlig avtale med den ansatte (§ 10-5 (1)); 12,5 t med avtale med tillitsvalgte (§ 10-5 (2)); mer bare med avtale godkjent sentralt (§ 10-12 (4)).',
    },
  ],
  // A timed activity joins the shift it touches (work-periods.ts): an edit near it can move it
  // between periods or excuse the person from it (`activityReach`).
  reach: (ctx) => activityReach(ctx.index.plan),
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    const req = ctx.agreements.maxShift;
    const s = workPeriods(ctx.index, emp);
    const [from, to] = periodRange(ctx, fromDay_, toDay_);
    for (let i = lowerBound(s, from); i < s.length && s[i].day <= to; i++) {
      if (s[i].paidHours <= req.value + 1e-9) continue;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(s[i].day),
        severity: this.severity,
        message: `${personOf(emp)} har en vakt (${s[i].code}) på ${formatHours(s[i].paidHours)} t ${dateNo(s[i].day)} (grense: ${formatHours(req.value)} t, ${req.basis}).`,
        source: req.source,
      });
    }
    return out;
  },
};
