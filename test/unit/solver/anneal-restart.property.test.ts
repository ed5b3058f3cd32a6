/**
 * Issue 20, engine mechanisms both models gain: restarts from the best with perturbation never
 * return a solution worse than the best the search has stood on, and the (size-aware) temperature
 * schedule falls monotonically to the final temperature at the end of the budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBetter } from '../../../shared/solver/anneal/compare';
import { anneal } from '../../../shared/solver/anneal/engine';
import { LoggedGrid } from '../../../shared/solver/anneal/logged-grid';
import type { Rng } from '../../../shared/solver/anneal/rng';
import { sizeAwareStart, temperatureAt } from '../../../shared/solver/anneal/schedule';

/** A toy problem on the models' own grid base: hard = cells below zero, soft = Σ weight × value. */
class ToyGrid extends LoggedGrid {
  loads = 0;
  /** The best (lexicographic) state the search stood on when a move started. */
  seen: { hard: number; soft: number } | null = null;

  constructor(
    readonly weights: readonly number[],
    start: readonly number[],
    private readonly hardWeight: number,
  ) {
    super(Int16Array.from(start), new Int16Array(start.length));
    this.recompute();
  }

  private recompute(): void {
    this.hard = 0;
    this.soft = 0;
    this.grid.forEach((v, i) => {
      if (v < 0) this.hard++;
      this.soft += this.weights[i] * v;
    });
  }

  set(i: number, v: number): void {
    const old = this.grid[i];
    const dh = (v < 0 ? 1 : 0) - (old < 0 ? 1 : 0);
    const ds = this.weights[i] * (v - old);
    this.grid[i] = v;
    this.hard += dh;
    this.soft += ds;
    this.lastDeltaHard += dh;
    this.lastDeltaSoft += ds;
  }

  load(grid: Int16Array): void {
    this.loads++;
    this.grid.set(grid);
    this.recompute();
  }

  move(rng: Rng): boolean {
    const now = { hard: this.hard, soft: this.soft };
    if (this.seen === null || isBetter(now, this.seen, this.hardWeight)) this.seen = now;
    this.begin();
    const i = rng.int(this.grid.length);
    this.put(i, this.grid[i] + rng.int(9) - 4);
    return this.log.length > 0;
  }

  scoreOf(a: Int16Array): { hard: number; soft: number } {
    let hard = 0;
    let soft = 0;
    a.forEach((v, i) => {
      if (v < 0) hard++;
      soft += this.weights[i] * v;
    });
    return { hard, soft };
  }
}

describe('restarts from the best with perturbation', () => {
  it('never return worse than the best seen, and the snapshot scores the reported best', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(0, 0.5, 0.9),
        (weights, start, seed, hardWeight, stagnation, perturbation, after) => {
          const state = new ToyGrid(weights, start.slice(0, weights.length), hardWeight);
          const res = anneal(state, {
            seed,
            maxMoves: 6000,
            hardWeight,
            hardWeightGrowth: 1.5,
            startTemperature: 50,
            endTemperature: 0.5,
            restart: { stagnation, perturbation, after },
          });
          expect(state.scoreOf(state.best)).toEqual({ hard: res.bestHard, soft: res.bestSoft });
          expect(isBetter(state.seen!, { hard: res.bestHard, soft: res.bestSoft }, hardWeight)).toBe(false);
          expect(res.moves).toBe(6000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reload the best when the search stagnates, and are reproducible from the seed', () => {
    const run = () => {
      const state = new ToyGrid([3, -2, 5, 1, -4, 2], [0, 0, 0, 0, 0, 0], 10);
      const res = anneal(state, {
        seed: 7,
        maxMoves: 20_000,
        hardWeight: 10,
        startTemperature: 20,
        endTemperature: 20,
        restart: { stagnation: 1024, perturbation: 10 },
      });
      return { moves: res.moves, hard: res.bestHard, soft: res.bestSoft, loads: state.loads, best: [...state.best] };
    };
    const a = run();
    expect(a.loads).toBeGreaterThan(0);
    expect(run()).toEqual(a);
  });
});

describe('the temperature schedule', () => {
  it('falls monotonically within each cycle from the start to the final temperature at the budget', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (start, end, cycles, fracs) => {
          expect(temperatureAt(0, start, end, cycles)).toBeCloseTo(start, 9);
          expect(temperatureAt(1, start, end, cycles)).toBe(end);
          const sorted = [...fracs].sort((x, y) => x - y);
          for (let k = 1; k < sorted.length; k++) {
            const [f0, f1] = [sorted[k - 1], sorted[k]];
            const t0 = temperatureAt(f0, start, end, cycles);
            const t1 = temperatureAt(f1, start, end, cycles);
            expect(t1).toBeGreaterThanOrEqual(end * (1 - 1e-12));
            expect(t1).toBeLessThanOrEqual(start * (1 + 1e-12));
            if (Math.floor(f0 * cycles) === Math.floor(f1 * cycles) || f1 === 1) expect(t1).toBeLessThanOrEqual(t0 * (1 + 1e-12));
          }
        },
      ),
    );
  });

  it('starts cooler the fewer moves each cell gets, never above the start nor below the end', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (start, end, m1, m2) => {
          const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
          const a = sizeAwareStart(start, end, lo, 1000);
          const b = sizeAwareStart(start, end, hi, 1000);
          expect(a).toBeLessThanOrEqual(b * (1 + 1e-12));
          expect(a).toBeGreaterThanOrEqual(end * (1 - 1e-12));
          expect(b).toBeLessThanOrEqual(start * (1 + 1e-12));
          if (hi >= 1000) expect(b).toBe(start);
        },
      ),
    );
  });

  it('in the engine under a time budget never rises within a cycle and ends at the final temperature', () => {
    let clock = 0;
    const temps: number[] = [];
    const state = new ToyGrid([3, -2, 5, 1, -4, 2, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0], 10);
    const res = anneal(state, {
      seed: 3,
      seconds: 2,
      now: () => (clock += 4 + (clock % 7)),
      progressMs: 1,
      hardWeight: 10,
      startTemperature: 100,
      endTemperature: 0.5,
      size: { cells: 8, fullAt: 1e6 },
      onProgress: (p) => temps.push(p.temperature),
    });
    expect(res.moves).toBeGreaterThan(1024);
    expect(temps.length).toBeGreaterThan(3);
    for (let k = 1; k < temps.length; k++) expect(temps[k]).toBeLessThanOrEqual(temps[k - 1]);
    // Few moves per cell here (fewer than fullAt): the schedule starts below 100.
    expect(temps[1]).toBeLessThan(100);
    expect(temps.at(-1)).toBeLessThan(0.5 * 1.05);
  });
});
