/** Ferieønsker of a plan: rows of `vacation_wishes` (m040). */
import type Database from 'better-sqlite3';
import type { NewVacationWish, VacationWish, WishStatus } from '../../../shared/api/wishes';
import { notFound } from '../errors';
import { nowIso } from './util';

interface WishRow { id: number; plan_id: number; employee_id: number; start_date: string; end_date: string; status: WishStatus; note: string | null }

function toWish(r: WishRow): VacationWish {
  const w: VacationWish = {
    id: r.id, planId: r.plan_id, employeeId: String(r.employee_id), start: r.start_date, end: r.end_date, status: r.status,
  };
  if (r.note) w.note = r.note;
  return w;
}

export function getWish(db: Database.Database, wishId: number): VacationWish {
  const r = db.prepare<[number], WishRow>('SELECT * FROM vacation_wishes WHERE id = ?').get(wishId);
  if (!r) throw notFound('ferieønsket', wishId, 'wishId');
  return toWish(r);
}

/** The plan's wishes by start date. */
export function listWishes(db: Database.Database, planId: number): VacationWish[] {
  return db.prepare<[number], WishRow>('SELECT * FROM vacation_wishes WHERE plan_id = ? ORDER BY start_date, id').all(planId).map(toWish);
}

export function insertWish(db: Database.Database, planId: number, wish: NewVacationWish): number {
  return Number(db.prepare(
    'INSERT INTO vacation_wishes (plan_id, employee_id, start_date, end_date, status, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(planId, Number(wish.employeeId), wish.start, wish.end, wish.status ?? 'onsket', wish.note ?? null, nowIso()).lastInsertRowid);
}

export function setWishStatus(db: Database.Database, wishId: number, status: WishStatus): void {
  db.prepare('UPDATE vacation_wishes SET status = ? WHERE id = ?').run(status, wishId);
}

/** false when there was no such wish. */
export function deleteWish(db: Database.Database, wishId: number): boolean {
  return db.prepare('DELETE FROM vacation_wishes WHERE id = ?').run(wishId).changes > 0;
}
