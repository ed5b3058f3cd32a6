/**
 * The Norwegian product problem as a SearchState (shared/solver/engine.ts): a grid of
 * employees × days of the plan period with incremental (delta) evaluation.
 *
 * This is the solver's fast internal model of the hard rules (daily rest between consecutive
 * days, weekly rest, week maximum, søn-/helgedager, max consecutive days, weekend frequency) and
 * of the soft goals (uncovered demand, hours close to target, weekend rhythm, wishes, stability).
 * It works in local minutes and ignores daylight-saving shifts; the generated plan is always
 * verified afterwards with the rule engine (shared/engine.ts), which is the source of truth.
 */
import { type DayNumber, isIsoDate, isoWeekday, parseTime, toDay } from '../../calendar';
import type { TurnusPlan } from '../../plan/model';
import { agreementsOf } from '../../plan/model';
import { maxConsecutiveDaysOf } from '../../rules/index';
import { type PlanIndex, indexPlan } from '../../plan/plan-index';
import { targetHours } from '../../plan/hours';
import { redDaysBetween } from '../../plan/zones';
import { ANY, demandOn, demandTable, fillsCodes } from '../../metrics/demand';
import type { Rng } from '../anneal/rng';
import type { SearchState } from '../anneal/engine';
import { MoveLog } from '../anneal/move-log';

/** Cell values: a shift index ≥ 0, EMPTY, or BLOCKED (absence or other non-work code). */
export const EMPTY = -1;
export const BLOCKED = -2;

export interface Wish {
  employee: string;
  date: string;
  /** 'off' = ønske om fri; 'shift' = ønske om en bestemt vakt (code). */
  kind: 'off' | 'shift';
  code?: string;
  /** Importance, default 1. */
  weight?: number;
}

export interface ModelWeights {
  uncovered: number;
  surplus: number;
  /** Per minute below / above target hours (inside the over-target tolerance). */
  underMinute: number;
  overMinute: number;
  /**
   * Beyond the over-target tolerance (`ModelInput.overTolerance`): a fixed step as soon as an
   * employee's planned hours pass target + tolerance, plus this much per minute beyond. Both
   * are set so that leaving a shift open (a planned vikar need, 'uncovered') is cheaper than
   * pushing anybody past her position: step > uncovered.
   */
  overBeyondStep: number;
  overBeyondMinute: number;
  offGroupWeekend: number;
  /**
   * Per unhonoured wish (× its weight). Above `uncovered − overMinute × a day shift` (2000 − 900):
   * a wish for a day off yields to coverage, except when the shift would be overtime for her
   * (hours above target), then the shift is left open (vikar) and the wish honoured.
   */
  wish: number;
  change: number;
}

export const DEFAULT_WEIGHTS: ModelWeights = {
  uncovered: 2000,
  surplus: 150,
  underMinute: 1,
  overMinute: 2,
  overBeyondStep: 6000,
  overBeyondMinute: 20,
  offGroupWeekend: 300,
  wish: 1200,
  change: 200,
};

/** Categories of the internal hard measure (for reasons). */
export const HARD_CATEGORIES = ['rest-daily', 'rest-weekly', 'week-max', 'sunday', 'consecutive', 'weekend'] as const;
export type HardCategory = (typeof HARD_CATEGORIES)[number];

export interface ModelInput {
  plan: TurnusPlan;
  /** Cells the solver may change (e*D+d → 1). Others keep their current value. */
  editable: Uint8Array;
  /** Starting grid (shift index, EMPTY or BLOCKED). */
  start: Int16Array;
  wishes?: Wish[];
  /** Existing work cells: changing them costs `weights.change` (repair mode). */
  stability?: boolean;
  weights?: Partial<ModelWeights>;
  /** How far above target hours the leader accepts (default `DEFAULT_OVER_TOLERANCE`). */
  overTolerance?: OverTolerance;
  /**
   * Raise each employee's limit to her hours in the start grid when those are higher (repair
   * mode: removing rule breaches must not also trim overtime the leader already planned).
   */
  keepStartHours?: boolean;
}

/**
 * Accepted planned hours above target hours, per employee over the plan period:
 * max(share × target, minHours). Above target + tolerance the solver leaves shifts open instead.
 * `share: Infinity` switches the limit off (hours above target then cost only `overMinute`).
 */
