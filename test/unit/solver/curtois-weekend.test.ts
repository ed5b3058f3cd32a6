/**
 * The weekend move of the Curtois solver (issue 20, fifth pass): it changes one employee's row
 * only around two weekends, never a fixed day off, keeps the incremental score exact and can be
 * undone; the solver with weekend moves (8 weeks to under half a year) returns a feasible roster
 * whose score the evaluator confirms.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/solver/anneal/rng';
import { evaluateCurtois } from '../../../shared/solver/curtois/evaluate';
import { CurtoisState, solveCurtois } from '../../../shared/solver/curtois/model';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { weekendMove } from '../../../shared/solver/curtois/weekend';
import { CURTOIS_DIR } from '../../paths';
import { expectExactMoveAndUndo } from './curtois-move-check';

const load = (n: number) => parseCurtois(readFileSync(`${CURTOIS_DIR}/Instance${n}.txt`, 'utf8'));
const inst16 = load(16);

describe('weekend move', () => {
  it('changes one row near two weekends only, keeps fixed days off and the score exact, and can be undone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 3000 }), (seed, warm) => {
        const st = new CurtoisState(inst16);
        const rng = createRng(seed);
        st.construct(rng);
        for (let k = 0; k < warm; k++) {
          st.begin();
          st.move(rng);
        }
        const before = st.a.slice();
        const [h0, s0] = [st.hard, st.soft];
        st.begin();
        weekendMove(st, rng);
        const rows = new Set<number>();
        const days: number[] = [];
        for (let i = 0; i < st.a.length; i++) {
          if (st.a[i] === before[i]) continue;
          expect(st.frozen[i]).toBe(0);
          rows.add(Math.floor(i / st.D));
          days.push(i % st.D);
        }
        expect(rows.size).toBeLessThanOrEqual(1);
        // Every changed day lies within 3 days of one of two weekends (Wednesday to Wednesday).
        const near = (d: number, w: number) => d >= 7 * w + 2 && d <= 7 * w + 9;
        let covered = days.length === 0;
        for (let w1 = 0; w1 < st.W && !covered; w1++)
          for (let w2 = w1; w2 < st.W && !covered; w2++) covered = days.every((d) => near(d, w1) || near(d, w2));
        expect(covered).toBe(true);
        expectExactMoveAndUndo(st, h0, s0, before);
      }),
      { numRuns: 40 },
    );
  });

  it('the solver with weekend moves returns a feasible roster the evaluator scores as it does', () => {
    const res = solveCurtois(inst16, { seed: 2, maxMoves: 400_000 });
    const ev = evaluateCurtois(inst16, res.roster);
    expect(ev.hardViolations).toBe(0);
    expect(ev.objective).toBe(res.bestSoft);
  });
});
