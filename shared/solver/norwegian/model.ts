/**
 * The Norwegian product problem as a SearchState (shared/solver/anneal/engine.ts): a grid of
 * employees × days of the plan period with incremental (delta) evaluation.
 *
 * Hard: the terms of terms/ (one module per rule, each counting exactly what the rule engine counts, thresholds from
 * shared/rules) plus the hours band (no employee above target + tolerance). Soft: uncovered demand, hours close to
 * target, wishes, stability (repair), and off-group weekends of employees the caller allowed to work them.
 */
import { isIsoDate, toDay, type DayNumber } from '../../calendar';
import type { TurnusPlan } from '../../plan/model';
import { type PlanIndex, indexPlan } from '../../plan/plan-index';
import { targetHours } from '../../plan/hours';
import { ANY } from '../../metrics/demand';
import type { SearchState } from '../anneal/engine';
import type { Rng } from '../anneal/rng';
import { LoggedGrid } from '../anneal/logged-grid';
import { EMPTY, HARD_TERMS, type Term, TermEnv } from './terms/index';
import { Coverage } from './terms/coverage';
import { offGroupWeekends } from './terms/weekend';
import { isNightWork } from './terms/shifts';
import { actsNear, creditedMinutes } from './terms/work';
import { type ModelWeights, DEFAULT_WEIGHTS, DEFAULT_OVER_TOLERANCE, type OverTolerance, overToleranceMinutes, type Wish } from './weights';
import { construct } from './construct';
import { productMove } from './cover-move';
import { MoveJournal } from './journal';

export { BLOCKED, EMPTY } from './terms/index';
export * from './weights';

export interface ModelInput {
  plan: TurnusPlan;
  /** Cells the solver may change (e*D+d → 1). Others keep their current value. */
  editable: Uint8Array;
  /** Starting grid (shift index, EMPTY or BLOCKED). */
  start: Int16Array;
  /** Pinned cells (for reasons only; they are never editable). */
  pinned?: Uint8Array;
  /** Cells that are vacation (FE) among the BLOCKED ones. */
  vacation?: Uint8Array;
  wishes?: Wish[];
  /** Existing work cells: changing them costs `weights.change` (a langvakt `weights.changeLong`). */
  stability?: boolean;
  weights?: Partial<ModelWeights>;
  overTolerance?: OverTolerance;
  /** Raise each employee's limit to her hours in the start grid when those are higher (repair). */
  keepStartHours?: boolean;
  /** Employees who may work weekends of another weekend group (a soft cost instead of hard). */
  allowOffGroupWeekends?: readonly string[];
}

export class NorwegianState extends LoggedGrid implements SearchState {
  readonly index: PlanIndex;
  readonly env: TermEnv;
  readonly terms: readonly Term[];
  readonly E: number;
  readonly D: number;
  readonly S: number;
  readonly C: number;
  readonly startDay: DayNumber;
  readonly codes: string[];
  readonly comps: string[];
  readonly g: Int16Array;
  readonly editable: Uint8Array;
  /** Pinned cells (for reasons). */
  readonly pinned: Uint8Array;
  readonly editableCells: Int32Array;
  readonly weights: ModelWeights;
  /** longOff[d*S+s] = 1: long shift s is not asked for on day d (never placed there by a move). */
  readonly longOff: Uint8Array;
  /** allowed[e*(S+1)+v+1]: shifts the employee may ever be given (policy-free pre-filter). */
  readonly allowed: Uint8Array;
  readonly allowedList: Int16Array[];
  readonly empComp: Int32Array;
  readonly targetMin: Float64Array;
  readonly plannedMin: Float64Array;
  /** Accepted minutes above target per employee (Infinity = no limit). */
  readonly tolMin: Float64Array;
  readonly pref: Int32Array;
  readonly cov: Coverage;
  /** Hard count per term (index in `terms`), the hours band last. */
  readonly termHard: Float64Array;
  /** Per-term hard delta of the `set` calls since `begin()`. */
  readonly catDelta: Float64Array;
  /** Coverage cost per day with the current counts. */
  readonly dayCostCache: Float64Array;
  private readonly credited: Float64Array;
  private readonly spanLo: Int32Array;
  private readonly spanHi: Int32Array;
  private readonly before: Float64Array;
  /** Undo and redo of the current move without re-evaluating the terms. */
  private readonly journal: MoveJournal;

