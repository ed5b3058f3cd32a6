/**
 * The Curtois & Qu benchmark's solver state: a flat assignment array with incremental (delta)
 * evaluation of every rule. Hard rules are measured in "units" (one violation = UNIT, one minute
 * of min/max total-minutes violation = 1) so the engine can weight them. This score is the
 * solver's own; results are always re-checked by shared/curtois/evaluate.ts.
 *
 * The fields are shared with the moves (moves.ts), the row repair (row-repair.ts) and the greedy
 * start (construct.ts); `CurtoisState` (state.ts) puts them together as a SearchState.
 */
import type { CurtoisInstance, CurtoisRoster } from './types';
import { LoggedGrid } from '../anneal/logged-grid';

const BIG = 1 << 29;

export class CurtoisCore extends LoggedGrid {
  readonly E: number;
  readonly D: number;
  readonly S: number;
  readonly W: number;
  readonly UNIT: number;
  /** Assignment: shift index or -1 for a day off, at e*D+d. */
  readonly a: Int16Array;
  readonly frozen: Uint8Array;
  /** allowed[e*(S+1)+v+1] = 1 when value v may be given to employee e. */
  readonly allowed: Uint8Array;
  readonly allowedList: Int16Array[];
  readonly forbid: Uint8Array;
  readonly pref: Int32Array;
  readonly req: Int32Array;
  readonly wUnder: Int32Array;
  readonly wOver: Int32Array;
  readonly cnt: Int32Array;
  readonly empCnt: Int32Array;
  readonly maxCnt: Int32Array;
  readonly minutes: Int32Array;
  readonly len: Int32Array;
  readonly maxMin: Int32Array;
  readonly minMin: Int32Array;
  readonly maxCons: Int32Array;
  readonly minCons: Int32Array;
  readonly minOff: Int32Array;
  readonly maxWe: Int32Array;
  readonly weDays: Int8Array;
  readonly weCount: Int32Array;
  readonly freeCells: Int32Array;

  /** The window DP counts worked weekends exactly where the maximum binds (see weekendBudget). */
  exactWeekends = false;
  /** Scratch buffers of the rotation move (see moves.ts). */
  rotBuf = new Int16Array(64);
  rotIdx = new Int32Array(64);

  constructor(readonly inst: CurtoisInstance) {
    const cells = inst.staff.length * inst.horizon;
    super(new Int16Array(cells).fill(-1), new Int16Array(cells).fill(-1));
    this.E = inst.staff.length;
    this.D = inst.horizon;
    this.S = inst.shifts.length;
    const { E, D, S } = this;
    this.W = Math.floor(D / 7);
    this.UNIT = Math.max(1, Math.round(inst.shifts.reduce((t, s) => t + s.minutes, 0) / S));
    const sIdx = new Map(inst.shifts.map((s, i) => [s.id, i]));
    const eIdx = new Map(inst.staff.map((s, i) => [s.id, i]));
    this.a = this.grid;
    this.frozen = new Uint8Array(E * D);
    for (const [id, days] of Object.entries(inst.daysOff)) {
      const e = eIdx.get(id)!;
      for (const d of days) this.frozen[e * D + d] = 1;
    }
    this.len = Int32Array.from(inst.shifts.map((s) => s.minutes));
    this.forbid = new Uint8Array(S * S);
    inst.shifts.forEach((s, i) => {
      for (const n of s.forbiddenNext) this.forbid[i * S + sIdx.get(n)!] = 1;
    });
    this.maxCnt = new Int32Array(E * S).fill(BIG);
    this.allowed = new Uint8Array(E * (S + 1));
    this.allowedList = [];
    this.maxMin = new Int32Array(E);
    this.minMin = new Int32Array(E);
    this.maxCons = new Int32Array(E);
    this.minCons = new Int32Array(E);
    this.minOff = new Int32Array(E);
    this.maxWe = new Int32Array(E);
    inst.staff.forEach((st, e) => {
      this.allowed[e * (S + 1)] = 1;
      const list = [-1];
      for (let s = 0; s < S; s++) {
        const m = st.maxShifts[inst.shifts[s].id];
        if (m !== undefined) this.maxCnt[e * S + s] = m;
        if (m !== 0) {
          this.allowed[e * (S + 1) + s + 1] = 1;
          list.push(s);
        }
      }
      this.allowedList.push(Int16Array.from(list));
      this.maxMin[e] = st.maxTotalMinutes;
      this.minMin[e] = st.minTotalMinutes;
      this.maxCons[e] = st.maxConsecutiveShifts;
      this.minCons[e] = st.minConsecutiveShifts;
      this.minOff[e] = st.minConsecutiveDaysOff;
      this.maxWe[e] = st.maxWeekends;
    });
    const free: number[] = [];
    for (let i = 0; i < E * D; i++) if (!this.frozen[i]) free.push(i);
    this.freeCells = Int32Array.from(free);
    this.pref = new Int32Array(E * D * (S + 1));
    for (const r of inst.shiftOnRequests) {
      const base = (eIdx.get(r.employee)! * D + r.day) * (S + 1);
      const s = sIdx.get(r.shift)!;
      for (let v = -1; v < S; v++) if (v !== s) this.pref[base + v + 1] += r.weight;
    }
    for (const r of inst.shiftOffRequests) {
      const base = (eIdx.get(r.employee)! * D + r.day) * (S + 1);
      this.pref[base + sIdx.get(r.shift)! + 1] += r.weight;
    }
    this.req = new Int32Array(D * S);
    this.wUnder = new Int32Array(D * S);
    this.wOver = new Int32Array(D * S);
    for (const c of inst.cover) {
      const k = c.day * S + sIdx.get(c.shift)!;
      this.req[k] = c.requirement;
      this.wUnder[k] = c.weightUnder;
      this.wOver[k] = c.weightOver;
    }
    this.cnt = new Int32Array(D * S);
    this.empCnt = new Int32Array(E * S);
    this.minutes = new Int32Array(E);
    this.weDays = new Int8Array(E * Math.max(1, this.W));
    this.weCount = new Int32Array(E);
    this.recompute();
  }

