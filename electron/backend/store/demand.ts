/** The bemanningsplan of a unit: rows of `demand_rows` ↔ DemandRow of the plan model. */
import type Database from 'better-sqlite3';
import type { DemandRow } from '../../../shared/plan/model';

interface DemandDbRow {
  day_type: DemandRow['dayType'] | null;
  date: string | null;
  shift: string;
  competence: string;
  count: number;
}

function toDemand(r: DemandDbRow): DemandRow {
  return r.date !== null
    ? { date: r.date, shift: r.shift, competence: r.competence, count: r.count }
    : { dayType: r.day_type ?? 'weekday', shift: r.shift, competence: r.competence, count: r.count };
}

export function listDemand(db: Database.Database, unitId: number): DemandRow[] {
  return db
    .prepare<[number], DemandDbRow>(
      'SELECT day_type, date, shift, competence, count FROM demand_rows WHERE unit_id = ? ORDER BY sort_order, id',
    )
    .all(unitId)
    .map(toDemand);
}

/** Replaces all rows of the unit, in the given order. */
export function replaceDemand(db: Database.Database, unitId: number, rows: readonly DemandRow[]): void {
  db.prepare('DELETE FROM demand_rows WHERE unit_id = ?').run(unitId);
  const ins = db.prepare(
    'INSERT INTO demand_rows (unit_id, day_type, date, shift, competence, count, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [i, r] of rows.entries()) {
    ins.run(unitId, r.date ? null : (r.dayType ?? null), r.date ?? null, r.shift, r.competence, r.count, i);
  }
}

/** How many rows of the unit's bemanningsplan ask for the shift `code`. */
export function countDemandFor(db: Database.Database, unitId: number, code: string): number {
  return (db.prepare('SELECT count(*) AS n FROM demand_rows WHERE shift = ? AND unit_id = ?').get(code, unitId) as { n: number }).n;
}

/** A shift type's new code in the bemanningsplan. */
export function renameDemandShift(db: Database.Database, unitId: number, from: string, to: string): void {
  db.prepare('UPDATE demand_rows SET shift = ? WHERE shift = ? AND unit_id = ?').run(to, from, unitId);
}