  constructor(input: ModelInput) {
    super(Int16Array.from(input.start), Int16Array.from(input.start));
    const plan = input.plan;
    this.index = indexPlan(plan);
    this.weights = { ...DEFAULT_WEIGHTS, ...(input.weights ?? {}) };
    this.E = plan.employees.length;
    this.D = this.index.days;
    const { E, D } = this;
    this.startDay = this.index.startDay;
    this.codes = plan.shiftTypes.map((s) => s.code);
    this.S = this.codes.length;
    const S = this.S;
    const compSet = new Set<string>();
    for (const e of plan.employees) compSet.add(e.competence);
    for (const r of plan.demand) if (r.competence !== ANY) compSet.add(r.competence);
    this.comps = [...compSet];
    this.C = Math.max(1, this.comps.length);
    const C = this.C;
    const compIdx = new Map(this.comps.map((c, i) => [c, i]));
    this.empComp = Int32Array.from(plan.employees.map((e) => compIdx.get(e.competence) ?? 0));

    this.g = this.grid;
    this.env = new TermEnv(plan, this.index, this.g);
    if (input.vacation) this.env.vacation.set(input.vacation);
    const allowIds = new Set(input.allowOffGroupWeekends ?? []);
    plan.employees.forEach((emp, e) => {
      if (allowIds.has(emp.id)) this.env.allowOffGroup[e] = 1;
    });
    this.terms = HARD_TERMS.filter((t) => t.active(this.env));
    this.termHard = new Float64Array(this.terms.length + 1);
    this.catDelta = new Float64Array(this.terms.length + 1);
    this.spanLo = new Int32Array(this.terms.length);
    this.spanHi = new Int32Array(this.terms.length);
    this.before = new Float64Array(this.terms.length);
    this.journal = new MoveJournal(this);

    // Shifts never offered (pre-filter, all hard in the terms too): day maximum, langvakt
    // without consent, night work for the exempt.
    this.allowed = new Uint8Array(E * (S + 1));
    this.allowedList = [];
    const maxShift = this.env.ruleCtx.agreements.maxShift.value;
    plan.employees.forEach((emp, e) => {
      this.allowed[e * (S + 1)] = 1;
      const list = [EMPTY];
      plan.shiftTypes.forEach((t, s) => {
        if (t.long && emp.consentsLongShifts !== true) return;
        let ok = true;
        for (let d = 0; d < D && ok; d++) {
          if (this.env.paid(d, s) / 60 > maxShift + 1e-9) ok = false;
          else if (emp.nightExempt === true && isNightWork(this.env, d, s)) ok = false;
        }
        if (!ok) return;
        this.allowed[e * (S + 1) + s + 1] = 1;
        list.push(s);
      });
      this.allowedList.push(Int16Array.from(list));
    });

    this.editable = input.editable;
    this.pinned = input.pinned ?? new Uint8Array(E * D);
    const ed: number[] = [];
    for (let i = 0; i < E * D; i++) if (input.editable[i]) ed.push(i);
    this.editableCells = Int32Array.from(ed);

    this.targetMin = new Float64Array(E);
    this.plannedMin = new Float64Array(E);
    this.tolMin = new Float64Array(E);
    this.credited = new Float64Array(E);
    plan.employees.forEach((emp, e) => {
      this.targetMin[e] = Math.round(targetHours(this.index, emp.id) * 60);
      this.tolMin[e] = overToleranceMinutes(this.targetMin[e], input.overTolerance ?? DEFAULT_OVER_TOLERANCE);
      const ei = this.index.byId.get(emp.id);
      if (ei)
        for (const a of ei.absences)
          if (a.day >= this.startDay && a.day <= this.index.endDay) this.credited[e] += Math.round(a.creditedHours * 60);
    });

    // Preferences: wishes and stability.
    this.pref = new Int32Array(E * D * (S + 1));
    const eIdx = new Map(plan.employees.map((e, i) => [e.id, i]));
    const sIdx = new Map(this.codes.map((c, i) => [c, i]));
    for (const w of input.wishes ?? []) {
      const e = eIdx.get(w.employee);
      const day = isIsoDate(w.date) ? toDay(w.date) - this.startDay : -1;
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
        if (!input.editable[i]) continue;
        const cost = v >= 0 && plan.shiftTypes[v].long ? this.weights.changeLong : this.weights.change;
        for (let x = -1; x < S; x++) if (x !== v) this.pref[i * (S + 1) + x + 1] += cost;
      }
    }

