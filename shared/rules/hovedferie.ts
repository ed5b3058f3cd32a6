/**
 * HOVEDFERIE: an employee who wants hovedferie (employees[].wantsHovedferie) must get 18
 * consecutive virkedager of vacation in 1 June–30 Sept (ferieloven § 7 (1)). Checked for each
 * summer that lies wholly inside the period; dated on 1 June.
 */

import { dayString } from '../plan/plan-index';
import { dayOf } from '../calendar';
import { HOVEDFERIE_DAYS, hovedferieStatus } from '../plan/hours';
import type { Rule, Violation } from './types';
import { personOf } from './agreements';

export const hovedferie: Rule = {
  id: 'HOVEDFERIE',
  title: 'Hovedferie',
  source: 'ferieloven § 7 (1)',
  severity: 'warning',
  description:
    'En ansatt som ønsker hovedferie har ikke 18 sammenhengende virkedager ferie i tiden 1. juni–30. september. Sjekkes for hver sommer som ligger helt i perioden; dateres 1. juni.',
  parameters: [{ name: 'employees[].wantsHovedferie', default: false, description: 'Den ansatte har krevd hovedferie (ferieloven § 7).' }],
  reach: Infinity,
  reads: 'absences',
  check(ctx, emp) {
    return hovedferieStatus(ctx.index, emp.employee.id)
      .filter((h) => !h.ok)
      .map(
        (h): Violation => ({
          rule: this.id,
          employee: emp.employee.id,
          date: dayString(dayOf(h.year, 6, 1)),
          severity: this.severity,
          message: `${personOf(emp)} har ønsket hovedferie, men har bare ${h.longestRun} sammenhengende virkedager ferie i tiden 01.06.–30.09.${h.year} (krav: ${HOVEDFERIE_DAYS} virkedager, ferieloven § 7 (1)).`,
          source: this.source,
        }),
      );
  },
};
