/**
 * The annealing schedule as pure functions of the share of the budget used, so the engine, the
 * models and their tests compute the same temperature.
 *
 * The temperature falls exponentially from `start` to `end` over the budget (in `cycles` equal
 * cycles: a reheat at the start of each). `sizeAwareStart` lowers the start temperature when the
 * budget gives each cell only a few moves (year-long instances): a hot phase spent as random
 * walk over tens of thousands of cells leaves too little of the budget for the descent.
 */

/** Temperature at `frac` ∈ [0, 1] of the budget; `end` at frac = 1, `start` at frac = 0. */
export function temperatureAt(frac: number, start: number, end: number, cycles = 1): number {
  const f = Math.min(1, Math.max(0, frac));
  const c = Math.max(1, Math.floor(cycles));
  if (f >= 1) return end;
  const cyc = f * c;
  return start * Math.exp(Math.log(end / start) * (cyc - Math.floor(cyc)));
}

/**
 * Start temperature for a budget of `movesPerCell` moves per cell: `start` from `fullAt` moves
 * per cell up, falling geometrically toward `end` below it (at `fullAt / 16` and less it is
 * `end × (start ÷ end)^¼`). Never above `start`, never below `end`, non-decreasing in
 * `movesPerCell`.
 */
export function sizeAwareStart(start: number, end: number, movesPerCell: number, fullAt: number): number {
  if (!(movesPerCell < fullAt)) return start;
  const share = Math.max(0.25, Math.sqrt(Math.max(0, movesPerCell) / fullAt));
  return end * (start / end) ** share;
}
