/**
 * The Curtois & Qu benchmark as a SearchState: a flat assignment array with incremental
 * (delta) evaluation of every rule. Hard rules are measured in "units" (one violation =
 * UNIT, one minute of min/max total-minutes violation = 1) so the engine can weight them.
 * This score is the solver's own; results are always re-checked by shared/curtois/evaluate.ts.
 */
import type { CurtoisInstance, CurtoisRoster } from './types';
import { anneal, type SearchOptions, type SearchProgress, type SearchResult, type SearchState } from '../anneal/engine';
import { createRng, type Rng } from '../anneal/rng';
import { MoveLog } from '../anneal/move-log';

const BIG = 1 << 29;

export class CurtoisState implements SearchState {
  readonly E: number;
  readonly D: number;
  readonly S: number;
  readonly W: number;
  readonly UNIT: number;
  /** Assignment: shift index or -1 for a day off, at e*D+d. */
  readonly a: Int16Array;
  readonly best: Int16Array;
  private readonly frozen: Uint8Array;
  /** allowed[e*(S+1)+v+1] = 1 when value v may be given to employee e. */
  private readonly allowed: Uint8Array;
  private readonly allowedList: Int16Array[];
  private readonly forbid: Uint8Array;
  private readonly pref: Int32Array;
  private readonly req: Int32Array;
  private readonly wUnder: Int32Array;
  private readonly wOver: Int32Array;
  private readonly cnt: Int32Array;
  private readonly empCnt: Int32Array;
  private readonly maxCnt: Int32Array;
  private readonly minutes: Int32Array;
  private readonly len: Int32Array;
  private readonly maxMin: Int32Array;
  private readonly minMin: Int32Array;
  private readonly maxCons: Int32Array;
  private readonly minCons: Int32Array;
  private readonly minOff: Int32Array;
  private readonly maxWe: Int32Array;
  private readonly weDays: Int8Array;
  private readonly weCount: Int32Array;
  private readonly freeCells: Int32Array;

  hard = 0;
  soft = 0;
  lastDeltaHard = 0;
  lastDeltaSoft = 0;
  // Move log: cell index, old value, new value.
  private readonly log = new MoveLog();
  private rotBuf = new Int16Array(64);
  private rotIdx = new Int32Array(64);
  /** Probability of a whole-row dynamic-programming move (see repairRow). */
  rowRepairRate = 0;

