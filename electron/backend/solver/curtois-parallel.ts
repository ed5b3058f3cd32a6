/**
 * The Curtois solver on several threads (`turnus curtois --threads N`): a portfolio of
 * `node:worker_threads` workers, each with its own seed and the default settings (two annealing
 * cycles on every second thread were worse: docs/benchmarks.md, issue 20), sharing the best roster
 * through a board (board.ts); the best roster any thread returns is the result. One thread
 * runs in the calling thread, exactly as `solveCurtois`.
 */
import path from 'node:path';
import { bestOf } from '../../../shared/solver/anneal/compare';
import { type CurtoisSolveResult, solveCurtois } from '../../../shared/solver/curtois/solve';
import type { CurtoisInstance } from '../../../shared/solver/curtois/types';
import { createBoard } from './board';
import { startOnce } from './one-shot';
import { exchangeIntervalMs, threadSeed } from './threads';

export interface CurtoisThreadInput {
  instance: CurtoisInstance;
  seconds?: number;
  maxMoves?: number;
  seed: number;
  board: SharedArrayBuffer;
  exchangeMs: number;
  /** Whether this thread takes better rosters from the board (all but thread 0, see boardExchange). */
  adopt: boolean;
}

export interface ParallelCurtoisOptions {
  seconds?: number;
  maxMoves?: number;
  seed?: number;
  threads?: number;
  /** Compiled worker script; default: curtois-worker.js next to this file. */
  workerFile?: string;
}

export interface ParallelCurtoisResult extends CurtoisSolveResult {
  threads: number;
  /** What each thread returned (thread 0 first). */
  perThread: { seed: number; bestHard: number; bestSoft: number; firstFeasibleMs: number | null; moves: number }[];
}

async function runThread(file: string, input: CurtoisThreadInput): Promise<CurtoisSolveResult> {
  const end = await startOnce<CurtoisThreadInput, CurtoisSolveResult>(file, input).ended;
  if (end.ok) return end.result;
  throw new Error(end.why === 'exit' ? `Søketråden avsluttet uten resultat (${end.message}).` : end.message);
}

export async function solveCurtoisParallel(inst: CurtoisInstance, opts: ParallelCurtoisOptions = {}): Promise<ParallelCurtoisResult> {
  const seed = opts.seed ?? 1;
  const threads = Math.max(1, Math.floor(opts.threads ?? 1));
  const summary = (r: CurtoisSolveResult, s: number) => ({
    seed: s,
    bestHard: r.bestHard,
    bestSoft: r.bestSoft,
    firstFeasibleMs: r.firstFeasibleMs,
    moves: r.moves,
  });
  if (threads === 1) {
    const r = solveCurtois(inst, { seconds: opts.seconds, maxMoves: opts.maxMoves, seed });
    return { ...r, threads: 1, perThread: [summary(r, seed)] };
  }
  const file = opts.workerFile ?? path.join(__dirname, 'curtois-worker.js');
  const board = createBoard(inst.staff.length * inst.horizon);
  const exchangeMs = exchangeIntervalMs(opts.seconds);
  const seeds = Array.from({ length: threads }, (_, k) => threadSeed(seed, k));
  const results = await Promise.all(
    seeds.map((s, k) =>
      runThread(file, {
        instance: inst,
        seconds: opts.seconds,
        maxMoves: opts.maxMoves,
        seed: s,
        board,
        exchangeMs,
        adopt: k !== 0,
      }),
    ),
  );
  const scored = results.map((r) => ({ r, hard: r.bestHard, soft: r.bestSoft }));
  // Hard is in the solver's units (one violation = r.unit); any positive weight keeps feasibility first.
  const best = bestOf(scored, 100 / results[0].unit)!.r;
  const feasible = results.map((r) => r.firstFeasibleMs).filter((x): x is number => x !== null);
  return {
    ...best,
    moves: results.reduce((t, r) => t + r.moves, 0),
    elapsedMs: Math.max(...results.map((r) => r.elapsedMs)),
    firstFeasibleMs: feasible.length > 0 ? Math.min(...feasible) : null,
    cancelled: results.some((r) => r.cancelled),
    threads,
    perThread: results.map((r, k) => summary(r, seeds[k])),
  };
}
