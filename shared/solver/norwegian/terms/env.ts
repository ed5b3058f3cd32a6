/**
 * What every term of the product model reads: the grid (employee × day of the period, one
 * value per cell: a shift index ≥ 0, EMPTY or BLOCKED) and the real times of each shift on
 * each day in UTC minutes relative to the period's first midnight (daylight-saving aware, the
 * same `utcOf` the rule engine's plan index uses), plus the rule engine's own context
 * (`buildRuleContext`: agreements resolved by `resolveAgreements`, red days, weekends).
 *
 * A term never holds a threshold of its own: every limit comes from `ruleCtx` or from the
 * exported constants of shared/rules and shared/plan.
 */
import { type DayNumber, isoWeekday, shiftInterval, toDay } from '../../../calendar';
import type { TurnusPlan } from '../../../plan/model';
import { type PlanIndex, nightMinutes, paidHours, shiftTypeSpan, utcOf } from '../../../plan/plan-index';
import type { RuleContext } from '../../../rules/index';
import { buildRuleContext } from '../../../rules/index';
import { absenceExcusal, activitiesOf } from '../../../plan/activities';
import type { ActivityInterval } from '../../../plan/work-periods';
import { NIGHT_AVG_SHIFT_MINUTES } from './rule-params';

/** Cell values: a shift index ≥ 0, EMPTY or BLOCKED (absence or other non-work code). */
export const EMPTY = -1;
export const BLOCKED = -2;

/**
 * Days of padding around the period for which day boundaries and shift times are precomputed,
 * and within which context rows (the neighbouring plans' shifts, plan-format.md «Rows outside
 * the period») are read: more than any rule looks across the period's edge (8-week averages).
 */
export const PAD = 70;
/** Days an activity reaches across: it joins a shift dated the day before or after it (terms/work.ts). */
export const ACT_MARGIN = 2;
/**
 * Days around a changed cell whose work periods may change: a period is built from the shifts
 * up to 2·ACT_MARGIN days from its date (terms/work.ts `periodsOf`).
 */
export const CHANGE_REACH = 2 * ACT_MARGIN;
/** Weeks of padding of the context week sums (`ctxWeekPaid`). */
const PADW = Math.ceil(PAD / 7) + 1;

export class TermEnv {
  readonly E: number;
  readonly D: number;
  readonly S: number;
  readonly startDay: DayNumber;
  readonly ruleCtx: RuleContext;
  /** UTC minute of the period's first local midnight (all times below are relative to it). */
  readonly base: number;
  /** Local midnight of day d (d in [−PAD, D + PAD]) at midnight[d + PAD]. */
  private readonly midnight: Float64Array;
  /** Shift s on day d (d in [−PAD, D + PAD)): start, end, paid minutes at [(d + PAD) * S + s]. */
  readonly sStart: Float64Array;
  readonly sEnd: Float64Array;
  readonly sPaid: Float64Array;
  /** Blocked cells that are vacation (FE) — WEEKEND-FREQUENCY's available weekends. */
  readonly vacation: Uint8Array;
  /** Employees allowed to work off their weekend group (the caller's named exceptions). */
  readonly allowOffGroup: Uint8Array;
  /** Day offset of the Monday of the period's first week (≤ 0) and the number of weeks. */
  readonly week0: number;
  readonly NW: number;
  /** Paid minutes of the shifts starting in week w of employee e, at [e * NW + w] (kept by `applyCell`). */
  readonly weekPaid: Float64Array;
  /** Shifts with more than 3 h night work (AML-NIGHT-AVG) in week w of employee e. */
  readonly weekNight: Int32Array;
  /** Shift s on day d has more than 3 h night work, at [(d + PAD) * S + s]. */
  readonly nightBig: Uint8Array;
  /** Shifts dated in week w of employee e (the period's own work), at [e * NW + w]. */
  readonly weekOwn: Int32Array;
  /**
   * Context rows: the work shifts of employee e dated on day d outside the period (d in [−PAD, 0)
   * or [D, D + PAD)) at [e * 2PAD + (d < 0 ? d + PAD : d − D + PAD)]; EMPTY when none. Fixed.
   */
  readonly outside: Int16Array;
  /** Does any employee have a context row? */
  readonly hasContext: boolean;
  /**
   * Paid minutes and shifts of more than 3 h night work of the context rows per week of
   * employee e, week w (grid week index, may be negative) at [e * XW + w + PADW].
   */
  readonly ctxWeekPaid: Float64Array;
  readonly ctxWeekNight: Int32Array;
  readonly XW: number;
  /**
   * Timed activities (meetings, courses) of employee e: fixed work intervals in UTC minutes
   * (absolute, as the engine's), sorted by date, and their day offsets; those an absence cell
   * excuses her from are left out, those a shift may excuse her from are kept (terms/work.ts
   * `attends` applies the predicate to the current grid). Terms read them through terms/work.ts,
   * which merges them with the grid's shifts as the engine's `workPeriods`.
   */
  readonly acts: (ActivityInterval & { day: DayNumber })[][];
  readonly actDays: Int32Array[];
  /**
   * Change counters of employee e's weeks −1 … NW at [e * (NW + 2) + w + 1]: `applyCell` bumps
   * every week holding a day within CHANGE_REACH of the changed cell, so what is derived from
   * the work periods near a week (terms/work.ts, terms/averaging.ts) stays valid while the
   * counters of its weeks and `epoch` (bumped by `rebuildWeeks`) are unchanged.
   */
  readonly weekStamp: Int32Array;
  epoch = 0;

