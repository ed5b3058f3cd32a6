// Engine properties shared by the fast-check tests of several rule families.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { TurnusPlan } from '../../../shared/plan/model';
import { checkPlan, createChecker } from '../../../shared/rules/engine';
import { arbEdits } from './arbitraries';

/** After each of up to 6 random edits, the incremental checker lists what a full check of the edited plan lists. */
export function expectIncrementalEqualsFull(arb: fc.Arbitrary<TurnusPlan>, numRuns: number): void {
  fc.assert(
    fc.property(
      arb.chain((plan) => fc.tuple(fc.constant(plan), arbEdits(plan, 6))),
      ([plan, edits]) => {
        const checker = createChecker(plan);
        for (const edit of edits) {
          const inc = checker.applyChange(edit).map((v) => JSON.stringify(v));
          expect(inc).toEqual(checkPlan(checker.currentPlan()).map((v) => JSON.stringify(v)));
        }
      },
    ),
    { numRuns },
  );
}

/** The plan's timed activities only add work: every breach `keys` finds without them is still there with them. */
export function expectActivitiesOnlyAdd(arb: fc.Arbitrary<TurnusPlan>, keys: (p: TurnusPlan) => string[], numRuns: number): void {
  fc.assert(
    fc.property(arb, (plan) => {
      const withAct = new Set(keys(plan));
      for (const k of keys({ ...plan, activities: [] })) expect(withAct.has(k)).toBe(true);
    }),
    { numRuns },
  );
}
