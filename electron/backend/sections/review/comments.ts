/** Comments on a plan, a person or a date, that can be resolved and reopened. */
import type Database from 'better-sqlite3';
import type { ReviewApi } from '../../../../shared/api/review';
import { formatDateNo } from '../../../../shared/calendar';
import { validation } from '../../errors';
import { getPlanRow } from '../../store/plans';
import { deleteComment, getComment, insertComment, listComments, logChange, setCommentResolved } from '../../store/review';
import { employeeIdsOf } from '../../store/staff';

type CommentsApi = Pick<ReviewApi, 'listComments' | 'addComment' | 'resolveComment' | 'deleteComment'>;

export function commentHandlers(db: Database.Database): CommentsApi {
  return {
    async listComments(planId) {
      getPlanRow(db, planId);
      return listComments(db, planId);
    },

    async addComment(planId, comment) {
      const p = getPlanRow(db, planId);
      if (comment.employeeId !== undefined && !employeeIdsOf(db, p.unit_id).has(comment.employeeId)) {
        throw validation('comment.employeeId', `Den ansatte med id ${comment.employeeId} hører ikke til enheten.`);
      }
      if (comment.date !== undefined && (comment.date < p.start_date || comment.date > p.end_date)) {
        throw validation('comment.date', `Datoen ${formatDateNo(comment.date, false)} ligger utenfor turnusperioden.`);
      }
      const text = comment.text.trim();
      const id = db.transaction(() => {
        const cid = insertComment(db, planId, { employeeId: comment.employeeId ?? null, date: comment.date ?? null, text });
        logChange(db, planId, 'comment', `Kommentar: ${text.slice(0, 200)}`, { employeeId: comment.employeeId, date: comment.date });
        return cid;
      })();
      return getComment(db, id);
    },

    async resolveComment(commentId, resolved) {
      const c = getComment(db, commentId);
      db.transaction(() => {
        setCommentResolved(db, commentId, resolved);
        logChange(db, c.planId, 'comment', `${resolved ? 'Kommentar løst' : 'Kommentar åpnet igjen'}: ${c.text.slice(0, 200)}`, {
          employeeId: c.employeeId,
          date: c.date,
        });
      })();
      return getComment(db, commentId);
    },

    async deleteComment(commentId) {
      const c = getComment(db, commentId);
      db.transaction(() => {
        deleteComment(db, commentId);
        logChange(db, c.planId, 'comment', `Kommentar slettet: ${c.text.slice(0, 200)}`, { employeeId: c.employeeId, date: c.date });
      })();
    },
  };
}
