/**
 * The rule engine: full check of a plan and an incremental checker for the grid and the solver.
 *
 * Exported functions:
 * - `checkPlan(plan: TurnusPlan): Violation[]` — every rule of `RULES` for every employee, in
 *   canonical order (employee order in the plan, date with undated first, catalogue order,
 *   message).
 * - `checkIndex(index: PlanIndex): Violation[]` — the same for an already built index.
 * - `createChecker(plan: TurnusPlan): Checker` — keeps per-employee, per-rule violation lists.
 *   `applyChange({ employeeId, date, code | null })` updates one cell and re-runs only the rules
 *   of that employee, each over its `reach` (days) around the date, and the whole-period rules
 *   of that employee; it returns the current violation list. Also `violations()`, `counts()`,
 *   `employeeViolations(id)`, `evaluateChange(change)` (apply, count, undo) and `currentPlan()`.
 * - `compareViolations(a, b)` and `sortViolations(list, plan)` — the canonical order.
 * - Hard rules: `HARD_RULE_IDS` (every rule whose severity is 'error', i.e. the law rules incl.
 *   NIGHT-EXEMPT, plus the rules marked `hard`: LONG-SHIFT-CONSENT), `isHardViolation(v)` and
 *   `countHard(list)`. The generator must never create a hard violation and the UI shows them
 *   as absolute; severity (what `turnus check` exits on) is unchanged. Checker counts carry
 *   `hard` too.
 *
 * All current rules are per employee, so there is no unit-wide piece to re-check.
 */

import type { Assignment, TurnusPlan } from '../plan/model';
import type { CellChange } from '../plan/cell-change';
import { type DayNumber, fromDay, toDay } from '../calendar';
import { type EmployeeIndex, type PlanIndex, indexPlan, setCell } from '../plan/plan-index';
import { isExcusable } from '../plan/activities';
import { RULES, RULE_ORDER, buildRuleContext } from './';
import type { RuleContext, Violation } from './types';

export type { Violation, Severity } from './types';

/** Far enough to mean «all dates» in a day-number range. */
const ALL_FROM = -1_000_000;
const ALL_TO = 1_000_000;

