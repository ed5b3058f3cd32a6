import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { evaluateCurtois } from '../../../shared/solver/curtois/evaluate';
import { CurtoisState, solveCurtois } from '../../../shared/solver/curtois/model';
import { createRng } from '../../../shared/solver/anneal/rng';
import { CURTOIS_DIR } from '../../paths';

const load = (n: number) => parseCurtois(readFileSync(`${CURTOIS_DIR}/Instance${n}.txt`, 'utf8'));

describe('Curtois solver', () => {
  it.each([1, 2, 3])('finds a roster without hard violations for Instance%i', (n) => {
    const inst = load(n);
    const res = solveCurtois(inst, { seed: 1, seconds: 2 });
    const ev = evaluateCurtois(inst, res.roster);
    expect(ev.violations).toEqual([]);
    expect(res.bestHard).toBe(0);
    expect(res.bestSoft).toBe(ev.objective);
  });

  it('gives the same roster for the same seed and move budget', () => {
    const inst = load(3);
    const a = solveCurtois(inst, { seed: 42, maxMoves: 200_000 });
    const b = solveCurtois(inst, { seed: 42, maxMoves: 200_000 });
    expect(a.roster).toEqual(b.roster);
    expect(a.moves).toBe(200_000);
    const c = solveCurtois(inst, { seed: 43, maxMoves: 200_000 });
    expect(c.roster).not.toEqual(a.roster);
  });

  it('keeps its incremental score equal to a full recomputation after random moves and undos', () => {
    for (const n of [4, 6, 15]) {
      const st = new CurtoisState(load(n));
      const rng = createRng(7);
      st.construct(rng);
      for (let k = 0; k < 3000; k++) {
        st.move(rng);
        if (rng.next() < 0.4) st.undo();
        if (k % 250 === 0) {
          const { hard, soft } = st;
          st.recompute();
          expect([st.hard, st.soft]).toEqual([hard, soft]);
        }
      }
    }
  });

  it('never returns a roster worse than the best feasible one it saw (issue 20)', () => {
    // Deterministic move budgets over several seeds: whenever the solver reports a feasible
    // roster (firstFeasibleMs set), the roster it returns is feasible for the independent
    // evaluator and scores what it reports.
    for (const n of [2, 4, 6]) {
      const inst = load(n);
      for (const seed of [1, 2, 3, 4]) {
        const res = solveCurtois(inst, { seed, maxMoves: 60_000 });
        const ev = evaluateCurtois(inst, res.roster);
        if (res.firstFeasibleMs !== null) {
          expect({ n, seed, violations: ev.violations }).toEqual({ n, seed, violations: [] });
          expect(res.bestHard).toBe(0);
          expect(res.bestSoft).toBe(ev.objective);
        } else {
          expect(res.bestHard).toBeGreaterThan(0);
        }
      }
    }
  });

  it('stops when cancelled and reports progress', () => {
    const inst = load(5);
    const seen: number[] = [];
    let calls = 0;
    const res = solveCurtois(inst, {
      seed: 1,
      seconds: 30,
      shouldStop: () => ++calls > 3,
      onProgress: (p) => seen.push(p.moves),
    });
    expect(res.cancelled).toBe(true);
    expect(res.moves).toBeLessThan(100_000);
    expect(seen.length).toBeGreaterThan(0);
    expect(Object.keys(res.roster)).toEqual(inst.staff.map((s) => s.id));
  });
});
