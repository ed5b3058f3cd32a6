/** Shift types of a unit: rows of `shift_types` ↔ ShiftType of the plan model. */
import type Database from 'better-sqlite3';
import type { ShiftType } from '../../../shared/plan/model';
import { bool } from './util';

interface ShiftRow {
  code: string;
  name: string | null;
  start_time: string;
  end_time: string;
  unpaid_break_minutes: number;
  long: number;
  color: string | null;
  counts_toward: string;
}

function toShiftType(r: ShiftRow): ShiftType {
  const st: ShiftType = { code: r.code, start: r.start_time, end: r.end_time };
  if (r.name) st.name = r.name;
  if (r.unpaid_break_minutes > 0) st.unpaidBreakMinutes = r.unpaid_break_minutes;
  if (r.long) st.long = true;
  if (r.color) st.color = r.color;
  const ct = JSON.parse(r.counts_toward) as string[];
  if (ct.length > 0) st.countsToward = ct;
  return st;
}

function valuesOf(unitId: number, st: ShiftType) {
  return {
    unitId,
    code: st.code,
    name: st.name ?? null,
    start: st.start,
    end: st.end,
    brk: st.unpaidBreakMinutes ?? 0,
    long: bool(st.long),
    color: st.color ?? null,
    ct: JSON.stringify(st.countsToward ?? []),
  };
}

/** The unit's shift types in their display order. */
export function listShiftTypes(db: Database.Database, unitId: number): ShiftType[] {
  return db
    .prepare<[number], ShiftRow>(
      `SELECT code, name, start_time, end_time, unpaid_break_minutes, long, color, counts_toward
     FROM shift_types WHERE unit_id = ? ORDER BY sort_order, id`,
    )
    .all(unitId)
    .map(toShiftType);
}

/** Adds a shift type after the unit's last one. */
export function insertShiftType(db: Database.Database, unitId: number, st: ShiftType): void {
  db.prepare(
    `INSERT INTO shift_types (unit_id, code, name, start_time, end_time, unpaid_break_minutes, long, color, counts_toward, sort_order)
     VALUES (@unitId, @code, @name, @start, @end, @brk, @long, @color, @ct,
             (SELECT coalesce(max(sort_order), 0) + 1 FROM shift_types WHERE unit_id = @unitId))`,
  ).run(valuesOf(unitId, st));
}

/** Overwrites the shift type `previousCode` (the code itself may change). */
export function updateShiftType(db: Database.Database, unitId: number, previousCode: string, st: ShiftType): void {
  db.prepare(
    `UPDATE shift_types SET code = @code, name = @name, start_time = @start, end_time = @end,
       unpaid_break_minutes = @brk, long = @long, color = @color, counts_toward = @ct
     WHERE unit_id = @unitId AND code = @previousCode`,
  ).run({ ...valuesOf(unitId, st), previousCode });
}

export function deleteShiftType(db: Database.Database, unitId: number, code: string): void {
  db.prepare('DELETE FROM shift_types WHERE unit_id = ? AND code = ?').run(unitId, code);
}

export function setCountsToward(db: Database.Database, unitId: number, code: string, countsToward: string[]): void {
  db.prepare('UPDATE shift_types SET counts_toward = ? WHERE unit_id = ? AND code = ?').run(JSON.stringify(countsToward), unitId, code);
}
