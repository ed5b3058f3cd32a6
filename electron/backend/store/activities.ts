/** Timed meetings and courses of a plan: rows of `plan_activities` (m080). */
import type Database from 'better-sqlite3';
import type { NewPlanActivity, PlanActivityRow } from '../../../shared/api/wishes';
import type { PlanActivity } from '../../../shared/plan/model';
import { DomainError } from '../errors';
import { nowIso } from './util';

interface ActivityRow {
  id: number;
  plan_id: number;
  code: string;
  date: string;
  start_time: string;
  end_time: string;
  employees: string;
  note: string | null;
}

function toActivity(r: ActivityRow): PlanActivityRow {
  let employees: string[] | 'all' = 'all';
  if (r.employees !== 'all') {
    try {
      employees = (JSON.parse(r.employees) as unknown[]).map(String);
    } catch {
      throw new DomainError('DB_DAMAGED', `Aktiviteten ${r.id} har en skadet liste over ansatte.`, 'employees');
    }
  }
  const a: PlanActivityRow = { id: r.id, planId: r.plan_id, code: r.code, date: r.date, start: r.start_time, end: r.end_time, employees };
  if (r.note) a.note = r.note;
  return a;
}

/** The plan's activities by date and start. */
export function listActivities(db: Database.Database, planId: number): PlanActivityRow[] {
  return db
    .prepare<[number], ActivityRow>('SELECT * FROM plan_activities WHERE plan_id = ? ORDER BY date, start_time, id')
    .all(planId)
    .map(toActivity);
}

export function getActivity(db: Database.Database, activityId: number): PlanActivityRow | undefined {
  const r = db.prepare<[number], ActivityRow>('SELECT * FROM plan_activities WHERE id = ?').get(activityId);
  return r ? toActivity(r) : undefined;
}

export function insertActivity(db: Database.Database, planId: number, a: NewPlanActivity): number {
  return Number(
    db
      .prepare(
        'INSERT INTO plan_activities (plan_id, code, date, start_time, end_time, employees, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(planId, a.code, a.date, a.start, a.end, a.employees === 'all' ? 'all' : JSON.stringify(a.employees), a.note ?? null, nowIso())
      .lastInsertRowid,
  );
}

export function deleteActivity(db: Database.Database, activityId: number): boolean {
  return db.prepare('DELETE FROM plan_activities WHERE id = ?').run(activityId).changes > 0;
}

/**
 * The plan's activities in plan-file form (`activities`), employees who have left the unit
 * dropped (an activity left with nobody is left out).
 */
export function planFileActivities(db: Database.Database, planId: number, employeeIds: ReadonlySet<string>): PlanActivity[] {
  const out: PlanActivity[] = [];
  for (const a of listActivities(db, planId)) {
    const employees = a.employees === 'all' ? 'all' : a.employees.filter((id) => employeeIds.has(id));
    if (employees !== 'all' && employees.length === 0) continue;
    out.push({ id: String(a.id), code: a.code, date: a.date, start: a.start, end: a.end, employees });
  }
  return out;
}