  constructor(
    readonly plan: TurnusPlan,
    readonly index: PlanIndex,
    readonly g: Int16Array,
  ) {
    this.E = plan.employees.length;
    this.D = index.days;
    this.S = plan.shiftTypes.length;
    this.startDay = index.startDay;
    this.ruleCtx = buildRuleContext(index);
    this.base = utcOf(this.startDay, 0);
    const D = this.D,
      S = this.S;
    this.midnight = new Float64Array(D + 2 * PAD + 1);
    for (let d = -PAD; d <= D + PAD; d++) this.midnight[d + PAD] = utcOf(this.startDay + d, 0) - this.base;
    const X = D + 2 * PAD;
    this.sStart = new Float64Array(X * S);
    this.sEnd = new Float64Array(X * S);
    this.sPaid = new Float64Array(X * S);
    plan.shiftTypes.forEach((t, s) => {
      const span = shiftTypeSpan(t);
      for (let x = 0; x < X; x++) {
        const day = this.startDay + x - PAD;
        this.sStart[x * S + s] = utcOf(day, span.start) - this.base;
        this.sEnd[x * S + s] = utcOf(day, span.end) - this.base;
        this.sPaid[x * S + s] = Math.round(paidHours(t, day) * 60 * 1000) / 1000;
      }
    });
    this.vacation = new Uint8Array(this.E * D);
    this.allowOffGroup = new Uint8Array(this.E);
    this.week0 = -isoWeekday(this.startDay);
    this.NW = Math.ceil((D - this.week0) / 7);
    this.weekPaid = new Float64Array(this.E * this.NW);
    this.weekNight = new Int32Array(this.E * this.NW);
    this.weekOwn = new Int32Array(this.E * this.NW);
    this.nightBig = new Uint8Array(X * S);
    for (let x = 0; x < X * S; x++) {
      if (nightMinutes(this.sStart[x] + this.base, this.sEnd[x] + this.base) > NIGHT_AVG_SHIFT_MINUTES) this.nightBig[x] = 1;
    }
    // Context rows and their week sums.
    this.outside = new Int16Array(this.E * 2 * PAD).fill(EMPTY);
    this.XW = this.NW + 2 * PADW;
    this.ctxWeekPaid = new Float64Array(this.E * this.XW);
    this.ctxWeekNight = new Int32Array(this.E * this.XW);
    const sIdx = new Map(plan.shiftTypes.map((t, i) => [t.code, i]));
    let hasContext = false;
    plan.employees.forEach((emp, e) => {
      const ei = index.byId.get(emp.id);
      if (!ei || ei.employee !== emp) return;
      for (const sh of ei.shifts) {
        const d = sh.day - this.startDay;
        const s = sIdx.get(sh.code);
        if ((d >= 0 && d < D) || d < -PAD || d >= D + PAD || s === undefined) continue;
        hasContext = true;
        this.outside[e * 2 * PAD + (d < 0 ? d + PAD : d - D + PAD)] = s;
        const w = e * this.XW + Math.floor((d - this.week0) / 7) + PADW;
        this.ctxWeekPaid[w] += this.paid(d, s);
        this.ctxWeekNight[w] += this.nightBig[(d + PAD) * S + s];
      }
    });
    this.hasContext = hasContext;
    // Before excusal by rest, which depends on the grid (terms/work.ts applies it); an absence
    // cell (BLOCKED, never changed by the solver) excuses for good.
    this.acts = plan.employees.map((emp) => {
      const ei = index.byId.get(emp.id);
      if (!plan.activities?.length || !ei) return [];
      const out: (ActivityInterval & { day: DayNumber })[] = [];
      for (const a of activitiesOf(plan, emp.id)) {
        const day = toDay(a.date);
        if (absenceExcusal(ei, a, day)) continue;
        const { start, end } = shiftInterval(day, a.start, a.end);
        out.push({ activity: a, date: a.date, start, end, hours: (end - start) / 60, day });
      }
      return out.sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start);
    });
    this.actDays = this.acts.map((list) => Int32Array.from(list.map((a) => a.day - this.startDay)));
    this.weekStamp = new Int32Array(this.E * (this.NW + 2));
    this.rebuildWeeks();
  }

  /** Recount the week sums from the grid. */
  rebuildWeeks(): void {
    this.stamp++;
    this.epoch++;
    this.weekPaid.fill(0);
    this.weekNight.fill(0);
    this.weekOwn.fill(0);
    for (let e = 0; e < this.E; e++)
      for (let d = 0; d < this.D; d++) {
        const v = this.g[e * this.D + d];
        if (v >= 0) this.applyCell(e, d, -1, v);
      }
  }

  private readonly spanOut: [number, number] = [0, 0];

  /** A span [lo, hi] in a reused pair (read at once by the model; no allocation per move). */
  sp(lo: number, hi: number): [number, number] {
    this.spanOut[0] = lo;
    this.spanOut[1] = hi;
    return this.spanOut;
  }

  /** Grid version: bumped on every cell change (the memo below is valid within one version). */
  stamp = 0;
  private memoKey = '';
  private memoE = -1;
  private memoLo = 0;
  private memoHi = 0;
  private memoStamp = -1;
  /** Count and excess of the last `pair` call. */
  readonly memo = { count: 0, excess: 0 };

  /**
   * Count and excess of a term are computed in one pass: the model asks for the count and then
   * the excess of the same window on the same grid, so the second call reads the first's result
   * (`memoHit`), the first stores it (`memoStore`).
   */
  memoHit(key: string, e: number, lo: number, hi: number): boolean {
    return key === this.memoKey && e === this.memoE && lo === this.memoLo && hi === this.memoHi && this.stamp === this.memoStamp;
  }

  memoStore(key: string, e: number, lo: number, hi: number, count: number, excess: number): void {
    this.memoKey = key;
    this.memoE = e;
    this.memoLo = lo;
    this.memoHi = hi;
    this.memoStamp = this.stamp;
    this.memo.count = count;
    this.memo.excess = excess;
  }

  /** Keep the week sums when cell (e, d) changes from `old` to `v` (called by the model). */
  applyCell(e: number, d: number, old: number, v: number): void {
    this.stamp++;
    const w = e * this.NW + Math.floor((d - this.week0) / 7);
    const S = this.S;
    const x = (d + PAD) * S;
    if (old >= 0) {
      this.weekPaid[w] -= this.sPaid[x + old];
      this.weekNight[w] -= this.nightBig[x + old];
      this.weekOwn[w]--;
    }
    if (v >= 0) {
      this.weekPaid[w] += this.sPaid[x + v];
      this.weekNight[w] += this.nightBig[x + v];
      this.weekOwn[w]++;
    }
    const row = e * (this.NW + 2) + 1;
    const w1 = Math.floor((d + CHANGE_REACH - this.week0) / 7);
    for (let x = Math.floor((d - CHANGE_REACH - this.week0) / 7); x <= w1; x++) this.weekStamp[row + x]++;
  }

  /**
   * The sum of the change counters of e's weeks that hold a day of [lo, hi] (weeks outside the
   * grid's never change): equal to an earlier sum exactly when no cell within CHANGE_REACH of
   * [lo, hi] changed since (the counters only grow); read with `epoch`.
   */
  weekStampSum(e: number, lo: number, hi: number): number {
    const row = e * (this.NW + 2) + 1;
    const a = Math.max(-1, Math.floor((lo - this.week0) / 7));
    const b = Math.min(this.NW, Math.floor((hi - this.week0) / 7));
    let sum = 0;
    for (let x = a; x <= b; x++) sum += this.weekStamp[row + x];
    return sum;
  }

  /** Week index of the Monday at day offset m, or −1 outside the grid's weeks. */
  weekIndex(m: number): number {
    const w = (m - this.week0) / 7;
    return w >= 0 && w < this.NW ? w : -1;
  }

  /** Local midnight starting day d, minutes relative to `base`. */
  dayStart(d: number): number {
    return this.midnight[d + PAD];
  }

  /** The cell value; outside the period the context row's shift (fixed), else EMPTY. */
  v(e: number, d: number): number {
    if (d >= 0 && d < this.D) return this.g[e * this.D + d];
    if (d < -PAD || d >= this.D + PAD) return EMPTY;
    return this.outside[e * 2 * PAD + (d < 0 ? d + PAD : d - this.D + PAD)];
  }

  /** The work shift of the period's own cell (EMPTY outside the period: context rows are not the plan's). */
  own(e: number, d: number): number {
    return d >= 0 && d < this.D ? this.g[e * this.D + d] : EMPTY;
  }

  /** Context paid minutes and night shifts of grid week w (may be outside [0, NW)). */
  ctxWeek(e: number, w: number): number {
    const x = w + PADW;
    return x >= 0 && x < this.XW ? this.ctxWeekPaid[e * this.XW + x] : 0;
  }

  ctxNight(e: number, w: number): number {
    const x = w + PADW;
    return x >= 0 && x < this.XW ? this.ctxWeekNight[e * this.XW + x] : 0;
  }

  start(d: number, s: number): number {
    return this.sStart[(d + PAD) * this.S + s];
  }

  end(d: number, s: number): number {
    return this.sEnd[(d + PAD) * this.S + s];
  }

  paid(d: number, s: number): number {
    return this.sPaid[(d + PAD) * this.S + s];
  }
}

