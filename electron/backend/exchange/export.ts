/**
 * Builds every export of a plan (one place for the API and the `turnus export` command):
 * xlsx, csv (rows), csv-grid, csv-staff (the staff list), ics (one file per employee) or ics-zip (the same in one zip),
 * pdf and html (the review pack)
 * and turnus (the plan file v1).
 */
import JSZip from 'jszip';
import type { TurnusPlan } from '../../../shared/plan/model';
import type { ExportFormat } from '../../../shared/api/exchange';
import { planToCsvGrid, planToCsvRows, staffToCsv } from '../../../shared/exchange/csv';
import { planToIcsFiles } from '../../../shared/exchange/ics';
import { serializePlanFile } from '../../../shared/planfile';
import { reviewPackInput, type PackContext } from '../../../shared/review/analysis';
import { buildReviewPackHtml } from '../../../shared/review/pack';
import { htmlToPdf } from './pdf';
import { planToXlsx } from './xlsx';
import { fileSlug } from '../../../shared/text';

export interface ExportFileData {
  name: string;
  mimeType: string;
  data: Buffer;
}

export const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  ics: 'text/calendar;charset=utf-8',
  zip: 'application/zip',
  pdf: 'application/pdf',
  html: 'text/html;charset=utf-8',
  turnus: 'application/json',
};

/** 'Avdeling Solsiden' → 'avdeling-solsiden' (file names on every OS). */
export function slug(s: string): string {
  return fileSlug(s, 60) || 'turnus';
}

/** The file name stem of a plan's exports: 'turnus-avdeling-solsiden-2026-01-05'. */
export function exportStem(plan: TurnusPlan, planName?: string): string {
  return `turnus-${slug(plan.unit.name)}-${planName ? `${slug(planName)}-` : ''}${plan.period.start}`;
}

export interface ExportContext extends Omit<PackContext, 'plan'> {
  /** Makes iCalendar UIDs unique across plans (e.g. 'plan-12'). */
  planKey?: string;
  now?: Date;
}

/** The review pack HTML of a plan. */
export function reviewPackHtmlOf(plan: TurnusPlan, ctx: ExportContext): string {
  return buildReviewPackHtml(reviewPackInput({ ...ctx, plan }));
}

/** The file name of a plan's review pack as PDF. */
export function pdfFileName(plan: TurnusPlan, ctx: ExportContext): string {
  return `${exportStem(plan, ctx.planName)}-drofting.pdf`;
}

export async function buildExport(plan: TurnusPlan, format: ExportFormat, ctx: ExportContext): Promise<ExportFileData[]> {
  const stem = exportStem(plan, ctx.planName);
  switch (format) {
    case 'csv':
      return [{ name: `${stem}.csv`, mimeType: MIME.csv, data: Buffer.from(planToCsvRows(plan), 'utf8') }];
    case 'csv-grid':
      return [{ name: `${stem}-rutenett.csv`, mimeType: MIME.csv, data: Buffer.from(planToCsvGrid(plan), 'utf8') }];
    case 'ics':
      return planToIcsFiles(plan, { now: ctx.now ?? new Date(), planKey: ctx.planKey }).map((f) => ({
        name: f.name,
        mimeType: MIME.ics,
        data: Buffer.from(f.content, 'utf8'),
      }));
    case 'ics-zip': {
      const zip = new JSZip();
      for (const f of planToIcsFiles(plan, { now: ctx.now ?? new Date(), planKey: ctx.planKey })) zip.file(f.name, f.content);
      const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      return [{ name: `${stem}-kalendere.zip`, mimeType: MIME.zip, data }];
    }
    case 'turnus':
      return [{ name: `${stem}.turnus.json`, mimeType: MIME.turnus, data: Buffer.from(serializePlanFile(plan), 'utf8') }];
    case 'html':
      return [{ name: `${stem}-drofting.html`, mimeType: MIME.html, data: Buffer.from(reviewPackHtmlOf(plan, ctx), 'utf8') }];
    case 'pdf': {
      const html = reviewPackHtmlOf(plan, ctx);
      return [{ name: pdfFileName(plan, ctx), mimeType: MIME.pdf, data: await htmlToPdf(html, { paper: ctx.paper }) }];
    }
    case 'xlsx': {
      const data = await planToXlsx(reviewPackInput({ ...ctx, plan }));
      return [{ name: `${stem}.xlsx`, mimeType: MIME.xlsx, data }];
    }
    case 'csv-staff':
      return [{ name: `${stem}-ansatte.csv`, mimeType: MIME.csv, data: Buffer.from(staffToCsv(plan.employees), 'utf8') }];
  }
}
