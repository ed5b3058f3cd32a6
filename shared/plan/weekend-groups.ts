/**
 * Weekend groups of the Askermodellen rhythm (plan-format.md «Weekend groups»): with
 * `unit.weekendFrequency` = k the weekends are numbered from the weekend of `unit.weekendAnchor`
 * (0 there, 1 the next, −1 the one before); weekend n belongs to group n mod k. The default anchor
 * is the first Saturday of the period whose Sunday is in the period too.
 *
 * Exported functions:
 * - `weekendAnchorOf(plan): DayNumber | null` — the anchor Saturday (null: no weekend in period).
 * - `weekendIndex(saturday, anchor): number` — n of the weekend of a date.
 * - `groupOfWeekend(n, k): number` — n mod k in 0 … k−1 (also for negative n).
 * - `groupWeekends(plan, group, k?): DayNumber[]` — Saturdays of the period's weekends of a group.
 * - `weekendFrequencyOf(plan)` — unit.weekendFrequency, default 4 (Askermodellen).
 * - `weekendDayHours(plan, employee): number` — paid hours the person works on one weekend day:
 *   the langvakt with consent, else the longest ordinary day shift the weekend demand uses.
 * - `balanceWeekendGroups(employees, k, opts?)` — groups balanced on langvakt consent,
 *   sykepleiere, night exemption, weekend hours vs demand and head count, moving as few as it can.
 */
import { type DayNumber, isIsoDate, mondayOf, toDay, weekendsIn } from '../calendar';
import type { Employee, TurnusPlan } from './model';
import { paidHours, shiftTypeSpan } from './plan-index';

export const DEFAULT_WEEKEND_FREQUENCY = 4;

export function weekendFrequencyOf(plan: Pick<TurnusPlan, 'unit'>): number {
  const k = plan.unit.weekendFrequency;
  return typeof k === 'number' && Number.isInteger(k) && k >= 1 ? k : DEFAULT_WEEKEND_FREQUENCY;
}

/** The Saturday of the weekend a date belongs to (Monday–Sunday week). */
export function saturdayOfWeek(day: DayNumber): DayNumber {
  return mondayOf(day) + 5;
}

/**
 * The anchor Saturday: `unit.weekendAnchor` (any date names the weekend of its week), else the
 * first Saturday of the period whose Sunday is in the period; null when the period has none.
 */
export function weekendAnchorOf(plan: Pick<TurnusPlan, 'unit' | 'period'>): DayNumber | null {
  const a = plan.unit.weekendAnchor;
  if (typeof a === 'string' && isIsoDate(a)) return saturdayOfWeek(toDay(a));
  const sats = weekendsIn(toDay(plan.period.start), toDay(plan.period.end));
  return sats.length > 0 ? sats[0] : null;
}

/** Weekend number n of the weekend containing `day`, counted from the anchor's weekend. */
export function weekendIndex(day: DayNumber, anchor: DayNumber): number {
  return Math.round((saturdayOfWeek(day) - saturdayOfWeek(anchor)) / 7);
}

/** Group of weekend n: n mod k in 0 … k−1. */
export function groupOfWeekend(n: number, k: number): number {
  return ((n % k) + k) % k;
}

/** Saturdays of the period's weekends (Saturday and Sunday both in the period) of one group. */
export function groupWeekends(plan: Pick<TurnusPlan, 'unit' | 'period'>, group: number, k = weekendFrequencyOf(plan)): DayNumber[] {
  const anchor = weekendAnchorOf(plan);
  if (anchor === null) return [];
  return weekendsIn(toDay(plan.period.start), toDay(plan.period.end))
    .filter((sat) => groupOfWeekend(weekendIndex(sat, anchor), k) === group);
}

/** A Saturday far from any daylight-saving change, for the hours of an ordinary weekend day. */
const REF_SATURDAY = toDay('2026-01-10');

