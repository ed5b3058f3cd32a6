/**
 * WEEKEND-FREQUENCY (plan-format.md rule table): with unit.weekendFrequency = k, an employee
 * works more weekends than ⌈weekends available ÷ k⌉, where available = the weekends whose
 * Saturday and Sunday both lie in the period less those the employee spends on vacation (FE —
 * an absence of kind vacation — on the Saturday, and the weekend not worked); or works two such
 * weekends in a row (worked = a shift overlaps Sat 00:00–Mon 00:00 by more than one hour; a
 * context shift of the previous plan counts, plan-format.md «Rows outside the period»).
 * One violation per employee, date null.
 */

import type { DayNumber } from '../calendar';
import { type EmployeeIndex, lowerBound } from '../plan/plan-index';
import { WEEKEND_MIN_OVERLAP_MINUTES, shiftWeekendMinutes } from '../plan/weekends';
import type { Rule, Violation } from './types';
import { dateNo, personOf } from './agreements';

/** Saturdays of the listed weekends the employee has worked (sorted). */
export function workedWeekendDays(emp: EmployeeIndex, weekends: readonly DayNumber[]): DayNumber[] {
  if (weekends.length === 0) return [];
  const first = weekends[0],
    last = weekends[weekends.length - 1];
  const worked: DayNumber[] = [];
  const s = emp.shifts;
  for (let i = lowerBound(s, first - 5); i < s.length && s[i].day <= last + 1; i++) {
    const w = shiftWeekendMinutes(s[i]);
    if (w.saturday < first || w.saturday > last || w.minutes <= WEEKEND_MIN_OVERLAP_MINUTES) continue;
    if (worked[worked.length - 1] !== w.saturday) worked.push(w.saturday);
  }
  return worked;
}

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
    'Når weekendFrequency = k er satt: den ansatte arbeider flere helger enn ⌈tilgjengelige helger ÷ k⌉, der tilgjengelige helger er helgene der både lørdag og søndag ligger i perioden, minus helgene den ansatte har ferie (ferie på lørdagen og helgen ikke arbeidet); eller arbeider to slike helger på rad. Én melding per ansatt, uten dato.',
  parameters: [{ name: 'unit.weekendFrequency', default: null, description: 'Arbeid hver k-te helg (Askermodellen: 4).' }],
  reach: Infinity,
  reads: 'both',
  check(ctx, emp) {
    const k = ctx.weekendFrequency;
    const weekends = ctx.weekends;
    if (!k || k <= 0 || weekends.length === 0) return [];
    const worked = workedWeekendDays(emp, weekends);
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