export interface OverTolerance {
  /** Share of the employee's target hours, e.g. 0.05 = 5 %. */
  share: number;
  /** At least this many hours (so small positions are not capped below one shift's rounding). */
  minHours: number;
}

export const DEFAULT_OVER_TOLERANCE: OverTolerance = { share: 0.05, minHours: 4 };

/** Tolerance in minutes for one employee's target (minutes), or Infinity when switched off. */
export function overToleranceMinutes(targetMin: number, tol: OverTolerance = DEFAULT_OVER_TOLERANCE): number {
  if (!Number.isFinite(tol.share) || !Number.isFinite(tol.minHours)) return Infinity;
  return Math.round(Math.max(tol.share * Math.max(0, targetMin), tol.minHours * 60));
}

export class NorwegianState implements SearchState {
  readonly index: PlanIndex;
  readonly E: number;
  readonly D: number;
  readonly S: number;
  readonly C: number;
  readonly startDay: DayNumber;
  readonly codes: string[];
  readonly comps: string[];
  readonly g: Int16Array;
  readonly best: Int16Array;
  readonly editable: Uint8Array;
  readonly editableCells: Int32Array;
  readonly weights: ModelWeights;
  /** allowed[e*(S+1)+v+1] */
  readonly allowed: Uint8Array;
  readonly allowedList: Int16Array[];
  readonly empComp: Int32Array;
  readonly sStart: Int32Array;
  readonly sEnd: Int32Array;
  readonly sPaidMin: Int32Array;
  readonly restBad: Uint8Array;
  readonly targetMin: Int32Array;
  readonly plannedMin: Int32Array;
  /** Accepted minutes above target per employee (Infinity = no limit). */
  readonly tolMin: Float64Array;
  readonly pref: Int32Array;
  // Demand per day: flattened needs.
  private readonly needStart: Int32Array;
  private readonly needShift: Int32Array;
  private readonly needComp: Int32Array;
  private readonly needCount: Int32Array;
  /** fills[x*S+c] = 1 when a worker on shift x may fill demand for c (countsToward, not own). */
  private readonly toward: Uint8Array;
  private readonly cnt: Int32Array;
  private readonly dayCostCache: Float64Array;
  readonly dayMissing: Int32Array;
  // Calendar structure.
  private readonly weekOf: Int32Array;
  private readonly weekMonday: Int32Array; // day offset of the week's Monday (may be < 0)
  private readonly nWeeks: number;
  readonly redIdx: Int32Array;
  readonly red: Int32Array;
  readonly weekendSat: Int32Array; // offsets of Saturdays of weekends fully in the period
  readonly weekendOfDay: Int32Array; // Fri/Sat/Sun → weekend index, else -1
  private readonly weWorked: Uint8Array;
  private readonly weCount: Int32Array;
  readonly weAllowed: number;
  readonly weFreq: number;
  private readonly group: Int32Array;
  private readonly dailyRestMin: number;
  private readonly weeklyRestMin: number;
  private readonly weekMaxMin: number;
  private readonly maxCons: number;

  hard = 0;
  soft = 0;
  lastDeltaHard = 0;
  lastDeltaSoft = 0;
  /** Per-category hard delta of the last `set` calls since `begin()`. */
  readonly catDelta = new Float64Array(HARD_CATEGORIES.length);
  private readonly log = new MoveLog();

