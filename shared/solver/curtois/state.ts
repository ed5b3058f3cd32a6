/**
 * The Curtois & Qu benchmark as a SearchState: the incremental state of core.ts with the random
 * moves (moves.ts), the whole-row dynamic-programming move (row-repair.ts) and the greedy start
 * (construct.ts).
 */
import type { SearchState } from '../anneal/engine';
import type { Rng } from '../anneal/rng';
import { construct } from './construct';
import { aimWindow } from './aim';
import { CurtoisCore } from './core';
import { reassignDay } from './day-assign';
import { randomMove } from './moves';
import { repairRow, repairSweep, repairWindow } from './row-repair';
import { weekendMove } from './weekend';

export class CurtoisState extends CurtoisCore implements SearchState {
  /** Probability of a whole-row dynamic-programming move (see repairRow). */
  rowRepairRate = 0;
  /** Probability of a large-neighbourhood move (see windowMove). */
  windowRate = 0;
  /** Window moves: days per window (min, max) and employees per window (min, max). */
  windowDays: [number, number] = [14, 28];
  windowRows: [number, number] = [2, 4];
  /** Share of the window moves aimed at a day with open cover (aim.ts). */
  windowAim = 0;
  /** Probability of a day re-assignment move (day-assign.ts: the types of one day's workers). */
  dayRate = 0;
  /** Probability of a weekend move (see weekend.ts). */
  weekendRate = 0;

  move(rng: Rng): boolean {
    this.begin();
    if (this.windowRate > 0 && rng.next() < this.windowRate) return this.windowMove(rng);
    if (this.dayRate > 0 && rng.next() < this.dayRate) return reassignDay(this, rng.int(this.D));
    if (this.weekendRate > 0 && rng.next() < this.weekendRate) return weekendMove(this, rng);
    if (this.rowRepairRate > 0 && rng.next() < this.rowRepairRate) {
      const bad = this.hard > 0 ? this.employeesWithHard() : [];
      const e = bad.length > 0 ? bad[rng.int(bad.length)] : rng.int(this.E);
      return repairRow(this, e);
    }
    return randomMove(this, rng);
  }

  /**
   * Large-neighbourhood move: a window of 2–4 weeks of 2–4 employees is re-planned, one row after
   * the other, by the window DP (each row sees the cover the rows before it left); half of the
   * time the window is first cleared for all of them, so the first rows choose freely.
   */
  windowMove(rng: Rng): boolean {
    const { D, E } = this;
    const [d0, d1] = this.windowDays;
    const len = Math.min(D, d0 + rng.int(d1 - d0 + 1));
    const [r0, r1] = this.windowRows;
    const aim = this.windowAim > 0 && rng.next() < this.windowAim;
    // (Unaimed: the random numbers in the order of the plain window move.)
    let L = aim ? -1 : rng.int(D - len + 1);
    const k = Math.min(E, r0 + rng.int(r1 - r0 + 1));
    const aimed = aim ? aimWindow(this, rng, len, k) : null;
    if (L < 0) L = aimed ? aimed.L : rng.int(D - len + 1);
    const R = L + len - 1;
    const group: number[] = aimed ? aimed.group : [];
    while (group.length < k) {
      const e = rng.int(E);
      if (!group.includes(e)) group.push(e);
    }
    if (rng.next() < 0.5) for (const e of group) for (let d = L; d <= R; d++) if (!this.frozen[e * D + d]) this.put(e * D + d, -1);
    for (const e of group) repairWindow(this, e, L, R);
    return this.log.length > 0;
  }

  /** Re-plan one employee's whole row by dynamic programming (see row-repair.ts). */
  repairRow(e: number): boolean {
    return repairRow(this, e);
  }

  /** One pass of row repairs over the employees whose rows break a hard rule; keeps improvements. */
  repairSweep(stop?: () => boolean): void {
    repairSweep(this, stop);
  }

  /** Greedy constructive start: fill cover requirements one person at a time by best delta. */
  construct(rng: Rng, sample = 24): void {
    construct(this, rng, sample);
  }
}
