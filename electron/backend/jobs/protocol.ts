/**
 * The heavy jobs of the backend that run off the request path (issue 19; backup restores and
 * the scenario comparison export too), and the messages
 * between the job pool (pool.ts) and its worker threads (worker.ts). Every input and output is
 * plain data (structured clone): plans, strings, file paths; never a database connection.
 */
import type { ExportedFile, ExportFormat } from '../../../shared/api/exchange';
import type { RawTable } from '../../../shared/exchange/staff-import';
import type { TurnusPlan } from '../../../shared/plan/model';
import type { ParseResult } from '../../../shared/planfile';
import type { CopyCheck } from '../copy-check';
import type { ComparisonExportFormat } from '../../../shared/api/scenario';
import type { Scenario } from '../../../shared/scenario';
import type { ComparisonFile } from '../exchange/comparison';
import type { ExportContext } from '../exchange/export';

/**
 * What an export needs, read by the main thread from the data file in one go (a consistent
 * snapshot); the worker derives the rest (the diff, the figures, the files).
 */
export interface ExportSnapshot {
  plan: TurnusPlan;
  ctx: Omit<ExportContext, 'diff' | 'diffAgainst'>;
  /** The last approved version, which the review pack diffs against (null: none). */
  approved: { name: string; file: TurnusPlan } | null;
}

/** An export built by the worker; a PDF comes back as its HTML for the main thread's printer. */
export interface ExportJobResult {
  files: ExportedFile[];
  print?: { name: string; mimeType: string; html: string };
}

/** Every job: its input and its result. */
export interface JobTypes {
  export: { input: ExportSnapshot & { format: ExportFormat }; output: ExportJobResult };
  reviewPackHtml: { input: ExportSnapshot; output: string };
  checkCopy: { input: { file: string; now: string }; output: CopyCheck };
  readXlsxTable: { input: { base64: string }; output: RawTable };
  parsePlanFile: { input: { text: string }; output: ParseResult };
  /** Copy, check and migrate a backup as a scratch file before a restore (restore-prepare.ts). */
  prepareRestore: { input: { source: string; scratch: string; name: string }; output: null };
  /** The scenario comparison and its file (a PDF as its HTML, printed by the main thread). */
  comparisonFile: { input: { scenarios: Scenario[]; unitName: string; format: ComparisonExportFormat }; output: ComparisonFile };
}

export type JobKind = keyof JobTypes;
export type JobInput<K extends JobKind> = JobTypes[K]['input'];
export type JobOutput<K extends JobKind> = JobTypes[K]['output'];

export interface JobRequest {
  id: number;
  kind: JobKind;
  input: unknown;
}

/** An error as it crosses the thread boundary; `domain` errors keep their code and field. */
export interface JobError {
  domain: boolean;
  code: string;
  message: string;
  field?: string;
}

export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: JobError };