  /** Recompute hard and soft from scratch (used at start and in tests of the deltas). */
  recompute(): void {
    const { E, D, S, a } = this;
    this.cnt.fill(0);
    this.empCnt.fill(0);
    this.minutes.fill(0);
    this.weDays.fill(0);
    this.weCount.fill(0);
    let hard = 0;
    let soft = 0;
    for (let e = 0; e < E; e++) {
      for (let d = 0; d < D; d++) {
        const i = e * D + d;
        const v = a[i];
        soft += this.pref[i * (S + 1) + v + 1];
        if (v >= 0) {
          this.cnt[d * S + v]++;
          this.empCnt[e * S + v]++;
          this.minutes[e] += this.len[v];
          if (d % 7 >= 5 && d < this.W * 7) this.weDays[e * this.W + Math.floor(d / 7)]++;
          if (d + 1 < D && a[i + 1] >= 0 && this.forbid[v * S + a[i + 1]]) hard += this.UNIT;
        }
      }
      for (let s = 0; s < S; s++) hard += Math.max(0, this.empCnt[e * S + s] - this.maxCnt[e * S + s]) * this.UNIT;
      hard += this.minutesPen(e, this.minutes[e]);
      for (let w = 0; w < this.W; w++) if (this.weDays[e * this.W + w] > 0) this.weCount[e]++;
      hard += Math.max(0, this.weCount[e] - this.maxWe[e]) * this.UNIT;
      hard += this.windowPen(e, 0, D - 1);
    }
    for (let k = 0; k < D * S; k++) soft += this.coverCost(k, this.cnt[k]);
    this.hard = hard;
    this.soft = soft;
  }

  coverCost(k: number, c: number): number {
    const r = this.req[k];
    return c < r ? (r - c) * this.wUnder[k] : (c - r) * this.wOver[k];
  }

  minutesPen(e: number, m: number): number {
    return m > this.maxMin[e] ? m - this.maxMin[e] : m < this.minMin[e] ? this.minMin[e] - m : 0;
  }

  /** Sequence penalty of the runs inside [L, R], which must start and end on run boundaries. */
  windowPen(e: number, L: number, R: number): number {
    const { D, a } = this;
    const base = e * D;
    let pen = 0;
    let s = L;
    while (s <= R) {
      const w = a[base + s] >= 0;
      let t = s;
      while (t < R && a[base + t + 1] >= 0 === w) t++;
      const n = t - s + 1;
      const inner = s > 0 && t < D - 1;
      if (w) {
        if (n > this.maxCons[e]) pen += (n - this.maxCons[e]) * this.UNIT;
        if (inner && n < this.minCons[e]) pen += (this.minCons[e] - n) * this.UNIT;
      } else if (inner && n < this.minOff[e]) pen += (this.minOff[e] - n) * this.UNIT;
      s = t + 1;
    }
    return pen;
  }

