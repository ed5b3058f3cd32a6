/**
 * The walkthrough plan of issue 17 as a plan file: 20 people, 6 months (1 Feb–31 Jul 2027),
 * weekend groups (every 4th weekend, anchored), langvakter (L 08:00–20:30 = 12,5 t) for those who
 * consented (one consent without a date), a 12,5 h agreement on file, staff meetings (MØTE), and
 * sykepleier needs the plan leaves open on some days. Built with the e2e seed's pattern, so the
 * unit test and the e2e test read the same kind of plan.
 */
import type { Employee, TurnusPlan } from '../../../shared/plan/model';
import { DEFAULT_SHIFT_TYPES } from '../../../shared/plan/model';
import { DEMAND, patternCells } from '../../e2e/seed';

export const WALKTHROUGH_AGREEMENT = { key: 'maxShiftHours' as const, signedDate: '2026-10-01', parties: 'NSF og Fagforbundet' };

const NAMES = [
  'Kari Nordmann',
  'Ola Hansen',
  'Ingrid Johansen',
  'Per Olsen',
  'Anne Larsen',
  'Lars Andersen',
  'Marit Pedersen',
  'Jonas Nilsen',
  'Sigrid Kristiansen',
  'Ahmed Jensen',
  'Nora Karlsen',
  'Emil Berg',
  'Fatima Haugen',
  'Hanne Bakke',
  'Tor Lie',
  'Åse Hansen',
  'Øystein Berg',
  'Liv Olsen',
  'Mohammad Lie',
  'Solveig Bakke',
];
const POSITIONS = [1, 0.8, 0.75, 0.6, 0.5, 0.9, 0.7, 0.4, 1, 0.85];

export function walkthroughEmployees(): Employee[] {
  return NAMES.map((name, i) => {
    const consents = i % 5 !== 4;
    const e: Employee = {
      id: String(i + 1),
      employeeNumber: String(10_401 + i),
      name,
      competence: i % 4 === 0 ? 'sykepleier' : i % 4 === 3 ? 'assistent' : 'helsefagarbeider',
      position: POSITIONS[i % POSITIONS.length],
      consentsLongShifts: consents,
      weekendGroup: i % 4,
    };
    if (consents && i !== 1) e.longShiftConsentDate = `2026-09-${String(1 + (i % 20)).padStart(2, '0')}`;
    if (i === 6) e.nightExempt = true;
    return e;
  });
}

export function walkthroughPlan(): TurnusPlan {
  const employees = walkthroughEmployees();
  const start = '2027-02-01';
  const end = '2027-07-31';
  const cells = patternCells(employees, start, end);
  // Staff meeting on the first Wednesday of each month: everyone on day duty goes to MØTE.
  for (const c of cells) {
    const d = Number(c.date.slice(8));
    if (d <= 7 && new Date(`${c.date}T12:00:00Z`).getUTCDay() === 3 && c.code === 'D') c.code = 'MØTE';
  }
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Avdeling Solsiden', heltidThreshold: 0.8, weekendFrequency: 4, weekendAnchor: '2027-02-06' },
    period: { start, end },
    rules: { holidayReduction: 'MONSAT_T_OVER_6', agreements: { maxShiftHours: 12.5 }, maxConsecutiveDays: 6 },
    shiftTypes: DEFAULT_SHIFT_TYPES,
    employees,
    demand: DEMAND,
    assignments: cells.map((c) => ({ employee: c.employeeId, date: c.date, code: c.code! })),
  };
}
