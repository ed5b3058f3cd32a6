/**
 * AML-NIGHT-AVG: an employee who works more than 3 h at night (21–06) may on average work at
 * most 8 h per 24 h over 4 weeks, the weekly-rest minimum not counted (aml § 10-11 (6);
 * domain.md §2.3 item 6): hours in 4 weeks ≤ 8 × (28 × 24 − 4 × weeklyRest) / 24.
 * Dated on the Monday that starts the first 4-week window over the limit.
 */

import { workPeriods } from '../plan/work-periods';
import { nightMinutes, dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { inPeriod } from './period';
import { STATUTORY_WEEKLY_REST, dateNo, formatHours, personOf } from './agreements';
import { slidingWeekWindows } from './windows';

/** Weeks of the averaging window. */
export const NIGHT_AVG_WEEKS = 4;
const WEEKS = NIGHT_AVG_WEEKS;
/**
 * Days of the 4-week average: § 10-11 (6) deducts «den ukentlige arbeidsfri etter § 10-8 (2)», the
 * statutory 35 h, whatever rest a § 10-8 (3) agreement allows: (28 × 24 − 4 × 35) / 24 = 22,17 døgn,
 * limit 8 × 22,17 = 177,33 t.
 */
export const NIGHT_AVG_DAYS = (28 * 24 - WEEKS * STATUTORY_WEEKLY_REST) / 24;
/** A shift with more than this much night work makes the window a night-work window. */
export const NIGHT_AVG_SHIFT_MINUTES = 180;
const NIGHT_SHIFT_MINUTES = NIGHT_AVG_SHIFT_MINUTES;
/** Paid hours allowed in one window: 8 h per day over `NIGHT_AVG_DAYS`. */
export const NIGHT_AVG_LIMIT_HOURS = 8 * NIGHT_AVG_DAYS;

export const nightAvg: Rule = {
  id: 'AML-NIGHT-AVG',
  title: 'Nattarbeid: snitt 8 t per døgn',
  source: 'aml § 10-11 (6)',
  severity: 'error',
  description:
    'For en ansatt med vakter som har mer enn 3 t nattarbeid (21–06): betalte timer i 4 kalenderuker er flere enn 8 t per døgn i snitt, der døgnene regnes som (28 × 24 − 4 × 35) / 24 = 22,17: loven trekker fra den lovfestede ukehvilen på 35 t (§ 10-8 (2)) også når en avtale tillater kortere ukehvile. Vinduet må ha minst én vakt datert i perioden. Dateres på mandagen i første uke av vinduet. Møter og kurs med klokkeslett (planens aktiviteter) er arbeid her: et møte som berører en vakt, blir del av den, et møte for seg er en egen arbeidsperiode. Den som har fravær hele dagen, eller en vakt som verken overlapper eller berører et møte/kurs for alle og gir under 11 t hvile mot det, er fritatt fra det (det er ikke arbeid for den ansatte); en navngitt deltaker fritas aldri.',
  parameters: [],
  reach: (WEEKS + 1) * 7,
  check(ctx, emp, fromDay_, toDay_) {
    const days = NIGHT_AVG_DAYS;
    const limit = NIGHT_AVG_LIMIT_HOURS;
    const hits = slidingWeekWindows(
      workPeriods(ctx.index, emp),
      fromDay_,
      toDay_,
      WEEKS,
      (s) => s.paidHours,
      limit,
      (shifts) => shifts.some((s) => nightMinutes(s.start, s.end) > NIGHT_SHIFT_MINUTES) && shifts.some((s) => inPeriod(ctx, s)),
    );
    return hits.map(
      (h): Violation => ({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(h.monday),
        severity: this.severity,
        message: `${personOf(emp)} har nattarbeid og ${formatHours(h.value)} t i de 4 ukene fra ${dateNo(h.monday)}, ${formatHours(h.value / days)} t per døgn i snitt (grense: 8 t per døgn over ${formatHours(days)} døgn etter fradrag av lovens ukehvile på ${formatHours(STATUTORY_WEEKLY_REST)} t, aml § 10-11 (6)).`,
        source: this.source,
      }),
    );
  },
};
