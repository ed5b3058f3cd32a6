/**
 * Wishes section: ferieønsker per plan (store, list, approve/reject, delete). The renderer lays
 * or clears the FE cells itself through setCells, so this section only keeps the wish list.
 */
import { WISH_ARGS, type WishesApi } from '../../../../shared/api/wishes';
import { formatDateNo } from '../../../../shared/calendar';
import { notFound, validation } from '../../errors';
import type { Section } from '../../section';
import { findPlanRow } from '../../store/plans';
import { findEmployeeRow } from '../../store/staff';
import { deleteWish, getWish, insertWish, listWishes, setWishStatus } from '../../store/wishes';

export const wishesSection: Section<WishesApi> = {
  name: 'wishes',
  args: WISH_ARGS,
  create(db) {
    const planOf = (planId: number) => {
      const plan = findPlanRow(db, planId);
      if (!plan) throw notFound('turnusplanen', planId, 'planId');
      return plan;
    };
    return {
      async listWishes(planId) {
        planOf(planId);
        return listWishes(db, planId);
      },
      async addWish(planId, wish) {
        const plan = planOf(planId);
        const emp = findEmployeeRow(db, Number(wish.employeeId));
        if (!emp || emp.unit_id !== plan.unit_id) throw validation('wish.employeeId', 'Den ansatte hører ikke til avdelingen planen gjelder.');
        if (wish.end < plan.start_date || wish.start > plan.end_date) {
          throw validation('wish.start', `Ferieønsket må ligge i planperioden (${formatDateNo(plan.start_date)} – ${formatDateNo(plan.end_date)}).`);
        }
        return getWish(db, insertWish(db, planId, wish));
      },
      async setWishStatus(wishId, status) {
        getWish(db, wishId);
        setWishStatus(db, wishId, status);
        return getWish(db, wishId);
      },
      async deleteWish(wishId) {
        if (!deleteWish(db, wishId)) throw notFound('ferieønsket', wishId, 'wishId');
      },
    };
  },
};
