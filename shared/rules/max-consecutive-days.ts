/**
 * MAX-CONSECUTIVE-DAYS: more than rules.maxConsecutiveDays (default 6) calendar days in a row
 * with a work shift. One violation per run, dated on the first day beyond the limit.
 */

import { lowerBound, dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { dateNo, personOf } from './agreements';

export const DEFAULT_MAX_CONSECUTIVE_DAYS = 6;

export const maxConsecutiveDays: Rule = {
  id: 'MAX-CONSECUTIVE-DAYS',
  title: 'Arbeidsdager på rad',
  source: 'praksis / lokal avtale (rules.maxConsecutiveDays)',
  severity: 'warning',
  description:
    'Flere enn maxConsecutiveDays kalenderdager på rad med en vakt. Én melding per sammenhengende rekke, datert på den første dagen over grensen. Rekken kan begynne i forrige plan, men må ha minst én vakt datert i perioden.',
  parameters: [
    { name: 'rules.maxConsecutiveDays', default: DEFAULT_MAX_CONSECUTIVE_DAYS, description: 'Høyeste antall arbeidsdager på rad.' },
  ],
  // Reach is max + 2 days; the largest allowed setting is bounded by the reader (≤ 31).
  reach: 40,
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    const max = ctx.maxConsecutiveDays;
    const s = emp.shifts;
    // Runs whose limit day (start + max) lies in [fromDay_, toDay_] start at ≥ fromDay_ − max.
    let i = lowerBound(s, fromDay_ - max);
    // Skip into the run the first shift belongs to if it does not start a run.
    while (i < s.length && i > 0 && s[i - 1].day === s[i].day - 1) i++;
    while (i < s.length && s[i].day + max <= toDay_) {
      const start = s[i].day;
      let j = i;
      while (j + 1 < s.length && s[j + 1].day === s[j].day + 1) j++;
      const len = s[j].day - start + 1;
      const limitDay = start + max;
      if (len > max && limitDay >= fromDay_ && start <= ctx.index.endDay && s[j].day >= ctx.index.startDay) {
        out.push({
          rule: this.id,
          employee: emp.employee.id,
          date: dayString(limitDay),
          severity: this.severity,
          message: `${personOf(emp)} har ${max + 1}. arbeidsdag på rad ${dateNo(limitDay)} (fra ${dateNo(start)}; grense: ${max} dager, rules.maxConsecutiveDays).`,
          source: this.source,
        });
      }
      i = j + 1;
    }
    return out;
  },
};
