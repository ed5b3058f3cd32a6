/**
 * Intensification of the Curtois solver on small instances (issue 20): block-coordinate descent
 * with the exact row DP (`repairRow`), every row in turn, then every pair of rows re-planned
 * after clearing both, until no row and no pair improves. On 2–4-week horizons one row DP is
 * cheap (tens of microseconds), so a full pass over all rows and pairs costs well under a second.
 * Only strict improvements are kept (feasibility first, then the weighted score, as the engine
 * compares), so the roster never gets worse.
 */
import { isBetter } from '../anneal/compare';
import type { Rng } from '../anneal/rng';
import type { CurtoisCore } from './core';
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
