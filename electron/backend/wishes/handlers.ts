/**
 * Wishes section: ferieønsker per plan (store, list, approve/reject, delete). The renderer lays
 * or clears the FE cells itself through setCells, so this section only keeps the wish list.
 */
import type Database from 'better-sqlite3';
import { WISH_ARGS, type VacationWish, type WishesApi, type WishStatus } from '../../../shared/api/wishes';
import { formatDateNo } from '../../../shared/calendar';
import { notFound, validation } from '../errors';
import type { Section } from '../handlers/section';

interface WishRow { id: number; plan_id: number; employee_id: number; start_date: string; end_date: string; status: WishStatus; note: string | null }

function toWish(r: WishRow): VacationWish {
  const w: VacationWish = {
    id: r.id, planId: r.plan_id, employeeId: String(r.employee_id), start: r.start_date, end: r.end_date, status: r.status,
  };
  if (r.note) w.note = r.note;
  return w;
}

export function createWishHandlers(db: Database.Database): WishesApi {
  const wishRow = (id: number): WishRow => {
    const r = db.prepare('SELECT * FROM vacation_wishes WHERE id = ?').get(id) as WishRow | undefined;
    if (!r) throw notFound('ferieønsket', id, 'wishId');
    return r;
  };
  return {
    async listWishes(planId) {
      if (!db.prepare('SELECT 1 FROM plans WHERE id = ?').get(planId)) throw notFound('turnusplanen', planId, 'planId');
      const rows = db.prepare('SELECT * FROM vacation_wishes WHERE plan_id = ? ORDER BY start_date, id').all(planId) as WishRow[];
      return rows.map(toWish);
    },
    async addWish(planId, wish) {
      const plan = db.prepare('SELECT unit_id, start_date, end_date FROM plans WHERE id = ?').get(planId) as
        { unit_id: number; start_date: string; end_date: string } | undefined;
      if (!plan) throw notFound('turnusplanen', planId, 'planId');
      const emp = db.prepare('SELECT unit_id FROM employees WHERE id = ?').get(Number(wish.employeeId)) as { unit_id: number } | undefined;
      if (!emp || emp.unit_id !== plan.unit_id) throw validation('wish.employeeId', 'Den ansatte hører ikke til avdelingen planen gjelder.');
      if (wish.end < plan.start_date || wish.start > plan.end_date) {
        throw validation('wish.start', `Ferieønsket må ligge i planperioden (${formatDateNo(plan.start_date)} – ${formatDateNo(plan.end_date)}).`);
      }
      const res = db.prepare(
        'INSERT INTO vacation_wishes (plan_id, employee_id, start_date, end_date, status, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(planId, Number(wish.employeeId), wish.start, wish.end, wish.status ?? 'onsket', wish.note ?? null, new Date().toISOString());
      return toWish(wishRow(Number(res.lastInsertRowid)));
    },
    async setWishStatus(wishId, status) {
      wishRow(wishId);
      db.prepare('UPDATE vacation_wishes SET status = ? WHERE id = ?').run(status, wishId);
      return toWish(wishRow(wishId));
    },
    async deleteWish(wishId) {
      const res = db.prepare('DELETE FROM vacation_wishes WHERE id = ?').run(wishId);
      if (res.changes === 0) throw notFound('ferieønsket', wishId, 'wishId');
    },
  };
}

export const wishesSection: Section<WishesApi> = {
  name: 'wishes',
  args: WISH_ARGS,
  create: (db) => createWishHandlers(db),
};