/**
 * A term counts what it measures for one employee, attributed to days (the date a violation
 * carries in the rule engine). A change of cell (e, d) can only alter the counts attributed to
 * days in `span(e, d)`, so the model re-counts that window before and after the change.
 */
export interface Term {
  /** Module name, e.g. 'rest-daily'. */
  readonly id: string;
  /** Rule id of the engine whose violations this term counts exactly (null: a generator policy). */
  readonly rule: string | null;
  /** Norwegian reason texts: [a candidate «…» (open shift), the employee «…» (wish)]. */
  readonly text: readonly [string, string];
  /** Does the term apply to this plan at all (else skipped). */
  active(env: TermEnv): boolean;
  /** Days whose counts a change of (e, d) may alter; computed before the change. */
  span(env: TermEnv, e: number, d: number): [number, number];
  /** The count attributed to days in [lo, hi]. */
  count(env: TermEnv, e: number, lo: number, hi: number): number;
  /**
   * Minutes beyond the limit attributed to days in [lo, hi] (optional). The count of a sum rule
   * does not fall until enough shifts are gone, so the search also pays for the excess: it
   * leads it back to zero step by step instead of leaving it on a plateau.
   */
  excess?(env: TermEnv, e: number, lo: number, hi: number): number;
}

/** A symmetric span of `reach` days (the engine's `Rule.reach`). */
export function reachSpan(reach: number): (env: TermEnv, e: number, d: number) => [number, number] {
  return (env, _e, d) => env.sp(d - reach, d + reach);
}

export const WHOLE_ROW: (env: TermEnv, e: number, d: number) => [number, number] = (env) => env.sp(-PAD, env.D + PAD);
