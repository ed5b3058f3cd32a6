/**
 * WEEKEND-FREQUENCY (plan-format.md rule table): with unit.weekendFrequency = k, an employee
 * works more weekends than ⌈weekends available ÷ k⌉, where available = the weekends whose
 * Saturday and Sunday both lie in the period less those the employee spends on vacation (FE —
 * an absence of kind vacation — on the Saturday, and the weekend not worked); or works two such
 * weekends in a row (worked = a shift, or a timed meeting/course, overlaps Sat 00:00–Mon 00:00 by
 * more than one hour, `workedWeekendsOf` in shared/plan/weekends.ts, which gives the reason a
 * Saturday course is weekend work; a context shift of the previous plan counts, plan-format.md
 * «Rows outside the period»).
 * One violation per employee, date null.
 */

import type { DayNumber } from '../calendar';
import type { EmployeeIndex } from '../plan/plan-index';
import { workedWeekendsOf } from '../plan/weekends';
import type { Rule, Violation } from './types';
import { dateNo, personOf } from './agreements';

/** Weekends (Saturdays) spent on vacation: vacation on the Saturday and the weekend not worked. */
export function vacationWeekends(emp: EmployeeIndex, weekends: readonly DayNumber[], worked: readonly DayNumber[]): DayNumber[] {
  const w = new Set(worked);
  return weekends.filter((sat) => {
    const c = emp.cells.get(sat);
    return c !== undefined && c.kind === 'absence' && c.absence.kind === 'vacation' && !w.has(sat);
  });
}

export const weekendFrequency: Rule = {
  id: 'WEEKEND-FREQUENCY',
  title: 'Helgefrekvens',
  source: 'praksis / lokal avtale (unit.weekendFrequency)',
  severity: 'warning',
  description:
    'Når weekendFrequency = k er satt: den ansatte arbeider flere helger enn ⌈tilgjengelige helger ÷ k⌉, der tilgjengelige helger er helgene der både lørdag og søndag ligger i perioden, minus helgene den ansatte har ferie (ferie på lørdagen og helgen ikke arbeidet); eller arbeider to slike helger på rad. En helg er arbeidet når en vakt eller et møte/kurs med klokkeslett overlapper lørdag 00:00–mandag 00:00 med mer enn én time (møter og kurs er arbeidstid, aml § 10-1 (1), og helgearbeid gir helgetillegg, KS HTA § 5.2). Én melding per ansatt, uten dato.',
  parameters: [{ name: 'unit.weekendFrequency', default: null, description: 'Arbeid hver k-te helg (Askermodellen: 4).' }],
  reach: Infinity,
  reads: 'both',
  check(ctx, emp) {
    const k = ctx.weekendFrequency;
    const weekends = ctx.weekends;
    if (!k || k <= 0 || weekends.length === 0) return [];
    const worked = workedWeekendsOf(ctx.index, emp, weekends);
    const onVacation = vacationWeekends(emp, weekends, worked).length;
    const available = weekends.length - onVacation;
    const allowed = Math.ceil(available / k);
    let inRow: DayNumber | undefined;
    for (let i = 1; i < worked.length; i++)
      if (worked[i] - worked[i - 1] === 7) {
        inRow = worked[i - 1];
        break;
      }
    if (worked.length <= allowed && inRow === undefined) return [];
    const parts: string[] = [];
    const vac = onVacation > 0 ? `, ${onVacation} med ferie trukket fra` : '';
    if (worked.length > allowed)
      parts.push(
        `${worked.length} av ${available} tilgjengelige helger (${weekends.length} i perioden${vac}; høyst ${allowed} ved hver ${k}. helg)`,
      );
    if (inRow !== undefined) parts.push(`to helger på rad fra ${dateNo(inRow)}`);
    const v: Violation = {
      rule: this.id,
      employee: emp.employee.id,
      date: null,
      severity: this.severity,
      message: `${personOf(emp)} arbeider ${parts.join(' og ')} (avdelingens mål: hver ${k}. helg, unit.weekendFrequency).`,
      source: this.source,
    };
    return [v];
  },
};
