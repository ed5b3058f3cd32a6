/**
 * The job implementations (pure of the database connection: they get plain data and return
 * plain data). worker.ts runs them in a worker thread; pool.ts runs them inline only when the
 * backend runs from its TypeScript sources without a build (unit tests of other areas).
 */
import { parsePlanFile } from '../../../shared/planfile';
import { analyzePlan } from '../../../shared/review/analysis';
import { diffPlans } from '../../../shared/review/diff';
import { checkCopyFile } from '../copy-check';
import { buildExport, pdfFileName, reviewPackHtmlOf, MIME, type ExportContext } from '../exchange/export';
import { readXlsxTable } from '../exchange/xlsx';
import { buildComparisonFile } from '../exchange/comparison';
import { prepareRestoreCopy } from '../restore-prepare';
import type { ExportSnapshot, JobInput, JobKind, JobOutput } from './protocol';

/** The snapshot's context with the diff against the last approved version. */
function contextOf(s: ExportSnapshot): ExportContext {
  if (!s.approved) return { ...s.ctx, diff: null, diffAgainst: null };
  return { ...s.ctx, diff: diffPlans(s.approved.file, s.plan, analyzePlan), diffAgainst: s.approved.name };
}

const TASKS: { [K in JobKind]: (input: JobInput<K>) => Promise<JobOutput<K>> | JobOutput<K> } = {
  async export(input) {
    const ctx = contextOf(input);
    if (input.format === 'pdf') {
      return { files: [], print: { name: pdfFileName(input.plan, ctx), mimeType: MIME.pdf, html: reviewPackHtmlOf(input.plan, ctx) } };
    }
    const files = await buildExport(input.plan, input.format, ctx);
    return { files: files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.data.toString('base64') })) };
  },
  reviewPackHtml: (input) => reviewPackHtmlOf(input.plan, contextOf(input)),
  checkCopy: (input) => checkCopyFile(input.file, () => new Date(input.now)),
  readXlsxTable: (input) => readXlsxTable(Buffer.from(input.base64, 'base64')),
  parsePlanFile: (input) => parsePlanFile(input.text),
  prepareRestore: (input) => {
    prepareRestoreCopy(input.source, input.scratch, input.name);
    return null;
  },
  comparisonFile: (input) => buildComparisonFile(input.scenarios, input.unitName, input.format),
};

export async function runTask<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
  const task = TASKS[kind] as (input: JobInput<K>) => Promise<JobOutput<K>> | JobOutput<K>;
  if (!task) throw new Error(`Ukjent jobb: ${String(kind)}`);
  return task(input);
}
