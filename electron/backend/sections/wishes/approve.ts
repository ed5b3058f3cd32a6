/**
 * Approving a ferieønske lays FE on its days in the period and remembers what it replaced;
 * taking the approval back (reject, edit, delete) puts exactly those cells back. Cells the user
 * has changed since (no longer FE) and days another approved wish of the same person covers are
 * left alone. Callers run these inside their own transaction.
 */
import type Database from 'better-sqlite3';
import type { VacationWish } from '../../../../shared/api/wishes';
import { approvalChanges } from '../../../../shared/plan/ferie-impact';
import { absenceCodesOf, type TurnusPlan } from '../../../../shared/plan/model';
import { formatDateNo } from '../../../../shared/calendar';
import { validation } from '../../errors';
import { listAssignments, writeCells } from '../../store/cells';
import { readPlan, touchPlan, type PlanRow } from '../../store/plans';
import { listWishes, setWishRestore, setWishStatus, wishRestore } from '../../store/wishes';

/** The code an approved wish is laid with: FE, else the unit's first vacation code. */
export function vacationCodeOf(plan: Pick<TurnusPlan, 'absenceCodes'>): string {
  const codes = absenceCodesOf(plan);
  const code = codes.find((a) => a.code === 'FE' && a.kind === 'vacation') ?? codes.find((a) => a.kind === 'vacation');
  if (!code) throw validation('status', 'Avdelingen har ingen fraværskode for ferie. Legg inn FE under «Avtaler og regler».');
  return code.code;
}

/** Lays the wish (status godkjent) on the plan as it is stored now. */
export function approve(db: Database.Database, w: VacationWish): void {
  const plan = readPlan(db, w.planId).file;
  const r = approvalChanges(plan, { employeeId: w.employeeId, from: w.start, to: w.end, code: vacationCodeOf(plan) });
  writeCells(db, w.planId, r.changes);
  setWishRestore(db, w.id, r.restore);
  setWishStatus(db, w.id, 'godkjent');
  if (r.changes.length > 0) touchPlan(db, w.planId);
}

/** Puts back what the approval of `w` replaced and forgets it (the status is the caller's). */
export function takeBack(db: Database.Database, w: VacationWish): number {
  const restore = wishRestore(db, w.id);
  setWishRestore(db, w.id, null);
  if (restore.length === 0) return 0;
  const plan = readPlan(db, w.planId).file;
  const code = vacationCodeOf(plan);
  const now = new Map(
    listAssignments(db, w.planId)
      .filter((a) => a.employee === w.employeeId)
      .map((a) => [a.date, a.code]),
  );
  const others = listWishes(db, w.planId).filter((o) => o.id !== w.id && o.status === 'godkjent' && o.employeeId === w.employeeId);
  const back = restore
    .filter((r) => now.get(r.date) === code && !others.some((o) => o.start <= r.date && r.date <= o.end))
    .map((r) => ({ employeeId: w.employeeId, date: r.date, code: r.code, pinned: r.pinned === true }));
  writeCells(db, w.planId, back);
  if (back.length > 0) touchPlan(db, w.planId);
  return back.length;
}

/** The wish with a note when it runs outside the plan period. */
export function withClip(w: VacationWish, plan: Pick<PlanRow, 'start_date' | 'end_date'>): VacationWish {
  if (w.start >= plan.start_date && w.end <= plan.end_date) return w;
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text; Math.max would coerce them to NaN
  const from = w.start < plan.start_date ? plan.start_date : w.start;
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text; Math.min would coerce them to NaN
  const to = w.end > plan.end_date ? plan.end_date : w.end;
  return {
    ...w,
    clipped: `Ønsket går utenfor planperioden; bare ${formatDateNo(from, false)}–${formatDateNo(to, false)} ligger i denne planen. Resten tas med i neste plan.`,
  };
}