  constructor(input: ModelInput) {
    const plan = input.plan;
    this.index = indexPlan(plan);
    this.weights = { ...DEFAULT_WEIGHTS, ...(input.weights ?? {}) };
    const E = (this.E = plan.employees.length);
    const D = (this.D = this.index.days);
    this.startDay = this.index.startDay;
    this.codes = plan.shiftTypes.map((s) => s.code);
    const S = (this.S = this.codes.length);
    const compSet = new Set<string>();
    for (const e of plan.employees) compSet.add(e.competence);
    for (const r of plan.demand) if (r.competence !== ANY) compSet.add(r.competence);
    this.comps = [...compSet];
    const C = (this.C = Math.max(1, this.comps.length));
    const compIdx = new Map(this.comps.map((c, i) => [c, i]));
    this.empComp = Int32Array.from(plan.employees.map((e) => compIdx.get(e.competence) ?? 0));
    const ag = agreementsOf(plan);
    this.dailyRestMin = Math.round(ag.dailyRestMinHours * 60);
    this.weeklyRestMin = Math.round(ag.weeklyRestMinHours * 60);
    this.weekMaxMin = Math.round(ag.maxWeekHours * 60);
    this.maxCons = maxConsecutiveDaysOf(plan);

    this.sStart = new Int32Array(S);
    this.sEnd = new Int32Array(S);
    this.sPaidMin = new Int32Array(S);
    plan.shiftTypes.forEach((t, s) => {
      const a = parseTime(t.start);
      let b = parseTime(t.end);
      if (b <= a) b += 1440;
      this.sStart[s] = a;
      this.sEnd[s] = b;
      this.sPaidMin[s] = b - a - (t.unpaidBreakMinutes ?? 0);
    });
    this.restBad = new Uint8Array(S * S);
    for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) {
      if (this.sStart[b] + 1440 - this.sEnd[a] < this.dailyRestMin) this.restBad[a * S + b] = 1;
    }
    // Which shifts each employee may be given: day maximum, langvakt consent, night exemption.
    this.allowed = new Uint8Array(E * (S + 1));
    this.allowedList = [];
    plan.employees.forEach((emp, e) => {
      this.allowed[e * (S + 1)] = 1;
      const list = [EMPTY];
      plan.shiftTypes.forEach((t, s) => {
        if (this.sPaidMin[s] > ag.maxShiftHours * 60 + 1e-9) return;
        if (t.long && emp.consentsLongShifts !== true) return;
        if (emp.nightExempt === true && hasNightWork(this.sStart[s], this.sEnd[s])) return;
        this.allowed[e * (S + 1) + s + 1] = 1;
        list.push(s);
      });
      this.allowedList.push(Int16Array.from(list));
    });

    this.g = Int16Array.from(input.start);
    this.best = Int16Array.from(input.start);
    this.editable = input.editable;
    const ed: number[] = [];
    for (let i = 0; i < E * D; i++) if (input.editable[i]) ed.push(i);
    this.editableCells = Int32Array.from(ed);

    // Hours: credited absence hours count as planned; fixed cells are part of the grid.
    this.targetMin = new Int32Array(E);
    this.plannedMin = new Int32Array(E);
    this.tolMin = new Float64Array(E);
    const credited = new Int32Array(E);
    plan.employees.forEach((emp, e) => {
      this.targetMin[e] = Math.round(targetHours(this.index, emp.id) * 60);
      this.tolMin[e] = overToleranceMinutes(this.targetMin[e], input.overTolerance ?? DEFAULT_OVER_TOLERANCE);
      const ei = this.index.byId.get(emp.id);
      if (ei) for (const a of ei.absences) if (a.day >= this.startDay && a.day <= this.index.endDay) credited[e] += Math.round(a.creditedHours * 60);
    });
    this.credited = credited;

    // Preferences: wishes and stability.
    this.pref = new Int32Array(E * D * (S + 1));
    const eIdx = new Map(plan.employees.map((e, i) => [e.id, i]));
    const sIdx = new Map(this.codes.map((c, i) => [c, i]));
    for (const w of input.wishes ?? []) {
      const e = eIdx.get(w.employee);
      const day = dayOffset(w.date, this.startDay);
      if (e === undefined || day < 0 || day >= D) continue;
      const base = (e * D + day) * (S + 1);
      const cost = Math.round(this.weights.wish * (w.weight ?? 1));
      if (w.kind === 'off') for (let s = 0; s < S; s++) this.pref[base + s + 1] += cost;
      else {
        const s = w.code !== undefined ? sIdx.get(w.code) : undefined;
        for (let v = -1; v < S; v++) if (v !== s) this.pref[base + v + 1] += cost;
      }
    }
    if (input.stability) {
      for (let i = 0; i < E * D; i++) {
        const v = input.start[i];
        if (v < 0 || !input.editable[i]) continue;
        for (let x = -1; x < S; x++) if (x !== v) this.pref[i * (S + 1) + x + 1] += this.weights.change;
      }
    }

