/**
 * The review tables of a plan: status events, named immutable versions, comments and the
 * change log (m020_review). Cell entries of the log are written by triggers.
 */
import type Database from 'better-sqlite3';
import type { PlanStatus } from '../../../shared/api/core';
import type { ChangeKind, PlanComment, PlanStatusEvent, PlanVersionSummary } from '../../../shared/api/review';
import type { TurnusPlan } from '../../../shared/plan/model';
import { notFound } from '../errors';
import { userName } from './user';
import { nowIso } from './util';
import { assertVersionIntact } from './integrity';

interface VersionRow {
  id: number;
  plan_id: number;
  name: string;
  status: PlanStatus;
  created_by: string;
  created_at: string;
}
interface EventRow {
  id: number;
  plan_id: number;
  status: PlanStatus;
  date: string | null;
  names: string;
  note: string | null;
  version_id: number | null;
  user_name: string;
  created_at: string;
}
interface CommentRow {
  id: number;
  plan_id: number;
  employee_id: string | null;
  date: string | null;
  text: string;
  author: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}
export interface ChangeRow {
  id: number;
  plan_id: number;
  at: string;
  user_name: string;
  kind: ChangeKind;
  employee_id: string | null;
  date: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
}

const toVersion = (r: VersionRow): PlanVersionSummary => ({
  id: r.id,
  planId: r.plan_id,
  name: r.name,
  status: r.status,
  createdBy: r.created_by,
  createdAt: r.created_at,
});
const toEvent = (r: EventRow): PlanStatusEvent => ({
  id: r.id,
  status: r.status,
  date: r.date,
  names: JSON.parse(r.names) as string[],
  note: r.note,
  versionId: r.version_id,
  userName: r.user_name,
  createdAt: r.created_at,
});
const toComment = (r: CommentRow): PlanComment => ({
  id: r.id,
  planId: r.plan_id,
  employeeId: r.employee_id,
  date: r.date,
  text: r.text,
  author: r.author,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
});

// --- status events -------------------------------------------------------------------------

/** The plan's status changes, oldest first. */
export function listStatusEvents(db: Database.Database, planId: number): PlanStatusEvent[] {
  return db.prepare<[number], EventRow>('SELECT * FROM plan_status_events WHERE plan_id = ? ORDER BY id').all(planId).map(toEvent);
}

