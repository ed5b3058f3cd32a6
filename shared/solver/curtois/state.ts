/**
 * The Curtois & Qu benchmark as a SearchState: the incremental state of core.ts with the random
 * moves (moves.ts), the whole-row dynamic-programming move (row-repair.ts) and the greedy start
 * (construct.ts).
 */
import type { SearchState } from '../anneal/engine';
import type { Rng } from '../anneal/rng';
import { construct } from './construct';
import { CurtoisCore } from './core';
import { coverMove, randomMove } from './moves';
import { repairRow, repairSweep, repairWindow } from './row-repair';

export class CurtoisState extends CurtoisCore implements SearchState {
  /** Probability of a whole-row dynamic-programming move (see repairRow). */
  rowRepairRate = 0;
  /** Probability of a large-neighbourhood move (see windowMove). */
  windowRate = 0;
  /** Window moves: days per window (min, max) and employees per window (min, max). */
  windowDays: [number, number] = [14, 28];
  windowRows: [number, number] = [2, 4];
  /**
   * Shift types a window row may choose: 'all' allowed ones, or only the types the row uses
   * around the window plus those with open cover in it ('used'): fewer shift lengths keep the
   * DP's minute states few on instances with many shift types (Instance23, 24).
   */
  windowTypes: 'all' | 'used' = 'all';
  /** Probability of a cover-directed move (see coverMove). */
  coverRate = 0;

  move(rng: Rng): boolean {
    this.begin();
    if (this.windowRate > 0 && rng.next() < this.windowRate) return this.windowMove(rng);
    if (this.coverRate > 0 && rng.next() < this.coverRate) return coverMove(this, rng);
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
    const L = rng.int(D - len + 1);
    const R = L + len - 1;
    const [r0, r1] = this.windowRows;
    const k = Math.min(E, r0 + rng.int(r1 - r0 + 1));
    const group: number[] = [];
    while (group.length < k) {
      const e = rng.int(E);
      if (!group.includes(e)) group.push(e);
    }
    const used = this.windowTypes === 'used' ? group.map((e) => this.typesAround(e, L, R)) : null;
    if (rng.next() < 0.5) for (const e of group) for (let d = L; d <= R; d++) if (!this.frozen[e * D + d]) this.put(e * D + d, -1);
    for (let i = 0; i < group.length; i++) repairWindow(this, group[i], L, R, used?.[i]);
    return this.log.length > 0;
  }

  /** e's allowed types used in her row within a week of [L, R] or with open cover in [L, R]. */
  private typesAround(e: number, L: number, R: number): Int16Array {
    const { D, S } = this;
    const list = this.allowedList[e];
    const out = [-1];
    for (let k = 1; k < list.length; k++) {
      const t = list[k];
      let keep = false;
      for (let d = Math.max(0, L - 7); d <= Math.min(D - 1, R + 7) && !keep; d++) {
        if (this.a[e * D + d] === t) keep = true;
        else if (d >= L && d <= R) {
          const kk = d * S + t;
          keep = this.coverCost(kk, this.cnt[kk] + 1) < this.coverCost(kk, this.cnt[kk]);
        }
      }
      if (keep) out.push(t);
    }
    return Int16Array.from(out);
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