    // Demand.
    const table = demandTable(plan.demand);
    const ns: number[] = [];
    const nsh: number[] = [];
    const nc: number[] = [];
    const ncount: number[] = [];
    for (let d = 0; d < D; d++) {
      ns.push(nsh.length);
      for (const need of demandOn(table, this.startDay + d)) {
        const s = sIdx.get(need.shift);
        if (s === undefined) continue;
        nsh.push(s);
        nc.push(need.competence === ANY ? -1 : compIdx.get(need.competence) ?? -1);
        ncount.push(need.count);
      }
    }
    ns.push(nsh.length);
    this.needStart = Int32Array.from(ns);
    this.needShift = Int32Array.from(nsh);
    this.needComp = Int32Array.from(nc);
    this.needCount = Int32Array.from(ncount);
    this.toward = new Uint8Array(S * S);
    for (let x = 0; x < S; x++) {
      for (const c of fillsCodes(this.index.shiftTypes, this.codes[x])) {
        const ci = sIdx.get(c);
        if (ci !== undefined && ci !== x) this.toward[x * S + ci] = 1;
      }
    }
    this.cnt = new Int32Array(D * S * C);
    this.dayCostCache = new Float64Array(D);
    this.dayMissing = new Int32Array(D);
    this.scratch = new Int32Array(S * C);
    this.filled = new Int32Array(64);