  constructor(readonly inst: CurtoisInstance) {
    this.E = inst.staff.length;
    this.D = inst.horizon;
    this.S = inst.shifts.length;
    const { E, D, S } = this;
    this.W = Math.floor(D / 7);
    this.UNIT = Math.max(1, Math.round(inst.shifts.reduce((t, s) => t + s.minutes, 0) / S));
    const sIdx = new Map(inst.shifts.map((s, i) => [s.id, i]));
    const eIdx = new Map(inst.staff.map((s, i) => [s.id, i]));
    this.a = new Int16Array(E * D).fill(-1);
    this.best = new Int16Array(E * D).fill(-1);
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

  private coverCost(k: number, c: number): number {
    const r = this.req[k];
    return c < r ? (r - c) * this.wUnder[k] : (c - r) * this.wOver[k];
  }

  private minutesPen(e: number, m: number): number {
    return m > this.maxMin[e] ? m - this.maxMin[e] : m < this.minMin[e] ? this.minMin[e] - m : 0;
  }

  /** Sequence penalty of the runs inside [L, R], which must start and end on run boundaries. */
  private windowPen(e: number, L: number, R: number): number {
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
        if ((before > 0) !== (after > 0)) {
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

  private begin(): void {
    this.log.clear();
    this.lastDeltaHard = 0;
    this.lastDeltaSoft = 0;
  }

  private put(i: number, v: number): void {
    const old = this.a[i];
    if (old === v) return;
    this.log.record(i, old, v);
    this.set(i, v);
  }

  undo(): void {
    const log = this.log;
    for (let k = log.length - 1; k >= 0; k--) this.set(log.cell[k], log.before[k]);
  }

  redo(): void {
    const log = this.log;
    for (let k = 0; k < log.length; k++) this.set(log.cell[k], log.after[k]);
  }

  saveBest(): void {
    this.best.set(this.a);
  }

  private canTake(e: number, d: number, v: number): boolean {
    return !this.frozen[e * this.D + d] && this.allowed[e * (this.S + 1) + v + 1] === 1;
  }

  /** Swap the values of employees e1 and e2 on days [d0, d1]. */
  private swapBlock(e1: number, e2: number, d0: number, d1: number): void {
    const D = this.D;
    for (let d = d0; d <= d1; d++) {
      const i1 = e1 * D + d;
      const i2 = e2 * D + d;
      const v1 = this.a[i1];
      const v2 = this.a[i2];
      if (v1 === v2 || !this.canTake(e1, d, v2) || !this.canTake(e2, d, v1)) continue;
      this.put(i1, v2);
      this.put(i2, v1);
    }
  }

  move(rng: Rng): boolean {
    this.begin();
    const { E, D } = this;
    if (this.rowRepairRate > 0 && rng.next() < this.rowRepairRate) {
      const bad = this.hard > 0 ? this.employeesWithHard() : [];
      const e = bad.length > 0 ? bad[rng.int(bad.length)] : rng.int(E);
      return this.repairRow(e);
    }
    const r = rng.next();
    if (r < 0.38 || E < 2) {
      // Change one cell.
      const i = this.freeCells[rng.int(this.freeCells.length)];
      if (i === undefined) return false;
      const e = (i / D) | 0;
      const list = this.allowedList[e];
      const v = list[rng.int(list.length)];
      if (v === this.a[i]) return false;
      this.put(i, v);
    } else if (r < 0.62) {
      // Swap two employees on one day.
      const e1 = rng.int(E);
      let e2 = rng.int(E - 1);
      if (e2 >= e1) e2++;
      const d = rng.int(D);
      this.swapBlock(e1, e2, d, d);
    } else if (r < 0.8) {
      // Block swap (2–7 days) between two employees; one in four starts on a Saturday (weekend swap).
      const e1 = rng.int(E);
      let e2 = rng.int(E - 1);
      if (e2 >= e1) e2++;
      let d0: number;
      let k: number;
      if (rng.next() < 0.25 && D >= 7) {
        d0 = 7 * rng.int(Math.floor(D / 7)) + 5;
        k = 2;
      } else {
        k = 2 + rng.int(6);
        d0 = rng.int(D);
      }
      this.swapBlock(e1, e2, d0, Math.min(D - 1, d0 + k - 1));
    } else if (r < 0.88) {
      // Rotate the free cells of a stretch of one employee's row by one position (shifts every
      // run inside it at once; needed for densely packed rows such as Instance20–22). Half of the
      // time the wrapped-around cell gets a new value instead: that deletes one day's value at
      // one end of the stretch and inserts another at the other end. Fixed days off stay put.
      const e = rng.int(E);
      const len = 3 + rng.int(Math.min(D - 2, 40));
      const a = rng.int(D - len + 1);
      const base = e * D;
      if (this.rotIdx.length < len) this.rotIdx = new Int32Array(len * 2);
      if (this.rotBuf.length < len) this.rotBuf = new Int16Array(len * 2);
      const idx = this.rotIdx;
      const tmp = this.rotBuf;
      let m = 0;
      for (let d = a; d < a + len; d++) {
        if (this.frozen[base + d]) continue;
        idx[m] = base + d;
        tmp[m] = this.a[base + d];
        m++;
      }
      if (m < 2) return false;
      const left = rng.next() < 0.5;
      for (let k = 0; k < m; k++) this.put(idx[k], tmp[left ? (k + 1) % m : (k + m - 1) % m]);
      if (rng.next() < 0.5) {
        const list = this.allowedList[e];
        const at = idx[left ? m - 1 : 0];
        const v = this.a[at] >= 0 ? -1 : list[1 + rng.int(list.length - 1)] ?? -1;
        this.put(at, v);
      }
    } else if (r < 0.95) {
      // Change two consecutive days of one employee (a weekend one time in three): both off,
      // or both to one random allowed value.
      const e = rng.int(E);
      const d0 = rng.next() < 0.33 && D >= 7 ? 7 * rng.int(Math.floor(D / 7)) + 5 : rng.int(D - 1);
      const list = this.allowedList[e];
      const v = rng.next() < 0.5 ? -1 : list[rng.int(list.length)];
      for (let d = d0; d <= d0 + 1 && d < D; d++) if (!this.frozen[e * D + d]) this.put(e * D + d, v);
    } else {
      // Move a shift to another day for the same employee.
      const e = rng.int(E);
      const d1 = rng.int(D);
      // Half of the time a nearby day (moves the edge of a run), otherwise anywhere.
      const d2 = rng.next() < 0.5 ? Math.min(D - 1, Math.max(0, d1 + (rng.next() < 0.5 ? -1 : 1) * (1 + rng.int(3)))) : rng.int(D);
      const i1 = e * D + d1;
      const i2 = e * D + d2;
      const v1 = this.a[i1];
      const v2 = this.a[i2];
      if (v1 === v2 || this.frozen[i1] || this.frozen[i2]) return false;
      this.put(i1, v2);
      this.put(i2, v1);
    }
    return this.log.length > 0;
  }

  /**
   * Re-plan one employee's whole row by dynamic programming: the work/off pattern that meets the
   * employee's sequence and total-minutes rules at the least cost (requests + cover, the other
   * employees fixed), then the cheapest shift types along it that respect forbidden successions.
   * Weekends and per-type maxima enter as Lagrangian penalties that grow until the row keeps
   * them. Only for employees whose allowed shifts all have the same length (minutes = count ×
   * length). Returns false when it does not apply or finds no pattern.
   */
  repairRow(e: number): boolean {
    const { S, D } = this;
    const list = this.allowedList[e];
    if (list.length < 2) return false;
    let lw = 0;
    const lt = new Float64Array(S);
    let chosen: Int16Array | null = null;
    for (let iter = 0; iter < 8; iter++) {
      const row = this.rowDP(e, lw, lt);
      if (!row) return chosen ? this.applyRow(e, chosen) : false;
      chosen = row;
      // Weekends and per-type counts of this row.
      let we = 0;
      for (let sat = 5; sat < this.W * 7; sat += 7) if (row[sat] >= 0 || row[sat + 1] >= 0) we++;
      const counts = new Int32Array(S);
      for (let d = 0; d < D; d++) if (row[d] >= 0) counts[row[d]]++;
      let ok = true;
      if (we > this.maxWe[e]) {
        lw = lw > 0 ? lw * 2 : 50;
        ok = false;
      }
      for (let t = 0; t < S; t++) {
        if (counts[t] > this.maxCnt[e * S + t]) {
          lt[t] = lt[t] > 0 ? lt[t] * 2 : 50;
          ok = false;
        }
      }
      if (ok) break;
    }
    return chosen ? this.applyRow(e, chosen) : false;
  }

  private applyRow(e: number, row: Int16Array): boolean {
    const base = e * this.D;
    for (let d = 0; d < this.D; d++) if (!this.frozen[base + d]) this.put(base + d, row[d]);
    return this.log.length > 0;
  }

  private rowDP(e: number, lw: number, lt: Float64Array): Int16Array | null {
    const { D, S } = this;
    const list = this.allowedList[e];
    const K = list.length - 1;
    // Minutes are counted in units of the gcd of the allowed shift lengths.
    const lengths: number[] = [];
    for (let k = 1; k < list.length; k++) if (!lengths.includes(this.len[list[k]])) lengths.push(this.len[list[k]]);
    let g = 0;
    for (const l of lengths) g = gcd(g, l);
    if (g <= 0) return null;
    const units = lengths.map((l) => l / g);
    const NL = lengths.length;
    const typeLen = new Int32Array(K);
    for (let k = 0; k < K; k++) typeLen[k] = lengths.indexOf(this.len[list[k + 1]]);
    const cMin = Math.ceil(this.minMin[e] / g);
    const cMax = Math.floor(this.maxMin[e] / g);
    if (cMin > cMax || cMax > 1500) return null;
    const maxC = Math.max(1, this.maxCons[e]);
    const minC = this.minCons[e];
    const minO = Math.max(1, this.minOff[e]);
    const base = e * D;
    // Cost of each shift type on each day with this employee taken out of the cover counts;
    // the cheapest type per length class.
    const typeCost = new Float64Array(D * K);
    const workCost = new Float64Array(D * NL);
    const offCost = new Float64Array(D);
    for (let d = 0; d < D; d++) {
      const i = base + d;
      const cur = this.a[i];
      offCost[d] = this.pref[i * (S + 1)];
      for (let li = 0; li < NL; li++) workCost[d * NL + li] = Infinity;
      if (this.frozen[i]) continue;
      for (let k = 0; k < K; k++) {
        const sh = list[k + 1];
        const kk = d * S + sh;
        const c = this.cnt[kk] - (cur === sh ? 1 : 0);
        const cost = this.pref[i * (S + 1) + sh + 1] + this.coverCost(kk, c + 1) - this.coverCost(kk, c) + lt[sh];
        typeCost[d * K + k] = cost;
        const li = typeLen[k];
        if (cost < workCost[d * NL + li]) workCost[d * NL + li] = cost;
      }
    }
    const weekendDay = (d: number) => d < this.W * 7 ? d % 7 : -1; // 5 = Saturday, 6 = Sunday
    // States: work run length 1..maxC (index L-1) and off run length 1..minO (capped; index maxC+L-1).
    const NS = maxC + minO;
    const NC = cMax + 1;
    const size = NS * NC;
    let cur = new Float64Array(size).fill(Infinity);
    let nxt = new Float64Array(size).fill(Infinity);
    const parent = new Int32Array(D * size);
    for (let li = 0; li < NL; li++) {
      const u = units[li];
      if (workCost[li] < Infinity && u < NC && workCost[li] < cur[u]) cur[u] = workCost[li];
    }
    cur[maxC * NC] = offCost[0];
    for (let d = 1; d < D; d++) {
      nxt.fill(Infinity);
      const pBase = d * size;
      const wd = weekendDay(d);
      for (let st = 0; st < NS; st++) {
        const working = st < maxC;
        const L = working ? st + 1 : st - maxC + 1;
        // Weekend penalty: once per weekend, on Saturday or on a Sunday after a free Saturday.
        const wePen = wd === 5 || (wd === 6 && !working) ? lw : 0;
        for (let c = 0; c < NC; c++) {
          const v = cur[st * NC + c];
          if (v === Infinity) continue;
          const from = st * NC + c;
          let ws = -1;
          if (working) {
            if (L + 1 <= maxC) ws = L;
          } else if (L >= minO || L === d) ws = 0;
          if (ws >= 0) {
            for (let li = 0; li < NL; li++) {
              const wc = workCost[d * NL + li];
              const c2 = c + units[li];
              if (wc === Infinity || c2 >= NC) continue;
              const to = ws * NC + c2;
              const nv = v + wc + wePen;
              if (nv < nxt[to]) {
                nxt[to] = nv;
                parent[pBase + to] = from;
              }
            }
          }
          let ns = -1;
          if (!working) ns = maxC + Math.min(minO, L + 1) - 1;
          else if (L >= minC || L === d) ns = maxC;
          if (ns >= 0) {
            const to = ns * NC + c;
            const nv = v + offCost[d];
            if (nv < nxt[to]) {
              nxt[to] = nv;
              parent[pBase + to] = from;
            }
          }
        }
      }
      const t = cur;
      cur = nxt;
      nxt = t;
    }
    let bestEnd = -1;
    let bestVal = Infinity;
    for (let st = 0; st < NS; st++) {
      for (let c = cMin; c <= cMax; c++) {
        const v = cur[st * NC + c];
        if (v < bestVal) {
          bestVal = v;
          bestEnd = st * NC + c;
        }
      }
    }
    if (bestEnd < 0) return null;
    const work = new Uint8Array(D);
    const dayLen = new Int32Array(D).fill(-1);
    let at = bestEnd;
    for (let d = D - 1; d >= 0; d--) {
      work[d] = Math.floor(at / NC) < maxC ? 1 : 0;
      const prev = d > 0 ? parent[d * size + at] : -1;
      if (work[d]) {
        const du = (at % NC) - (d > 0 ? prev % NC : 0);
        dayLen[d] = units.indexOf(du);
      }
      if (d > 0) at = prev;
    }
    // Shift types along each work run (Viterbi; a day off breaks every succession).
    const vit = new Float64Array(D * K).fill(Infinity);
    const back = new Int32Array(D * K).fill(-1);
    const row = new Int16Array(D).fill(-1);
    for (let d = 0; d < D; d++) {
      if (!work[d]) continue;
      for (let k = 0; k < K; k++) {
        if (typeLen[k] !== dayLen[d]) continue;
        const cost = typeCost[d * K + k];
        if (d > 0 && work[d - 1]) {
          let bv = Infinity;
          let bk = -1;
          for (let q = 0; q < K; q++) {
            const pv = vit[(d - 1) * K + q];
            if (pv < bv && !this.forbid[list[q + 1] * S + list[k + 1]]) {
              bv = pv;
              bk = q;
            }
          }
          if (bk < 0) continue;
          vit[d * K + k] = bv + cost;
          back[d * K + k] = bk;
        } else vit[d * K + k] = cost;
      }
      if (d + 1 >= D || !work[d + 1]) {
        let bk = -1;
        for (let k = 0; k < K; k++) if (vit[d * K + k] < Infinity && (bk < 0 || vit[d * K + k] < vit[d * K + bk])) bk = k;
        if (bk < 0) return null;
        let dd = d;
        let k = bk;
        while (dd >= 0 && work[dd]) {
          row[dd] = list[k + 1];
          const pk = back[dd * K + k];
          dd--;
          if (pk < 0) break;
          k = pk;
        }
      }
    }
    return row;
  }

  /** One pass of row repairs over the employees whose rows break a hard rule; keeps improvements. */
  repairSweep(): void {
    for (const e of this.employeesWithHard()) {
      this.begin();
      if (!this.repairRow(e)) continue;
      if (this.lastDeltaHard > 0 || (this.lastDeltaHard === 0 && this.lastDeltaSoft > 0)) this.undo();
    }
    this.begin();
  }

  /** Employees whose rows currently break a hard rule (sequence, minutes, weekends). */
  employeesWithHard(): number[] {
    const out: number[] = [];
    const { D } = this;
    for (let e = 0; e < this.E; e++) {
      const m = this.minutes[e];
      if (m < this.minMin[e] || m > this.maxMin[e] || this.weCount[e] > this.maxWe[e] || this.windowPen(e, 0, D - 1) > 0) out.push(e);
    }
    return out;
  }

  /** Greedy constructive start: fill cover requirements one person at a time by best delta. */
  construct(rng: Rng, sample = 24): void {
    const { E, D, S } = this;
    const hw = 4;
    for (let d = 0; d < D; d++) {
      for (let s = 0; s < S; s++) {
        const k = d * S + s;
        while (this.cnt[k] < this.req[k]) {
          let bestI = -1;
          let bestDelta = 0;
          const tries = Math.min(sample, E);
          for (let t = 0; t < tries; t++) {
            const e = tries === E ? t : rng.int(E);
            const i = e * D + d;
            if (this.a[i] !== -1 || !this.canTake(e, d, s)) continue;
            this.begin();
            this.put(i, s);
            const delta = this.lastDeltaHard * hw + this.lastDeltaSoft;
            this.undo();
            if (delta < bestDelta) {
              bestDelta = delta;
              bestI = i;
            }
          }
          if (bestI < 0) break;
          this.begin();
          this.put(bestI, s);
        }
      }
    }
    this.begin();
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

export interface CurtoisSolveOptions {
  seed?: number;
  seconds?: number;
  maxMoves?: number;
  onProgress?: (p: SearchProgress) => void;
  shouldStop?: () => boolean;
  /** Overrides for tuning. */
  tuning?: Partial<Pick<SearchOptions, 'hardWeight' | 'startTemperature' | 'endTemperature' | 'cycles' | 'hardWeightGrowth' | 'hardWeightRamp'>> & {
    /** Phase A: weight of one hard violation and temperatures. */
    phaseAHardWeight?: number;
    phaseAStartTemperature?: number;
    phaseAEndTemperature?: number;
    /** Probability per move of a whole-row dynamic-programming move. */
    rowRepairRate?: number;
  };
}

export interface CurtoisSolveResult extends SearchResult {
  roster: CurtoisRoster;
  /** Solver-internal hard measure in units (see CurtoisState.UNIT). */
  unit: number;
}

export function solveCurtois(inst: CurtoisInstance, opts: CurtoisSolveOptions = {}): CurtoisSolveResult {
  const state = new CurtoisState(inst);
  const seed = opts.seed ?? 1;
  state.construct(createRng(seed ^ 0x5bd1e995));
  state.rowRepairRate = opts.tuning?.rowRepairRate ?? 1 / (20 * state.E * state.D);
  let userStop = false;
  const shouldStop = () => (userStop ||= opts.shouldStop?.() === true);
  // Phase A (feasibility first): anneal on the hard rules with a heavy hard weight until the
  // first roster without hard violations, using at most 40 % of the budget.
  const phaseA = anneal(state, {
    seed: seed ^ 0x27d4eb2f,
    seconds: opts.seconds !== undefined ? opts.seconds * 0.4 : undefined,
    maxMoves: opts.maxMoves !== undefined ? Math.floor(opts.maxMoves * 0.4) : undefined,
    hardWeight: (opts.tuning?.phaseAHardWeight ?? 1000) / state.UNIT,
    startTemperature: opts.tuning?.phaseAStartTemperature ?? 1000,
    endTemperature: opts.tuning?.phaseAEndTemperature ?? 1,
    hardWeightRamp: 5,
    hardWeightGrowth: 1.001,
    onProgress: opts.onProgress ? (p) => opts.onProgress!({ ...p, done: false }) : undefined,
    shouldStop: () => state.hard === 0 || shouldStop(),
  });
  state.rowRepairRate = 0;
  // Continue from the best roster of phase A; if it still breaks hard rules, sweep the rows
  // of the employees concerned with the dynamic-programming row repair.
  state.a.set(state.best);
  state.recompute();
  for (let sweep = 0; sweep < 3 && state.hard > 0 && !shouldStop(); sweep++) state.repairSweep();
  if (state.hard === 0) state.saveBest();
  state.rowRepairRate = opts.tuning?.rowRepairRate ?? 1 / (20 * state.E * state.D);
  const offsetMs = phaseA.elapsedMs;
  // Phase B (objective): simulated annealing with a low hard weight that ramps up over the run
  // and grows further while the current roster is infeasible (tuned on Instance1–7, see
  // docs/solver.md). The best roster is compared on feasibility first.
  // When phase A could not reach feasibility, phase B starts cooler and keeps the hard weight
  // of phase A, so it does not throw away the nearly feasible structure.
  const stillInfeasible = state.hard > 0;
  const hw = opts.tuning?.hardWeight ?? (stillInfeasible ? 1000 : 100) / state.UNIT;
  const res = userStop
    ? { ...phaseA, moves: 0, elapsedMs: 0 }
    : anneal(state, {
        seed,
        // Keep 5 % of the budget (at most 2 s) for the final repair sweeps below.
        seconds: opts.seconds !== undefined ? Math.max(0.001, opts.seconds - offsetMs / 1000 - Math.min(2, opts.seconds * 0.05)) : undefined,
        maxMoves: opts.maxMoves !== undefined ? opts.maxMoves - phaseA.moves : undefined,
        hardWeight: hw,
        startTemperature: opts.tuning?.startTemperature ?? (stillInfeasible ? 30 : 100),
        endTemperature: opts.tuning?.endTemperature ?? 0.5,
        cycles: opts.tuning?.cycles ?? 1,
        hardWeightGrowth: opts.tuning?.hardWeightGrowth ?? 1.0005,
        hardWeightRamp: opts.tuning?.hardWeightRamp ?? 20,
        onProgress: opts.onProgress
          ? (p) => opts.onProgress!({ ...p, moves: p.moves + phaseA.moves, elapsedMs: p.elapsedMs + offsetMs, firstFeasibleMs: phaseA.firstFeasibleMs ?? (p.firstFeasibleMs === null ? null : p.firstFeasibleMs + offsetMs) })
          : undefined,
        shouldStop,
      });
  let firstFeasibleMs = phaseA.firstFeasibleMs ?? (res.firstFeasibleMs === null ? null : res.firstFeasibleMs + offsetMs);
  let bestHard = userStop && res.moves === 0 ? phaseA.bestHard : res.bestHard;
  let bestSoft = userStop && res.moves === 0 ? phaseA.bestSoft : res.bestSoft;
  let extraMs = 0;
  if (bestHard > 0 && !userStop) {
    // Still infeasible: repair sweeps on the best roster.
    const t0 = nowMs();
    state.a.set(state.best);
    state.recompute();
    for (let sweep = 0; sweep < 3 && state.hard > 0; sweep++) state.repairSweep();
    extraMs = nowMs() - t0;
    if (state.hard < bestHard) {
      state.saveBest();
      bestHard = state.hard;
      bestSoft = state.soft;
      if (bestHard === 0) firstFeasibleMs = offsetMs + res.elapsedMs + extraMs;
    }
  }
  return {
    moves: phaseA.moves + res.moves,
    elapsedMs: offsetMs + res.elapsedMs + extraMs,
    bestHard,
    bestSoft,
    firstFeasibleMs,
    cancelled: userStop,
    roster: state.roster('best'),
    unit: state.UNIT,
  };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return Math.abs(a);
}

function nowMs(): number {
  return typeof globalThis.performance !== 'undefined' ? globalThis.performance.now() : Date.now();
}
