/**
 * The window DP counts the weekends exactly where the employee's maximum binds (issue 20, fifth
 * pass): a window re-plan never takes a row over its maximum of worked weekends, keeps the
 * incremental score exact, and leaves frozen days off as they are.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/solver/anneal/rng';
import { CurtoisState } from '../../../shared/solver/curtois/model';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { repairWindow, weekendBudget } from '../../../shared/solver/curtois/row-repair';
import { CURTOIS_DIR } from '../../paths';

const inst = parseCurtois(readFileSync(`${CURTOIS_DIR}/Instance16.txt`, 'utf8'));
// Few weekends allowed, so that the maximum binds in most windows.
const tight = { ...inst, staff: inst.staff.map((s) => ({ ...s, maxWeekends: 1 + (s.id.length % 3) })) };

const weekends = (st: CurtoisState, e: number) => {
  let n = 0;
  for (let sat = 5; sat < st.W * 7; sat += 7) if (st.a[e * st.D + sat] >= 0 || st.a[e * st.D + sat + 1] >= 0) n++;
  return n;
};

describe('window DP with a binding weekend maximum', () => {
  it('never takes a row over its maximum of weekends and keeps the score exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), fc.nat(), fc.integer({ min: 2, max: 28 }), (seed, e0, d0, len) => {
        const st = new CurtoisState(tight);
        st.exactWeekends = true;
        const rng = createRng(seed);
        st.construct(rng);
        for (let k = 0; k < 3000; k++) st.move(rng);
        const e = e0 % st.E;
        const L = d0 % st.D;
        const R = Math.min(st.D - 1, L + len - 1);
        const within = weekends(st, e) <= st.maxWe[e];
        const exact = weekendBudget(st, e, L, R).states > 1;
        const before = st.a.slice();
        st.begin();
        repairWindow(st, e, L, R);
        if (within && exact) expect(weekends(st, e)).toBeLessThanOrEqual(st.maxWe[e]);
        for (let i = 0; i < st.a.length; i++) if (st.frozen[i]) expect(st.a[i]).toBe(before[i]);
        const [h, s] = [st.hard, st.soft];
        st.recompute();
        expect([st.hard, st.soft]).toEqual([h, s]);
      }),
      { numRuns: 60 },
    );
  });

  it('counts exactly only where the maximum binds inside the window', () => {
    const st = new CurtoisState(tight);
    st.exactWeekends = true;
    st.construct(createRng(5));
    // Every weekend allowed: no constraint, one state.
    const loose = new CurtoisState({ ...inst, staff: inst.staff.map((s) => ({ ...s, maxWeekends: 99 })) });
    for (let e = 0; e < st.E; e++) {
      expect(weekendBudget(loose, e, 0, 27).states).toBe(1);
      expect(weekendBudget(st, e, 0, 27).states).toBeLessThanOrEqual(st.maxWe[e] + 1);
    }
  });
});
