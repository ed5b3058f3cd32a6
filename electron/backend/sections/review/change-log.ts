/**
 * The change log of a plan: cell entries written by the triggers of m020_review, the others by
 * the review section. Kept to MAX_CELL_LOG cell entries per plan by a sweep when the app opens.
 */
import type Database from 'better-sqlite3';
import type { ChangeLogEntry, ReviewApi } from '../../../../shared/api/review';
import { getPlanRow } from '../../store/plans';
import { listChanges, pruneCellLog } from '../../store/review';
import { employeeNamesOf } from '../../store/staff';

/** Cell entries kept per plan in the change log (older ones are pruned when the app opens). */
export const MAX_CELL_LOG = 200_000;

export function changeLogHandlers(db: Database.Database): Pick<ReviewApi, 'listChangeLog'> {
  return {
    async listChangeLog(planId, limit = 500) {
      const p = getPlanRow(db, planId);
      const names = employeeNamesOf(db, p.unit_id);
      return listChanges(db, planId, limit).map(
        (r): ChangeLogEntry => ({
          id: r.id,
          at: r.at,
          userName: r.user_name,
          kind: r.kind,
          employeeId: r.employee_id,
          employeeName: r.employee_id ? (names.get(r.employee_id) ?? null) : null,
          date: r.date,
          before: r.before,
          after: r.after,
          detail: r.detail,
        }),
      );
    },
  };
}

/** Start sweep: the newest MAX_CELL_LOG cell entries per plan stay (the generator may rewrite whole plans). */
export function sweepCellLog(db: Database.Database): void {
  pruneCellLog(db, MAX_CELL_LOG);
}
