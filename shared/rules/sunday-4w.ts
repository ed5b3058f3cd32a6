/**
 * AML-SUNDAY-4W (domain.md §2.1, §2.3 item 4): under a Sunday-averaging agreement
 * (sundayAveragingWeeks > 0) the weekly day off must fall on a søn-/helgedag at least every 4th
 * week (compendia24 «minst hver 4. uke»; NHO «fri minst hver fjerde søndag»). The requirement is
 * [UVERIFISERT] in the current law text, so the rule is a warning and its message says so.
 *
 * Precisely: calendar weeks (Monday–Sunday) wholly inside the period; a week has a free
 * søn-/helgedag when at least one of its Sundays or holidays is not worked (worked = a work
 * shift or a timed meeting/course overlaps its window of aml § 10-10 (1), as in AML-SUNDAY). Four such weeks in a row without one give
 * one violation per run, dated on the Sunday of the fourth week. Not checked without an
 * averaging agreement (strict alternation in AML-SUNDAY is stricter).
 */

import type { DayNumber } from '../calendar';
import { mondayOf } from '../calendar';
import { dayString } from '../plan/plan-index';
import { windowLabel, zoneOf } from '../plan/zones';
import type { Rule, Violation } from './types';
import { dateNo, personOf } from './agreements';
import { redDayTests } from './sunday';

/** Weeks in a row without a free søn-/helgedag that make a violation. */
export const SUNDAY_4W_WEEKS = 4;

export const sunday4w: Rule = {
  id: 'AML-SUNDAY-4W',
  title: 'Fri søndag minst hver 4. uke',
  source: 'aml § 10-8 (4) (uverifisert)',
  severity: 'warning',
  description:
    'Bare med gjennomsnittsavtale (sundayAveragingWeeks > 0): i fire hele kalenderuker på rad er ingen søn-/helgedag fri (en søn-/helgedag er arbeidet når en vakt eller et møte/kurs med klokkeslett overlapper vinduet etter aml § 10-10 (1), som i AML-SUNDAY; rekken må ha minst én søn-/helgedag arbeidet med en vakt datert i perioden eller et møte/kurs). Én melding per rekke, datert søndagen i den fjerde uken. Kravet er ikke bekreftet i gjeldende lovtekst [UVERIFISERT] og er derfor en advarsel.',
  parameters: [
    {
      name: 'rules.agreements.sundayAveragingWeeks',
      default: 0,
      description: 'Regelen gjelder bare når det er avtalt gjennomsnittsberegning (1–26 uker).',
    },
  ],
  // A changed day moves at most the weeks containing it and the next day; a run's violation is
  // on the Sunday of its 4th week, so dates up to 4 weeks + 13 days later (and the week before) change.
  reach: (ctx) => (ctx.agreements.sundayAveragingWeeks.value > 0 ? 42 : 0),
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    const req = ctx.agreements.sundayAveragingWeeks;
    if (req.value <= 0) return out;
    const { startDay, endDay } = ctx.index;
    const red = ctx.redDays;
    let m = mondayOf(startDay);
    if (m < startDay) m += 7;
    let r = 0;
    let run = 0;
    let runStart: DayNumber = m;
    let mine = false;
    const works = redDayTests(ctx, emp);
    for (; m + 6 <= endDay; m += 7) {
      while (r < red.length && red[r] < m) r++;
      let free = false;
      for (let k = r; k < red.length && red[k] <= m + 6; k++)
        if (!works.any(red[k])) {
          free = true;
          break;
        }
      if (free) {
        run = 0;
        continue;
      }
      if (run === 0) {
        runStart = m;
        mine = false;
      }
      run++;
      for (let k = r; k < red.length && red[k] <= m + 6 && !mine; k++) if (works.own(red[k])) mine = true;
      const sunday = m + 6;
      if (run === SUNDAY_4W_WEEKS && mine && sunday >= fromDay_ && sunday <= toDay_) {
        out.push({
          rule: this.id,
          employee: emp.employee.id,
          date: dayString(sunday),
          severity: this.severity,
          message: `${personOf(emp)} har ingen fri søn-/helgedag i ${SUNDAY_4W_WEEKS} uker på rad (${dateNo(runStart)}–${dateNo(sunday)}; en søndag er arbeidet ved arbeid i vinduet ${windowLabel(zoneOf(sunday))}, aml § 10-10 (1)); ved gjennomsnittsberegning skal den ukentlige fridagen falle på en søn-/helgedag minst hver 4. uke (${req.basis}). Advarsel: kravet er ikke bekreftet i gjeldende lovtekst (uverifisert).`,
          source: this.source,
        });
      }
    }
    return out;
  },
};
