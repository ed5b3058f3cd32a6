/**
 * The Curtois solver: a greedy start, phase A (feasibility first), row-repair sweeps, phase B
 * (the objective) and final repair sweeps when the best roster still breaks a hard rule.
 */
import type { CurtoisInstance, CurtoisRoster } from './types';
import { anneal, clockMs, type SearchOptions, type SearchProgress, type SearchResult } from '../anneal/engine';
import { createRng } from '../anneal/rng';
import { windowWork } from './row-repair';
import { phaseA } from './feasible';
import { polish, rowDescent } from './intensify';
import { CurtoisState } from './state';
import { WEEKEND_RATE } from './weekend';

/** Phase B's share of large-neighbourhood window moves on long horizons (see CurtoisState.windowMove). */
export const WINDOW_RATE = 0.2;
/** Rate × estimated DP work of one window row (windowWork) is kept at or below this. */
const WINDOW_WORK = 3000;
/** Above this estimated DP work of one 3-week window row, windows are small (SMALL_WINDOW). */
const WINDOW_MAX_WORK = 16_000;
/**
 * Small windows (1–2 weeks × 2–3 employees) at a fixed rate where the 2–4-week window DP is
 * large (many shift types of different lengths: Instance21, 23, 24; docs/benchmarks.md, issue 20).
 */
const SMALL_WINDOW = { days: [7, 14] as [number, number], rows: [2, 3] as [number, number], rate: 0.05 };
/**
 * With many shift types (Instance13, 23, 24: 16–32; the others at most 10) phase B re-assigns the
 * types of one day's workers exactly (day-assign.ts) at this rate, and where windows are also small
 * (Instance23, 24) half of them are aimed at a day with open cover (aim.ts; on Instance21, 8 types,
 * that was neutral; docs/benchmarks.md, issue 20, fifth pass).
 */
const MANY_TYPES = { types: 12, dayRate: 0.005, aim: 0.5 };
/**
 * Short horizons with few cells (4 weeks and at most this many cells: Instance1–12) end with the
 * row-DP descent (intensify.ts) in the final reserve: one pass over every row and pair of rows
 * costs well under a second there; at 60 s it took 3–26 more off phase B's best on Instance8–12
 * (docs/benchmarks.md, issue 20, fifth pass). Longer or larger instances run as before.
 */
const DESCENT = { maxDays: 28, maxCells: 2000 };
/** From this many days on, phase B keeps phase A's hard weight and starts cooler. */
export const LONG_HORIZON_DAYS = 182;

export interface CurtoisSolveOptions {
  seed?: number;
  seconds?: number;
  maxMoves?: number;
  onProgress?: (p: SearchProgress) => void;
  shouldStop?: () => boolean;
  /** Parallel search: share the best roster with other runs (see SearchOptions.exchange). */
  exchange?: SearchOptions['exchange'];
  /** Overrides for tuning. */
  tuning?: Partial<
    Pick<SearchOptions, 'hardWeight' | 'startTemperature' | 'endTemperature' | 'cycles' | 'hardWeightGrowth' | 'hardWeightRamp'>
  > & {
    /** Phase A: weight of one hard violation and temperatures. */
    phaseAHardWeight?: number;
    phaseAStartTemperature?: number;
    phaseAEndTemperature?: number;
    /** Phase A's schedule runs over this many moves per cell at most. */
    phaseAMovesPerCell?: number;
    /** Probability per move of a whole-row dynamic-programming move. */
    rowRepairRate?: number;
    /** Phase B: probability per move of a large-neighbourhood window move (CurtoisState.windowMove). */
    windowRate?: number;
    /** Window moves: days and employees per window (min, max). */
    windowDays?: [number, number];
    windowRows?: [number, number];
    /** Share of the window moves aimed at a day with open cover (aim.ts). */
    windowAim?: number;
    /** Phase B: probability per move of a day re-assignment move (day-assign.ts). */
    dayRate?: number;
    /** Phase B: probability per move of a weekend move (weekend.ts). */
    weekendRate?: number;
    /** Phase B: the window DP counts weekends exactly (default on long horizons). */
    exactWeekends?: boolean;
    /** The same in phase A (feasibility first). */
    phaseAWindowRate?: number;
    /** Phase B: restarts from the best (SearchOptions.restart), stagnation in moves per cell. */
    restart?: { stagnationPerCell: number; perturbation: number; after?: number };
    /** Phase B: size-aware start temperature, full from this many moves per cell (SearchOptions.size). */
    sizeFullAt?: number;
    /** After phase B: block-coordinate descent with the row DP on the best roster (intensify.ts); default on small instances. */
    descent?: boolean;
    /** Share of the budget kept for the polish after phase B (descent and cold rounds, intensify.ts). */
    polishShare?: number;
    /** Start temperature and moves per cell of the polish's cold rounds (0: descent only). */
    polishTemperature?: number;
    polishMovesPerCell?: number;
  };
}

