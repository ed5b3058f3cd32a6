/**
 * Exports of a plan: the review pack (html/pdf) and the data formats. The main thread reads
 * what an export needs from the data file in one read transaction (a consistent snapshot: the
 * plan, its review status, the last approved version and the comments); the job pool
 * (electron/backend/jobs/) builds the files in a worker thread — the diff, the figures, the
 * HTML, exceljs, CSV, ICS — so other API calls keep their latency. A PDF is printed from the
 * worker's HTML by the registered printer (Electron or Chromium), asynchronously.
 */
import type Database from 'better-sqlite3';
import type { ExchangeApi, ExportedFile } from '../../../../shared/api/exchange';
import { DomainError } from '../../errors';
import { htmlToPdf } from '../../exchange/pdf';
import type { JobPool } from '../../jobs/pool';
import type { ExportSnapshot } from '../../jobs/protocol';
import { readPlan } from '../../store/plans';
import { readUnit } from '../../store/units';
import { getVersion, lastApprovedVersionId, listComments, statusRecord } from '../../store/review';
import { userName } from '../../store/user';
import { nowIso } from '../../store/util';

/** What the review pack shows besides the plan, read in one transaction. */
function readSnapshot(db: Database.Database, planId: number, paper?: 'A4' | 'A3'): ExportSnapshot {
  return db.transaction((): ExportSnapshot => {
    const detail = readPlan(db, planId);
    const { drofting, godkjent } = statusRecord(db, planId, detail.status);
    const approvedId = lastApprovedVersionId(db, planId);
    let approved: ExportSnapshot['approved'] = null;
    if (approvedId !== null) {
      const v = getVersion(db, approvedId);
      approved = { name: v.version.name, file: v.file };
    }
    const comments = listComments(db, planId).map((c) => ({
      employeeId: c.employeeId,
      date: c.date,
      text: c.text,
      author: c.author,
      createdAt: c.createdAt,
      resolved: c.resolvedAt !== null,
    }));
    return {
      plan: detail.file,
      approved,
      ctx: {
        planName: detail.name,
        status: {
          status: detail.status,
          droftingDate: drofting?.date ?? null,
          droftingNames: drofting?.names ?? [],
          godkjentDate: godkjent?.date ?? null,
          godkjentNames: godkjent?.names ?? [],
        },
        comments,
        agreementRecords: readUnit(db, detail.unitId).settings.agreementRecords ?? [],
        generatedAt: nowIso(),
        generatedBy: userName(db),
        paper,
        planKey: `plan-${planId}`,
      },
    };
  })();
}

/** A failure of the PDF printer's scratch folder (disk full, unwritable) in the user's words. */
export function exportError(e: unknown): unknown {
  if (e instanceof DomainError) return e;
  const code = String((e as { code?: string })?.code ?? '');
  if (['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT'].includes(code)) {
    const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'disken er full' : 'den midlertidige mappen kan ikke skrives til';
    return new DomainError('EXPORT_FAILED', `Eksporten kunne ikke lages: ${why}. Frigjør plass eller be IT om hjelp; ingenting er endret.`);
  }
  return e;
}

export function exportHandlers(db: Database.Database, jobs: JobPool): Pick<ExchangeApi, 'reviewPackHtml' | 'exportPlan'> {
  return {
    async reviewPackHtml(planId, options) {
      return jobs.run('reviewPackHtml', readSnapshot(db, planId, options?.paper));
    },

    async exportPlan(planId, format, options) {
      const built = await jobs.run('export', { ...readSnapshot(db, planId, options?.paper), format });
      if (!built.print) return { files: built.files };
      let pdf: Buffer;
      try {
        pdf = await htmlToPdf(built.print.html, { paper: options?.paper });
      } catch (e) {
        throw exportError(e);
      }
      const file: ExportedFile = { name: built.print.name, mimeType: built.print.mimeType, base64: pdf.toString('base64') };
      return { files: [file] };
    },
  };
}
