import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TurnusPlan } from '../../../shared/plan/model';

export { FIXTURES } from '../../paths';
import { FIXTURES } from '../../paths';

/** A fixture's `<name>.expected.json` (the handbook's fixtures/README.md has the arithmetic). */
export interface FixtureExpected {
  /** Contract violations as [rule, employee, date]. */
  violations: [string, string, string][];
  otherViolations?: [string, string, string][];
  employees: {
    id: string;
    plannedHours: number;
    targetHours: number;
    resultingPosition: number;
    weekendsWorked: number;
    longShifts: number;
    redDaysWorked?: string[];
    norm?: string;
    normWeeklyHours?: number;
    overtimeHours?: number;
    dayOvertimeHours?: number;
    extraHours?: number;
  }[];
  unit: {
    heltidsandel: { contracted: number; resulting: number };
    averagePosition: { contracted: number; resulting: number };
    neededHours: number;
    uncoveredShifts: number;
    uncoveredHours: number;
  };
}

export function loadFixture(name: string): { plan: TurnusPlan; expected: FixtureExpected; text: string } {
  const text = readFileSync(path.join(FIXTURES, `${name}.turnus.json`), 'utf8');
  return {
    text,
    plan: JSON.parse(text) as TurnusPlan,
    expected: JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as FixtureExpected,
  };
}

/** A minimal valid plan for hand-computed tests. */
export function makePlan(over: Partial<TurnusPlan> & { period: TurnusPlan['period'] }): TurnusPlan {
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Testavdeling' },
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00' },
      { code: 'A', start: '15:00', end: '22:30' },
      { code: 'N', start: '22:15', end: '07:45' },
      { code: 'L', start: '08:00', end: '20:30', long: true },
    ],
    employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1 }],
    demand: [],
    assignments: [],
    ...over,
  };
}

/** Assignments for one employee: [date, code] pairs. */
export function rows(employee: string, pairs: [string, string][]) {
  return pairs.map(([date, code]) => ({ employee, date, code }));
}
