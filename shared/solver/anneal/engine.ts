/**
 * The generic local-search engine: simulated annealing over any problem that implements
 * `SearchState` (random move + incremental delta + undo/redo + best snapshot). The Curtois
 * benchmark model and the Norwegian product model both plug in here.
 *
 * Score = hard × hardWeight + soft, where `hard` measures hard-rule violations (0 = feasible)
 * and `soft` is the objective. The best solution is compared lexicographically on
 * feasibility first, then on the weighted score.
 */
import { isBetter, type SolutionExchange } from './compare';
import { createRng, type Rng } from './rng';
import { sizeAwareStart, temperatureAt } from './schedule';

export interface SearchState {
  /** Current hard-violation measure (0 = feasible) and soft objective. */
  readonly hard: number;
  readonly soft: number;
  /**
   * Apply one random move. Returns false when no move could be made. Afterwards
   * `lastDeltaHard`/`lastDeltaSoft` hold the change it caused.
   */
  move(rng: Rng): boolean;
  readonly lastDeltaHard: number;
  readonly lastDeltaSoft: number;
  /** Revert the last applied move. */
  undo(): void;
  /** Re-apply the move just undone. */
  redo(): void;
  /** Remember the current solution as the best one. */
  saveBest(): void;
  /** The solution saved by `saveBest` (needed with `SearchOptions.exchange`). */
  readonly best?: Int16Array;
  /** Make `grid` (a solution array like `best`) the current solution and rescore it. */
  load?(grid: Int16Array): void;
}

export interface SearchProgress {
  moves: number;
  elapsedMs: number;
  bestHard: number;
  bestSoft: number;
  currentHard: number;
  currentSoft: number;
  temperature: number;
  /** Milliseconds until the first solution with hard = 0, or null. */
  firstFeasibleMs: number | null;
  done: boolean;
}

export interface SearchOptions {
  seed?: number;
  /** Time budget in seconds (wall clock). */
  seconds?: number;
  /** Move budget; with only this set, a run is fully deterministic. */
  maxMoves?: number;
  /** Weight of one unit of `hard` in the score. */
  hardWeight: number;
  /** Start and end temperature of the annealing schedule (soft-score units). */
  startTemperature: number;
  endTemperature: number;
  /**
   * Strategic oscillation: while the current solution breaks hard rules the hard weight grows
   * by this factor per 1024 moves, and shrinks back toward `hardWeight` while it is feasible.
   * 1 (default) keeps the weight fixed.
   */
  hardWeightGrowth?: number;
  /**
   * The base hard weight ramps geometrically from `hardWeight` at the start to
   * `hardWeight × hardWeightRamp` at the end of the budget (default 1: no ramp), so that
   * the search may cross infeasible regions early and is pushed to feasibility late.
   */
  hardWeightRamp?: number;
  /** Upper bound of the oscillation factor on top of the base weight (default 64). */
  hardWeightMax?: number;
  /** Number of annealing cycles over the budget (reheats); default 1. */
  cycles?: number;
  /** Called about every `progressMs` (default 250 ms) and once at the end. */
  onProgress?: (p: SearchProgress) => void;
  progressMs?: number;
  /** Checked every few thousand moves; return true to stop early (the best so far is kept). */
  shouldStop?: () => boolean;
  /** Clock in ms; defaults to performance.now / Date.now. */
  now?: () => number;
  /**
   * Parallel search: every `exchange.intervalMs` the run offers its best solution and continues
   * from a strictly better one another run has offered (the state needs `best` and `load`).
   */
  exchange?: SolutionExchange;
  /**
   * Restarts from the best with perturbation (iterated local search; the state needs `best` and
   * `load`): after `stagnation` moves without a new best, the best solution is loaded again and
   * `perturbation` random moves are applied whatever their delta; the search goes on from there
   * under the same schedule. The best solution is never lost. With `after` (a share of the
   * budget, default 0) restarts begin only then: in the cold end of the schedule, where the
   * annealing has settled.
   */
  restart?: { stagnation: number; perturbation: number; after?: number };
  /**
   * Size-aware schedule: with `cells` (the number of decision cells) the start temperature is
   * lowered when the budget gives each cell fewer than `fullAt` moves (`sizeAwareStart`); with a
   * time budget the number of moves is estimated from the move rate so far, and the temperature
   * never rises within a cycle.
   */
  size?: { cells: number; fullAt: number };
}

export interface SearchResult {
  moves: number;
  elapsedMs: number;
  bestHard: number;
  bestSoft: number;
  firstFeasibleMs: number | null;
  cancelled: boolean;
}

/** Milliseconds of a monotonic clock where there is one (the search's default clock). */
export const clockMs = (): number => (typeof globalThis.performance !== 'undefined' ? globalThis.performance.now() : Date.now());

