/**
 * The row-DP descent of the Curtois solver on small instances (issue 20, intensify.ts): it keeps
 * the incremental score exact, never makes the roster worse, leaves fixed days off alone and ends
 * where no single row re-plan improves any more.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBetter } from '../../../shared/solver/anneal/compare';
import { createRng } from '../../../shared/solver/anneal/rng';
import { evaluateCurtois } from '../../../shared/solver/curtois/evaluate';
import { CurtoisState, solveCurtois } from '../../../shared/solver/curtois/model';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { polish, rowDescent } from '../../../shared/solver/curtois/intensify';
import { swapPair } from '../../../shared/solver/curtois/pair-swap';
import { repairRow } from '../../../shared/solver/curtois/row-repair';
import { CURTOIS_DIR } from '../../paths';

const load = (n: number) => parseCurtois(readFileSync(`${CURTOIS_DIR}/Instance${n}.txt`, 'utf8'));
const inst6 = load(6);

describe('row-DP descent', () => {
  it('keeps the score exact, never gets worse, respects fixed days off and ends in a row-DP local optimum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 3000 }), (seed, walk) => {
        const st = new CurtoisState(inst6);
        const rng = createRng(seed);
        st.construct(rng);
        for (let k = 0; k < walk; k++) st.move(rng);
        st.begin();
        const before = { hard: st.hard, soft: st.soft };
        const frozen = st.a.filter((_, i) => st.frozen[i] === 1);
        const hw = 100 / st.UNIT;
        rowDescent(st, createRng(seed + 1), hw, () => false);
        const after = { hard: st.hard, soft: st.soft };
        st.recompute();
        expect([st.hard, st.soft]).toEqual([after.hard, after.soft]);
        expect(isBetter(before, after, hw)).toBe(false);
        expect([...st.a.filter((_, i) => st.frozen[i] === 1)]).toEqual([...frozen]);
        for (let e = 0; e < st.E; e++) {
          st.begin();
          if (!repairRow(st, e)) continue;
          expect(isBetter({ hard: st.hard, soft: st.soft }, after, hw)).toBe(false);
          st.undo();
        }
      }),
      { numRuns: 3 },
    );
  });

  it('stops when asked', () => {
    const st = new CurtoisState(inst6);
    st.construct(createRng(1));
    const before = st.a.slice();
    expect(rowDescent(st, createRng(2), 100 / st.UNIT, () => true)).toBe(0);
    expect([...st.a]).toEqual([...before]);
  });

  it('a pair exchange keeps the cover of every day, the score exact, and can be undone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), fc.nat(), (seed, x, y) => {
        const st = new CurtoisState(inst6);
        const rng = createRng(seed);
        st.construct(rng);
        for (let k = 0; k < 2000; k++) st.move(rng);
        const e1 = x % st.E;
        const e2 = (e1 + 1 + (y % (st.E - 1))) % st.E;
        const before = st.a.slice();
        const cover = st.cnt.slice();
        st.begin();
        swapPair(st, e1, e2);
        expect([...st.cnt]).toEqual([...cover]);
        for (let i = 0; i < st.a.length; i++) {
          const e = Math.floor(i / st.D);
          if ((e !== e1 && e !== e2) || st.frozen[i]) expect(st.a[i]).toBe(before[i]);
        }
        const [h, s] = [st.hard, st.soft];
        st.recompute();
        expect([st.hard, st.soft]).toEqual([h, s]);
        st.undo();
        expect([...st.a]).toEqual([...before]);
      }),
      { numRuns: 30 },
    );
  });

  it('the polish returns a roster never worse than the one it got, scored exactly, as the best', () => {
    for (const seed of [1, 2]) {
      const st = new CurtoisState(inst6);
      const rng = createRng(seed);
      st.construct(rng);
      for (let k = 0; k < 20_000; k++) st.move(rng);
      st.saveBest();
      const entry = { hard: st.hard, soft: st.soft };
      const hw = 2000 / st.UNIT;
      let rounds = 0;
      polish(st, { seed, hardWeight: hw, temperature: 3, endTemperature: 0.5, roundMoves: 20_000, stop: () => rounds++ > 6 });
      const got = { hard: st.hard, soft: st.soft };
      expect(isBetter(entry, got, hw)).toBe(false);
      expect([...st.a]).toEqual([...st.best]);
      st.recompute();
      expect([st.hard, st.soft]).toEqual([got.hard, got.soft]);
    }
  });

  it('the solver ends with the descent on a 4-week instance: never worse than without, scored as the evaluator scores it', () => {
    for (const seed of [1, 2]) {
      const off = solveCurtois(inst6, { seed, maxMoves: 150_000, tuning: { descent: false } });
      const on = solveCurtois(inst6, { seed, maxMoves: 150_000 });
      expect(on.bestHard).toBe(0);
      expect(on.bestSoft).toBeLessThanOrEqual(off.bestSoft);
      const ev = evaluateCurtois(inst6, on.roster);
      expect(ev.hardViolations).toBe(0);
      expect(ev.objective).toBe(on.bestSoft);
    }
  });
});
