/**
 * The Curtois & Qu benchmark as a SearchState: the incremental state of core.ts with the random
 * moves (moves.ts), the whole-row dynamic-programming move (row-repair.ts) and the greedy start
 * (construct.ts).
 */
import type { SearchState } from '../anneal/engine';
import type { Rng } from '../anneal/rng';
import { construct } from './construct';
import { CurtoisCore } from './core';
import { randomMove } from './moves';
import { repairRow, repairSweep } from './row-repair';

export class CurtoisState extends CurtoisCore implements SearchState {
  /** Probability of a whole-row dynamic-programming move (see repairRow). */
  rowRepairRate = 0;

  move(rng: Rng): boolean {
    this.begin();
    if (this.rowRepairRate > 0 && rng.next() < this.rowRepairRate) {
      const bad = this.hard > 0 ? this.employeesWithHard() : [];
      const e = bad.length > 0 ? bad[rng.int(bad.length)] : rng.int(this.E);
      return repairRow(this, e);
    }
    return randomMove(this, rng);
  }

  /** Re-plan one employee's whole row by dynamic programming (see row-repair.ts). */
  repairRow(e: number): boolean {
    return repairRow(this, e);
  }

  /** One pass of row repairs over the employees whose rows break a hard rule; keeps improvements. */
  repairSweep(): void {
    repairSweep(this);
  }

  /** Greedy constructive start: fill cover requirements one person at a time by best delta. */
  construct(rng: Rng, sample = 24): void {
    construct(this, rng, sample);
  }
}
