/** AML-DAY-MAX: a shift's paid hours exceed maxShiftHours (aml §§ 10-4 (1), 10-5, 10-12 (4)). */

import { workPeriods } from '../plan/work-periods';
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
    'En vakts betalte timer er flere enn maxShiftHours. Dateres på vakten. Møter og kurs med klokkeslett (planens aktiviteter) er arbeid her: et møte som berører en vakt, blir del av den, et møte for seg er en egen arbeidsperiode.',
  parameters: [
    {
      name: 'rules.agreements.maxShiftHours',
      default: 12.5,
      description:
        '9 t etter loven; 10 t med skriftlig avtale med den ansatte (§ 10-5 (1)); 12,5 t med avtale med tillitsvalgte (§ 10-5 (2)); mer bare med avtale godkjent sentralt (§ 10-12 (4)).',
    },
  ],
  // A timed activity joins the shift it touches (work-periods.ts): an edit the day before can
  // move it between periods, so one day with activities in the plan.
  reach: (ctx) => (ctx.index.plan.activities?.length ? 1 : 0),
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
