/**
 * AML-REST-COMP: compensating rest after an agreed reduced daily rest (aml § 10-8 (3);
 * domain.md §2.3 item 1): after a rest of r < 11 h the next rest must be ≥ 11 + (11 − r) h.
 * Dated on the shift after the too-short compensating rest. Rests are the gaps between work
 * periods: the break inside a split shift (split-shift.ts) is neither a reduced rest nor the
 * compensating one.
 */

import { workPeriods } from '../plan/work-periods';
import { lowerBound, dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { inPeriod } from './period';
import { isSplitBreak, periodStart } from './split-shift';
import { dateNo, formatHours, personOf } from './agreements';
import { STATUTORY_DAILY_REST } from '../plan/norm';

export const restComp: Rule = {
  id: 'AML-REST-COMP',
  title: 'Kompenserende hvile',
  source: 'aml § 10-8 (3)',
  severity: 'warning',
  description:
    'Etter en avtalt redusert døgnhvile (mellom dailyRestMinHours og 11 t) må neste hvile forlenges med det som manglet: minst 11 t + (11 t − faktisk hvile). Dateres på vakten etter den for korte hvilen. Pausen i en delt vakt (se AML-REST-DAILY) regnes ikke som hvile. Møter og kurs med klokkeslett (planens aktiviteter) er arbeid her: et møte som berører en vakt, blir del av den, et møte for seg er en egen arbeidsperiode. Den som har fravær hele dagen, eller en vakt som verken overlapper eller berører et møte/kurs for alle og gir under 11 t hvile mot det, er fritatt fra det (det er ikke arbeid for den ansatte); en navngitt deltaker fritas aldri.',
  parameters: [
    {
      name: 'rules.agreements.dailyRestMinHours',
      default: 11,
      description: 'Gjelder bare når avtalen tillater hvile under 11 t.',
    },
  ],
  // Three work periods of at most two shifts each, within 2 days per split pair and 3 per
  // violating rest: 9 days cover every change.
  reach: 9,
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    const min = ctx.agreements.dailyRest.value;
    if (min >= STATUTORY_DAILY_REST) return out;
    const s = workPeriods(ctx.index, emp);
    for (let k = Math.max(2, lowerBound(s, fromDay_)); k < s.length && s[k].day <= toDay_; k++) {
      if (isSplitBreak(ctx, s, k)) continue;
      // The rest before the work period that ends just before s[k].
      const j = periodStart(ctx, s, k);
      if (j < 1) continue;
      const reduced = (s[j].start - s[j - 1].end) / 60;
      if (reduced >= STATUTORY_DAILY_REST - 1e-9 || reduced < min - 1e-9) continue;
      const need = STATUTORY_DAILY_REST + (STATUTORY_DAILY_REST - reduced);
      const next = (s[k].start - s[k - 1].end) / 60;
      if (next >= need - 1e-9) continue;
      if (![s[j - 1], s[j], s[k - 1], s[k]].some((x) => inPeriod(ctx, x))) continue;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(s[k].day),
        severity: this.severity,
        message: `${personOf(emp)} har bare ${formatHours(Math.max(0, next))} t hvile før vakten ${dateNo(s[k].day)} etter redusert hvile på ${formatHours(reduced)} t før vakten ${dateNo(s[j].day)} (krav: ${formatHours(need)} t kompenserende hvile, avtale med tillitsvalgte, aml § 10-8 (3)).`,
        source: this.source,
      });
    }
    return out;
  },
};