export function anneal(state: SearchState, opts: SearchOptions): SearchResult {
  const rng = createRng(opts.seed ?? 1);
  const now = opts.now ?? clockMs;
  const t0 = now();
  const budgetMs = opts.seconds !== undefined ? opts.seconds * 1000 : Infinity;
  const maxMoves = opts.maxMoves ?? Infinity;
  if (!Number.isFinite(budgetMs) && !Number.isFinite(maxMoves)) {
    throw new Error('anneal: a time budget or a move budget is required');
  }
  const hw0 = opts.hardWeight;
  let hw = hw0;
  const growth = opts.hardWeightGrowth ?? 1;
  const oscMax = opts.hardWeightMax ?? 64;
  const rampLog = Math.log(opts.hardWeightRamp ?? 1);
  let osc = 1;
  const cycles = Math.max(1, opts.cycles ?? 1);
  // The start temperature of the schedule: with `size`, lowered for few moves per cell (the
  // moves of the whole budget: `maxMoves`, or estimated from the move rate under a time budget).
  const size = opts.size;
  const startTemperatureFor = (done: number, ms: number): number => {
    if (!size) return opts.startTemperature;
    const byTime = ms > 0 && done > 0 ? (done / ms) * budgetMs : Infinity;
    const total = Math.min(maxMoves, byTime);
    if (!Number.isFinite(total)) return opts.startTemperature;
    return sizeAwareStart(opts.startTemperature, opts.endTemperature, total / Math.max(1, size.cells), size.fullAt);
  };
  const progressMs = opts.progressMs ?? 250;

  let bestHard = state.hard;
  let bestSoft = state.soft;
  let currentIsBest = true;
  state.saveBest();
  let firstFeasibleMs: number | null = state.hard === 0 ? 0 : null;
  let moves = 0;
  let elapsed = 0;
  let nextProgress = progressMs;
  let temperature = opts.startTemperature;
  let cancelled = false;
  /** Moves done when the best last improved (restarts count stagnation from here). */
  let lastBestMove = 0;

  const better = (h: number, s: number) => isBetter({ hard: h, soft: s }, { hard: bestHard, soft: bestSoft }, hw0);
  const exchange = opts.exchange;
  if (exchange && (!state.best || !state.load)) throw new Error('anneal: exchange needs a state with best and load');
  let nextExchange = exchange ? exchange.intervalMs : Infinity;
  const trade = () => {
    if (currentIsBest) state.saveBest();
    const got = exchange!.trade({ hard: bestHard, soft: bestSoft, grid: state.best! }, hw0);
    if (!got) return;
    state.load!(got.grid);
    state.saveBest();
    bestHard = state.hard;
    bestSoft = state.soft;
    currentIsBest = true;
    lastBestMove = moves;
    if (bestHard === 0 && firstFeasibleMs === null) firstFeasibleMs = now() - t0;
  };
  const report = (done: boolean) =>
    opts.onProgress?.({
      moves,
      elapsedMs: elapsed,
      bestHard,
      bestSoft,
      currentHard: state.hard,
      currentSoft: state.soft,
      temperature,
      firstFeasibleMs,
      done,
    });

  const restart = opts.restart;
  if (restart && (!state.best || !state.load)) throw new Error('anneal: restart needs a state with best and load');
  let cycleNo = 0;
  // Bookkeeping of the best after an accepted move.
  const accepted = () => {
    const improves = better(state.hard, state.soft);
    const ties = state.hard === bestHard && state.soft === bestSoft;
    if (!improves && !ties && currentIsBest) {
      // Leaving the best solution: snapshot it first. A move with delta ≤ 0 under the
      // current (oscillating) hard weight can still be worse than the best lexicographically,
      // e.g. feasible → infeasible with a large soft gain, so this holds for every accepted
      // move that does not improve on the best, not only for uphill ones.
      state.undo();
      state.saveBest();
      state.redo();
      currentIsBest = false;
    }
    if (improves) {
      bestHard = state.hard;
      bestSoft = state.soft;
      currentIsBest = true;
      lastBestMove = moves;
      if (state.hard === 0 && firstFeasibleMs === null) firstFeasibleMs = now() - t0;
    }
  };
  // Restart: back to the best, then a random walk of `perturbation` moves.
  const restartFromBest = () => {
    if (!currentIsBest) {
      state.load!(state.best!);
      currentIsBest = true;
    }
    for (let k = 0; k < restart!.perturbation && moves < maxMoves; k++) {
      moves++;
      if (state.move(rng)) accepted();
    }
    lastBestMove = moves;
  };

  for (;;) {
    if ((moves & 1023) === 0) {
      elapsed = now() - t0;
      if (elapsed >= budgetMs || moves >= maxMoves) break;
      if ((moves & 4095) === 0 && opts.shouldStop?.()) {
        cancelled = true;
        break;
      }
      const frac = Math.min(1, Math.max(elapsed / budgetMs, moves / maxMoves));
      if (growth !== 1) {
        if (state.hard > 0) osc = Math.min(oscMax, osc * growth);
        else osc = Math.max(1, osc / growth);
      }
      hw = hw0 * osc * Math.exp(rampLog * frac);
      const cyc = Math.min(Math.floor(frac * cycles), cycles - 1);
      const t = temperatureAt(frac, startTemperatureFor(moves, elapsed), opts.endTemperature, cycles);
      temperature = cyc === cycleNo && moves > 0 ? Math.min(temperature, t) : t;
      cycleNo = cyc;
      if (elapsed >= nextExchange) {
        nextExchange = elapsed + exchange!.intervalMs;
        trade();
      }
      if (restart && frac >= (restart.after ?? 0) && moves - lastBestMove >= restart.stagnation) restartFromBest();
      if (elapsed >= nextProgress) {
        nextProgress = elapsed + progressMs;
        report(false);
      }
    } else if (moves >= maxMoves) break;
    moves++;
    if (!state.move(rng)) continue;
    const delta = state.lastDeltaHard * hw + state.lastDeltaSoft;
    if (delta <= 0 || rng.next() < Math.exp(-delta / temperature)) accepted();
    else state.undo();
  }
  if (currentIsBest) state.saveBest();
  if (exchange && !cancelled) trade();
  elapsed = now() - t0;
  report(true);
  return { moves, elapsedMs: elapsed, bestHard, bestSoft, firstFeasibleMs, cancelled };
}
