/**
 * Issue 14: the greedy start plans each weekend of the rhythm first, by an exact assignment of
 * the weekend's group to its open slots, so a group that can cover its weekend does, and the
 * start it lays is legal (nothing removed by the rule engine, no other group's weekend, every
 * laid cell kept).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDay } from '../../../shared/calendar';
import { DEFAULT_SHIFT_TYPES, type TurnusPlan } from '../../../shared/plan/model';
import { checkPlan, isHardViolation } from '../../../shared/rules/engine';
import { generateUnit } from '../../../shared/solver/norwegian/generate';
import { generatePlan } from '../../../shared/solver/norwegian/solve';

const key = (a: { employee: string; date: string }) => `${a.employee}|${a.date}`;

/** Two weekend groups, each of a sykepleier and a helsefagarbeider who both consent to langvakt. */
function twoGroups(): TurnusPlan {
  const person = (id: string, name: string, competence: string, weekendGroup: number) => ({
    id,
    name,
    competence,
    position: 1,
    weeklyHours: 35.5,
    consentsLongShifts: true,
    weekendGroup,
  });
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Helgetest', weekendFrequency: 2, weekendAnchor: '2026-03-07' },
    period: { start: '2026-03-02', end: '2026-03-15' },
    shiftTypes: DEFAULT_SHIFT_TYPES.map((s) => ({ ...s })),
    employees: [
      person('e1', 'Kari Nordmann', 'sykepleier', 0),
      person('e2', 'Ola Hansen', 'helsefagarbeider', 0),
      person('e3', 'Ingrid Berg', 'sykepleier', 1),
      person('e4', 'Lars Olsen', 'helsefagarbeider', 1),
    ],
    demand: [
      { dayType: 'weekday', shift: 'D', competence: 'any', count: 1 },
      { dayType: 'saturday', shift: 'L', competence: 'any', count: 1 },
      { dayType: 'saturday', shift: 'D', competence: 'sykepleier', count: 1 },
      { dayType: 'sunday', shift: 'L', competence: 'any', count: 1 },
      { dayType: 'sunday', shift: 'D', competence: 'sykepleier', count: 1 },
    ],
    assignments: [],
  };
}

describe('weekend start of the generator (issue 14)', () => {
  it('gives the weekend D for sykepleiere to the group’s sykepleier and the langvakt to her colleague', { timeout: 60_000 }, () => {
    const plan = twoGroups();
    // One move of search: the start alone must cover every weekend slot (the greedy by gain
    // gave the sykepleier the langvakt, the longer shift, and left the D for sykepleiere open).
    const res = generatePlan(plan, { seed: 1, maxMoves: 1 });
    const weekend = res.openShifts.filter((o) => [5, 6].includes((toDay(o.date) - toDay('2026-03-02')) % 7));
    expect(weekend).toEqual([]);
    const on = (id: string, date: string) => res.plan.assignments.find((a) => a.employee === id && a.date === date)?.code;
    expect([on('e1', '2026-03-07'), on('e2', '2026-03-07')]).toEqual(['D', 'L']);
    expect([on('e3', '2026-03-15'), on('e4', '2026-03-15')]).toEqual(['D', 'L']);
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
  });

  it('lays a legal start on random units: nothing removed by the rule engine, no other group’s weekend, laid cells kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 14 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 2, max: 4 }),
        (employees, weeks, seed, k) => {
          const plan = generateUnit({ employees, weeks, seed, weekendFrequency: k, longShiftWeekends: 0.8, weekendAnchor: '2026-01-10' });
          const before = checkPlan(plan).filter(isHardViolation).length;
          const res = generatePlan(plan, { seed, maxMoves: 1 });
          expect(res.stats.removedByCheck).toBe(0);
          expect(res.stats.offGroupWeekendShifts).toEqual([]);
          expect(checkPlan(res.plan).filter(isHardViolation).length).toBeLessThanOrEqual(before);
          const after = new Map(res.plan.assignments.map((a) => [key(a), a]));
          for (const a of plan.assignments) expect(after.get(key(a))).toEqual(a);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
