/**
 * How two solutions of one model compare, in one place for the search, the parallel portfolio
 * and its tests: a solution without hard violations beats any with; otherwise the lower
 * weighted score `hard × hardWeight + soft` wins.
 */

export interface Scored {
  /** Hard-violation measure (0 = feasible). */
  hard: number;
  /** Soft objective (lower is better). */
  soft: number;
}

/** True when `a` is strictly better than `b` under `hardWeight`. */
export function isBetter(a: Scored, b: Scored, hardWeight: number): boolean {
  if (a.hard === 0 && b.hard > 0) return true;
  if (a.hard > 0 && b.hard === 0) return false;
  return a.hard * hardWeight + a.soft < b.hard * hardWeight + b.soft;
}

/** The best of several solutions (the first of equals); undefined for an empty list. */
export function bestOf<T extends Scored>(list: readonly T[], hardWeight: number): T | undefined {
  let best: T | undefined;
  for (const x of list) if (best === undefined || isBetter(x, best, hardWeight)) best = x;
  return best;
}

/**
 * Where parallel runs of one model share their best solution (see `SearchOptions.exchange`).
 * `trade` offers this run's best and returns a strictly better one another run has offered,
 * or null. `grid` is the model's solution array (as saved by `SearchState.saveBest`).
 */
export interface SolutionExchange {
  /** Milliseconds between two trades of one run. */
  readonly intervalMs: number;
  trade(offer: Scored & { grid: Int16Array }, hardWeight: number): (Scored & { grid: Int16Array }) | null;
}
