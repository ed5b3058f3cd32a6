/** Ferieønsker of a plan: rows of `vacation_wishes` (m040; `restore_cells` m080). */
import type Database from 'better-sqlite3';
import type { NewVacationWish, VacationWish, WishStatus } from '../../../shared/api/wishes';
import type { CellChange } from '../../../shared/plan/cell-change';
import { DomainError, notFound } from '../errors';
import { nowIso } from './util';

interface WishRow {
  id: number;
  plan_id: number;
  employee_id: number;
  start_date: string;
  end_date: string;
  status: WishStatus;
  note: string | null;
  restore_cells: string | null;
}

function restoreOf(r: WishRow): CellChange[] {
  if (r.restore_cells === null) return [];
  try {
    return JSON.parse(r.restore_cells) as CellChange[];
  } catch {
    throw new DomainError('DB_DAMAGED', `Ferieønsket ${r.id} har skadede lagrede vakter.`, 'restore_cells');
  }
}

function toWish(r: WishRow): VacationWish {
  const w: VacationWish = {
    id: r.id,
    planId: r.plan_id,
    employeeId: String(r.employee_id),
    start: r.start_date,
    end: r.end_date,
    status: r.status,
  };
  if (r.note) w.note = r.note;
  if (r.restore_cells !== null) w.replacedCells = restoreOf(r).length;
  return w;
}

function getRow(db: Database.Database, wishId: number): WishRow {
  const r = db.prepare<[number], WishRow>('SELECT * FROM vacation_wishes WHERE id = ?').get(wishId);
  if (!r) throw notFound('ferieønsket', wishId, 'wishId');
  return r;
}

export function getWish(db: Database.Database, wishId: number): VacationWish {
  return toWish(getRow(db, wishId));
}

/** The plan's wishes by start date. */
export function listWishes(db: Database.Database, planId: number): VacationWish[] {
  return db.prepare<[number], WishRow>('SELECT * FROM vacation_wishes WHERE plan_id = ? ORDER BY start_date, id').all(planId).map(toWish);
}

export function insertWish(db: Database.Database, planId: number, wish: NewVacationWish): number {
  return Number(
    db
      .prepare(
        'INSERT INTO vacation_wishes (plan_id, employee_id, start_date, end_date, status, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(planId, Number(wish.employeeId), wish.start, wish.end, wish.status ?? 'onsket', wish.note ?? null, nowIso()).lastInsertRowid,
  );
}

/** Employee, days and note (status and the stored cells are left as they are). */
export function updateWishFields(db: Database.Database, wishId: number, wish: NewVacationWish): void {
  db.prepare('UPDATE vacation_wishes SET employee_id = ?, start_date = ?, end_date = ?, note = ? WHERE id = ?').run(
    Number(wish.employeeId),
    wish.start,
    wish.end,
    wish.note ?? null,
    wishId,
  );
}

export function setWishStatus(db: Database.Database, wishId: number, status: WishStatus): void {
  db.prepare('UPDATE vacation_wishes SET status = ? WHERE id = ?').run(status, wishId);
}

/** The cells an approval replaced (empty when none are stored). */
export function wishRestore(db: Database.Database, wishId: number): CellChange[] {
  return restoreOf(getRow(db, wishId));
}

/** Stores (or with null forgets) the cells an approval replaced. */
export function setWishRestore(db: Database.Database, wishId: number, restore: readonly CellChange[] | null): void {
  db.prepare('UPDATE vacation_wishes SET restore_cells = ? WHERE id = ?').run(restore === null ? null : JSON.stringify(restore), wishId);
}

/** false when there was no such wish. */
export function deleteWish(db: Database.Database, wishId: number): boolean {
  return db.prepare('DELETE FROM vacation_wishes WHERE id = ?').run(wishId).changes > 0;
}
