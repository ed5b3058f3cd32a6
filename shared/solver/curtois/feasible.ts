/**
 * Phase A of the Curtois solver (feasibility first): annealing on the hard rules with a heavy
 * hard weight, then row-repair sweeps over the employees whose rows still break a hard rule, then
 * short cold rounds of both until the roster is feasible or phase A's share of the budget is used.
 *
 * The first round's schedule runs over a number of moves that grows with the instance
 * (`FIRST_ROUND_MOVES_PER_CELL`), not over a share of the time budget: stretched over 40 % of a
 * 60 s budget it stayed hot for most of it, so the first feasible roster came later the longer
 * the budget was and the busier the machine (Instance22: 24–59 s under load, docs/benchmarks.md).
 */
import { anneal, clockMs, type SearchOptions, type SearchProgress } from '../anneal/engine';
import type { CurtoisState } from './state';

/** Phase A's share of the time or move budget. */
export const PHASE_A_SHARE = 0.4;
/** Moves per decision cell of phase A's first round (at least FIRST_ROUND_MIN_MOVES). */
export const FIRST_ROUND_MOVES_PER_CELL = 200;
const FIRST_ROUND_MIN_MOVES = 4_000_000;
/** Moves per cell of each later (cold) round (at least LATER_ROUND_MIN_MOVES). */
const LATER_ROUND_MOVES_PER_CELL = 30;
const LATER_ROUND_MIN_MOVES = 500_000;

export interface PhaseAOptions {
  seed: number;
  seconds?: number;
  maxMoves?: number;
  hardWeight: number;
  startTemperature: number;
  endTemperature: number;
  /** Moves per cell of the first round (default FIRST_ROUND_MOVES_PER_CELL). */
  movesPerCell?: number;
  onProgress?: (p: SearchProgress) => void;
  shouldStop: () => boolean;
  exchange?: SearchOptions['exchange'];
  /** Clock time the solve began (the greedy start counts in the budget and in firstFeasibleMs). */
  tStart: number;
  /** The repair sweeps stop when this returns true. */
  sweepStop: () => boolean;
}

export interface PhaseAResult {
  moves: number;
  bestHard: number;
  bestSoft: number;
  /** Milliseconds from tStart to the first roster without hard violations, or null. */
  firstFeasibleMs: number | null;
}

/**
 * Run phase A on `state` (after the greedy start). Afterwards the current roster is phase A's
 * result (the best seen) and `state.best` holds it.
 */
export function phaseA(state: CurtoisState, o: PhaseAOptions): PhaseAResult {
  const cells = state.E * state.D;
  const moveLimit = o.maxMoves !== undefined ? Math.floor(o.maxMoves * PHASE_A_SHARE) : Infinity;
  const endMs = o.seconds !== undefined ? o.tStart + o.seconds * 1000 * PHASE_A_SHARE : Infinity;
  let moves = 0;
  let firstFeasibleMs: number | null = state.hard === 0 ? clockMs() - o.tStart : null;
  const round = (no: number) => {
    const t0 = clockMs();
    const perCell = no === 0 ? (o.movesPerCell ?? FIRST_ROUND_MOVES_PER_CELL) : LATER_ROUND_MOVES_PER_CELL;
    const floor = no === 0 ? FIRST_ROUND_MIN_MOVES : LATER_ROUND_MIN_MOVES;
    const roundMoves = Math.min(moveLimit - moves, Math.max(floor, Math.round(perCell * cells)));
    const offset = moves;
    const res = anneal(state, {
      seed: (o.seed + no * 0x9e3779b9) | 0,
      seconds: Number.isFinite(endMs) ? Math.max(0.001, (endMs - t0) / 1000) : undefined,
      maxMoves: roundMoves,
      hardWeight: o.hardWeight,
      // Later rounds start cooler: they rework what the sweeps left, not rebuild it.
      startTemperature: no === 0 ? o.startTemperature : Math.min(o.startTemperature, 100 * o.endTemperature),
      endTemperature: o.endTemperature,
      hardWeightRamp: 5,
      hardWeightGrowth: 1.001,
      onProgress: o.onProgress
        ? (p) =>
            o.onProgress!({
              ...p,
              moves: p.moves + offset,
              elapsedMs: p.elapsedMs + (t0 - o.tStart),
              firstFeasibleMs: firstFeasibleMs ?? (p.firstFeasibleMs === null ? null : p.firstFeasibleMs + (t0 - o.tStart)),
              done: false,
            })
        : undefined,
      shouldStop: () => state.hard === 0 || o.shouldStop(),
      exchange: o.exchange,
    });
    moves += res.moves;
    if (firstFeasibleMs === null && res.firstFeasibleMs !== null) firstFeasibleMs = res.firstFeasibleMs + (t0 - o.tStart);
    // Continue from the best roster of the round; sweep the rows that still break hard rules
    // with the dynamic-programming row repair.
    state.load(state.best);
    const rowRate = state.rowRepairRate;
    state.rowRepairRate = 0;
    for (let sweep = 0; sweep < 3 && state.hard > 0 && !o.shouldStop() && !o.sweepStop(); sweep++) state.repairSweep(o.sweepStop);
    state.rowRepairRate = rowRate;
    state.saveBest();
    if (state.hard === 0) firstFeasibleMs ??= clockMs() - o.tStart;
  };
  round(0);
  for (let no = 1; state.hard > 0 && moves < moveLimit && clockMs() < endMs && !o.shouldStop(); no++) round(no);
  return { moves, bestHard: state.hard, bestSoft: state.soft, firstFeasibleMs };
}
