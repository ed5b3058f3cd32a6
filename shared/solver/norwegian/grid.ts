/**
 * Between a `TurnusPlan` and the solver's grid: which cells each mode may change, the start
 * grid, and writing the grid back as assignments (every row the solver may not change is kept
 * as it was, with all its fields).
 */
import { fromDay, isIsoDate, toDay } from '../../calendar';
import type { Assignment, TurnusPlan } from '../../plan/model';
import { absenceCodeOf, indexPlan } from '../../plan/plan-index';
import { BLOCKED, EMPTY } from './terms/index';

export type GenerateMode = 'fill' | 'repair' | 'replan';

export interface PlanGrid {
  E: number;
  D: number;
  startDay: number;
  eIdx: Map<string, number>;
  /** The input's cells (shift index, EMPTY or BLOCKED). */
  original: Int16Array;
  pinned: Uint8Array;
  vacation: Uint8Array;
}

export function readGrid(plan: TurnusPlan): PlanGrid {
  const index = indexPlan(plan);
  const E = plan.employees.length;
  const D = index.days;
  const startDay = index.startDay;
  const sIdx = new Map(plan.shiftTypes.map((s, i) => [s.code, i]));
  const eIdx = new Map(plan.employees.map((e, i) => [e.id, i]));
  const original = new Int16Array(E * D).fill(EMPTY);
  const pinned = new Uint8Array(E * D);
  const vacation = new Uint8Array(E * D);
  for (const a of plan.assignments) {
    const e = eIdx.get(a.employee);
    if (e === undefined || !isIsoDate(a.date)) continue;
    const d = toDay(a.date) - startDay;
    if (d < 0 || d >= D) continue;
    const s = sIdx.get(a.code);
    original[e * D + d] = s === undefined ? BLOCKED : s;
    if (s === undefined && absenceCodeOf(index, a.code)?.kind === 'vacation') vacation[e * D + d] = 1;
    if (a.pinned) pinned[e * D + d] = 1;
  }
  return { E, D, startDay, eIdx, original, pinned, vacation };
}

/** Work cells and empty cells that are neither pinned nor absence. */
export function free(grid: PlanGrid, i: number): boolean {
  return !grid.pinned[i] && grid.original[i] !== BLOCKED;
}

/** The grid written back: rows outside the editable cells stay as they were (all fields). */
export function writeAssignments(plan: TurnusPlan, grid: PlanGrid, editable: Uint8Array, g: Int16Array): Assignment[] {
  const { E, D, startDay, eIdx } = grid;
  const out: Assignment[] = [];
  const kept = new Map<string, Assignment>();
  for (const a of plan.assignments) {
    const e = eIdx.get(a.employee);
    const d = isIsoDate(a.date) ? toDay(a.date) - startDay : -1;
    if (e !== undefined && d >= 0 && d < D && editable[e * D + d]) {
      kept.set(`${e}|${d}`, a);
      continue;
    }
    out.push(a);
  }
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const i = e * D + d;
      if (!editable[i]) continue;
      const v = g[i];
      if (v < 0) continue;
      const code = plan.shiftTypes[v].code;
      const before = kept.get(`${e}|${d}`);
      // An unchanged row keeps every field it had (comments, extra fields).
      out.push(before && before.code === code ? before : { employee: plan.employees[e].id, date: fromDay(startDay + d), code });
    }
  }
  return out;
}
