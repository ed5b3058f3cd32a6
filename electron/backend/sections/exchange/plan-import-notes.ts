/**
 * What a plan import does not keep, said in the preview's warnings (Norwegian) so a leader who
 * imports and exports again knows every difference beforehand (issue 19, «nothing lost»). The
 * app keeps every field of plan-format v1 and of this implementation's extensions except these
 * (docs/plan-format.md, «Importing a plan file»):
 * - assignments dated outside the period (context rows of the neighbouring plans): a plan's
 *   cells live inside its period, the grid cannot show or edit others;
 * - `employees[].weeklyHoursFromPlan` («fra planen»): the staff register has no such setting,
 *   the norm is set per analysis;
 * - fields the format does not define (kept by `turnus` on round trip, not by the database).
 * Ids (employees, activities) are given by the database; the export writes its own.
 */
import type { TurnusPlan } from '../../../../shared/plan/model';

const KNOWN = {
  top: [
    'format',
    'version',
    'unit',
    'period',
    'rules',
    'shiftTypes',
    'absenceCodes',
    'employees',
    'demand',
    'assignments',
    'costs',
    'activities',
  ],
  unit: ['name', 'heltidThreshold', 'weekendFrequency', 'weekendAnchor'],
  rules: ['holidayReduction', 'agreements', 'maxConsecutiveDays', 'splitShiftMaxBreakHours', 'averagingWeeks', 'agreementRecords'],
} as const;

function unknownKeys(value: unknown, known: readonly string[], prefix: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => `${prefix}${k}`);
}

/** The fields the file has that the import cannot keep, as Norwegian warnings. */
export function notKeptWarnings(plan: TurnusPlan): string[] {
  const warnings: string[] = [];
  const p = plan.period;
  const outside = plan.assignments.filter((a) => a.date < p.start || a.date > p.end).length;
  if (outside > 0)
    warnings.push(
      `${outside} ${outside === 1 ? 'celle' : 'celler'} ligger utenfor perioden ${p.start}–${p.end} (nabo-planenes vakter) og blir ikke importert.`,
    );
  const fromPlan = plan.employees.filter((e) => e.weeklyHoursFromPlan === true).length;
  if (fromPlan > 0)
    warnings.push(
      `«Ukenorm fra planen» (weeklyHoursFromPlan) er satt for ${fromPlan} ${fromPlan === 1 ? 'ansatt' : 'ansatte'}; ansattregisteret lagrer den ikke, så de får ukenormen sin (weeklyHours, ellers 35,5).`,
    );
  const extra = [
    ...unknownKeys(plan, KNOWN.top, ''),
    ...unknownKeys(plan.unit, KNOWN.unit, 'unit.'),
    ...unknownKeys(plan.rules, KNOWN.rules, 'rules.'),
  ];
  if (extra.length > 0)
    warnings.push(
      `Feltene ${extra.join(', ')} er ikke en del av planfilformatet og blir ikke lagret (de kommer ikke med i en ny eksport).`,
    );
  return warnings;
}
