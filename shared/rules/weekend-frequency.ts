/**
 * WEEKEND-FREQUENCY: with unit.weekendFrequency = k, an employee works more weekends than
 * ⌈weekends in period ÷ k⌉, or two weekends in a row (weekends whose Saturday and Sunday both
 * lie in the period; worked = a shift overlaps Sat 00:00–Mon 00:00 by more than one hour).
 * One violation per employee, date null.
 */

import type { DayNumber } from '../calendar';
import { lowerBound } from '../plan/plan-index';
import { WEEKEND_MIN_OVERLAP_MINUTES, shiftWeekendMinutes } from '../plan/weekends';
import type { Rule, Violation } from './types';
import { dateNo, personOf } from './agreements';

export const weekendFrequency: Rule = {
  id: 'WEEKEND-FREQUENCY',
  title: 'Helgefrekvens',
  source: 'praksis / lokal avtale (unit.weekendFrequency)',
  severity: 'warning',
  description: 'Når weekendFrequency = k er satt: den ansatte arbeider flere helger enn ⌈helger i perioden ÷ k⌉, eller to helger på rad. Én melding per ansatt, uten dato.',
  parameters: [{ name: 'unit.weekendFrequency', default: null, description: 'Arbeid hver k-te helg (Askermodellen: 4).' }],
  reach: Infinity,
  check(ctx, emp) {
    const k = ctx.weekendFrequency;
    const weekends = ctx.weekends;
    if (!k || k <= 0 || weekends.length === 0) return [];
    const first = weekends[0], last = weekends[weekends.length - 1];
    const worked: DayNumber[] = [];
    const s = emp.shifts;
    for (let i = lowerBound(s, first - 5); i < s.length && s[i].day <= last + 1; i++) {
      const w = shiftWeekendMinutes(s[i]);
      if (w.saturday < first || w.saturday > last || w.minutes <= WEEKEND_MIN_OVERLAP_MINUTES) continue;
      if (worked[worked.length - 1] !== w.saturday) worked.push(w.saturday);
    }
    const allowed = Math.ceil(weekends.length / k);
    let inRow: DayNumber | undefined;
    for (let i = 1; i < worked.length; i++) if (worked[i] - worked[i - 1] === 7) { inRow = worked[i - 1]; break; }
    if (worked.length <= allowed && inRow === undefined) return [];
    const parts: string[] = [];
    if (worked.length > allowed) parts.push(`${worked.length} av ${weekends.length} helger (høyst ${allowed} ved hver ${k}. helg)`);
    if (inRow !== undefined) parts.push(`to helger på rad fra ${dateNo(inRow)}`);
    const v: Violation = {
      rule: this.id, employee: emp.employee.id, date: null, severity: this.severity,
      message: `${personOf(emp)} arbeider ${parts.join(' og ')} (avdelingens mål: hver ${k}. helg, unit.weekendFrequency).`,
      source: this.source,
    };
    return [v];
  },
};
