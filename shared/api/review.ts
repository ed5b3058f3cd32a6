/**
 * API section: Plan status (utkast / til drøfting / godkjent), versions, diff, comments, change log, exports and imports (issue 8).
 * Add methods to the interface and to REVIEW_METHODS together; shared/api.ts composes
 * the sections into TurnusApi. REVIEW_ARGS holds the zod argument schema of every method.
 *
 * Files travel as base64 in both directions (JSON-safe, identical in Electron and browser
 * mode): an export returns `{ files: [{ name, mimeType, base64 }] }` for the renderer to
 * download or save; an import takes `{ name, base64 }` read from a file input.
 */
import { z } from 'zod';
import type { Employee, TurnusPlan } from '../plan/model';
import type { PlanDetail, PlanStatus } from './core';
import { optional, sig, zDate, zId, type Signatures } from './args';
import type { PlanDiff } from '../review/diff';
import type { ColumnMapping, StaffImportPreview } from '../exchange/staff-import';

export type { PlanDiff } from '../review/diff';
export type { StaffImportPreview, ColumnMapping } from '../exchange/staff-import';

export interface PlanVersionSummary {
  id: number;
  planId: number;
  name: string;
  /** The plan's status when the version was taken. */
  status: PlanStatus;
  createdBy: string;
  createdAt: string;
}

export interface PlanStatusEvent {
  id: number;
  status: PlanStatus;
  date: string | null;
  names: string[];
  note: string | null;
  versionId: number | null;
  userName: string;
  createdAt: string;
}

export interface ReviewState {
  planId: number;
  status: PlanStatus;
  /** When the plan was last put to drøfting, and with whom (tillitsvalgte). */
  droftingDate: string | null;
  droftingNames: string[];
  godkjentDate: string | null;
  godkjentNames: string[];
  /** Start − 14 days: the last day for drøfting (aml § 10-3). */
  droftingDeadline: string;
  /** Norwegian warnings to show next to the status (e.g. the 14-day notice). */
  warnings: string[];
  history: PlanStatusEvent[];
  versions: PlanVersionSummary[];
  /** The newest version taken when the plan was approved; the review pack diffs against it. */
  lastApprovedVersionId: number | null;
}

export interface StatusChange {
  status: PlanStatus;
  /** The date of the meeting or decision (yyyy-mm-dd). */
  date: string;
  /** Tillitsvalgte (and others) present / signing. */
  names: string[];
  note?: string;
  /** Name of the version saved with the change; default «Til drøfting 12.03.2026» etc. */
  versionName?: string;
}

/** A version id, or 'current' for the plan as it is now. */
export type VersionRef = number | 'current';

export interface PlanComment {
  id: number;
  planId: number;
  /** Employee id as in the plan file (String(database id)); null = the whole plan or a date. */
  employeeId: string | null;
  date: string | null;
  text: string;
  author: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface NewComment {
  employeeId?: string;
  date?: string;
  text: string;
}

export type ChangeKind = 'cell' | 'status' | 'version' | 'comment' | 'import' | 'plan';

export interface ChangeLogEntry {
  id: number;
  at: string;
  userName: string;
  kind: ChangeKind;
  employeeId: string | null;
  employeeName: string | null;
  date: string | null;
  before: string | null;
  after: string | null;
  /** Norwegian description for non-cell entries. */
  detail: string | null;
}

/** 'ics' = one calendar file per employee; 'ics-zip' = the same files in one .zip (one download). */
export type ExportFormat = 'xlsx' | 'csv' | 'csv-grid' | 'ics' | 'ics-zip' | 'pdf' | 'html' | 'turnus';

export interface ExportOptions {
  /** Paper for the review pack (pdf/html): A4 (default) or A3, always landscape. */
  paper?: 'A4' | 'A3';
}

export interface ExportedFile {
  name: string;
  mimeType: string;
  base64: string;
}

export interface ExportResult {
  files: ExportedFile[];
}

export interface ImportFile {
  /** The file name (its extension decides CSV or XLSX). */
  name: string;
  base64: string;
}

export interface PlanImportPreview {
  ok: boolean;
  /** Norwegian messages naming the field, e.g. «employees[2].position: …». */
  errors: string[];
  warnings: string[];
  unitName: string | null;
  period: { start: string; end: string } | null;
  employees: number;
  assignments: number;
  shiftTypes: string[];
}

export interface ReviewApi {
  /** The name the change log and comments record (OS user unless overridden). */
  getUserName(): Promise<string>;
  /** Overrides the user name; null goes back to the OS user. */
  setUserName(name: string | null): Promise<string>;

