/**
 * Wishes section: ferieønsker per plan (store, list, approve/reject with the replaced cells put
 * back, bulk approve, edit, delete) and the plan's timed activities (meetings, courses).
 */
import type Database from 'better-sqlite3';
import { WISH_ARGS, type NewVacationWish, type WishesApi } from '../../../../shared/api/wishes';
import { formatDateNo } from '../../../../shared/calendar';
import { notFound, validation } from '../../errors';
import type { Section } from '../../section';
import { findPlanRow, planStaffIds, type PlanRow } from '../../store/plans';
import { deleteWish, getWish, insertWish, listWishes, setWishStatus, updateWishFields } from '../../store/wishes';
import { activityHandlers } from './activities';
import { approve, takeBack, withClip } from './approve';

function planOf(db: Database.Database, planId: number, field = 'planId'): PlanRow {
  const plan = findPlanRow(db, planId);
  if (!plan) throw notFound('turnusplanen', planId, field);
  return plan;
}

/** The employee belongs to the plan's unit and the wish touches the period. */
function checkWish(db: Database.Database, plan: PlanRow, wish: NewVacationWish): void {
  // The unit's staff for a real plan; the scenario's (with the people it added) for a scenario's plan.
  if (!planStaffIds(db, plan).has(wish.employeeId))
    throw validation('wish.employeeId', 'Den ansatte hører ikke til avdelingen planen gjelder.');
  if (wish.end < plan.start_date || wish.start > plan.end_date) {
    throw validation(
      'wish.start',
      `Ferieønsket må ligge i planperioden (${formatDateNo(plan.start_date)} – ${formatDateNo(plan.end_date)}).`,
    );
  }
}

export const wishesSection: Section<WishesApi> = {
  name: 'wishes',
  args: WISH_ARGS,
  create(db) {
    const read = (wishId: number) => {
      const w = getWish(db, wishId);
      return withClip(w, planOf(db, w.planId));
    };
    return {
      async listWishes(planId) {
        const plan = planOf(db, planId);
        return listWishes(db, planId).map((w) => withClip(w, plan));
      },
      async addWish(planId, wish) {
        return db.transaction(() => {
          checkWish(db, planOf(db, planId), wish);
          const id = insertWish(db, planId, { ...wish, status: wish.status === 'godkjent' ? 'onsket' : wish.status });
          if (wish.status === 'godkjent') approve(db, getWish(db, id));
          return read(id);
        })();
      },
      async setWishStatus(wishId, status) {
        return db.transaction(() => {
          const w = getWish(db, wishId);
          if (w.status === status) return read(wishId);
          if (status === 'godkjent') approve(db, w);
          else {
            if (w.status === 'godkjent') takeBack(db, w);
            setWishStatus(db, wishId, status);
          }
          return read(wishId);
        })();
      },
      async approveWishes(wishIds) {
        return db.transaction(() => {
          const wishes = wishIds.map((id) => getWish(db, id));
          if (new Set(wishes.map((w) => w.planId)).size > 1)
            throw validation('wishIds', 'Ønskene hører til forskjellige planer; godkjenn dem plan for plan.');
          for (const w of wishes) if (w.status !== 'godkjent') approve(db, getWish(db, w.id));
          return wishes.map((w) => read(w.id));
        })();
      },
      async updateWish(wishId, wish) {
        return db.transaction(() => {
          const w = getWish(db, wishId);
          checkWish(db, planOf(db, w.planId), wish);
          const approved = w.status === 'godkjent';
          if (approved) takeBack(db, w);
          updateWishFields(db, wishId, wish);
          if (approved) approve(db, getWish(db, wishId));
          return read(wishId);
        })();
      },
      async deleteWish(wishId) {
        db.transaction(() => {
          const w = getWish(db, wishId);
          if (w.status === 'godkjent') takeBack(db, w);
          if (!deleteWish(db, wishId)) throw notFound('ferieønsket', wishId, 'wishId');
        })();
      },
      ...activityHandlers(db, (planId) => planOf(db, planId)),
    };
  },
};