function compareWithin(a: Violation, b: Violation): number {
  if (a.date !== b.date) {
    if (a.date === null) return -1;
    if (b.date === null) return 1;
    return a.date < b.date ? -1 : 1;
  }
  const ra = RULE_ORDER.get(a.rule) ?? 999,
    rb = RULE_ORDER.get(b.rule) ?? 999;
  if (ra !== rb) return ra - rb;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Canonical order given the employees' order. */
export function compareViolations(order: ReadonlyMap<string, number>) {
  return (a: Violation, b: Violation): number => {
    const ea = order.get(a.employee) ?? 1e9,
      eb = order.get(b.employee) ?? 1e9;
    return ea !== eb ? ea - eb : compareWithin(a, b);
  };
}

export function sortViolations(list: Violation[], plan: Pick<TurnusPlan, 'employees'>): Violation[] {
  const order = new Map(plan.employees.map((e, i) => [e.id, i]));
  return list.sort(compareViolations(order));
}

/**
 * Rules the generator and the UI treat as hard: all rules with severity 'error' (the law
 * without a registered agreement, incl. NIGHT-EXEMPT) and those marked `hard`
 * (LONG-SHIFT-CONSENT: langvakter er alltid frivillige, although its severity is a warning).
 */
export const HARD_RULE_IDS: ReadonlySet<string> = new Set(RULES.filter((r) => r.severity === 'error' || r.hard === true).map((r) => r.id));

/** Is this violation hard (never acceptable in a generated plan; shown as absolute in the UI)? */
export function isHardViolation(v: Pick<Violation, 'rule' | 'severity'>): boolean {
  return v.severity === 'error' || HARD_RULE_IDS.has(v.rule);
}

export function countHard(list: readonly Pick<Violation, 'rule' | 'severity'>[]): number {
  let n = 0;
  for (const v of list) if (isHardViolation(v)) n++;
  return n;
}

function checkEmployee(ctx: RuleContext, emp: EmployeeIndex): Violation[][] {
  return RULES.map((r) => r.check(ctx, emp, ALL_FROM, ALL_TO));
}

export function checkIndex(index: PlanIndex): Violation[] {
  const ctx = buildRuleContext(index);
  const out: Violation[] = [];
  const seen = new Set<string>();
  for (const emp of index.employees) {
    if (seen.has(emp.employee.id)) continue;
    seen.add(emp.employee.id);
    const mine: Violation[] = [];
    for (const list of checkEmployee(ctx, emp)) mine.push(...list);
    out.push(...mine.sort(compareWithin));
  }
  return out;
}

/** Full check of a plan. */
export function checkPlan(plan: TurnusPlan): Violation[] {
  return checkIndex(indexPlan(plan));
}

// ---------------------------------------------------------------------------------------------
// Incremental checker

export interface ViolationCounts {
  error: number;
  warning: number;
  info: number;
  /** Hard violations (`isHardViolation`): errors + LONG-SHIFT-CONSENT. Always set by the checker. */
  hard?: number;
}

export interface Checker {
  readonly index: PlanIndex;
  /** Apply one cell change and return the current violation list (read-only, shared until the next change). */
  applyChange(change: CellChange): readonly Violation[];
  /** The current violation list in canonical order (read-only, shared until the next change). */
  violations(): readonly Violation[];
  /** Counts by severity and of hard violations (maintained incrementally; O(1)). */
  counts(): ViolationCounts;
  employeeViolations(employeeId: string): Violation[];
  /** Counts after a change, without keeping it (apply, count, undo). */
  evaluateChange(change: CellChange): ViolationCounts;
  /** The current code of a cell, or null. */
  codeAt(employeeId: string, date: string): string | null;
  /** A plan with the current assignments (a new object; the input plan is never mutated). */
  currentPlan(): TurnusPlan;
}

interface EmployeeState {
  emp: EmployeeIndex;
  /** Violations per rule (index in RULES), each sorted by date. */
  byRule: Violation[][];
  /** Cached sorted concatenation, or null when stale. */
  sorted: Violation[] | null;
}

function countInto(c: Required<ViolationCounts>, list: readonly Violation[], sign: 1 | -1) {
  for (const v of list) {
    c[v.severity] += sign;
    if (isHardViolation(v)) c.hard += sign;
  }
}

export function createChecker(plan: TurnusPlan): Checker {
  // Index a private copy of the assignment list; the caller's plan is not touched.
  const index = indexPlan({ ...plan, assignments: plan.assignments.slice() });
  const ctx = buildRuleContext(index);
  const states = new Map<string, EmployeeState>();
  const ordered: EmployeeState[] = [];
  const counts: Required<ViolationCounts> = { error: 0, warning: 0, info: 0, hard: 0 };
  for (const emp of index.employees) {
    if (states.has(emp.employee.id)) continue;
    const st: EmployeeState = { emp, byRule: checkEmployee(ctx, emp), sorted: null };
    for (const list of st.byRule) countInto(counts, list, 1);
    states.set(emp.employee.id, st);
    ordered.push(st);
  }
  let flat: Violation[] | null = null;

  function stateOf(id: string): EmployeeState {
    const st = states.get(id);
    if (!st) throw new RangeError(`Ukjent ansatt «${id}»`);
    return st;
  }

  const excusable = (plan.activities ?? []).some(isExcusable);
  const reaches = RULES.map((r) => (typeof r.reach === 'function' ? r.reach(ctx) : r.reach));
  const dateCache = new Map<DayNumber, string>();
  const dateStr = (d: DayNumber) => {
    let s = dateCache.get(d);
    if (s === undefined) {
      s = fromDay(d);
      dateCache.set(d, s);
    }
    return s;
  };

  function recheck(st: EmployeeState, day: DayNumber, shiftsChanged: boolean, absencesChanged: boolean) {
    for (let r = 0; r < RULES.length; r++) {
      const rule = RULES[r];
      const reads = rule.reads ?? 'shifts';
      if (!(reads === 'both' ? shiftsChanged || absencesChanged : reads === 'shifts' ? shiftsChanged : absencesChanged)) continue;
      const reach = reaches[r];
      const old = st.byRule[r];
      let next: Violation[];
      if (!Number.isFinite(reach)) {
        next = rule.check(ctx, st.emp, ALL_FROM, ALL_TO);
      } else {
        const from = day - reach,
          to = day + reach;
        const fromS = dateStr(from),
          toS = dateStr(to);
        const fresh = rule.check(ctx, st.emp, from, to);
        if (old.length === 0 && fresh.length === 0) continue;
        const before: Violation[] = [],
          after: Violation[] = [];
        for (const v of old) {
          if (v.date === null || v.date < fromS) before.push(v);
          else if (v.date > toS) after.push(v);
        }
        next = before.concat(fresh, after);
      }
      countInto(counts, old, -1);
      countInto(counts, next, 1);
      st.byRule[r] = next;
    }
    st.sorted = null;
    flat = null;
  }

  function sortedOf(st: EmployeeState): Violation[] {
    if (!st.sorted) {
      const all: Violation[] = [];
      for (const list of st.byRule) for (const v of list) all.push(v);
      st.sorted = all.sort(compareWithin);
    }
    return st.sorted;
  }

  function violations(): readonly Violation[] {
    if (!flat) {
      const all: Violation[] = [];
      for (const st of ordered) for (const v of sortedOf(st)) all.push(v);
      flat = Object.freeze(all) as Violation[];
    }
    return flat;
  }

  function codeAt(employeeId: string, date: string): string | null {
    return stateOf(employeeId).emp.cells.get(toDay(date))?.code ?? null;
  }

  function apply(change: CellChange) {
    const st = stateOf(change.employeeId);
    const day = toDay(change.date);
    const old = st.emp.cells.get(day);
    if ((old?.code ?? null) === change.code) return;
    setCell(index, change.employeeId, day, change.code, old?.pinned);
    const now = st.emp.cells.get(day);
    const absence = old?.kind === 'absence' || now?.kind === 'absence';
    // An absence cell excuses the person from a meeting for all that day (activities.ts): the
    // work the rules read changes with it.
    recheck(st, day, old?.kind === 'work' || now?.kind === 'work' || (absence && excusable), absence);
  }

  return {
    index,
    applyChange(change) {
      apply(change);
      return violations();
    },
    violations,
    counts: () => ({ ...counts }),
    employeeViolations: (id) => sortedOf(stateOf(id)).slice(),
    evaluateChange(change) {
      const before = codeAt(change.employeeId, change.date);
      apply(change);
      const result = { ...counts };
      apply({ ...change, code: before });
      return result;
    },
    codeAt,
    currentPlan() {
      const assignments: Assignment[] = [];
      for (const emp of index.employees) {
        const days = [...emp.cells.keys()].sort((a, b) => a - b);
        for (const d of days) {
          const c = emp.cells.get(d)!;
          const a: Assignment = { employee: emp.employee.id, date: fromDay(d), code: c.code };
          if (c.pinned) a.pinned = true;
          assignments.push(a);
        }
        for (const u of emp.unknownCodes) assignments.push(u);
      }
      for (const o of index.orphanAssignments) assignments.push(o);
      return { ...plan, assignments };
    },
  };
}
