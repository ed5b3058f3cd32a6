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
import { CurtoisState } from '../../../shared/solver/curtois/model';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { rowDescent } from '../../../shared/solver/curtois/intensify';
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
      { numRuns: 4 },
    );
  });

  it('stops when asked', () => {
    const st = new CurtoisState(inst6);
    st.construct(createRng(1));
    const before = st.a.slice();
    expect(rowDescent(st, createRng(2), 100 / st.UNIT, () => true)).toBe(0);
    expect([...st.a]).toEqual([...before]);
  });
});