/**
 * Paid hours the employee works on one worked weekend day: the unit's langvakt when she has
 * consented and the unit has one; otherwise the longest non-long day shift (within 06–24) that
 * the weekend demand asks for, else the longest such shift of the unit, else 7.5.
 */
export function weekendDayHours(plan: Pick<TurnusPlan, 'shiftTypes' | 'demand'>, e: Employee): number {
  const long = plan.shiftTypes.find((t) => t.long);
  if (e.consentsLongShifts && long) return paidHours(long, REF_SATURDAY);
  const weekendCodes = new Set(plan.demand.filter((r) => r.dayType === 'saturday' || r.dayType === 'sunday').map((r) => r.shift));
  const dayTypes = plan.shiftTypes.filter((t) => {
    const s = shiftTypeSpan(t);
    return !t.long && s.start >= 6 * 60 && s.end <= 24 * 60;
  });
  const hoursOf = (ts: typeof dayTypes) => Math.max(0, ...ts.map((t) => paidHours(t, REF_SATURDAY)));
  return hoursOf(dayTypes.filter((t) => weekendCodes.has(t.code))) || hoursOf(dayTypes) || 7.5;
}

// ---------------------------------------------------------------------------------------------
// Balancing

export interface BalanceOptions {
  /** Existing groups (default: each employee's `weekendGroup`); kept where the balance allows. */
  current?: ReadonlyMap<string, number>;
  /** Demand hours of one weekend (Saturday + Sunday); 0 or absent = not considered. */
  weekendDemandHours?: number;
  /** Hours the person can give on one worked weekend (default: 25 with langvakt consent, else 15). */
  weekendHoursOf?: (e: Employee) => number;
}

export const isSykepleier = (e: Pick<Employee, 'competence'>): boolean => e.competence === 'sykepleier';

/** Default weekend hours: two langvakter (2 × 12.5) with consent, else two 7.5 h shifts. */
export function defaultWeekendHours(e: Employee): number {
  return e.consentsLongShifts ? 25 : 15;
}

interface State {
  group: number[];
}

/** Lexicographic cost of an assignment: lower is better. */
function costOf(emps: readonly Employee[], hours: readonly number[], st: State, k: number, demand: number, original: readonly number[]): number[] {
  const consent = new Array<number>(k).fill(0), syk = new Array<number>(k).fill(0), night = new Array<number>(k).fill(0);
  const size = new Array<number>(k).fill(0), cap = new Array<number>(k).fill(0);
  let moved = 0;
  emps.forEach((e, i) => {
    const g = st.group[i];
    size[g]++;
    cap[g] += hours[i];
    if (e.consentsLongShifts) consent[g]++;
    if (isSykepleier(e)) syk[g]++;
    if (e.nightExempt) night[g]++;
    if (g !== original[i]) moved++;
  });
  const excess = (xs: number[]) => Math.max(0, Math.max(...xs) - Math.min(...xs) - 1);
  const shortfall = demand > 0 ? cap.reduce((s, c) => s + Math.max(0, demand - c), 0) : 0;
  const capSpread = Math.max(...cap) - Math.min(...cap);
  return [
    excess(consent) + excess(syk),
    excess(night),
    Math.round(shortfall * 100),
    excess(size),
    Math.round(capSpread * 100),
    moved,
  ];
}

