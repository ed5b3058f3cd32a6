/**
 * Review section (issue 8): status utkast → til drøfting → godkjent with dates and names,
 * named immutable versions, diff, comments, change log, exports and staff import.
 *
 * The plan itself is read through the core handlers (one place that turns rows into a plan
 * file). Cell changes reach the change log through the triggers of m020_review.
 */
import os from 'node:os';
import type Database from 'better-sqlite3';
import type { Employee, TurnusPlan } from '../../../shared/plan/model';
import type { PlanDetail, PlanStatus } from '../../../shared/api';
import {
  REVIEW_ARGS, type ChangeKind, type ChangeLogEntry, type ExportedFile, type PlanComment, type PlanStatusEvent,
  type PlanVersionSummary, type ReviewApi, type ReviewState, type StatusChange, type VersionRef,
} from '../../../shared/api/review';
import { formatDateNo, fromDay, osloOffsetAtLocal } from '../../../shared/calendar';
import { diffPlans, type PlanDiff } from '../../../shared/review/diff';
import { analyzePlan } from '../../../shared/review/analysis';
import { droftingDeadline, STATUS_LABEL } from '../../../shared/review/pack';
import { validateStaffTable, parseCsvTable, type ColumnMapping, type StaffImportPreview } from '../../../shared/exchange/staff-import';
import { DomainError, notFound, validation } from '../errors';
import { createCoreHandlers } from '../handlers/core';
import type { HandlerContext } from '../handlers/context';
import type { Section } from '../handlers/section';
import { buildExport, reviewPackHtmlOf, type ExportContext } from '../exchange/export';
import { readXlsxTable } from '../exchange/xlsx';
import { commitPlanImport, previewPlanImport } from './plan-import';
import { assertVersionIntact } from '../integrity';

const nowIso = () => new Date().toISOString();

/** Cell entries kept per plan in the change log (older ones are pruned when the app opens). */
export const MAX_CELL_LOG = 200_000;

/** Today's calendar date in Europe/Oslo. */
export function osloToday(now = Date.now()): string {
  const utc = Math.floor(now / 60_000);
  const local = utc + osloOffsetAtLocal(utc + 60);
  return fromDay(Math.floor(local / 1440));
}

/** The OS user (`os.userInfo().username`), unless TURNUS_USER is set. */
export function defaultUserName(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TURNUS_USER?.trim()) return env.TURNUS_USER.trim().slice(0, 100);
  try {
    const n = os.userInfo().username.trim();
    if (n) return n.slice(0, 100);
  } catch {
    // no passwd entry (some containers)
  }
  return 'ukjent';
}

/** The aml § 10-3 warning when drøfting comes later than 14 days before the start. */
export function droftingWarning(plan: Pick<TurnusPlan, 'period'>, droftingDate: string): string | null {
  const deadline = droftingDeadline(plan);
  if (droftingDate <= deadline) return null;
  return `Planen ble lagt fram til drøfting ${formatDateNo(droftingDate, false)}, senere enn fristen ${formatDateNo(deadline, false)}: ` +
    'arbeidsplanen skal drøftes med de tillitsvalgte senest to uker før den settes i verk (aml § 10-3).';
}

interface VersionRow { id: number; plan_id: number; name: string; status: PlanStatus; created_by: string; created_at: string }
interface EventRow { id: number; plan_id: number; status: PlanStatus; date: string | null; names: string; note: string | null; version_id: number | null; user_name: string; created_at: string }
interface CommentRow { id: number; plan_id: number; employee_id: string | null; date: string | null; text: string; author: string; created_at: string; resolved_at: string | null; resolved_by: string | null }
interface ChangeRow { id: number; plan_id: number; at: string; user_name: string; kind: ChangeKind; employee_id: string | null; date: string | null; before: string | null; after: string | null; detail: string | null }

const toVersion = (r: VersionRow): PlanVersionSummary => ({
  id: r.id, planId: r.plan_id, name: r.name, status: r.status, createdBy: r.created_by, createdAt: r.created_at,
});
const toEvent = (r: EventRow): PlanStatusEvent => ({
  id: r.id, status: r.status, date: r.date, names: JSON.parse(r.names) as string[], note: r.note,
  versionId: r.version_id, userName: r.user_name, createdAt: r.created_at,
});
const toComment = (r: CommentRow): PlanComment => ({
  id: r.id, planId: r.plan_id, employeeId: r.employee_id, date: r.date, text: r.text, author: r.author,
  createdAt: r.created_at, resolvedAt: r.resolved_at, resolvedBy: r.resolved_by,
});

