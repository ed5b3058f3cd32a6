import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../shared/calendar';
import type { TurnusPlan } from '../../../shared/plan/model';
import { checkPlan, isHardViolation, type Violation } from '../../../shared/rules/engine';
import { generateUnit } from '../../../shared/solver/norwegian/generate';
import { generatePlan } from '../../../shared/solver/norwegian/solve';
import { createRng } from '../../../shared/solver/anneal/rng';

// Rows outside the period (plan-format.md): the previous plan's last shifts and the next plan's
// first are neighbours of this plan's shifts. «Fyll ut» must see them, not leave the breach to
// the final check.

const hardKeys = (p: TurnusPlan) =>
  new Set(
    checkPlan(p)
      .filter(isHardViolation)
      .map((v: Violation) => `${v.rule}|${v.employee}|${v.date}`),
  );

describe('fill with context rows outside the period', () => {
  it('puts no D or A on the first day after a night shift of the previous plan, and covers it with others', () => {
    const plan = generateUnit({ employees: 15, weeks: 2, seed: 2, absence: false, pinned: 0 });
    const day0 = plan.period.start;
    const before = addDays(day0, -1);
    const nights = plan.employees.slice(0, 5).map((e) => e.id);
    for (const id of nights) plan.assignments.push({ employee: id, date: before, code: 'N' });
    const res = generatePlan(plan, { seed: 1, maxMoves: 60_000 });
    const firstDay = res.plan.assignments.filter((a) => a.date === day0);
    for (const a of firstDay) if (nights.includes(a.employee)) expect(['D', 'A', 'L']).not.toContain(a.code);
    // The solver avoided it itself: the final check with the rule engine removed nothing.
    expect(res.stats.removedByCheck).toBe(0);
    expect(res.stats.hardViolations).toBe(0);
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
    // The day's D-vakter are still covered by the others (10 free people for them).
    expect(res.openShifts.filter((o) => o.date === day0 && o.shift === 'D')).toEqual([]);
    // The context rows are kept as they were.
    for (const id of nights) expect(res.plan.assignments).toContainEqual({ employee: id, date: before, code: 'N' });
  });

  it('creates no hard breach with random context rows before and after the period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 14 }),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        (seed, days, density) => {
          const plan = generateUnit({ employees: 8, weeks: 3, seed, weekendFrequency: 3 });
          const rng = createRng(seed + 3);
          const codes = plan.shiftTypes.map((t) => t.code);
          for (const emp of plan.employees) {
            for (let k = 1; k <= days; k++) {
              for (const date of [addDays(plan.period.start, -k), addDays(plan.period.end, k)]) {
                if (rng.next() < density) plan.assignments.push({ employee: emp.id, date, code: codes[rng.int(codes.length)] });
              }
            }
          }
          const input = hardKeys(plan);
          const res = generatePlan(plan, { seed, maxMoves: 10_000 });
          // Every hard violation of the result was in the input (a pinned or laid cell next to a
          // context row the fill may not change); none is new.
          for (const k of hardKeys(res.plan)) expect(input.has(k), k).toBe(true);
          expect(res.stats.removedByCheck).toBe(0);
        },
      ),
      { numRuns: 12, seed: 20261207 },
    );
  }, 120_000);
});