export function insertStatusEvent(
  db: Database.Database,
  planId: number,
  e: { status: PlanStatus; date: string; names: string[]; note: string | null; versionId: number | null },
): void {
  db.prepare(
    'INSERT INTO plan_status_events (plan_id, status, date, names, note, version_id, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(planId, e.status, e.date, JSON.stringify(e.names), e.note, e.versionId, userName(db), nowIso());
}

/** When and with whom the plan was last put to drøfting and approved (as far as its status still says so). */
export function statusRecord(
  db: Database.Database,
  planId: number,
  status: PlanStatus,
): {
  drofting: PlanStatusEvent | null;
  godkjent: PlanStatusEvent | null;
  events: PlanStatusEvent[];
} {
  const events = listStatusEvents(db, planId);
  const lastOf = (s: PlanStatus) => [...events].reverse().find((e) => e.status === s) ?? null;
  return {
    drofting: status === 'utkast' ? null : lastOf('til_drofting'),
    godkjent: status === 'godkjent' ? lastOf('godkjent') : null,
    events,
  };
}

// --- versions ------------------------------------------------------------------------------

export function listVersions(db: Database.Database, planId: number): PlanVersionSummary[] {
  return db
    .prepare<[number], VersionRow>(
      'SELECT id, plan_id, name, status, created_by, created_at FROM plan_versions WHERE plan_id = ? ORDER BY id DESC',
    )
    .all(planId)
    .map(toVersion);
}

export function getVersion(
  db: Database.Database,
  versionId: number,
  field = 'versionId',
): { version: PlanVersionSummary; file: TurnusPlan } {
  const row = db
    .prepare<[number], VersionRow & { file: string }>(
      'SELECT id, plan_id, name, status, created_by, created_at, file FROM plan_versions WHERE id = ?',
    )
    .get(versionId);
  if (!row) throw notFound('versjonen', versionId, field);
  assertVersionIntact(db, versionId); // a changed saved version is refused (integrity.ts)
  return { version: toVersion(row), file: JSON.parse(row.file) as TurnusPlan };
}

/** Saves a named immutable copy of the plan file; returns its id. */
export function insertVersion(db: Database.Database, planId: number, name: string, status: PlanStatus, file: TurnusPlan): number {
  return Number(
    db
      .prepare('INSERT INTO plan_versions (plan_id, name, status, file, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(planId, name, status, JSON.stringify(file), userName(db), nowIso()).lastInsertRowid,
  );
}

/** The newest version taken when the plan was approved (the review pack diffs against it). */
export function lastApprovedVersionId(db: Database.Database, planId: number): number | null {
  return (
    db
      .prepare<[number], { id: number }>("SELECT id FROM plan_versions WHERE plan_id = ? AND status = 'godkjent' ORDER BY id DESC LIMIT 1")
      .get(planId)?.id ?? null
  );
}

// --- comments ------------------------------------------------------------------------------

export function listComments(db: Database.Database, planId: number): PlanComment[] {
  return db.prepare<[number], CommentRow>('SELECT * FROM plan_comments WHERE plan_id = ? ORDER BY id').all(planId).map(toComment);
}

export function getComment(db: Database.Database, commentId: number, field = 'commentId'): PlanComment {
  const row = db.prepare<[number], CommentRow>('SELECT * FROM plan_comments WHERE id = ?').get(commentId);
  if (!row) throw notFound('kommentaren', commentId, field);
  return toComment(row);
}

export function insertComment(
  db: Database.Database,
  planId: number,
  c: { employeeId: string | null; date: string | null; text: string },
): number {
  return Number(
    db
      .prepare('INSERT INTO plan_comments (plan_id, employee_id, date, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(planId, c.employeeId, c.date, c.text, userName(db), nowIso()).lastInsertRowid,
  );
}

export function setCommentResolved(db: Database.Database, commentId: number, resolved: boolean): void {
  db.prepare('UPDATE plan_comments SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(
    resolved ? nowIso() : null,
    resolved ? userName(db) : null,
    commentId,
  );
}

export function deleteComment(db: Database.Database, commentId: number): void {
  db.prepare('DELETE FROM plan_comments WHERE id = ?').run(commentId);
}

// --- change log ----------------------------------------------------------------------------

/** A non-cell entry of the change log, by the current user. */
export function logChange(
  db: Database.Database,
  planId: number,
  kind: ChangeKind,
  detail: string,
  extra: { employeeId?: string | null; date?: string | null } = {},
): void {
  db.prepare(
    'INSERT INTO plan_changes (plan_id, at, user_name, kind, employee_id, date, before, after, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(planId, nowIso(), userName(db), kind, extra.employeeId ?? null, extra.date ?? null, null, null, detail);
}

/** The id of the newest change-log entry (0 for none): a mark to label what is written after it. */
export function lastChangeId(db: Database.Database): number {
  return db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM plan_changes').get()?.id ?? 0;
}

/** Gives the plan's cell entries written after `afterId` (by the triggers) a detail, e.g. the scenario they came from. */
export function labelCellChangesSince(db: Database.Database, planId: number, afterId: number, detail: string): void {
  db.prepare("UPDATE plan_changes SET detail = ? WHERE plan_id = ? AND kind = 'cell' AND id > ?").run(detail, planId, afterId);
}

/** Newest first, at most `limit`. */
export function listChanges(db: Database.Database, planId: number, limit: number): ChangeRow[] {
  return db
    .prepare<[number, number], ChangeRow>('SELECT * FROM plan_changes WHERE plan_id = ? ORDER BY id DESC LIMIT ?')
    .all(planId, limit);
}

/** Cell entries of the plan's log written after `since` (an ISO timestamp). */
export function countCellChangesSince(db: Database.Database, planId: number, since: string): number {
  return (
    db
      .prepare<[number, string], { n: number }>("SELECT count(*) AS n FROM plan_changes WHERE plan_id = ? AND kind = 'cell' AND at > ?")
      .get(planId, since)?.n ?? 0
  );
}

/** Keeps the newest `keep` cell entries per plan; returns how many were deleted. */
export function pruneCellLog(db: Database.Database, keep: number): number {
  return db
    .prepare(
      `DELETE FROM plan_changes WHERE id IN (
       SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY plan_id ORDER BY id DESC) AS rn
                       FROM plan_changes WHERE kind = 'cell') WHERE rn > ?)`,
    )
    .run(keep).changes;
}