  getReviewState(planId: number): Promise<ReviewState>;
  /** Sets the status and saves a named immutable version of the plan with it. */
  setPlanStatus(planId: number, change: StatusChange): Promise<ReviewState>;

  listVersions(planId: number): Promise<PlanVersionSummary[]>;
  createVersion(planId: number, name: string): Promise<PlanVersionSummary>;
  getVersion(versionId: number): Promise<{ version: PlanVersionSummary; file: TurnusPlan }>;
  /** Differences from `from` to `to` (a version id or 'current'). */
  diffPlan(planId: number, from: VersionRef, to: VersionRef): Promise<PlanDiff>;

  listComments(planId: number): Promise<PlanComment[]>;
  addComment(planId: number, comment: NewComment): Promise<PlanComment>;
  resolveComment(commentId: number, resolved: boolean): Promise<PlanComment>;
  deleteComment(commentId: number): Promise<void>;

  /** Newest first; at most `limit` entries (default 500). */
  listChangeLog(planId: number, limit?: number): Promise<ChangeLogEntry[]>;

  /** The review pack as one self-contained HTML document (for a print view). */
  reviewPackHtml(planId: number, options?: ExportOptions): Promise<string>;
  /** Builds an export; 'ics' gives one file per employee. */
  exportPlan(planId: number, format: ExportFormat, options?: ExportOptions): Promise<ExportResult>;

  /** Reads a staff list (CSV or XLSX) and returns what would be imported; writes nothing. */
  previewStaffImport(unitId: number, file: ImportFile, mapping?: ColumnMapping): Promise<StaffImportPreview>;
  /** Imports a clean staff list in one transaction; refuses (VALIDATION) if any row has an error. */
  commitStaffImport(unitId: number, file: ImportFile, mapping?: ColumnMapping): Promise<{ created: Employee[] }>;

