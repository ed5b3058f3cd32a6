/**
 * One edit of one plan cell: the shape every layer uses (the rule engine's incremental checker,
 * the solvers, the ferie approval, scenarios, the API's `setCells`, the backend store and the grid).
 * The API re-exports it (shared/api/core.ts); its field names are the persisted, public ones.
 *
 * Exported: `CellChange`, `CellDiff` (a change with the code before it, as the generator reports it)
 * and `applyCellChanges(plan, changes)`.
 */
import type { TurnusPlan } from './model';

export interface CellChange {
  employeeId: string;
  /** 'yyyy-MM-dd' */
  date: string;
  /** Shift or absence code; null clears the cell. */
  code: string | null;
  /** Lock the cell against the generator (setCells), or in a ferie `restore`: it was pinned and must be pinned again. The rule checker ignores it. */
  pinned?: boolean;
}

/** One changed cell with its code before and after (null: empty): the generator's list of changes. */
export interface CellDiff {
  employeeId: string;
  /** 'yyyy-MM-dd' */
  date: string;
  from: string | null;
  to: string | null;
}

/** The plan with cell changes applied in order (null clears a cell); the input plan is not changed. */
export function applyCellChanges(plan: TurnusPlan, changes: readonly CellChange[]): TurnusPlan {
  const cells = new Map(plan.assignments.map((a) => [`${a.employee}|${a.date}`, a]));
  for (const c of changes) {
    const key = `${c.employeeId}|${c.date}`;
    if (c.code === null) cells.delete(key);
    else cells.set(key, { employee: c.employeeId, date: c.date, code: c.code, ...(c.pinned ? { pinned: true } : {}) });
  }
  return { ...plan, assignments: [...cells.values()] };
}