export function createReviewHandlers(db: Database.Database, ctx: HandlerContext): ReviewApi {
  const core = createCoreHandlers(db, ctx);
  const q = {
    setting: db.prepare<[string], { value: string }>('SELECT value FROM review_settings WHERE key = ?'),
    putSetting: db.prepare('INSERT INTO review_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    delSetting: db.prepare('DELETE FROM review_settings WHERE key = ?'),
    session: db.prepare('UPDATE review_session SET user_name = ? WHERE id = 1'),
    planRow: db.prepare<[number], { id: number; unit_id: number; status: PlanStatus; start_date: string; end_date: string }>(
      'SELECT id, unit_id, status, start_date, end_date FROM plans WHERE id = ?'),
    setStatus: db.prepare('UPDATE plans SET status = ? WHERE id = ?'),
    versions: db.prepare<[number], VersionRow>('SELECT id, plan_id, name, status, created_by, created_at FROM plan_versions WHERE plan_id = ? ORDER BY id DESC'),
    version: db.prepare<[number], VersionRow & { file: string }>('SELECT id, plan_id, name, status, created_by, created_at, file FROM plan_versions WHERE id = ?'),
    insVersion: db.prepare('INSERT INTO plan_versions (plan_id, name, status, file, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    events: db.prepare<[number], EventRow>('SELECT * FROM plan_status_events WHERE plan_id = ? ORDER BY id'),
    insEvent: db.prepare('INSERT INTO plan_status_events (plan_id, status, date, names, note, version_id, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    comments: db.prepare<[number], CommentRow>('SELECT * FROM plan_comments WHERE plan_id = ? ORDER BY id'),
    comment: db.prepare<[number], CommentRow>('SELECT * FROM plan_comments WHERE id = ?'),
    insComment: db.prepare('INSERT INTO plan_comments (plan_id, employee_id, date, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    resolve: db.prepare('UPDATE plan_comments SET resolved_at = ?, resolved_by = ? WHERE id = ?'),
    delComment: db.prepare('DELETE FROM plan_comments WHERE id = ?'),
    log: db.prepare('INSERT INTO plan_changes (plan_id, at, user_name, kind, employee_id, date, before, after, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    changes: db.prepare<[number, number], ChangeRow>('SELECT * FROM plan_changes WHERE plan_id = ? ORDER BY id DESC LIMIT ?'),
    unitEmployees: db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM employees WHERE unit_id = ?'),
    cellChangesSince: db.prepare<[number, string], { n: number }>("SELECT count(*) AS n FROM plan_changes WHERE plan_id = ? AND kind = 'cell' AND at > ?"),
    unitExists: db.prepare<[number], { id: number }>('SELECT id FROM units WHERE id = ?'),
  };

  // Keep the newest MAX_CELL_LOG cell entries per plan (the generator may rewrite whole plans).
  db.prepare(
    `DELETE FROM plan_changes WHERE id IN (
       SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY plan_id ORDER BY id DESC) AS rn
                       FROM plan_changes WHERE kind = 'cell') WHERE rn > ?)`).run(MAX_CELL_LOG);

  function userName(): string {
    return q.setting.get('userName')?.value ?? defaultUserName();
  }
  q.session.run(userName());

  function planRow(planId: number) {
    const row = q.planRow.get(planId);
    if (!row) throw notFound('turnusen', planId, 'planId');
    return row;
  }

  function log(planId: number, kind: ChangeKind, detail: string, extra: { employeeId?: string | null; date?: string | null } = {}) {
    q.log.run(planId, nowIso(), userName(), kind, extra.employeeId ?? null, extra.date ?? null, null, null, detail);
  }

  async function currentPlan(planId: number): Promise<PlanDetail> {
    return core.getPlan(planId);
  }

  function snapshot(planId: number, detail: PlanDetail, name: string): number {
    return Number(q.insVersion.run(planId, name, detail.status, JSON.stringify(detail.file), userName(), nowIso()).lastInsertRowid);
  }

  function versionRow(versionId: number, field = 'versionId') {
    const row = q.version.get(versionId);
    if (!row) throw notFound('versjonen', versionId, field);
    assertVersionIntact(db, versionId); // integrity.ts: a changed saved version is refused
    return row;
  }

  function state(planId: number): ReviewState {
    const p = planRow(planId);
    const events = q.events.all(planId).map(toEvent);
    const versions = q.versions.all(planId).map(toVersion);
    const lastOf = (s: PlanStatus) => [...events].reverse().find((e) => e.status === s) ?? null;
    const drofting = p.status === 'utkast' ? null : lastOf('til_drofting');
    const godkjent = p.status === 'godkjent' ? lastOf('godkjent') : null;
    const period = { start: p.start_date, end: p.end_date };
    const deadline = droftingDeadline({ period });
    const warnings: string[] = [];
    if (drofting?.date) {
      const w = droftingWarning({ period }, drofting.date);
      if (w) warnings.push(w);
    } else if (p.status === 'utkast') {
      const today = osloToday();
      if (today > deadline && today <= p.end_date) {
        warnings.push(`Fristen for å drøfte planen med de tillitsvalgte var ${formatDateNo(deadline, false)} ` +
          `(senest to uker før start ${formatDateNo(p.start_date, false)}, aml § 10-3).`);
      }
    }
    const last = events.length ? events[events.length - 1] : null;
    if (last && last.status !== 'utkast') {
      const n = q.cellChangesSince.get(planId, last.createdAt)?.n ?? 0;
      if (n > 0) {
        warnings.push(`${n} ${n === 1 ? 'celle er' : 'celler er'} endret etter at planen ble satt til «${STATUS_LABEL[last.status].toLowerCase()}»` +
          `${last.date ? ` ${formatDateNo(last.date, false)}` : ''}. Endringene står i diffen mot den lagrede versjonen; ` +
          'vesentlige endringer bør drøftes på nytt.');
      }
    }
    const approved = versions.find((v) => v.status === 'godkjent') ?? null;
    return {
      planId,
      status: p.status,
      droftingDate: drofting?.date ?? null,
      droftingNames: drofting?.names ?? [],
      godkjentDate: godkjent?.date ?? null,
      godkjentNames: godkjent?.names ?? [],
      droftingDeadline: deadline,
      warnings,
      history: events,
      versions,
      lastApprovedVersionId: approved?.id ?? null,
    };
  }

  async function planAt(planId: number, ref: VersionRef, field: string): Promise<{ file: TurnusPlan; label: string }> {
    if (ref === 'current') return { file: (await currentPlan(planId)).file, label: 'nå' };
    const v = versionRow(ref, field);
    if (v.plan_id !== planId) throw notFound('versjonen', ref, field);
    return { file: JSON.parse(v.file) as TurnusPlan, label: v.name };
  }

  async function packContext(planId: number, paper?: 'A4' | 'A3'): Promise<{ plan: TurnusPlan; ctx: ExportContext }> {
    const detail = await currentPlan(planId);
    const st = state(planId);
    let diff: PlanDiff | null = null;
    let diffAgainst: string | null = null;
    if (st.lastApprovedVersionId !== null) {
      const v = versionRow(st.lastApprovedVersionId);
      diff = diffPlans(JSON.parse(v.file) as TurnusPlan, detail.file, analyzePlan);
      diffAgainst = v.name;
    }
    const comments = q.comments.all(planId).map((c) => ({
      employeeId: c.employee_id, date: c.date, text: c.text, author: c.author, createdAt: c.created_at, resolved: c.resolved_at !== null,
    }));
    return {
      plan: detail.file,
      ctx: {
        planName: detail.name,
        status: {
          status: st.status, droftingDate: st.droftingDate, droftingNames: st.droftingNames,
          godkjentDate: st.godkjentDate, godkjentNames: st.godkjentNames,
        },
        diff, diffAgainst, comments,
        generatedAt: nowIso(),
        generatedBy: userName(),
        paper,
        planKey: `plan-${planId}`,
      },
    };
  }

  /** Decodes an uploaded staff file into a table (CSV in UTF-8 or Windows-1252, or XLSX). */
  async function staffPreview(unitId: number, file: { name: string; base64: string }, mapping?: ColumnMapping): Promise<StaffImportPreview> {
    if (!q.unitExists.get(unitId)) throw notFound('enheten', unitId, 'unitId');
    const data = Buffer.from(file.base64, 'base64');
    const lower = file.name.toLowerCase();
    const existingNames = q.unitEmployees.all(unitId).map((e) => e.name);
    if (lower.endsWith('.xlsx')) {
      const table = await readXlsxTable(data);
      return validateStaffTable(table, { mapping, existingNames });
    }
    if (lower.endsWith('.xls')) {
      throw validation('file.name', `Filen «${file.name}» er i det gamle Excel-formatet (.xls). Lagre den som .xlsx eller .csv og prøv igjen.`);
    }
    if (!/\.(csv|txt|tsv)$/.test(lower)) {
      throw validation('file.name', `Filen «${file.name}» er verken CSV (.csv) eller Excel (.xlsx).`);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      text = new TextDecoder('windows-1252').decode(data); // «CSV (semikolondelt)» from Norwegian Excel
    }
    if (text.includes('\u0000')) throw validation('file', `Filen «${file.name}» ser ikke ut som en tekstfil (CSV).`);
    const { table, errors } = parseCsvTable(text);
    const preview = validateStaffTable(table, { mapping, existingNames });
    if (errors.length) {
      preview.errors = [...errors, ...preview.errors].sort((a, b) => a.line - b.line);
      preview.ok = false;
    }
    return preview;
  }

  const api: ReviewApi = {
    async getUserName() {
      return userName();
    },

    async setUserName(name) {
      if (name === null) q.delSetting.run('userName');
      else q.putSetting.run('userName', name.trim());
      const n = userName();
      q.session.run(n);
      return n;
    },

    async getReviewState(planId) {
      return state(planId);
    },

    async setPlanStatus(planId, change: StatusChange) {
      const detail = await currentPlan(planId);
      return db.transaction(() => {
        const p = planRow(planId);
        const from = p.status;
        const to = change.status;
        if (to === 'godkjent' && from === 'utkast') {
          throw validation('change.status', 'Planen må legges fram til drøfting med de tillitsvalgte før den kan godkjennes (aml § 10-3).');
        }
        if (to !== 'utkast' && change.names.length === 0) {
          throw validation('change.names', to === 'til_drofting'
            ? 'Skriv navnet på minst én tillitsvalgt planen legges fram for.'
            : 'Skriv navnet på minst én som godkjente planen.');
        }
        if (to === 'godkjent') {
          const st = state(planId);
          if (st.droftingDate && change.date < st.droftingDate) {
            throw validation('change.date', `Godkjenningsdatoen ${formatDateNo(change.date, false)} er før drøftingen ${formatDateNo(st.droftingDate, false)}.`);
          }
        }
        q.setStatus.run(to, planId);
        let versionId: number | null = null;
        if (to !== 'utkast') {
          const name = change.versionName ?? `${STATUS_LABEL[to]} ${formatDateNo(change.date, false)}`;
          versionId = snapshot(planId, { ...detail, status: to }, name);
        }
        q.insEvent.run(planId, to, change.date, JSON.stringify(change.names), change.note ?? null, versionId, userName(), nowIso());
        log(planId, 'status', `Status: ${STATUS_LABEL[from]} → ${STATUS_LABEL[to]} (${formatDateNo(change.date, false)}` +
          `${change.names.length ? `, ${change.names.join(', ')}` : ''})`);
        return state(planId);
      })();
    },

    async listVersions(planId) {
      planRow(planId);
      return q.versions.all(planId).map(toVersion);
    },

    async createVersion(planId, name) {
      const detail = await currentPlan(planId);
      const id = db.transaction(() => {
        const vid = snapshot(planId, detail, name.trim());
        log(planId, 'version', `Versjon lagret: «${name.trim()}»`);
        return vid;
      })();
      return toVersion(versionRow(id));
    },

    async getVersion(versionId) {
      const v = versionRow(versionId);
      return { version: toVersion(v), file: JSON.parse(v.file) as TurnusPlan };
    },

    async diffPlan(planId, from, to) {
      planRow(planId);
      const a = await planAt(planId, from, 'from');
      const b = await planAt(planId, to, 'to');
      return diffPlans(a.file, b.file, analyzePlan);
    },

    async listComments(planId) {
      planRow(planId);
      return q.comments.all(planId).map(toComment);
    },

    async addComment(planId, comment) {
      const p = planRow(planId);
      if (comment.employeeId !== undefined && !q.unitEmployees.all(p.unit_id).some((e) => String(e.id) === comment.employeeId)) {
        throw validation('comment.employeeId', `Den ansatte med id ${comment.employeeId} hører ikke til enheten.`);
      }
      if (comment.date !== undefined && (comment.date < p.start_date || comment.date > p.end_date)) {
        throw validation('comment.date', `Datoen ${formatDateNo(comment.date, false)} ligger utenfor turnusperioden.`);
      }
      const id = db.transaction(() => {
        const cid = Number(q.insComment.run(planId, comment.employeeId ?? null, comment.date ?? null, comment.text.trim(), userName(), nowIso()).lastInsertRowid);
        log(planId, 'comment', `Kommentar: ${comment.text.trim().slice(0, 200)}`, { employeeId: comment.employeeId, date: comment.date });
        return cid;
      })();
      return toComment(q.comment.get(id)!);
    },

    async resolveComment(commentId, resolved) {
      const c = q.comment.get(commentId);
      if (!c) throw notFound('kommentaren', commentId, 'commentId');
      db.transaction(() => {
        q.resolve.run(resolved ? nowIso() : null, resolved ? userName() : null, commentId);
        log(c.plan_id, 'comment', `${resolved ? 'Kommentar løst' : 'Kommentar åpnet igjen'}: ${c.text.slice(0, 200)}`, { employeeId: c.employee_id, date: c.date });
      })();
      return toComment(q.comment.get(commentId)!);
    },

    async deleteComment(commentId) {
      const c = q.comment.get(commentId);
      if (!c) throw notFound('kommentaren', commentId, 'commentId');
      db.transaction(() => {
        q.delComment.run(commentId);
        log(c.plan_id, 'comment', `Kommentar slettet: ${c.text.slice(0, 200)}`, { employeeId: c.employee_id, date: c.date });
      })();
    },

    async listChangeLog(planId, limit = 500) {
      const p = planRow(planId);
      const names = new Map(q.unitEmployees.all(p.unit_id).map((e) => [String(e.id), e.name]));
      return q.changes.all(planId, limit).map((r): ChangeLogEntry => ({
        id: r.id, at: r.at, userName: r.user_name, kind: r.kind, employeeId: r.employee_id,
        employeeName: r.employee_id ? (names.get(r.employee_id) ?? null) : null,
        date: r.date, before: r.before, after: r.after, detail: r.detail,
      }));
    },

    async reviewPackHtml(planId, options) {
      const { plan, ctx } = await packContext(planId, options?.paper);
      return reviewPackHtmlOf(plan, ctx);
    },

    async exportPlan(planId, format, options) {
      const { plan, ctx } = await packContext(planId, options?.paper);
      const files = await buildExport(plan, format, ctx);
      return { files: files.map((f): ExportedFile => ({ name: f.name, mimeType: f.mimeType, base64: f.data.toString('base64') })) };
    },

    async previewStaffImport(unitId, file, mapping) {
      return staffPreview(unitId, file, mapping);
    },

    async commitStaffImport(unitId, file, mapping) {
      const preview = await staffPreview(unitId, file, mapping);
      if (!preview.ok) {
        const n = preview.errors.length;
        const first = preview.errors.slice(0, 5).map((e) => e.message).join(' ');
        throw new DomainError('VALIDATION', n === 0
          ? 'Importen er ikke gjort: filen har ingen ansatte å importere.'
          : `Importen er ikke gjort: ${n} ${n === 1 ? 'feil' : 'feil'} må rettes først. ${first}${n > 5 ? ' …' : ''}`, 'file');
      }
      const now = nowIso();
      const ins = db.prepare(
        `INSERT INTO employees (unit_id, name, competence, position, wanted_position, weekly_hours, consents_long_shifts,
           night_exempt, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const ids = db.transaction(() => preview.employees.map((e) => Number(ins.run(
        unitId, e.name, e.competence, e.position, e.wantedPosition ?? null, e.weeklyHours ?? null,
        e.consentsLongShifts ? 1 : 0, e.nightExempt ? 1 : 0, now, now).lastInsertRowid)))();
      const byId = new Map((await core.getUnit(unitId)).employees.map((e) => [e.id, e]));
      const created: Employee[] = ids.map((id) => byId.get(String(id))).filter((e): e is Employee => e !== undefined);
      return { created };
    },

    async previewPlanImport(text) {
      return previewPlanImport(text);
    },

    async commitPlanImport(text, planName) {
      return commitPlanImport(db, core, text, planName);
    },
  };
  return api;
}

/** The review section for the handler registry (handlers/index.ts). */
export const reviewSection: Section<ReviewApi> = {
  name: 'review',
  args: REVIEW_ARGS,
  create: createReviewHandlers,
};

