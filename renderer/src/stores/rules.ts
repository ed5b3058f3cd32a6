/**
 * Live rule hits of the open plan, from the shared rule engine's incremental checker (the plan
 * store feeds it after every edit, per touched employee). Cells select their own messages as
 * one string, so a change elsewhere does not re-render them.
 */
import { create } from 'zustand';
import type { Violation, ViolationCounts } from '../../../shared/rules/engine';
import { keyOf } from '../lib/cellKey';

interface RulesState {
  /** False until the rule engine has checked the plan once. */
  ready: boolean;
  /** Per employee, in the engine's canonical order. */
  byEmployeeHits: Record<string, readonly Violation[]>;
  /**
   * Cell key (lib/cellKey) → the messages dated on that cell, one per line. A Map updated in
   * place (copying thousands of keys per keystroke cost milliseconds); `cellsRev` says when.
   */
  byCell: ReadonlyMap<string, string>;
  /** Bumped whenever `byCell` changed. */
  cellsRev: number;
  /** Per employee: the hits by severity, counted as the rules panel counts them. */
  byEmployee: Record<string, ViolationCounts>;
  counts: ViolationCounts;
  /** Replaces everything (plan opened). */
  setAll(hits: readonly Violation[], counts: ViolationCounts): void;
  /** Forgets everything (another plan is being opened and not yet checked). */
  clear(): void;
  /** Replaces the hits of some employees (after an edit). */
  setEmployees(updates: Record<string, readonly Violation[]>, counts: ViolationCounts): void;
}

const cellKey = (v: Violation) => keyOf(v.employee, v.date!);

/** Hits by severity: brudd (error), advarsler (warning), merknader (info). */
export function countBySeverity(list: readonly Violation[]): ViolationCounts {
  const out = { error: 0, warning: 0, info: 0 };
  for (const v of list) out[v.severity] += 1;
  return out;
}

function addTo(byCell: Map<string, string>, list: readonly Violation[]) {
  for (const v of list) {
    if (!v.date) continue;
    const k = cellKey(v);
    const had = byCell.get(k);
    byCell.set(k, had ? had + '\n' + v.message : v.message);
  }
}

export const useRules = create<RulesState>((set, get) => ({
  ready: false,
  byEmployeeHits: {},
  byCell: new Map(),
  cellsRev: 0,
  byEmployee: {},
  counts: { error: 0, warning: 0, info: 0 },
  setAll(hits, counts) {
    const byEmployeeHits: Record<string, Violation[]> = {};
    for (const h of hits) {
      byEmployeeHits[h.employee] ??= [];
      byEmployeeHits[h.employee].push(h);
    }
    const byCell = new Map<string, string>();
    addTo(byCell, hits);
    const byEmployee: Record<string, ViolationCounts> = {};
    for (const [id, list] of Object.entries(byEmployeeHits)) byEmployee[id] = countBySeverity(list);
    set({ ready: true, byEmployeeHits, byCell, cellsRev: get().cellsRev + 1, byEmployee, counts: { ...counts } });
  },
  clear() {
    set({
      ready: false,
      byEmployeeHits: {},
      byCell: new Map(),
      cellsRev: get().cellsRev + 1,
      byEmployee: {},
      counts: { error: 0, warning: 0, info: 0 },
    });
  },
  setEmployees(updates, counts) {
    const s = get();
    const byEmployeeHits = { ...s.byEmployeeHits };
    const byEmployee = { ...s.byEmployee };
    const byCell = s.byCell as Map<string, string>;
    for (const [id, list] of Object.entries(updates)) {
      for (const v of byEmployeeHits[id] ?? []) if (v.date) byCell.delete(cellKey(v));
      byEmployeeHits[id] = list;
      byEmployee[id] = countBySeverity(list);
    }
    for (const list of Object.values(updates)) addTo(byCell, list);
    set({ ready: true, byEmployeeHits, cellsRev: s.cellsRev + 1, byEmployee, counts: { ...counts } });
  },
}));

/** All hits in employee order (for the side list and the review step). */
export function allHits(byEmployeeHits: Record<string, readonly Violation[]>, employeeOrder: readonly { id: string }[]): Violation[] {
  const out: Violation[] = [];
  for (const e of employeeOrder) for (const v of byEmployeeHits[e.id] ?? []) out.push(v);
  return out;
}
