/**
 * The cells of a plan: rows of `assignments` ↔ Assignment of the plan model. Every write
 * reaches the change log through the triggers of m020_review.
 */
import type Database from 'better-sqlite3';
import type { CellChange } from '../../../shared/api/core';
import type { Assignment } from '../../../shared/plan/model';
import { bool } from './util';

/** The plan's cells (employee ids as String(database id)), by employee id and date. */
export function listAssignments(db: Database.Database, planId: number): Assignment[] {
  return db
    .prepare<[number], { employee_id: number; date: string; code: string; pinned: number }>(
      'SELECT employee_id, date, code, pinned FROM assignments WHERE plan_id = ? ORDER BY employee_id, date',
    )
    .all(planId)
    .map((a) => {
      const out: Assignment = { employee: String(a.employee_id), date: a.date, code: a.code };
      if (a.pinned) out.pinned = true;
      return out;
    });
}

/**
 * Writes checked changes: a code sets the cell (keeping its pin unless `pinned` is given),
 * null clears it. `pinned` given always wins over the stored pin.
 */
export function writeCells(db: Database.Database, planId: number, changes: readonly CellChange[]): void {
  const upsert = db.prepare(
    `INSERT INTO assignments (plan_id, employee_id, date, code, pinned) VALUES (?, ?, ?, ?, coalesce(?, 0))
     ON CONFLICT (plan_id, employee_id, date) DO UPDATE SET code = excluded.code,
       pinned = coalesce(?, assignments.pinned)`,
  );
  const del = db.prepare('DELETE FROM assignments WHERE plan_id = ? AND employee_id = ? AND date = ?');
  for (const c of changes) {
    const emp = Number(c.employeeId);
    if (c.code === null) del.run(planId, emp, c.date);
    else {
      const pin = c.pinned === undefined ? null : bool(c.pinned);
      upsert.run(planId, emp, c.date, c.code, pin, pin);
    }
  }
}

/** How many cells in the unit's plans hold `code`. */
export function countCellsWithCode(db: Database.Database, unitId: number, code: string): number {
  return (
    db
      .prepare('SELECT count(*) AS n FROM assignments WHERE code = ? AND plan_id IN (SELECT id FROM plans WHERE unit_id = ?)')
      .get(code, unitId) as { n: number }
  ).n;
}

/** A shift type's new code in every cell of the unit's plans. */
export function renameCellCode(db: Database.Database, unitId: number, from: string, to: string): void {
  db.prepare('UPDATE assignments SET code = ? WHERE code = ? AND plan_id IN (SELECT id FROM plans WHERE unit_id = ?)').run(
    to,
    from,
    unitId,
  );
}

/** The plan's cells of one employee given to another (a copied scenario's own people, m093). */
export function moveCellsToEmployee(db: Database.Database, planId: number, fromEmployeeId: string, toEmployeeId: string): void {
  db.prepare('UPDATE assignments SET employee_id = ? WHERE plan_id = ? AND employee_id = ?').run(
    Number(toEmployeeId),
    planId,
    Number(fromEmployeeId),
  );
}
