/**
 * Parallel search (issue 20): the board the threads share their best solution on keeps the
 * best offer and hands back only strictly better solutions; the Curtois solver on two threads
 * returns a feasible roster no worse than the best any thread reported; the fill runner on two
 * threads returns a plan without hard violations; `--threads` parses.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardBest, boardExchange, createBoard } from '../../../electron/backend/solver/board';
import { solveCurtoisParallel } from '../../../electron/backend/solver/curtois-parallel';
import { solveCurtois } from '../../../shared/solver/curtois/solve';
import { bestResult } from '../../../electron/backend/solver/portfolio';
import { generateOnThreads } from '../../../electron/backend/solver/runner';
import { parseThreads, threadSeed } from '../../../electron/backend/solver/threads';
import { isBetter } from '../../../shared/solver/anneal/compare';
import { evaluateCurtois } from '../../../shared/solver/curtois/evaluate';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { generateUnit } from '../../../shared/solver/norwegian/generate';
import type { GenerateResult } from '../../../shared/solver/norwegian/solve';
import { checkPlan, isHardViolation } from '../../../shared/rules/engine';
import { CURTOIS_DIR } from '../../paths';
import { buildNode } from '../backend/build';

const offer = fc.record({
  hard: fc.integer({ min: 0, max: 4 }),
  soft: fc.integer({ min: 0, max: 50 }),
  fill: fc.integer({ min: -1, max: 9 }),
});

describe('the board of a parallel search', () => {
  it('holds the best offer so far and hands back a solution only when it beats the offer', () => {
    fc.assert(
      fc.property(fc.array(offer, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (offers, hw) => {
        const buf = createBoard(5);
        const threads = [boardExchange(buf, 1000), boardExchange(buf, 1000)];
        let best: { hard: number; soft: number; fill: number } | null = null;
        offers.forEach((o, k) => {
          const got = threads[k % 2].trade({ hard: o.hard, soft: o.soft, grid: new Int16Array(5).fill(o.fill) }, hw);
          if (best === null || isBetter(o, best, hw)) {
            expect(got).toBeNull();
            best = o;
          } else if (isBetter(best, o, hw)) {
            expect(got).not.toBeNull();
            expect([got!.hard, got!.soft]).toEqual([best.hard, best.soft]);
            expect([...got!.grid]).toEqual(new Array(5).fill(best.fill));
          } else expect(got).toBeNull();
          expect(boardBest(buf)).toEqual({ hard: best.hard, soft: best.soft });
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('thread 0 of a portfolio only offers', () => {
  it('publishes its better solutions but never takes one from the board', () => {
    fc.assert(
      fc.property(fc.array(offer, { minLength: 1, maxLength: 30 }), (offers) => {
        const buf = createBoard(5);
        const first = boardExchange(buf, 1000, false);
        const other = boardExchange(buf, 1000);
        let best: { hard: number; soft: number } | null = null;
        offers.forEach((o, k) => {
          const got = (k % 2 === 0 ? first : other).trade({ hard: o.hard, soft: o.soft, grid: new Int16Array(5).fill(o.fill) }, 10);
          if (k % 2 === 0) expect(got).toBeNull();
          if (best === null || isBetter(o, best, 10)) best = o;
          expect(boardBest(buf)).toEqual({ hard: best.hard, soft: best.soft });
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('--threads and the threads of a portfolio', () => {
  it('accepts 1–64 whole threads; thread 0 runs the caller’s seed', () => {
    expect(parseThreads('1')).toBe(1);
    expect(parseThreads('2')).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'x', '', '65']) expect(parseThreads(bad)).toBeNull();
    expect(threadSeed(7, 0)).toBe(7);
    expect(new Set([0, 1, 2, 3].map((k) => threadSeed(7, k))).size).toBe(4);
  });

  it('the job result is the thread result with the fewest hard violations, then the best score', () => {
    const r = (hardViolations: number, hard: number, soft: number) =>
      ({ stats: { hardViolations, score: { hard, soft } } }) as GenerateResult;
    const list = [r(1, 0, 5), r(0, 2, 1), r(0, 0, 90), r(0, 0, 40)];
    expect(bestResult(list)).toBe(list[3]);
  });
});

describe('parallel search on worker threads', () => {
  let build: { dir: string; cleanup(): void } | undefined;
  const workerFile = (name: string) => path.join(build!.dir, 'electron', 'backend', 'solver', name);
  beforeAll(() => {
    build = buildNode();
  }, 120_000);
  afterAll(() => build?.cleanup());

  it('Curtois on 2 threads: a feasible roster no worse than the best a thread reported', { timeout: 60_000 }, async () => {
    const inst = parseCurtois(readFileSync(path.join(CURTOIS_DIR, 'Instance2.txt'), 'utf8'));
    const res = await solveCurtoisParallel(inst, { seconds: 3, seed: 4, threads: 2, workerFile: workerFile('curtois-worker.js') });
    expect(res.threads).toBe(2);
    expect(res.perThread.map((t) => t.seed)).toEqual([4, threadSeed(4, 1)]);
    const ev = evaluateCurtois(inst, res.roster);
    expect(ev.hardViolations).toBe(0);
    const feasible = res.perThread.filter((t) => t.bestHard === 0).map((t) => t.bestSoft);
    expect(feasible.length).toBeGreaterThan(0);
    expect(ev.objective).toBeLessThanOrEqual(Math.min(...feasible));
    expect(res.moves).toBe(res.perThread.reduce((t, p) => t + p.moves, 0));
  });

  it('Curtois on 2 threads is never worse than 1: thread 0 is exactly the single-threaded search', { timeout: 120_000 }, async () => {
    // A move budget makes the runs independent of the clock and the machine's load.
    const inst = parseCurtois(readFileSync(path.join(CURTOIS_DIR, 'Instance5.txt'), 'utf8'));
    const maxMoves = 400_000;
    const one = solveCurtois(inst, { maxMoves, seed: 3 });
    const two = await solveCurtoisParallel(inst, { maxMoves, seed: 3, threads: 2, workerFile: workerFile('curtois-worker.js') });
    expect(two.perThread[0]).toMatchObject({ seed: 3, bestHard: one.bestHard, bestSoft: one.bestSoft, moves: one.moves });
    const score = (r: typeof one) => ({ hard: r.bestHard, soft: r.bestSoft });
    expect(isBetter(score(one), score(two), 100 / one.unit)).toBe(false);
    expect(evaluateCurtois(inst, two.roster).objective).toBeLessThanOrEqual(evaluateCurtois(inst, one.roster).objective);
  });

  it('fill on 2 threads: a plan without hard violations', { timeout: 60_000 }, async () => {
    const plan = generateUnit({ employees: 12, weeks: 4, seed: 2 });
    const run = await generateOnThreads(plan, { seconds: 2, seed: 3 }, 2, workerFile('worker.js'));
    expect('result' in run).toBe(true);
    if (!('result' in run)) return;
    expect(run.result.stats.hardViolations).toBe(0);
    expect(run.result.changes.length).toBeGreaterThan(50);
    expect(checkPlan(run.result.plan).filter(isHardViolation)).toEqual([]);
  });
});