    this.cov = new Coverage(plan, this.index, D, S, C, compIdx, this.weights.uncovered, this.weights.surplus);
    // A langvakt only where the bemanningsplan asks for one by its own code: on other days it
    // would fill a D need with 12.5 h and spend the person's hours (the walkthrough's weekday L).
    this.longOff = new Uint8Array(D * S);
    plan.shiftTypes.forEach((t, s) => {
      if (t.long !== true) return;
      for (let d = 0; d < D; d++) {
        let asked = false;
        for (let n = this.cov.needStart[d]; n < this.cov.needStart[d + 1] && !asked; n++)
          asked = this.cov.needShift[n] === s && this.cov.needCount[n] > 0;
        if (!asked) this.longOff[d * S + s] = 1;
      }
    });
    this.dayCostCache = new Float64Array(D);
    this.recompute();
    if (input.keepStartHours) {
      for (let e = 0; e < E; e++) this.tolMin[e] = Math.max(this.tolMin[e], this.plannedMin[e] - this.targetMin[e]);
      this.recompute();
    }
  }

  get dayMissing(): Int32Array {
    return this.cov.dayMissing;
  }

  /** Soft cost of the hours of e at m planned minutes (inside the band). */
  hoursCost(e: number, m: number): number {
    const t = this.targetMin[e];
    return m < t ? (t - m) * this.weights.underMinute : (m - t) * this.weights.overMinute;
  }

  /** Hard measure of the hours band: whole hours (rounded up) above target + tolerance. */
  bandHard(e: number, m: number): number {
    const beyond = m - this.targetMin[e] - this.tolMin[e];
    return beyond > 1e-6 ? Math.ceil(beyond / 60) : 0;
  }

  /** Would `m` planned minutes put employee e above target + tolerance? */
  overLimit(e: number, m: number = this.plannedMin[e]): boolean {
    return m - this.targetMin[e] > this.tolMin[e] + 1e-6;
  }

  private offGroupSoft(e: number, lo: number, hi: number): number {
    return this.env.allowOffGroup[e] ? offGroupWeekends(this.env, e, lo, hi) * this.weights.offGroupWeekend : 0;
  }

  recompute(): void {
    this.journal.invalidate();
    const { E, D, S, C } = this;
    const cnt = this.cov.cnt;
    cnt.fill(0);
    this.termHard.fill(0);
    this.env.rebuildWeeks();
    let soft = 0;
    for (let e = 0; e < E; e++) {
      let m = this.credited[e];
      for (let d = 0; d < D; d++) {
        const i = e * D + d;
        const v = this.g[i];
        soft += this.pref[i * (S + 1) + v + 1] ?? 0;
        if (v >= 0) {
          m += this.env.paid(d, v);
          cnt[(d * S + v) * C + this.empComp[e]]++;
        }
      }
      m += creditedMinutes(this.env, e, 0, D - 1);
      this.plannedMin[e] = m;
      soft += this.hoursCost(e, m);
      this.termHard[this.terms.length] += this.bandHard(e, m);
      this.terms.forEach((t, k) => {
        this.termHard[k] += t.count(this.env, e, -100000, 100000);
        if (t.excess) soft += t.excess(this.env, e, -100000, 100000) * this.weights.excessMinute;
      });
      soft += this.offGroupSoft(e, -Infinity, Infinity);
    }
    for (let d = 0; d < D; d++) {
      this.dayCostCache[d] = this.cov.dayCost(d);
      soft += this.dayCostCache[d];
    }
    let hard = 0;
    for (const h of this.termHard) hard += h;
    this.hard = hard;
    this.soft = soft;
  }

  /** Hard count of the terms that mirror an engine rule in `ids` (the property test). */
  engineHard(ids: ReadonlySet<string>): Map<string, number> {
    const out = new Map<string, number>();
    this.terms.forEach((t, k) => {
      if (t.rule && ids.has(t.rule)) out.set(t.rule, this.termHard[k]);
    });
    return out;
  }

  set(i: number, v: number): void {
    const { D, S, C } = this;
    const old = this.g[i];
    if (old === v) return;
    const e = (i / D) | 0;
    const d = i - e * D;
    const env = this.env;
    this.journal.open(i, old, v);
    let dh = 0;
    let ds = this.pref[i * (S + 1) + v + 1] - this.pref[i * (S + 1) + old + 1];
    const m0 = this.plannedMin[e];
    let m1 = m0 - (old >= 0 ? env.paid(d, old) : 0) + (v >= 0 ? env.paid(d, v) : 0);
    if (actsNear(env, e, d - 1, d + 1)) {
      // An activity's credited hours are what no shift of the day before, the day or the day after covers.
      const a0 = creditedMinutes(env, e, d - 1, d + 1);
      this.g[i] = v;
      m1 += creditedMinutes(env, e, d - 1, d + 1) - a0;
      this.g[i] = old;
    }
    ds += this.hoursCost(e, m1) - this.hoursCost(e, m0);
    const band = this.bandHard(e, m1) - this.bandHard(e, m0);
    this.termHard[this.terms.length] += band;
    this.catDelta[this.terms.length] += band;
    dh += band;
    this.plannedMin[e] = m1;
    const terms = this.terms;
    for (let k = 0; k < terms.length; k++) {
      const [lo, hi] = terms[k].span(env, e, d);
      this.spanLo[k] = Math.max(-100000, lo);
      this.spanHi[k] = Math.min(100000, hi);
      this.before[k] = terms[k].count(env, e, this.spanLo[k], this.spanHi[k]);
      const ex = terms[k].excess;
      if (ex) ds -= ex(env, e, this.spanLo[k], this.spanHi[k]) * this.weights.excessMinute;
    }
    const og0 = this.offGroupSoft(e, d - 1, d + 1);
    const comp = this.empComp[e];
    if (old >= 0) this.cov.cnt[(d * S + old) * C + comp]--;
    if (v >= 0) this.cov.cnt[(d * S + v) * C + comp]++;
    this.g[i] = v;
    env.applyCell(e, d, old, v);
    for (let k = 0; k < terms.length; k++) {
      const x = terms[k].count(env, e, this.spanLo[k], this.spanHi[k]) - this.before[k];
      const ex = terms[k].excess;
      if (ex) ds += ex(env, e, this.spanLo[k], this.spanHi[k]) * this.weights.excessMinute;
      if (x !== 0) {
        this.termHard[k] += x;
        this.catDelta[k] += x;
        dh += x;
      }
    }
    ds += this.offGroupSoft(e, d - 1, d + 1) - og0;
    const dc = this.cov.dayCost(d);
    ds += dc - this.dayCostCache[d];
    this.dayCostCache[d] = dc;
    this.hard += dh;
    this.soft += ds;
    this.lastDeltaHard += dh;
    this.lastDeltaSoft += ds;
    this.journal.close(i);
  }

  override begin(): void {
    super.begin();
    this.catDelta.fill(0);
    this.journal.begin();
  }

  override undo(): void {
    if (!this.journal.undo(this.log)) super.undo();
  }

  override redo(): void {
    if (!this.journal.redo(this.log)) super.redo();
  }

  /** Make `grid` the current plan and rescore it (restoreBest: the best one). */
  load(grid: Int16Array): void {
    this.g.set(grid);
    this.recompute();
  }
  restoreBest = (): void => this.load(this.best);

  canTake(e: number, d: number, v: number): boolean {
    return (
      this.editable[e * this.D + d] === 1 && this.allowed[e * (this.S + 1) + v + 1] === 1 && (v < 0 || this.longOff[d * this.S + v] === 0)
    );
  }

  move(rng: Rng): boolean {
    return productMove(this, rng);
  }

  /** Greedy start: fill missing demand one person at a time by best delta. */
  construct(): void {
    construct(this);
  }

  /** Label of hard category k (a term, or the hours band). */
  categoryText(k: number): readonly [string, string] {
    return k < this.terms.length ? this.terms[k].text : ['har nådd stillingen sin', 'ville fått flere timer enn stillingen'];
  }
}
