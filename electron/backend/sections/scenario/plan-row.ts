/**
 * A scenario's own plan row (m070): the grid, the steps, the rule check, «Fyll ut» and
 * Nøkkeltall open it like any plan (`#/plan/<planId>`), and readPlan gives it the scenario's
 * staff, shift types, bemanningsplan and weekend rhythm. This file is the one place that makes,
 * reads and writes it for the scenario section.
 */
import type Database from 'better-sqlite3';
import type { CellChange } from '../../../../shared/api/core';
import type { Assignment, TurnusPlan } from '../../../../shared/plan/model';
import { listAssignments, writeCells } from '../../store/cells';
import { copyCells, findScenarioPlanRow, insertPlan, readPlan, touchPlan } from '../../store/plans';
import { saveScenarioPlan, scenarioSetup, type ScenarioRow } from '../../store/scenarios';
import { parseJson } from './util';

/** The cells of a plan file as changes that write them into an empty plan row. */
function cellsOf(plan: TurnusPlan): CellChange[] {
  const inStaff = new Set(plan.employees.map((e) => e.id));
  const { start, end } = plan.period;
  return plan.assignments
    .filter((a) => inStaff.has(a.employee) && a.date >= start && a.date <= end)
    .map((a) => ({ employeeId: a.employee, date: a.date, code: a.code, pinned: a.pinned === true }));
}

/** The changes that turn cells `from` into the cells of `plan` (only what differs). */
function diffCells(from: readonly Assignment[], plan: TurnusPlan): CellChange[] {
  const current = new Map(from.map((a) => [`${a.employee}|${a.date}`, a]));
  const changes: CellChange[] = [];
  const seen = new Set<string>();
  for (const c of cellsOf(plan)) {
    const key = `${c.employeeId}|${c.date}`;
    seen.add(key);
    const old = current.get(key);
    if (!old || old.code !== c.code || (old.pinned === true) !== c.pinned) changes.push(c);
  }
  for (const [key, a] of current) if (!seen.has(key)) changes.push({ employeeId: a.employee, date: a.date, code: null });
  return changes;
}

/**
 * Makes the scenario's plan row with the given plan's cells, and stores the rest of the plan
 * as the scenario's setup. With `copyFrom` (the plan row it was made from and that row's
 * cells) the cells are copied in one statement and only the cells the transforms changed are
 * written (a 60-person year is ~11 000 cells). Call inside a transaction.
 */
export function createScenarioPlanRow(
  db: Database.Database,
  r: Pick<ScenarioRow, 'id' | 'unit_id' | 'name'>,
  plan: TurnusPlan,
  log: string[],
  copyFrom?: { planId: number; cells: readonly Assignment[] },
): number {
  const planId = insertPlan(db, r.unit_id, r.name, plan.period.start, plan.period.end, r.id);
  if (copyFrom) {
    copyCells(db, copyFrom.planId, planId);
    writeCells(db, planId, diffCells(copyFrom.cells, plan));
  } else {
    writeCells(db, planId, cellsOf(plan));
  }
  saveScenarioPlan(db, r.id, plan, log);
  return planId;
}

/** The scenario's plan row id; a scenario stored before m070 gets its row (and cells) now. */
export function ensureScenarioPlan(db: Database.Database, r: ScenarioRow): number {
  const existing = findScenarioPlanRow(db, r.id);
  if (existing) return existing.id;
  return db.transaction(() => createScenarioPlanRow(db, r, scenarioSetup(db, r.id), parseJson<string[]>(r.log, 'log', r.name)))();
}

/** The scenario's whole plan: its setup with the cells of its plan row. */
export function scenarioPlan(db: Database.Database, r: ScenarioRow): { planId: number; plan: TurnusPlan } {
  const planId = ensureScenarioPlan(db, r);
  return { planId, plan: readPlan(db, planId).file };
}

/**
 * Stores a changed scenario plan: the setup into the scenario, the cells into its plan row
 * (only the cells that differ are written). Call inside a transaction.
 */
export function writeScenarioPlan(db: Database.Database, r: ScenarioRow, plan: TurnusPlan, log: string[]): void {
  const planId = ensureScenarioPlan(db, r);
  saveScenarioPlan(db, r.id, plan, log);
  writeCells(db, planId, diffCells(listAssignments(db, planId), plan));
  touchPlan(db, planId);
}