  /** Set one cell, updating all counters; returns nothing, accumulates into lastDelta*. */
  set(i: number, v: number): void {
    const { D, S, a } = this;
    const old = a[i];
    if (old === v) return;
    const e = (i / D) | 0;
    const d = i - e * D;
    let dh = 0;
    let ds = this.pref[i * (S + 1) + v + 1] - this.pref[i * (S + 1) + old + 1];
    if (old >= 0) {
      const k = d * S + old;
      const c = this.cnt[k];
      ds += this.coverCost(k, c - 1) - this.coverCost(k, c);
      this.cnt[k] = c - 1;
      const ek = e * S + old;
      const ec = this.empCnt[ek];
      if (ec > this.maxCnt[ek]) dh -= this.UNIT;
      this.empCnt[ek] = ec - 1;
    }
    if (v >= 0) {
      const k = d * S + v;
      const c = this.cnt[k];
      ds += this.coverCost(k, c + 1) - this.coverCost(k, c);
      this.cnt[k] = c + 1;
      const ek = e * S + v;
      const ec = this.empCnt[ek];
      if (ec + 1 > this.maxCnt[ek]) dh += this.UNIT;
      this.empCnt[ek] = ec + 1;
    }
    // Shift rotation with the neighbours.
    const prev = d > 0 ? a[i - 1] : -1;
    const next = d < D - 1 ? a[i + 1] : -1;
    if (prev >= 0) {
      if (old >= 0 && this.forbid[prev * S + old]) dh -= this.UNIT;
      if (v >= 0 && this.forbid[prev * S + v]) dh += this.UNIT;
    }
    if (next >= 0) {
      if (old >= 0 && this.forbid[old * S + next]) dh -= this.UNIT;
      if (v >= 0 && this.forbid[v * S + next]) dh += this.UNIT;
    }
    // Total minutes.
    const m0 = this.minutes[e];
    const m1 = m0 - (old >= 0 ? this.len[old] : 0) + (v >= 0 ? this.len[v] : 0);
    dh += this.minutesPen(e, m1) - this.minutesPen(e, m0);
    this.minutes[e] = m1;
    const wasWork = old >= 0;
    const isWork = v >= 0;
    if (wasWork !== isWork) {
      // Weekends.
      if (d % 7 >= 5 && d < this.W * 7) {
        const wk = e * this.W + ((d / 7) | 0);
        const before = this.weDays[wk];
        const after = before + (isWork ? 1 : -1);
        this.weDays[wk] = after;
        if (before > 0 !== after > 0) {
          const c0 = this.weCount[e];
          const c1 = c0 + (after > 0 ? 1 : -1);
          this.weCount[e] = c1;
          dh += (Math.max(0, c1 - this.maxWe[e]) - Math.max(0, c0 - this.maxWe[e])) * this.UNIT;
        }
      }
      // Sequences: the window from the start of the run holding d-1 to the end of the run holding d+1.
      const base = e * D;
      let L = d;
      if (d > 0) {
        const w = a[i - 1] >= 0;
        L = d - 1;
        while (L > 0 && a[base + L - 1] >= 0 === w) L--;
      }
      let R = d;
      if (d < D - 1) {
        const w = a[i + 1] >= 0;
        R = d + 1;
        while (R < D - 1 && a[base + R + 1] >= 0 === w) R++;
      }
      const p0 = this.windowPen(e, L, R);
      a[i] = v;
      dh += this.windowPen(e, L, R) - p0;
    } else a[i] = v;
    this.hard += dh;
    this.soft += ds;
    this.lastDeltaHard += dh;
    this.lastDeltaSoft += ds;
  }

  /** Make `grid` the current roster and rescore it. */
  load(grid: Int16Array): void {
    this.a.set(grid);
    this.recompute();
  }

  canTake(e: number, d: number, v: number): boolean {
    return !this.frozen[e * this.D + d] && this.allowed[e * (this.S + 1) + v + 1] === 1;
  }

  /**
   * Employees whose rows currently break a hard rule (every hard rule is one of a row: sequences,
   * minutes, weekends, per-type maxima, forbidden successions).
   */
  employeesWithHard(): number[] {
    const out: number[] = [];
    for (let e = 0; e < this.E; e++) if (this.rowHasHard(e)) out.push(e);
    return out;
  }

  private rowHasHard(e: number): boolean {
    const { D, S, a } = this;
    const m = this.minutes[e];
    if (m < this.minMin[e] || m > this.maxMin[e] || this.weCount[e] > this.maxWe[e]) return true;
    for (let s = 0; s < S; s++) if (this.empCnt[e * S + s] > this.maxCnt[e * S + s]) return true;
    const base = e * D;
    for (let d = 0; d + 1 < D; d++) {
      const v = a[base + d];
      const w = a[base + d + 1];
      if (v >= 0 && w >= 0 && this.forbid[v * S + w]) return true;
    }
    return this.windowPen(e, 0, D - 1) > 0;
  }

  roster(which: 'best' | 'current' = 'best'): CurtoisRoster {
    const src = which === 'best' ? this.best : this.a;
    const out: CurtoisRoster = {};
    this.inst.staff.forEach((st, e) => {
      const row: string[] = [];
      for (let d = 0; d < this.D; d++) {
        const v = src[e * this.D + d];
        row.push(v >= 0 ? this.inst.shifts[v].id : '');
      }
      out[st.id] = row;
    });
    return out;
  }
}
