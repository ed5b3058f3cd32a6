/**
 * Undo and redo of the product model without re-evaluating its terms: each `set` of the current
 * move saves what it changed (the score, the per-term hard counts, the employee's planned
 * minutes, the day's coverage cost) before and after the change, so a rejected move is undone
 * by reversing the cell's counters (grid, coverage counts, the env's week sums) and restoring
 * the saved figures: the same state a re-evaluation reaches, at the cost of a copy. Most moves
 * of a search are rejected, so this about halves the work per move.
 *
 * The journal is used only while it matches the move log entry for entry (every change went
 * through `put` since `begin`, none after an undo); otherwise the model falls back to setting
 * the cells back one by one (`LoggedGrid.undo`), as before.
 */
import type { MoveLog } from '../anneal/move-log';
import type { Coverage } from './terms/coverage';
import type { TermEnv } from './terms/env';

/** What the journal reads and restores of the model (NorwegianState). */
export interface JournalTarget {
  readonly D: number;
  readonly S: number;
  readonly C: number;
  readonly g: Int16Array;
  readonly env: TermEnv;
  readonly cov: Coverage;
  readonly empComp: Int32Array;
  readonly plannedMin: Float64Array;
  readonly termHard: Float64Array;
  readonly catDelta: Float64Array;
  readonly dayCostCache: Float64Array;
  hard: number;
  soft: number;
  lastDeltaHard: number;
  lastDeltaSoft: number;
}

export class MoveJournal {
  private n = 0;
  /** False once a change did not go through the journal (until the next `begin`). */
  private valid = false;
  /** Are the journal's changes applied (false after `undo`)? */
  private applied = true;
  private cell = new Int32Array(8);
  private from = new Int16Array(8);
  private to = new Int16Array(8);
  /** Per entry: the figures before the change, then after it (W numbers each). */
  private snap: Float64Array;
  private readonly W: number;

  constructor(private readonly st: JournalTarget) {
    this.W = 7 + 2 * st.termHard.length;
    this.snap = new Float64Array(8 * 2 * this.W);
  }

  begin(): void {
    this.n = 0;
    this.valid = true;
    this.applied = true;
  }

  invalidate(): void {
    this.valid = false;
  }

  /** Called by `set(i, v)` before it changes anything. */
  open(i: number, old: number, v: number): void {
    if (!this.valid || !this.applied) {
      this.valid = false;
      return;
    }
    if (this.n === this.cell.length) this.grow();
    this.cell[this.n] = i;
    this.from[this.n] = old;
    this.to[this.n] = v;
    this.save(this.n * 2 * this.W, i);
  }

  /** Called by `set` after the change. */
  close(i: number): void {
    if (!this.valid) return;
    this.save((this.n * 2 + 1) * this.W, i);
    this.n++;
  }

  /** Undo the current move from the journal; false (nothing done) when it does not match `log`. */
  undo(log: MoveLog): boolean {
    if (!this.valid || !this.applied || !this.matches(log)) {
      this.valid = false;
      return false;
    }
    for (let k = this.n - 1; k >= 0; k--) {
      this.change(this.cell[k], this.to[k], this.from[k]);
      this.restore(k * 2 * this.W, this.cell[k]);
    }
    this.applied = false;
    return true;
  }

  /** Redo the move just undone from the journal; false (nothing done) when it does not match `log`. */
  redo(log: MoveLog): boolean {
    if (!this.valid || this.applied || !this.matches(log)) {
      this.valid = false;
      return false;
    }
    for (let k = 0; k < this.n; k++) {
      this.change(this.cell[k], this.from[k], this.to[k]);
      this.restore((k * 2 + 1) * this.W, this.cell[k]);
    }
    this.applied = true;
    return true;
  }

  private matches(log: MoveLog): boolean {
    if (log.length !== this.n) return false;
    for (let k = 0; k < this.n; k++) {
      if (log.cell[k] !== this.cell[k] || log.before[k] !== this.from[k] || log.after[k] !== this.to[k]) return false;
    }
    return true;
  }

  /** The cell's own counters, as `set` changes them (the figures are restored separately). */
  private change(i: number, a: number, b: number): void {
    const st = this.st;
    const e = (i / st.D) | 0;
    const d = i - e * st.D;
    const comp = st.empComp[e];
    if (a >= 0) st.cov.cnt[(d * st.S + a) * st.C + comp]--;
    if (b >= 0) st.cov.cnt[(d * st.S + b) * st.C + comp]++;
    st.g[i] = b;
    st.env.applyCell(e, d, a, b);
  }

  private save(at: number, i: number): void {
    const st = this.st;
    const e = (i / st.D) | 0;
    const d = i - e * st.D;
    const x = this.snap;
    x[at] = st.hard;
    x[at + 1] = st.soft;
    x[at + 2] = st.lastDeltaHard;
    x[at + 3] = st.lastDeltaSoft;
    x[at + 4] = st.plannedMin[e];
    x[at + 5] = st.dayCostCache[d];
    x[at + 6] = st.cov.dayMissing[d];
    x.set(st.termHard, at + 7);
    x.set(st.catDelta, at + 7 + st.termHard.length);
  }

  private restore(at: number, i: number): void {
    const st = this.st;
    const e = (i / st.D) | 0;
    const d = i - e * st.D;
    const x = this.snap;
    st.hard = x[at];
    st.soft = x[at + 1];
    st.lastDeltaHard = x[at + 2];
    st.lastDeltaSoft = x[at + 3];
    st.plannedMin[e] = x[at + 4];
    st.dayCostCache[d] = x[at + 5];
    st.cov.dayMissing[d] = x[at + 6];
    const T = st.termHard.length;
    st.termHard.set(x.subarray(at + 7, at + 7 + T));
    st.catDelta.set(x.subarray(at + 7 + T, at + 7 + 2 * T));
  }

  private grow(): void {
    const n = this.cell.length * 2;
    const c = new Int32Array(n);
    c.set(this.cell);
    const f = new Int16Array(n);
    f.set(this.from);
    const t = new Int16Array(n);
    t.set(this.to);
    const s = new Float64Array(n * 2 * this.W);
    s.set(this.snap);
    this.cell = c;
    this.from = f;
    this.to = t;
    this.snap = s;
  }
}
