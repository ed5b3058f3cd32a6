/**
 * Intensification of the Curtois solver on small instances (issue 20): block-coordinate descent
 * with the exact row DP (`repairRow`), every row in turn, then every pair of rows re-planned
 * after clearing both, until no row and no pair improves. On 2–4-week horizons one row DP is
 * cheap (tens of microseconds), so a full pass over all rows and pairs costs well under a second.
 * Only strict improvements are kept (feasibility first, then the weighted score, as the engine
 * compares), so the roster never gets worse.
 */
import { isBetter } from '../anneal/compare';
import { anneal } from '../anneal/engine';
import { createRng, type Rng } from '../anneal/rng';
import type { CurtoisCore } from './core';
import type { CurtoisState } from './state';
import { swapPair } from './pair-swap';
import { repairRow } from './row-repair';

/** Undo the move just made unless it made the roster strictly better; true when kept. */
function keepIfBetter(cs: CurtoisCore, hardWeight: number): boolean {
  if (cs.log.length === 0) return false;
  const before = { hard: cs.hard - cs.lastDeltaHard, soft: cs.soft - cs.lastDeltaSoft };
  if (isBetter({ hard: cs.hard, soft: cs.soft }, before, hardWeight)) return true;
  cs.undo();
  return false;
}

/** The numbers 0 … n − 1 in random order. */
function shuffled(n: number, rng: Rng): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Re-plan the rows of `group` one after the other by the row DP, after clearing their free cells. */
function replanRows(cs: CurtoisCore, group: readonly number[]): void {
  const D = cs.D;
  for (const e of group) for (let d = 0; d < D; d++) if (!cs.frozen[e * D + d]) cs.put(e * D + d, -1);
  for (const e of group) repairRow(cs, e);
}

/**
 * Block-coordinate descent on the current roster: passes of row re-plans (every row by
 * `repairRow`) and pair re-plans (both rows cleared, then re-planned in either order) until a
 * pass improves nothing or `stop` says so. Returns the number of improving moves.
 */
export function rowDescent(cs: CurtoisCore, rng: Rng, hardWeight: number, stop: () => boolean): number {
  let kept = 0;
  for (let improved = true; improved && !stop(); ) {
    improved = false;
    for (const e of shuffled(cs.E, rng)) {
      if (stop()) return kept;
      cs.begin();
      if (repairRow(cs, e) && keepIfBetter(cs, hardWeight)) {
        kept++;
        improved = true;
      }
    }
    const order = shuffled(cs.E, rng);
    for (let x = 0; x < order.length; x++) {
      for (let y = x + 1; y < order.length; y++) {
        if (stop()) return kept;
        cs.begin();
        if (swapPair(cs, order[x], order[y]) && keepIfBetter(cs, hardWeight)) {
          kept++;
          improved = true;
          continue;
        }
        for (const group of [
          [order[x], order[y]],
          [order[y], order[x]],
        ]) {
          cs.begin();
          replanRows(cs, group);
          if (keepIfBetter(cs, hardWeight)) {
            kept++;
            improved = true;
            break;
          }
        }
      }
    }
  }
  cs.begin();
  return kept;
}

export interface PolishOptions {
  seed: number;
  /** Hard weight of the descent and of the cold rounds (the end of phase B's ramp). */
  hardWeight: number;
  /** Start temperature of each cold round (it cools to `endTemperature`). */
  temperature: number;
  endTemperature: number;
  /** Moves of each cold round. */
  roundMoves: number;
  /** Asked before each row and each round; true ends the polish. */
  stop: () => boolean;
}

/**
 * Polish of the best roster: the descent, then rounds of a short cold annealing from the best
 * followed by the descent, keeping the best, until `stop`. Afterwards `cs.best` holds the best
 * roster seen (never worse than on entry) and the current roster is it. Returns the moves made.
 */
export function polish(cs: CurtoisState, o: PolishOptions): number {
  const rng = createRng(o.seed);
  cs.load(cs.best);
  rowDescent(cs, rng, o.hardWeight, o.stop);
  cs.saveBest();
  let best = { hard: cs.hard, soft: cs.soft };
  let moves = 0;
  for (let round = 1; !o.stop(); round++) {
    const res = anneal(cs, {
      seed: (o.seed + round * 0x9e3779b9) | 0,
      maxMoves: o.roundMoves,
      hardWeight: o.hardWeight,
      startTemperature: o.temperature,
      endTemperature: o.endTemperature,
      shouldStop: o.stop,
    });
    moves += res.moves;
    cs.load(cs.best);
    rowDescent(cs, rng, o.hardWeight, o.stop);
    if (isBetter({ hard: cs.hard, soft: cs.soft }, best, o.hardWeight)) {
      cs.saveBest();
      best = { hard: cs.hard, soft: cs.soft };
    } else if (!isBetter(best, { hard: cs.hard, soft: cs.soft }, o.hardWeight)) {
      // As good as the best: continue from this one (a plateau move).
      cs.saveBest();
    } else {
      cs.load(cs.best);
    }
  }
  return moves;
}