export interface CurtoisSolveResult extends SearchResult {
  roster: CurtoisRoster;
  /** Solver-internal hard measure in units (see CurtoisState.UNIT). */
  unit: number;
}

export function solveCurtois(inst: CurtoisInstance, opts: CurtoisSolveOptions = {}): CurtoisSolveResult {
  const state = new CurtoisState(inst);
  const seed = opts.seed ?? 1;
  const tStart = clockMs();
  // The repair sweeps stop at a share of the time budget (without one they run their passes).
  const until = (share: number) => () => opts.seconds !== undefined && clockMs() - tStart > share * opts.seconds * 1000;
  state.construct(createRng(seed ^ 0x5bd1e995));
  state.rowRepairRate = opts.tuning?.rowRepairRate ?? 1 / (20 * state.E * state.D);
  state.windowRate = opts.tuning?.phaseAWindowRate ?? 0;
  let userStop = false;
  const shouldStop = () => (userStop ||= opts.shouldStop?.() === true);
  // Phase A (feasibility first, feasible.ts): at most 40 % of the budget.
  const pa = phaseA(state, {
    seed: seed ^ 0x27d4eb2f,
    seconds: opts.seconds,
    maxMoves: opts.maxMoves,
    hardWeight: (opts.tuning?.phaseAHardWeight ?? 1000) / state.UNIT,
    startTemperature: opts.tuning?.phaseAStartTemperature ?? 1000,
    endTemperature: opts.tuning?.phaseAEndTemperature ?? 1,
    movesPerCell: opts.tuning?.phaseAMovesPerCell,
    onProgress: opts.onProgress,
    shouldStop,
    exchange: opts.exchange,
    tStart,
    sweepStop: until(0.75),
  });
  state.rowRepairRate = opts.tuning?.rowRepairRate ?? 1 / (20 * state.E * state.D);
  // Window moves pay on long horizons (8 weeks and more: Instance16–24); on 2–4 weeks the window
  // is most of the row and the plain moves do better. Their rate falls with the DP's size, so
  // that they keep a bounded share of the time; where one 3-week window DP is large (many shift
  // types of different lengths) the windows are smaller instead, which paid (docs/benchmarks.md,
  // issue 20, fourth pass).
  const work = windowWork(state, 21);
  const small = work > WINDOW_MAX_WORK;
  if (small) {
    state.windowDays = SMALL_WINDOW.days;
    state.windowRows = SMALL_WINDOW.rows;
  }
  if (opts.tuning?.windowDays) state.windowDays = opts.tuning.windowDays;
  if (opts.tuning?.windowRows) state.windowRows = opts.tuning.windowRows;
  state.exactWeekends = opts.tuning?.exactWeekends ?? state.D >= LONG_HORIZON_DAYS;
  // From 8 weeks to under half a year (Instance16–19) weekend moves instead of window moves: the
  // cover those rosters lose is on weekends worked on one day (issue 20, fifth pass).
  const weekends = state.D >= 56 && state.D < LONG_HORIZON_DAYS;
  state.windowRate =
    opts.tuning?.windowRate ?? (state.D < 56 || weekends ? 0 : small ? SMALL_WINDOW.rate : Math.min(WINDOW_RATE, WINDOW_WORK / work));
  state.weekendRate = opts.tuning?.weekendRate ?? (weekends ? WEEKEND_RATE : 0);
  const manyTypes = state.S >= MANY_TYPES.types;
  state.dayRate = opts.tuning?.dayRate ?? (manyTypes ? MANY_TYPES.dayRate : 0);
  state.windowAim = opts.tuning?.windowAim ?? (small && manyTypes ? MANY_TYPES.aim : 0);
  // Everything so far: the greedy start, phase A and the repair sweeps.
  const offsetMs = clockMs() - tStart;
  // Phase B (objective): simulated annealing with a low hard weight that ramps up over the run
  // and grows further while the current roster is infeasible (tuned on Instance1–7, see
  // docs/solver.md). The best roster is compared on feasibility first.
  // When phase A could not reach feasibility, phase B starts cooler and keeps the hard weight
  // of phase A, so it does not throw away the nearly feasible structure. So do long horizons
  // (half a year and more: Instance20–24): there the light hard weight let the search wander
  // among infeasible rosters for most of the budget, never improving the feasible best
  // (Instance22 at 60 s of CPU: 173 304 against 38 724, docs/benchmarks.md, issue 20).
  const stillInfeasible = state.hard > 0;
  const heavy = stillInfeasible || state.D >= LONG_HORIZON_DAYS;
  // Long horizons weigh a violation ten times more again: from phase A's roster (feasible, its
  // soft score several times the final one) the weight 1000 let phase B trade a few violations
  // for cover and spend up to a sixth of the budget infeasible (docs/benchmarks.md, issue 20,
  // fifth pass).
  const hw = opts.tuning?.hardWeight ?? (state.D >= LONG_HORIZON_DAYS ? 10_000 : heavy ? 1000 : 100) / state.UNIT;
  const res = userStop
    ? { moves: 0, elapsedMs: 0, bestHard: pa.bestHard, bestSoft: pa.bestSoft, firstFeasibleMs: null, cancelled: true }
    : anneal(state, {
        seed,
        // Keep 5 % of the budget (at most 2 s) for the final repair sweeps below.
        seconds:
          opts.seconds !== undefined
            ? Math.max(
                0.001,
                opts.seconds - offsetMs / 1000 - Math.max((opts.tuning?.polishShare ?? 0) * opts.seconds, Math.min(2, opts.seconds * 0.05)),
              )
            : undefined,
        maxMoves: opts.maxMoves !== undefined ? opts.maxMoves - pa.moves : undefined,
        hardWeight: hw,
        startTemperature: opts.tuning?.startTemperature ?? (heavy ? 30 : 100),
        endTemperature: opts.tuning?.endTemperature ?? 0.5,
        cycles: opts.tuning?.cycles ?? 1,
        hardWeightGrowth: opts.tuning?.hardWeightGrowth ?? 1.0005,
        hardWeightRamp: opts.tuning?.hardWeightRamp ?? 20,
        onProgress: opts.onProgress
          ? (p) =>
              opts.onProgress!({
                ...p,
                moves: p.moves + pa.moves,
                elapsedMs: p.elapsedMs + offsetMs,
                firstFeasibleMs: pa.firstFeasibleMs ?? (p.firstFeasibleMs === null ? null : p.firstFeasibleMs + offsetMs),
              })
          : undefined,
        shouldStop,
        exchange: opts.exchange,
        restart: restartOf(opts.tuning?.restart, state.E * state.D),
        size: opts.tuning?.sizeFullAt ? { cells: state.E * state.D, fullAt: opts.tuning.sizeFullAt } : undefined,
      });
  let firstFeasibleMs = pa.firstFeasibleMs ?? (res.firstFeasibleMs === null ? null : res.firstFeasibleMs + offsetMs);
  let bestHard = userStop && res.moves === 0 ? pa.bestHard : res.bestHard;
  let bestSoft = userStop && res.moves === 0 ? pa.bestSoft : res.bestSoft;
  let extraMs = 0;
  const descent = opts.tuning?.descent ?? (state.D <= DESCENT.maxDays && state.E * state.D <= DESCENT.maxCells);
  if (descent && bestHard === 0 && !userStop) {
    const t0 = clockMs();
    const pt = opts.tuning?.polishTemperature ?? 0;
    // The polish's cold rounds need a time budget to end; under a move budget only the descent runs.
    if (pt > 0 && opts.seconds !== undefined) {
      polish(state, {
        seed: seed ^ 0x3c6ef372,
        hardWeight: hw * (opts.tuning?.hardWeightRamp ?? 20),
        temperature: pt,
        endTemperature: opts.tuning?.endTemperature ?? 0.5,
        roundMoves: Math.round((opts.tuning?.polishMovesPerCell ?? 200) * state.E * state.D),
        stop: () => until(1)() || shouldStop(),
      });
      bestSoft = state.soft;
    } else {
      state.load(state.best);
      if (rowDescent(state, createRng(seed ^ 0x3c6ef372), hw, () => until(1)() || shouldStop()) > 0) {
        state.saveBest();
        bestSoft = state.soft;
      }
    }
    extraMs = clockMs() - t0;
  }
  if (bestHard > 0 && !userStop) {
    // Still infeasible: repair sweeps on the best roster.
    const t0 = clockMs();
    state.a.set(state.best);
    state.recompute();
    const finalStop = until(1);
    for (let sweep = 0; sweep < 3 && state.hard > 0 && !finalStop(); sweep++) state.repairSweep(finalStop);
    extraMs += clockMs() - t0;
    if (state.hard < bestHard) {
      state.saveBest();
      bestHard = state.hard;
      bestSoft = state.soft;
      if (bestHard === 0) firstFeasibleMs = offsetMs + res.elapsedMs + extraMs;
    }
  }
  return {
    moves: pa.moves + res.moves,
    elapsedMs: offsetMs + res.elapsedMs + extraMs,
    bestHard,
    bestSoft,
    firstFeasibleMs,
    cancelled: userStop,
    roster: state.roster('best'),
    unit: state.UNIT,
  };
}

function restartOf(
  r: { stagnationPerCell: number; perturbation: number; after?: number } | undefined,
  cells: number,
): SearchOptions['restart'] {
  return r
    ? { stagnation: Math.max(1024, Math.round(r.stagnationPerCell * cells)), perturbation: r.perturbation, after: r.after }
    : undefined;
}
