/**
 * Plans: rows of `plans`, and the one place that turns a unit and a plan's cells into the plan
 * file model (TurnusPlan) that the rule engine, the metrics, the exports and the solver read.
 */
import type Database from 'better-sqlite3';
import { planFileOf, type PlanDetail, type PlanStatus, type PlanSummary } from '../../../shared/api/core';
import { addDays, daysInMonth, dayOf, fromDay, toDay, ymd } from '../../../shared/calendar';
import { notFound } from '../errors';
import { planFileActivities } from './activities';
import { listAssignments } from './cells';
import { readUnit } from './units';
import { scenarioSetup } from './scenarios';
import { employeeIdsOf } from './staff';
import { nowIso } from './util';

export { planFileOf };

export interface PlanRow {
  id: number;
  unit_id: number;
  name: string;
  start_date: string;
  end_date: string;
  status: PlanStatus;
  updated_at: string;
  /** The scenario this plan row belongs to (m070); null for a real plan. */
  scenario_of: number | null;
}

const COLUMNS = 'id, unit_id, name, start_date, end_date, status, updated_at, scenario_of';

/** Plan end for a start date and a length in months: start + months − 1 day (clamped to month end). */
export function planEndDate(start: string, months: number): string {
  const { year, month, day } = ymd(toDay(start));
  const m0 = month - 1 + months;
  const y = year + Math.floor(m0 / 12);
  const m = (m0 % 12) + 1;
  return addDays(fromDay(dayOf(y, m, Math.min(day, daysInMonth(y, m)))), -1);
}

export function toPlanSummary(r: PlanRow): PlanSummary {
  return { id: r.id, unitId: r.unit_id, name: r.name, start: r.start_date, end: r.end_date, status: r.status, updatedAt: r.updated_at };
}

export function findPlanRow(db: Database.Database, planId: number): PlanRow | undefined {
  return db.prepare<[number], PlanRow>(`SELECT ${COLUMNS} FROM plans WHERE id = ?`).get(planId);
}

export function getPlanRow(db: Database.Database, planId: number, field = 'planId'): PlanRow {
  const row = findPlanRow(db, planId);
  if (!row) throw notFound('turnusen', planId, field);
  return row;
}

/** The unit's real plans (unsorted); scenario plans (m070) are never listed with them. */
export function listPlanRows(db: Database.Database, unitId: number): PlanRow[] {
  return db.prepare<[number], PlanRow>(`SELECT ${COLUMNS} FROM plans WHERE unit_id = ? AND scenario_of IS NULL`).all(unitId);
}

/** The plan row a scenario owns, if it has one yet. */
export function findScenarioPlanRow(db: Database.Database, scenarioId: number): PlanRow | undefined {
  return db.prepare<[number], PlanRow>(`SELECT ${COLUMNS} FROM plans WHERE scenario_of = ?`).get(scenarioId);
}

/** A new plan in status utkast (a scenario's own plan when `scenarioOf` is given); returns its id. */
export function insertPlan(
  db: Database.Database,
  unitId: number,
  name: string,
  start: string,
  end: string,
  scenarioOf: number | null = null,
): number {
  const now = nowIso();
  return Number(
    db
      .prepare(
        `INSERT INTO plans (unit_id, name, start_date, end_date, status, created_at, updated_at, scenario_of)
     VALUES (?, ?, ?, ?, 'utkast', ?, ?, ?)`,
      )
      .run(unitId, name, start, end, now, now, scenarioOf).lastInsertRowid,
  );
}

export function renamePlan(db: Database.Database, planId: number, name: string): void {
  db.prepare('UPDATE plans SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), planId);
}

export function setPlanStatus(db: Database.Database, planId: number, status: PlanStatus): void {
  db.prepare('UPDATE plans SET status = ? WHERE id = ?').run(status, planId);
}

/** Marks the plan as changed; returns the timestamp written. */
export function touchPlan(db: Database.Database, planId: number): string {
  const at = nowIso();
  db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(at, planId);
  return at;
}

/** Copies every cell of one plan into another (empty) plan in one statement. */
export function copyCells(db: Database.Database, fromPlanId: number, toPlanId: number): void {
  db.prepare(
    'INSERT INTO assignments (plan_id, employee_id, date, code, pinned) SELECT ?, employee_id, date, code, pinned FROM assignments WHERE plan_id = ?',
  ).run(toPlanId, fromPlanId);
}

/** false when there was no such plan. Its cells go with it (ON DELETE CASCADE). */
export function deletePlan(db: Database.Database, planId: number): boolean {
  return db.prepare('DELETE FROM plans WHERE id = ?').run(planId).changes > 0;
}

/**
 * The plan with its whole plan file (cells in the unit's employee order, then by date; timed activities). A
 * scenario's plan takes its staff, shift types, bemanningsplan, weekend rhythm, rules and costs
 * from the scenario (scenarioSetup), so every screen sees the scenario's changes applied.
 */
export function readPlan(db: Database.Database, planId: number): PlanDetail {
  const p = getPlanRow(db, planId);
  const setup = p.scenario_of !== null ? scenarioSetup(db, p.scenario_of) : null;
  const base = setup ?? planFileOf(readUnit(db, p.unit_id), { start: p.start_date, end: p.end_date });
  const order = new Map(base.employees.map((e, i) => [e.id, i]));
  const assignments = listAssignments(db, planId)
    .filter((a) => order.has(a.employee))
    .sort((a, b) => order.get(a.employee)! - order.get(b.employee)! || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const activities = planFileActivities(db, planId, new Set(base.employees.map((e) => e.id)));
  return {
    ...toPlanSummary(p),
    file: { ...base, period: { start: p.start_date, end: p.end_date }, assignments, ...(activities.length > 0 ? { activities } : {}) },
  };
}

/** Cell codes a plan may hold beyond its unit's (the shift types a scenario added, e.g. L). */
export function scenarioShiftCodes(db: Database.Database, planId: number): string[] {
  const p = getPlanRow(db, planId);
  return p.scenario_of === null ? [] : scenarioSetup(db, p.scenario_of).shiftTypes.map((s) => s.code);
}

/**
 * The employee ids a plan's cells may name: the unit's staff for a real plan, the scenario's
 * staff (with the people it added, m093) for a scenario's own plan.
 */
export function planStaffIds(db: Database.Database, p: PlanRow): Set<string> {
  return p.scenario_of === null ? employeeIdsOf(db, p.unit_id) : new Set(scenarioSetup(db, p.scenario_of).employees.map((e) => e.id));
}
