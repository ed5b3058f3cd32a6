/**
 * MAX-CONSECUTIVE-DAYS: more than rules.maxConsecutiveDays (default 6) calendar days in a row
 * with work: a shift, or a timed meeting/course that adds work (`workDays`, work-periods.ts; a
 * day with only a meeting is a working day). One violation per run, dated on the first day beyond
 * the limit.
 */

import { dayString, lowerIndex } from '../plan/plan-index';
import { workDays } from '../plan/work-periods';
import type { Rule, Violation } from './types';
import { dateNo, personOf } from './agreements';

export const DEFAULT_MAX_CONSECUTIVE_DAYS = 6;

export const maxConsecutiveDays: Rule = {
  id: 'MAX-CONSECUTIVE-DAYS',
  title: 'Arbeidsdager på rad',
  source: 'praksis / lokal avtale (rules.maxConsecutiveDays)',
  severity: 'warning',
  description:
    'Flere enn maxConsecutiveDays kalenderdager på rad med arbeid: en vakt, eller et møte/kurs med klokkeslett som gir arbeidstid utover vakten (en dag med bare et møte er en arbeidsdag). Én melding per sammenhengende rekke, datert på den første dagen over grensen. Rekken kan begynne i forrige plan, men må ha minst én arbeidsdag i perioden.',
  parameters: [
    { name: 'rules.maxConsecutiveDays', default: DEFAULT_MAX_CONSECUTIVE_DAYS, description: 'Høyeste antall arbeidsdager på rad.' },
  ],
  // Reach is max + 2 days; the largest allowed setting is bounded by the reader (≤ 31).
  reach: 40,
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    const max = ctx.maxConsecutiveDays;
    const s = workDays(ctx.index, emp);
    // Runs whose limit day (start + max) lies in [fromDay_, toDay_] start at ≥ fromDay_ − max.
    let i = lowerIndex(s, fromDay_ - max);
    // Skip into the run the first day belongs to if it does not start a run.
    while (i < s.length && i > 0 && s[i - 1] === s[i] - 1) i++;
    while (i < s.length && s[i] + max <= toDay_) {
      const start = s[i];
      let j = i;
      while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
      const len = s[j] - start + 1;
      const limitDay = start + max;
      if (len > max && limitDay >= fromDay_ && start <= ctx.index.endDay && s[j] >= ctx.index.startDay) {
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