    // Weeks (Monday-based calendar weeks overlapping the period).
    const wd0 = isoWeekday(this.startDay); // 0 = Monday
    this.weekOf = new Int32Array(D + 2);
    for (let d = -1; d <= D; d++) this.weekOf[d + 1] = Math.floor((d + wd0) / 7);
    this.nWeeks = Math.floor((D - 1 + wd0) / 7) + 1;
    this.weekMonday = new Int32Array(this.nWeeks);
    for (let w = 0; w < this.nWeeks; w++) this.weekMonday[w] = w * 7 - wd0;
    // Red days (Sundays and holidays) for AML-SUNDAY.
    const reds = redDaysBetween(this.startDay, this.index.endDay).map((x) => x - this.startDay);
    this.red = Int32Array.from(reds);
    this.redIdx = new Int32Array(D).fill(-1);
    reds.forEach((r, k) => (this.redIdx[r] = k));
    // Weekends whose Saturday and Sunday lie in the period.
    const sats: number[] = [];
    for (let d = 0; d + 1 < D; d++) if (isoWeekday(this.startDay + d) === 5) sats.push(d);
    this.weekendSat = Int32Array.from(sats);
    this.weekendOfDay = new Int32Array(D).fill(-1);
    sats.forEach((s, j) => {
      for (const d of [s - 1, s, s + 1]) if (d >= 0 && d < D) this.weekendOfDay[d] = j;
    });
    const k = typeof plan.unit.weekendFrequency === 'number' && plan.unit.weekendFrequency > 0 ? plan.unit.weekendFrequency : 0;
    this.weFreq = k;
    this.weAllowed = k > 0 ? Math.ceil(sats.length / k) : sats.length;
    this.weWorked = new Uint8Array(E * Math.max(1, sats.length));
    this.weCount = new Int32Array(E);
    this.group = Int32Array.from(plan.employees.map((e) => (typeof e.weekendGroup === 'number' && k > 0 ? ((e.weekendGroup % k) + k) % k : -1)));
    this.recompute();
    if (input.keepStartHours) {
      for (let e = 0; e < E; e++) this.tolMin[e] = Math.max(this.tolMin[e], this.plannedMin[e] - this.targetMin[e]);
      this.recompute();
    }
  }

  private readonly credited: Int32Array;
  private readonly scratch: Int32Array;
  private filled: Int32Array;

  // ------------------------------------------------------------------------------------------
  // Terms

  private dayCost(d: number): number {
    const { S, C } = this;
    const have = this.scratch;
    const base = d * S * C;
    for (let k = 0; k < S * C; k++) have[k] = this.cnt[base + k];
    const n0 = this.needStart[d];
    const n1 = this.needStart[d + 1];
    if (this.filled.length < n1 - n0) this.filled = new Int32Array(n1 - n0);
    const filled = this.filled;
    for (let n = n0; n < n1; n++) filled[n - n0] = 0;
    let missing = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let named = 1; named >= 0; named--) {
        for (let n = n0; n < n1; n++) {
          const comp = this.needComp[n];
          if ((comp >= 0 ? 1 : 0) !== named) continue;
          const c = this.needShift[n];
          let rem = this.needCount[n] - filled[n - n0];
          if (rem <= 0) continue;
          for (let x = 0; x < S && rem > 0; x++) {
            if (pass === 0 ? x !== c : !this.toward[x * S + c]) continue;
            if (comp >= 0) {
              const t = Math.min(rem, have[x * C + comp]);
              have[x * C + comp] -= t;
              rem -= t;
            } else {
              for (let q = 0; q < C && rem > 0; q++) {
                const t = Math.min(rem, have[x * C + q]);
                have[x * C + q] -= t;
                rem -= t;
              }
            }
          }
          filled[n - n0] = this.needCount[n] - rem;
        }
      }
    }
    for (let n = n0; n < n1; n++) missing += this.needCount[n] - filled[n - n0];
    let surplus = 0;
    for (let k = 0; k < S * C; k++) surplus += have[k];
    this.dayMissing[d] = missing;
    return missing * this.weights.uncovered + surplus * this.weights.surplus;
  }

  private hoursCost(e: number, m: number): number {
    const t = this.targetMin[e];
    if (m < t) return (t - m) * this.weights.underMinute;
    const w = this.weights;
    const beyond = m - t - this.tolMin[e];
    return (m - t) * w.overMinute + (beyond > 0 ? w.overBeyondStep + beyond * w.overBeyondMinute : 0);
  }

  /** Would `m` planned minutes put employee e above target + tolerance? */
  overLimit(e: number, m: number = this.plannedMin[e]): boolean {
    return m - this.targetMin[e] > this.tolMin[e];
  }

  private v(e: number, d: number): number {
    return d < 0 || d >= this.D ? EMPTY : this.g[e * this.D + d];
  }

  /** Hard measure of one week: daily rest pairs starting in the week, weekly rest, week max. */
  private weekHard(e: number, w: number, cat: Float64Array | null, sign: number): number {
    const m = this.weekMonday[w];
    const S = this.S;
    let rest = 0;
    let paid = 0;
    for (let d = Math.max(0, m); d <= Math.min(this.D - 1, m + 6); d++) {
      const a = this.g[e * this.D + d];
      if (a < 0) continue;
      paid += this.sPaidMin[a];
      const b = this.v(e, d + 1);
      if (b >= 0 && this.restBad[a * S + b]) rest++;
    }
    let weekly = 0;
    if (m >= 0 && m + 6 < this.D) {
      // Longest free stretch inside [Monday 00:00, next Monday 00:00).
      let lastEnd = 0;
      let longest = 0;
      for (let k = -1; k <= 6; k++) {
        const a = this.v(e, m + k);
        if (a < 0) continue;
        const s = k * 1440 + this.sStart[a];
        const t = k * 1440 + this.sEnd[a];
        if (t <= 0) continue;
        if (s > lastEnd) longest = Math.max(longest, s - lastEnd);
        lastEnd = Math.max(lastEnd, t);
      }
      longest = Math.max(longest, 7 * 1440 - lastEnd);
      if (longest < this.weeklyRestMin) weekly = 1;
    }
    const over = paid > this.weekMaxMin ? 1 : 0;
    if (cat) {
      cat[0] += sign * rest;
      cat[1] += sign * weekly;
      cat[2] += sign * over;
    }
    return rest + weekly + over;
  }

  private redWorked(e: number, k: number): boolean {
    const r = this.red[k];
    if (this.v(e, r) >= 0) return true;
    const p = this.v(e, r - 1);
    return p >= 0 && this.sEnd[p] > 1440;
  }

  private redPair(e: number, k: number): number {
    // Pair (k-1, k), dated on k.
    if (k <= 0 || k >= this.red.length) return 0;
    return this.redWorked(e, k - 1) && this.redWorked(e, k) ? 1 : 0;
  }

  private weekendWorkedNow(e: number, j: number): boolean {
    const s = this.weekendSat[j];
    const lo = s * 1440;
    const hi = lo + 2 * 1440;
    for (let d = s - 1; d <= s + 1; d++) {
      const a = this.v(e, d);
      if (a < 0) continue;
      const st = d * 1440 + this.sStart[a];
      const en = d * 1440 + this.sEnd[a];
      if (Math.min(en, hi) - Math.max(st, lo) > 60) return true;
    }
    return false;
  }

  private weekendCountPen(c: number): number {
    return this.weFreq > 0 ? Math.max(0, c - this.weAllowed) : 0;
  }

  private inRow(e: number, j: number): number {
    // Pair (j-1, j).
    if (this.weFreq <= 0 || j <= 0 || j >= this.weekendSat.length) return 0;
    const W = this.weekendSat.length;
    return this.weWorked[e * W + j - 1] && this.weWorked[e * W + j] ? 1 : 0;
  }

  private offGroup(e: number, j: number): number {
    const grp = this.group[e];
    if (grp < 0) return 0;
    return this.weWorked[e * this.weekendSat.length + j] && j % this.weFreq !== grp ? this.weights.offGroupWeekend : 0;
  }

  /** Max-consecutive-days penalty of the runs in [L, R] (run-aligned). */
  private runPen(e: number, L: number, R: number): number {
    const base = e * this.D;
    let pen = 0;
    let s = L;
    while (s <= R) {
      const w = this.g[base + s] >= 0;
      let t = s;
      while (t < R && this.g[base + t + 1] >= 0 === w) t++;
      if (w && t - s + 1 > this.maxCons) pen += t - s + 1 - this.maxCons;
      s = t + 1;
    }
    return pen;
  }

  recompute(): void {
    const { E, D, S, C } = this;
    this.cnt.fill(0);
    let hard = 0;
    let soft = 0;
    const W = this.weekendSat.length;
    for (let e = 0; e < E; e++) {
      let m = this.credited[e];
      for (let d = 0; d < D; d++) {
        const i = e * D + d;
        const v = this.g[i];
        soft += this.pref[i * (S + 1) + v + 1] ?? 0;
        if (v >= 0) {
          m += this.sPaidMin[v];
          this.cnt[(d * S + v) * C + this.empComp[e]]++;
        }
      }
      this.plannedMin[e] = m;
      soft += this.hoursCost(e, m);
      for (let w = 0; w < this.nWeeks; w++) hard += this.weekHard(e, w, null, 1);
      for (let k = 1; k < this.red.length; k++) hard += this.redPair(e, k);
      let c = 0;
      for (let j = 0; j < W; j++) {
        const x = this.weekendWorkedNow(e, j) ? 1 : 0;
        this.weWorked[e * W + j] = x;
        c += x;
      }
      this.weCount[e] = c;
      hard += this.weekendCountPen(c);
      for (let j = 1; j < W; j++) hard += this.inRow(e, j);
      if (this.weFreq > 0) for (let j = 0; j < W; j++) soft += this.offGroup(e, j);
      hard += this.runPen(e, 0, D - 1);
    }
    for (let d = 0; d < D; d++) {
      this.dayCostCache[d] = this.dayCost(d);
      soft += this.dayCostCache[d];
    }
    this.hard = hard;
    this.soft = soft;
  }

  // ------------------------------------------------------------------------------------------
  // Incremental change

  set(i: number, v: number): void {
    const { D, S, C } = this;
    const old = this.g[i];
    if (old === v) return;
    const e = (i / D) | 0;
    const d = i - e * D;
    const cat = this.catDelta;
    let dh = 0;
    let ds = this.pref[i * (S + 1) + v + 1] - this.pref[i * (S + 1) + old + 1];
    // Hours.
    const m0 = this.plannedMin[e];
    const m1 = m0 - (old >= 0 ? this.sPaidMin[old] : 0) + (v >= 0 ? this.sPaidMin[v] : 0);
    ds += this.hoursCost(e, m1) - this.hoursCost(e, m0);
    this.plannedMin[e] = m1;
    // Weeks touched: those of d-1, d and d+1.
    const w0 = this.weekOf[d];
    const w2 = this.weekOf[d + 2];
    const wa = Math.max(0, w0);
    const wb = Math.min(this.nWeeks - 1, w2);
    let before = 0;
    for (let w = wa; w <= wb; w++) before += this.weekHard(e, w, cat, -1);
    // Red-day pairs touched.
    const k1 = this.redIdx[d];
    const k2 = d + 1 < D ? this.redIdx[d + 1] : -1;
    const pairs: number[] = [];
    for (const k of [k1, k2]) if (k >= 0) for (const p of [k, k + 1]) if (!pairs.includes(p)) pairs.push(p);
    let redBefore = 0;
    for (const p of pairs) redBefore += this.redPair(e, p);
    // Weekend touched.
    const j = this.weekendOfDay[d];
    // Consecutive-days window.
    let L = d;
    let R = d;
    const wasWork = old >= 0;
    const isWork = v >= 0;
    const base = e * D;
    let runBefore = 0;
    if (wasWork !== isWork) {
      if (d > 0) {
        const w = this.g[i - 1] >= 0;
        L = d - 1;
        while (L > 0 && this.g[base + L - 1] >= 0 === w) L--;
      }
      if (d < D - 1) {
        const w = this.g[i + 1] >= 0;
        R = d + 1;
        while (R < D - 1 && this.g[base + R + 1] >= 0 === w) R++;
      }
      runBefore = this.runPen(e, L, R);
    }
    // Coverage counts.
    const comp = this.empComp[e];
    if (old >= 0) this.cnt[(d * S + old) * C + comp]--;
    if (v >= 0) this.cnt[(d * S + v) * C + comp]++;
    // Apply.
    this.g[i] = v;
    const dc = this.dayCost(d);
    ds += dc - this.dayCostCache[d];
    this.dayCostCache[d] = dc;
    let after = 0;
    for (let w = wa; w <= wb; w++) after += this.weekHard(e, w, cat, 1);
    dh += after - before;
    let redAfter = 0;
    for (const p of pairs) redAfter += this.redPair(e, p);
    dh += redAfter - redBefore;
    cat[3] += redAfter - redBefore;
    if (j >= 0) {
      const W = this.weekendSat.length;
      const was = this.weWorked[e * W + j];
      const now = this.weekendWorkedNow(e, j) ? 1 : 0;
      if (was !== now) {
        let hb = this.inRow(e, j) + this.inRow(e, j + 1);
        let sb = this.offGroup(e, j);
        const c0 = this.weCount[e];
        hb += this.weekendCountPen(c0);
        this.weWorked[e * W + j] = now;
        const c1 = c0 + (now ? 1 : -1);
        this.weCount[e] = c1;
        const ha = this.inRow(e, j) + this.inRow(e, j + 1) + this.weekendCountPen(c1);
        sb = this.offGroup(e, j) - sb;
        dh += ha - hb;
        cat[5] += ha - hb;
        ds += sb;
      }
    }
    if (wasWork !== isWork) {
      const r = this.runPen(e, L, R) - runBefore;
      dh += r;
      cat[4] += r;
    }
    this.hard += dh;
    this.soft += ds;
    this.lastDeltaHard += dh;
    this.lastDeltaSoft += ds;
  }

  begin(): void {
    this.log.clear();
    this.lastDeltaHard = 0;
    this.lastDeltaSoft = 0;
    this.catDelta.fill(0);
  }

  put(i: number, v: number): void {
    const old = this.g[i];
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
    this.best.set(this.g);
  }

  /** Restore the best grid as current (and recompute the score). */
  restoreBest(): void {
    this.g.set(this.best);
    this.recompute();
  }

  canTake(e: number, d: number, v: number): boolean {
    return this.editable[e * this.D + d] === 1 && this.allowed[e * (this.S + 1) + v + 1] === 1;
  }

  private swapBlock(e1: number, e2: number, d0: number, d1: number): void {
    const D = this.D;
    for (let d = d0; d <= d1; d++) {
      const i1 = e1 * D + d;
      const i2 = e2 * D + d;
      const v1 = this.g[i1];
      const v2 = this.g[i2];
      if (v1 === v2 || !this.canTake(e1, d, v2) || !this.canTake(e2, d, v1)) continue;
      this.put(i1, v2);
      this.put(i2, v1);
    }
  }

  move(rng: Rng): boolean {
    this.begin();
    const { E, D } = this;
    const n = this.editableCells.length;
    if (n === 0) return false;
    const r = rng.next();
    if (r < 0.45 || E < 2) {
      const i = this.editableCells[rng.int(n)];
      const e = (i / D) | 0;
      const list = this.allowedList[e];
      const v = list[rng.int(list.length)];
      if (v === this.g[i]) return false;
      this.put(i, v);
    } else if (r < 0.75) {
      const i = this.editableCells[rng.int(n)];
      const e1 = (i / D) | 0;
      const d = i - e1 * D;
      let e2 = rng.int(E - 1);
      if (e2 >= e1) e2++;
      this.swapBlock(e1, e2, d, d);
    } else if (r < 0.92) {
      const i = this.editableCells[rng.int(n)];
      const e1 = (i / D) | 0;
      let e2 = rng.int(E - 1);
      if (e2 >= e1) e2++;
      let d0 = i - e1 * D;
      let len = 2 + rng.int(6);
      const j = this.weekendOfDay[d0];
      if (j >= 0 && rng.next() < 0.5) {
        // Weekend swap: Friday to Sunday.
        d0 = Math.max(0, this.weekendSat[j] - 1);
        len = 3;
      }
      this.swapBlock(e1, e2, d0, Math.min(D - 1, d0 + len - 1));
    } else {
      // Move a shift to a nearby day of the same employee.
      const i = this.editableCells[rng.int(n)];
      const e = (i / D) | 0;
      const d1 = i - e * D;
      const d2 = Math.min(D - 1, Math.max(0, d1 + (rng.next() < 0.5 ? -1 : 1) * (1 + rng.int(3))));
      const i2 = e * D + d2;
      const v1 = this.g[i];
      const v2 = this.g[i2];
      if (v1 === v2 || !this.editable[i2] || !this.allowed[e * (this.S + 1) + v1 + 1] || !this.allowed[e * (this.S + 1) + v2 + 1]) return false;
      this.put(i, v2);
      this.put(i2, v1);
    }
    return this.log.length > 0;
  }

  /** Greedy start: fill missing demand one person at a time by best delta. */
  construct(): void {
    const { E, D, S } = this;
    const hw = 10 * this.weights.uncovered;
    for (let d = 0; d < D; d++) {
      for (;;) {
        if (this.dayMissing[d] === 0) break;
        let bestI = -1;
        let bestV = -1;
        let bestDelta = 0;
        for (let e = 0; e < E; e++) {
          const i = e * D + d;
          if (!this.editable[i] || this.g[i] !== EMPTY) continue;
          for (let s = 0; s < S; s++) {
            if (!this.allowed[e * (S + 1) + s + 1]) continue;
            this.begin();
            this.put(i, s);
            const delta = this.lastDeltaHard * hw + this.lastDeltaSoft;
            this.undo();
            if (delta < bestDelta) {
              bestDelta = delta;
              bestI = i;
              bestV = s;
            }
          }
        }
        if (bestI < 0) break;
        this.begin();
        this.put(bestI, bestV);
      }
    }
    this.begin();
  }

  /**
   * What changing one cell would do, without keeping it: hard delta per category and soft delta.
   */
  probe(e: number, d: number, v: number): { hard: number; soft: number; cats: number[]; missing: number; hours: number; overLimit: boolean } {
    const missing0 = this.dayMissing[d];
    const m0 = this.plannedMin[e];
    this.begin();
    this.put(e * this.D + d, v);
    const res = {
      hard: this.lastDeltaHard,
      soft: this.lastDeltaSoft,
      cats: Array.from(this.catDelta),
      missing: this.dayMissing[d] - missing0,
      /** Change in the hours cost of the employee. */
      hours: this.hoursCost(e, this.plannedMin[e]) - this.hoursCost(e, m0),
      /** The change would put the employee above target + tolerance. */
      overLimit: this.overLimit(e) && this.plannedMin[e] > m0,
    };
    this.undo();
    this.begin();
    return res;
  }
}

function hasNightWork(start: number, end: number): boolean {
  // aml § 10-11: 21:00–06:00; a shift inside 06:00–24:00 of its day is not night work.
  if (start >= 360 && end <= 1440) return false;
  for (let t = start; t < end; t += 15) {
    const m = ((t % 1440) + 1440) % 1440;
    if (m >= 21 * 60 || m < 6 * 60) return true;
  }
  return false;
}

function dayOffset(date: string, startDay: DayNumber): number {
  return isIsoDate(date) ? toDay(date) - startDay : -1;
}
