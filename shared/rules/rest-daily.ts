/** AML-REST-DAILY: daily rest between two work shifts (aml § 10-8 (1), (3)). Dated on the later shift. */

import { lowerBound, dayString } from '../shifts';
import type { Rule, Violation } from './types';
import { dateNo, formatHours, personOf, requirement } from './agreements';

export const restDaily: Rule = {
  id: 'AML-REST-DAILY',
  title: 'Daglig arbeidsfri',
  source: 'aml § 10-8 (1)',
  severity: 'error',
  description: 'Mindre enn dailyRestMinHours sammenhengende fri mellom slutten av én vakt og starten av den neste. Dateres på den seneste vakten.',
  parameters: [{
    name: 'rules.agreements.dailyRestMinHours', default: 11,
    description: '11 t etter loven; ned til 8 t med avtale med tillitsvalgte (aml § 10-8 (3)), da med kompenserende hvile (AML-REST-COMP).',
  }],
  reach: 3,
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    const req = ctx.agreements.dailyRest;
    const s = emp.shifts;
    for (let i = Math.max(1, lowerBound(s, fromDay_)); i < s.length && s[i].day <= toDay_; i++) {
      const gap = (s[i].start - s[i - 1].end) / 60;
      if (gap >= req.value - 1e-9) continue;
      const what = gap <= 0 ? 'ingen hvile (vaktene overlapper)' : `bare ${formatHours(gap)} t hvile`;
      out.push({
        rule: this.id, employee: emp.employee.id, date: dayString(s[i].day), severity: this.severity,
        message: `${personOf(emp)} har ${what} før vakten ${dateNo(s[i].day)} ${requirement(req)}.`,
        source: req.source,
      });
    }
    return out;
  },
};