function less(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/**
 * A balanced deal: langvakt-consenting sykepleiere first, then consenters who are not
 * sykepleiere forward from there, sykepleiere without consent backward from group k−1, so both
 * consenters and sykepleiere lie on a contiguous cyclic run (each group gets ⌊n/k⌋ or ⌈n/k⌉);
 * everyone else to the smallest group.
 */
function dealt(emps: readonly Employee[], k: number): number[] {
  const out = new Array<number>(emps.length).fill(-1);
  const size = new Array<number>(k).fill(0);
  const idx = emps.map((_, i) => i);
  const both = idx.filter((i) => emps[i].consentsLongShifts && isSykepleier(emps[i]));
  const consentOnly = idx.filter((i) => emps[i].consentsLongShifts && !isSykepleier(emps[i]));
  const sykOnly = idx.filter((i) => !emps[i].consentsLongShifts && isSykepleier(emps[i]));
  let pos = 0;
  for (const i of [...both, ...consentOnly]) { out[i] = pos % k; size[pos % k]++; pos++; }
  let back = k - 1;
  for (const i of sykOnly) { const g = ((back % k) + k) % k; out[i] = g; size[g]++; back--; }
  // Night-exempt first so they spread, then the rest, each to the smallest group.
  const rest = idx.filter((i) => out[i] < 0).sort((a, b) => Number(!!emps[b].nightExempt) - Number(!!emps[a].nightExempt) || a - b);
  for (const i of rest) {
    let g = 0;
    for (let j = 1; j < k; j++) if (size[j] < size[g]) g = j;
    out[i] = g;
    size[g]++;
  }
  return out;
}

/** Best single move or pair swap, repeated while the cost improves (deterministic order). */
function improve(emps: readonly Employee[], hours: readonly number[], start: number[], k: number, demand: number, original: readonly number[]): number[] {
  const st: State = { group: start.slice() };
  let best = costOf(emps, hours, st, k, demand, original);
  for (let iter = 0; iter < 10 * emps.length + 10; iter++) {
    let bestOp: (() => void) | null = null;
    let bestCost = best;
    const n = emps.length;
    for (let i = 0; i < n; i++) {
      const gi = st.group[i];
      for (let g = 0; g < k; g++) {
        if (g === gi) continue;
        st.group[i] = g;
        const c = costOf(emps, hours, st, k, demand, original);
        st.group[i] = gi;
        if (less(c, bestCost)) { bestCost = c; bestOp = () => { st.group[i] = g; }; }
      }
      for (let j = i + 1; j < n; j++) {
        const gj = st.group[j];
        if (gj === gi) continue;
        st.group[i] = gj; st.group[j] = gi;
        const c = costOf(emps, hours, st, k, demand, original);
        st.group[i] = gi; st.group[j] = gj;
        if (less(c, bestCost)) { bestCost = c; bestOp = () => { st.group[i] = gj; st.group[j] = gi; }; }
      }
    }
    if (!bestOp) break;
    bestOp();
    best = bestCost;
  }
  return st.group;
}

/**
 * Weekend groups 0 … k−1 for the employees. Keeps each valid existing group where the balance
 * allows and moves as few people as it can; guarantees that the number of langvakt consenters and
 * of sykepleiere differ by at most 1 between groups. Then balances night-exempt people, the
 * weekend hours each group can give against `weekendDemandHours`, and the head count.
 * Deterministic for the same input.
 */
export function balanceWeekendGroups(employees: readonly Employee[], k: number, opts: BalanceOptions = {}): Map<string, number> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`Helgefrekvensen må være et helt tall fra 1 (fikk ${k}).`);
  const emps = employees.slice();
  const hours = emps.map((e) => (opts.weekendHoursOf ?? defaultWeekendHours)(e));
  const demand = opts.weekendDemandHours ?? 0;
  const currentOf = (e: Employee) => (opts.current ? opts.current.get(e.id) : e.weekendGroup);
  const original = emps.map((e) => {
    const g = currentOf(e);
    return typeof g === 'number' && Number.isInteger(g) && g >= 0 && g < k ? g : -1;
  });
  // Start: existing groups; the others to the smallest group.
  const size = new Array<number>(k).fill(0);
  for (const g of original) if (g >= 0) size[g]++;
  const start = original.map((g) => {
    if (g >= 0) return g;
    let s = 0;
    for (let j = 1; j < k; j++) if (size[j] < size[s]) s = j;
    size[s]++;
    return s;
  });
  let groups = improve(emps, hours, start, k, demand, original);
  if (costOf(emps, hours, { group: groups }, k, demand, original)[0] > 0) {
    groups = improve(emps, hours, dealt(emps, k), k, demand, original);
  }
  return new Map(emps.map((e, i) => [e.id, groups[i]]));
}
