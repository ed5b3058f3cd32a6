// A unit like the one in issue 14: 20 employees, 6 langvakt consenters, 6 sykepleiere, a
// bemanningsplan of D/A/N with L on weekends, and a spring period over the DST night and 1./2. mai.
import type { Employee, PlanActivity, TurnusPlan } from '../../../shared/plan/model';
import { DEFAULT_SHIFT_TYPES } from '../../../shared/plan/model';

const NAMES = [
  'Kari',
  'Ola',
  'Anne',
  'Per',
  'Liv',
  'Nils',
  'Berit',
  'Jon',
  'Siri',
  'Tor',
  'Eva',
  'Arne',
  'Mona',
  'Geir',
  'Hege',
  'Knut',
  'Tone',
  'Rune',
  'Inger',
  'Odd',
];

export function issueStaff(): Employee[] {
  return NAMES.map((name, i) => ({
    id: `e${i + 1}`,
    name,
    competence: i < 6 ? 'sykepleier' : i < 16 ? 'helsefagarbeider' : 'assistent',
    position: [1, 0.8, 0.75, 0.6, 0.5][i % 5],
    // Consenters bunched as the issue found them: 4 of 6 among the first five.
    consentsLongShifts: [0, 1, 2, 3, 9, 12].includes(i),
    nightExempt: i === 4 || i === 11,
  }));
}

export function issuePlan(over: Partial<TurnusPlan> = {}): TurnusPlan {
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Avdeling Solsiden', weekendFrequency: 4 },
    period: { start: '2027-03-01', end: '2027-05-30' },
    shiftTypes: DEFAULT_SHIFT_TYPES.map((t) => ({ ...t })),
    employees: issueStaff(),
    demand: [
      { dayType: 'weekday', shift: 'D', competence: 'any', count: 4 },
      { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 1 },
      { dayType: 'weekday', shift: 'A', competence: 'any', count: 3 },
      { dayType: 'weekday', shift: 'N', competence: 'any', count: 2 },
      { dayType: 'saturday', shift: 'L', competence: 'any', count: 3 },
      { dayType: 'saturday', shift: 'N', competence: 'any', count: 2 },
      { dayType: 'sunday', shift: 'L', competence: 'any', count: 3 },
      { dayType: 'sunday', shift: 'N', competence: 'any', count: 2 },
      { dayType: 'holiday', shift: 'L', competence: 'any', count: 3 },
      { dayType: 'holiday', shift: 'N', competence: 'any', count: 2 },
    ],
    assignments: [],
    ...over,
  };
}

/** A meeting for all on Wednesday 14.04.2027, 13:00–15:00 (override any field). */
export const meeting = (over: Partial<PlanActivity> = {}): PlanActivity => ({
  code: 'MØTE',
  date: '2027-04-14',
  start: '13:00',
  end: '15:00',
  employees: 'all',
  ...over,
});

/** The issue's plan with these activities and cells ([employee, date, code]). */
export const withCells = (activities: PlanActivity[], cells: [string, string, string][] = []): TurnusPlan =>
  issuePlan({ activities, assignments: cells.map(([employee, date, code]) => ({ employee, date, code })) });
