import type { TurnusPlan } from '../../../shared/plan/model';
import { resolveCostModel } from '../../../shared/metrics/economics';

/**
 * A hand-checkable week, Monday 2026-01-05 to Sunday 2026-01-11 (no holidays, no DST):
 * D 07:30–15:00 and A 15:00–22:30 are 7.5 h, L 08:00–20:30 is 12.5 h and counts toward D.
 */
export function weekPlan(): TurnusPlan {
  const a = (employee: string, date: string, code: string) => ({ employee, date, code });
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Testavdeling', heltidThreshold: 0.8 },
    period: { start: '2026-01-05', end: '2026-01-11' },
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00' },
      { code: 'A', start: '15:00', end: '22:30' },
      { code: 'L', start: '08:00', end: '20:30', long: true, countsToward: ['D'] },
    ],
    employees: [
      { id: 's1', name: 'Siri', competence: 'sykepleier', position: 1.0 },
      { id: 'h1', name: 'Hans', competence: 'helsefagarbeider', position: 0.5, wantedPosition: 0.8, consentsLongShifts: true },
      { id: 'h2', name: 'Hege', competence: 'helsefagarbeider', position: 0.4, wantedPosition: 0.6, consentsLongShifts: true },
      { id: 'a1', name: 'Aud', competence: 'assistent', position: 0.3, wantedPosition: 0.5 },
      { id: 'w1', name: 'Wenche', competence: 'assistent', position: 0.2, consentsLongShifts: true },
    ],
    demand: [
      { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 1 },
      { dayType: 'weekday', shift: 'D', competence: 'any', count: 2 },
      { dayType: 'weekday', shift: 'A', competence: 'any', count: 1 },
      { dayType: 'saturday', shift: 'L', competence: 'any', count: 2 },
      { dayType: 'sunday', shift: 'L', competence: 'any', count: 2 },
      { date: '2026-01-07', shift: 'D', competence: 'any', count: 1 },
    ],
    assignments: [
      a('h1', '2026-01-05', 'D'),
      a('h2', '2026-01-05', 'D'),
      a('a1', '2026-01-05', 'D'),
      a('s1', '2026-01-06', 'D'),
      a('h1', '2026-01-06', 'L'),
      a('h1', '2026-01-07', 'D'),
      a('h2', '2026-01-07', 'D'),
      a('a1', '2026-01-08', 'FE'),
      a('s1', '2026-01-09', 'PERM'),
      a('h1', '2026-01-10', 'L'),
      a('h2', '2026-01-10', 'L'),
      a('h1', '2026-01-11', 'L'),
      a('w1', '2026-01-11', 'L'),
    ],
  };
}

/**
 * A cost model where the arithmetic is easy by hand: no feriepenger, AGA, pension or sickness,
 * årslønn 923 000 for everyone and divisors 1846 → kr 500 per ordinary hour, kr 750 overtime, byrå kr 1000.
 */
export const handModel = () =>
  resolveCostModel({
    salaryByCompetence: { sykepleier: 923_000, helsefagarbeider: 923_000, assistent: 923_000 },
    defaultSalary: 923_000,
    feriepengeRate: 0,
    agaRate: 0,
    pensionRate: 0,
    vacationWeeks: 0,
    sickLeaveRate: 0,
    overtimeDivisor: 1846,
    nettoHours100: 1846,
    byraHourly: 1000,
  });
