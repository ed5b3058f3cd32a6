/**
 * API section: plan status (utkast / til drøfting / godkjent), versions, diff, comments and
 * the change log (issue 8). Exports and imports are the exchange section (./exchange.ts).
 * Add methods to the interface and to REVIEW_METHODS together; ./index.ts composes the
 * sections into TurnusApi. REVIEW_ARGS holds the zod argument schema of every method.
 */
import { z } from 'zod';
import type { TurnusPlan } from '../plan/model';
import type { PlanStatus } from './core';
import { optional, sig, zDate, zId, type Signatures } from './args';
import type { PlanDiff } from '../review/diff';

export type { PlanDiff } from '../review/diff';
/** The exchange types used to live here; existing importers keep compiling (new code: ./exchange). */
export type {
  ColumnMapping,
  ExportedFile,
  ExportFormat,
  ExportOptions,
  ExportResult,
  ImportFile,
  PlanImportPreview,
  StaffImportPreview,
} from './exchange';

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
  /** Norwegian description for non-cell entries; on a cell entry where it came from (e.g. «Fra scenarioet «…»»), else null. */
  detail: string | null;
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
}

export const REVIEW_METHODS = [
  'getUserName',
  'setUserName',
  'getReviewState',
  'setPlanStatus',
  'listVersions',
  'createVersion',
  'getVersion',
  'diffPlan',
  'listComments',
  'addComment',
  'resolveComment',
  'deleteComment',
  'listChangeLog',
] as const satisfies readonly (keyof ReviewApi)[];

// ---------------------------------------------------------------------------------------------
// Argument schemas

const zUserName = z.string({ error: 'må være tekst' }).trim().min(1, 'kan ikke være tom').max(100, 'kan ha høyst 100 tegn');
const zPersonNames = z
  .array(z.string({ error: 'må være et navn (tekst)' }).trim().min(1, 'kan ikke være tomt').max(100, 'kan ha høyst 100 tegn'), {
    error: 'må være en liste med navn',
  })
  .max(20, 'kan ha høyst 20 navn');
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
  listChangeLog: sig(
    ['planId', zId],
    ['limit', optional(z.number().int('må være et heltall').min(1, 'må være minst 1').max(10_000, 'kan være høyst 10 000'))],
  ),
};
