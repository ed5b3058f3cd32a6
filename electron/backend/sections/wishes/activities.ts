/** Timed meetings and courses of a plan (step 3): a time window on one date, some or all employees. */
import type Database from 'better-sqlite3';
import type { WishesApi } from '../../../../shared/api/wishes';
import { absenceCodesOf } from '../../../../shared/plan/model';
import { formatDateNo } from '../../../../shared/calendar';
import { notFound, validation } from '../../errors';
import { deleteActivity, getActivity, insertActivity, listActivities } from '../../store/activities';
import type { PlanRow } from '../../store/plans';
import { planStaffIds, touchPlan } from '../../store/plans';
import { getUnitRow, settingsOf } from '../../store/units';

type ActivityApi = Pick<WishesApi, 'listActivities' | 'addActivity' | 'deleteActivity'>;

export function activityHandlers(db: Database.Database, planOf: (planId: number) => PlanRow): ActivityApi {
  return {
    async listActivities(planId) {
      planOf(planId);
      return listActivities(db, planId);
    },
    async addActivity(planId, activity) {
      return db.transaction(() => {
        const plan = planOf(planId);
        if (activity.date < plan.start_date || activity.date > plan.end_date) {
          throw validation(
            'activity.date',
            `Datoen må ligge i planperioden (${formatDateNo(plan.start_date)} – ${formatDateNo(plan.end_date)}).`,
          );
        }
        const codes = absenceCodesOf({ absenceCodes: settingsOf(getUnitRow(db, plan.unit_id)).absenceCodes }).filter(
          (a) => a.kind === 'meeting' || a.kind === 'training',
        );
        if (!codes.some((a) => a.code === activity.code)) {
          throw validation(
            'activity.code',
            `«${activity.code}» er ikke en kode for møte eller kurs i avdelingen (${codes.map((a) => a.code).join(', ')}).`,
          );
        }
        if (activity.employees !== 'all') {
          const staff = planStaffIds(db, plan);
          const foreign = activity.employees.filter((id) => !staff.has(id));
          if (foreign.length > 0)
            throw validation('activity.employees', 'Noen av de valgte ansatte hører ikke til avdelingen planen gjelder.');
        }
        const id = insertActivity(db, planId, activity);
        touchPlan(db, planId);
        return getActivity(db, id)!;
      })();
    },
    async deleteActivity(activityId) {
      db.transaction(() => {
        const a = getActivity(db, activityId);
        if (!a || !deleteActivity(db, activityId)) throw notFound('aktiviteten', activityId, 'activityId');
        touchPlan(db, a.planId);
      })();
    },
  };
}
