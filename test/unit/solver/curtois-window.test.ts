/**
 * The large-neighbourhood window move of the Curtois solver (issue 20): the window DP changes
 * only the chosen days of the chosen rows, keeps the incremental score exact, over the whole
 * row it is the whole-row repair, and on a long horizon the solver with window moves keeps
 * returning a feasible roster whose score the evaluator confirms.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/solver/anneal/rng';
import { evaluateCurtois } from '../../../shared/solver/curtois/evaluate';
import { CurtoisState, solveCurtois } from '../../../shared/solver/curtois/model';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { repairWindow } from '../../../shared/solver/curtois/row-repair';
import { CURTOIS_DIR } from '../../paths';
import { expectExactMoveAndUndo } from './curtois-move-check';

const load = (n: number) => parseCurtois(readFileSync(`${CURTOIS_DIR}/Instance${n}.txt`, 'utf8'));
const inst16 = load(16);

describe('window DP', () => {
  it('changes only the window of its row, keeps the score exact and can be undone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 28 }), (seed, e0, d0, len) => {
        const st = new CurtoisState(inst16);
        const rng = createRng(seed);
        st.construct(rng);
        for (let k = 0; k < 2000; k++) st.move(rng);
        const e = e0 % st.E;
        const L = d0 % st.D;
        const R = Math.min(st.D - 1, L + len - 1);
        const before = st.a.slice();
        const [h0, s0] = [st.hard, st.soft];
        st.begin();
        repairWindow(st, e, L, R);
        for (let i = 0; i < st.a.length; i++) {
          const d = i % st.D;
          if (Math.floor(i / st.D) !== e || d < L || d > R || st.frozen[i]) expect(st.a[i]).toBe(before[i]);
        }
        expectExactMoveAndUndo(st, h0, s0, before);
      }),
      { numRuns: 40 },
    );
  });

  it('over the whole row it is the whole-row repair', () => {
    const a = new CurtoisState(inst16);
    const b = new CurtoisState(inst16);
    a.construct(createRng(3));
    b.construct(createRng(3));
    for (let e = 0; e < a.E; e += 3) {
      a.begin();
      a.repairRow(e);
      b.begin();
      repairWindow(b, e, 0, b.D - 1);
    }
    expect([...a.a]).toEqual([...b.a]);
  });

  it('a window move changes at most the configured days and employees', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 4 }),
        (seed, days, rows) => {
          const st = new CurtoisState(inst16);
          const rng = createRng(seed);
          st.construct(rng);
          st.windowDays = [days, days];
          st.windowRows = [rows, rows];
          const before = st.a.slice();
          st.begin();
          st.windowMove(rng);
          const changedRows = new Set<number>();
          let first = st.D;
          let last = -1;
          for (let i = 0; i < st.a.length; i++) {
            if (st.a[i] === before[i]) continue;
            changedRows.add(Math.floor(i / st.D));
            first = Math.min(first, i % st.D);
            last = Math.max(last, i % st.D);
          }
          expect(changedRows.size).toBeLessThanOrEqual(rows);
          if (last >= 0) expect(last - first + 1).toBeLessThanOrEqual(days);
          const [h, s] = [st.hard, st.soft];
          st.recompute();
          expect([st.hard, st.soft]).toEqual([h, s]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the solver with small window moves (many shift types) returns the roster it scores', () => {
    const res = solveCurtois(inst16, { seed: 3, maxMoves: 150_000, tuning: { windowRate: 0.05, windowDays: [7, 14], windowRows: [2, 3] } });
    const ev = evaluateCurtois(inst16, res.roster);
    expect(ev.hardViolations === 0).toBe(res.bestHard === 0);
    if (res.bestHard === 0) expect(res.bestSoft).toBe(ev.objective);
  });

  it('the solver with window moves returns the roster it scores, as the evaluator scores it', () => {
    const res = solveCurtois(inst16, { seed: 2, maxMoves: 150_000, tuning: { windowRate: 0.05 } });
    const ev = evaluateCurtois(inst16, res.roster);
    expect(ev.hardViolations === 0).toBe(res.bestHard === 0);
    if (res.bestHard === 0) expect(res.bestSoft).toBe(ev.objective);
  });
});
