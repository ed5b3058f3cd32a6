/**
 * AML-AVG-48: at most 48 h per week on average over 8 weeks (aml § 10-5 (2), § 10-6 (8)).
 * Dated on the Monday that starts the first 8-week window over the limit.
 */

import { workPeriods } from '../plan/work-periods';
import { dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { inPeriod } from './period';
import { dateNo, formatHours, personOf } from './agreements';
import { slidingWeekWindows } from './windows';

/** Weeks of the averaging window. */
export const AVG48_WEEKS = 8;
/** Average weekly hours allowed over the window. */
export const AVG48_HOURS = 48;
const WEEKS = AVG48_WEEKS;
const AVG = AVG48_HOURS;

export const avg48: Rule = {
  id: 'AML-AVG-48',
  title: 'Snitt 48 t over 8 uker',
  source: 'aml § 10-5 (2)',
  severity: 'error',
  description:
    'Betalte timer i 8 sammenhengende kalenderuker er mer enn 8 × 48 t. Uker utenfor planen regnes med de vaktene planen har der; et vindu meldes bare når det har minst én vakt datert i perioden. Grensen er den for alminnelig arbeidstid ved gjennomsnittsberegning (aml § 10-5 (1) og (2)), ikke § 10-6 (8) om samlet arbeidstid med overtid. Dateres på mandagen i første uke av vinduet. Møter og kurs med klokkeslett (planens aktiviteter) er arbeid her: et møte som berører en vakt, blir del av den, et møte for seg er en egen arbeidsperiode. Den som har fravær hele dagen, eller en vakt som verken overlapper eller berører et møte/kurs for alle og gir under 11 t hvile mot det, er fritatt fra det (det er ikke arbeid for den ansatte); en navngitt deltaker fritas aldri.',
  parameters: [],
  reach: (WEEKS + 1) * 7,
  check(ctx, emp, fromDay_, toDay_) {
    const hits = slidingWeekWindows(
      workPeriods(ctx.index, emp),
      fromDay_,
      toDay_,
      WEEKS,
      (s) => s.paidHours,
      WEEKS * AVG,
      (shifts) => shifts.some((s) => inPeriod(ctx, s)),
    );
    return hits.map(
      (h): Violation => ({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(h.monday),
        severity: this.severity,
        message: `${personOf(emp)} har i snitt ${formatHours(h.value / WEEKS)} t per uke i de 8 ukene fra ${dateNo(h.monday)} (grense: 48 t i snitt over 8 uker, aml § 10-5 (2)).`,
        source: this.source,
      }),
    );
  },
};
