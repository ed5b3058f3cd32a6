/** Pilot scenarios of a unit: rows of `scenarios` (m030) with their JSON snapshots. */
import type Database from 'better-sqlite3';
import type { TurnusPlan } from '../../../shared/plan/model';
import type { PriorityInfo, Transform } from '../../../shared/scenario';
import { DomainError, notFound } from '../errors';
import { nowIso } from './util';

export interface ScenarioRow {
  id: number;
  unit_id: number;
  base_plan_id: number | null;
  name: string;
  description: string;
  transforms: string;
  log: string;
  priority: string;
  base_json: string;
  plan_json: string;
  applied_at: string | null;
  applied_plan_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface NewScenarioRow {
  unitId: number;
  basePlanId: number | null;
  name: string;
  description: string;
  transforms: Transform[];
  log: string[];
  priority: Record<string, PriorityInfo>;
  base: TurnusPlan;
  plan: TurnusPlan;
}

export function getScenarioRow(db: Database.Database, id: number, field = 'scenarioId'): ScenarioRow {
  const r = db.prepare<[number], ScenarioRow>('SELECT * FROM scenarios WHERE id = ?').get(id);
  if (!r) throw notFound('scenarioet', id, field);
  return r;
}

/** The unit's scenarios, oldest first. */
export function listScenarioRows(db: Database.Database, unitId: number): ScenarioRow[] {
  return db.prepare<[number], ScenarioRow>('SELECT * FROM scenarios WHERE unit_id = ? ORDER BY created_at, id').all(unitId);
}

export function insertScenario(db: Database.Database, s: NewScenarioRow): number {
  const now = nowIso();
  return Number(
    db
      .prepare(
        `INSERT INTO scenarios (unit_id, base_plan_id, name, description, transforms, log, priority, base_json, plan_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.unitId,
        s.basePlanId,
        s.name,
        s.description,
        JSON.stringify(s.transforms),
        JSON.stringify(s.log),
        JSON.stringify(s.priority),
        JSON.stringify(s.base),
        JSON.stringify(s.plan),
        now,
        now,
      ).lastInsertRowid,
  );
}

/** Renames; the description changes only when given. */
export function renameScenario(db: Database.Database, id: number, name: string, description?: string): void {
  if (description === undefined) db.prepare('UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), id);
  else db.prepare('UPDATE scenarios SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(name, description, nowIso(), id);
}

/**
 * Stores the scenario's setup (staff, shift types, bemanningsplan, weekend rhythm, rules,
 * costs) and log. Its cells live in its own plan row (m070), so `assignments` is stored empty.
 */
export function saveScenarioPlan(db: Database.Database, id: number, plan: TurnusPlan, log: string[]): void {
  db.prepare('UPDATE scenarios SET plan_json = ?, log = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify({ ...plan, assignments: [] }),
    JSON.stringify(log),
    nowIso(),
    id,
  );
}

/**
 * The scenario's plan file without the cells of its plan row: what readPlan uses instead of the
 * unit for a scenario's plan. Scenarios stored before m070 still carry their cells here; the
 * scenario section moves them to a plan row the first time it opens one.
 */
export function scenarioSetup(db: Database.Database, id: number): TurnusPlan {
  const r = db.prepare<[number], { name: string; plan_json: string }>('SELECT name, plan_json FROM scenarios WHERE id = ?').get(id);
  if (!r) throw notFound('scenarioet', id, 'scenarioId');
  try {
    return JSON.parse(r.plan_json) as TurnusPlan;
  } catch {
    throw new DomainError('DB_DAMAGED', `Scenarioet «${r.name}» er skadet (plan_json er ikke gyldig JSON).`, 'plan_json');
  }
}

/** The scenario whose own plan row `planId` is (m070), or undefined for a real plan. */
export function scenarioOfPlan(db: Database.Database, planId: number): ScenarioRow | undefined {
  return db.prepare<[number], ScenarioRow>('SELECT s.* FROM scenarios s JOIN plans p ON p.scenario_of = s.id WHERE p.id = ?').get(planId);
}

export function saveScenarioPriority(db: Database.Database, id: number, priority: Record<string, PriorityInfo>): void {
  db.prepare('UPDATE scenarios SET priority = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(priority), nowIso(), id);
}

/** Records that the scenario became the current plan `planId`. */
export function markScenarioApplied(db: Database.Database, id: number, planId: number): void {
  const now = nowIso();
  db.prepare('UPDATE scenarios SET applied_at = ?, applied_plan_id = ?, updated_at = ? WHERE id = ?').run(now, planId, now, id);
}

/** false when there was no such scenario. */
export function deleteScenario(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
}