  /** Checks a plan file v1 and says what importing it would create; writes nothing. */
  previewPlanImport(text: string): Promise<PlanImportPreview>;
  /** Imports a plan file v1 as a new unit with its staff, shift types, bemanningsplan and plan. */
  commitPlanImport(text: string, planName?: string): Promise<PlanDetail>;
}

export const REVIEW_METHODS = [
  'getUserName', 'setUserName',
  'getReviewState', 'setPlanStatus',
  'listVersions', 'createVersion', 'getVersion', 'diffPlan',
  'listComments', 'addComment', 'resolveComment', 'deleteComment',
  'listChangeLog',
  'reviewPackHtml', 'exportPlan',
  'previewStaffImport', 'commitStaffImport',
  'previewPlanImport', 'commitPlanImport',
] as const satisfies readonly (keyof ReviewApi)[];

// ---------------------------------------------------------------------------------------------
// Argument schemas

const zUserName = z.string({ error: 'må være tekst' }).trim().min(1, 'kan ikke være tom').max(100, 'kan ha høyst 100 tegn');
const zPersonNames = z.array(
  z.string({ error: 'må være et navn (tekst)' }).trim().min(1, 'kan ikke være tomt').max(100, 'kan ha høyst 100 tegn'),
  { error: 'må være en liste med navn' },
).max(20, 'kan ha høyst 20 navn');
export const zPlanStatus = z.enum(['utkast', 'til_drofting', 'godkjent'], { error: 'må være utkast, til_drofting eller godkjent' });
const zVersionName = z.string({ error: 'må være tekst' }).trim().min(1, 'kan ikke være tomt').max(200, 'kan ha høyst 200 tegn');

export const zStatusChange = z.object({
  status: zPlanStatus,
  date: zDate,
  names: zPersonNames,
  note: z.string({ error: 'må være tekst' }).max(2000, 'kan ha høyst 2000 tegn').optional(),
  versionName: zVersionName.optional(),
});

export const zVersionRef = z.union([zId, z.literal('current')], { error: "må være en versjons-id eller 'current'" });

export const zNewComment = z.object({
  employeeId: z.string({ error: 'må være en ansatt-id (tekst)' }).trim().min(1).max(60).optional(),
  date: zDate.optional(),
  text: z.string({ error: 'må være tekst' }).trim().min(1, 'kan ikke være tom').max(4000, 'kan ha høyst 4000 tegn'),
});

export const zExportFormat = z.enum(['xlsx', 'csv', 'csv-grid', 'ics', 'ics-zip', 'pdf', 'html', 'turnus'], {
  error: 'må være xlsx, csv, csv-grid, ics, ics-zip, pdf, html eller turnus',
});
export const zExportOptions = z.object({ paper: z.enum(['A4', 'A3'], { error: 'må være A4 eller A3' }).optional() });

/** 20 MB of base64 is far more than any staff list. */
export const zImportFile = z.object({
  name: z.string({ error: 'må være et filnavn' }).trim().min(1, 'kan ikke være tomt').max(260, 'kan ha høyst 260 tegn'),
  base64: z.string({ error: 'må være filinnhold (base64)' }).max(20_000_000, 'filen er for stor (høyst 15 MB)')
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, 'er ikke gyldig base64'),
});

const zColumn = z.number().int('må være et kolonnenummer').min(0).max(1000).optional();
export const zColumnMapping = z.object({
  name: zColumn, competence: zColumn, position: zColumn, wantedPosition: zColumn,
  weeklyHours: zColumn, consentsLongShifts: zColumn, nightExempt: zColumn,
}, { error: 'må være en kolonnetilordning' });

const zPlanText = z.string({ error: 'må være innholdet i en planfil (tekst)' }).max(50_000_000, 'planfilen er for stor');

export const REVIEW_ARGS: Signatures<ReviewApi> = {
  getUserName: sig(),
  setUserName: sig(['name', z.union([zUserName, z.null()])]),
  getReviewState: sig(['planId', zId]),
  setPlanStatus: sig(['planId', zId], ['change', zStatusChange]),
  listVersions: sig(['planId', zId]),
  createVersion: sig(['planId', zId], ['name', zVersionName]),
  getVersion: sig(['versionId', zId]),
  diffPlan: sig(['planId', zId], ['from', zVersionRef], ['to', zVersionRef]),
  listComments: sig(['planId', zId]),
  addComment: sig(['planId', zId], ['comment', zNewComment]),
  resolveComment: sig(['commentId', zId], ['resolved', z.boolean({ error: 'må være true eller false' })]),
  deleteComment: sig(['commentId', zId]),
  listChangeLog: sig(['planId', zId], ['limit', optional(z.number().int('må være et heltall').min(1, 'må være minst 1').max(10_000, 'kan være høyst 10 000'))]),
  reviewPackHtml: sig(['planId', zId], ['options', optional(zExportOptions)]),
  exportPlan: sig(['planId', zId], ['format', zExportFormat], ['options', optional(zExportOptions)]),
  previewStaffImport: sig(['unitId', zId], ['file', zImportFile], ['mapping', optional(zColumnMapping)]),
  commitStaffImport: sig(['unitId', zId], ['file', zImportFile], ['mapping', optional(zColumnMapping)]),
  previewPlanImport: sig(['text', zPlanText]),
  commitPlanImport: sig(['text', zPlanText], ['planName', optional(zVersionName)]),
};
