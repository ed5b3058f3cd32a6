/**
 * Exports of a plan: the review pack (html/pdf) and the data formats, built by the file
 * builders in electron/backend/exchange/ from the plan file plus its review status, the diff
 * against the last approved version and the comments.
 */
import type Database from 'better-sqlite3';
import type { ExchangeApi, ExportedFile } from '../../../../shared/api/exchange';
import type { TurnusPlan } from '../../../../shared/plan/model';
import { analyzePlan } from '../../../../shared/review/analysis';
import { diffPlans, type PlanDiff } from '../../../../shared/review/diff';
import { buildExport, reviewPackHtmlOf, type ExportContext } from '../../exchange/export';
import { readPlan } from '../../store/plans';
import { readUnit } from '../../store/units';
import { getVersion, lastApprovedVersionId, listComments, statusRecord } from '../../store/review';
import { userName } from '../../store/user';
import { nowIso } from '../../store/util';

/** What the review pack shows besides the plan. */
function packContext(db: Database.Database, planId: number, paper?: 'A4' | 'A3'): { plan: TurnusPlan; ctx: ExportContext } {
  const detail = readPlan(db, planId);
  const { drofting, godkjent } = statusRecord(db, planId, detail.status);
  const approvedId = lastApprovedVersionId(db, planId);
  let diff: PlanDiff | null = null;
  let diffAgainst: string | null = null;
  if (approvedId !== null) {
    const v = getVersion(db, approvedId);
    diff = diffPlans(v.file, detail.file, analyzePlan);
    diffAgainst = v.version.name;
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
    ctx: {
      planName: detail.name,
      status: {
        status: detail.status,
        droftingDate: drofting?.date ?? null,
        droftingNames: drofting?.names ?? [],
        godkjentDate: godkjent?.date ?? null,
        godkjentNames: godkjent?.names ?? [],
      },
      diff,
      diffAgainst,
      comments,
      agreementRecords: readUnit(db, detail.unitId).settings.agreementRecords ?? [],
      generatedAt: nowIso(),
      generatedBy: userName(db),
      paper,
      planKey: `plan-${planId}`,
    },
  };
}

export function exportHandlers(db: Database.Database): Pick<ExchangeApi, 'reviewPackHtml' | 'exportPlan'> {
  return {
    async reviewPackHtml(planId, options) {
      const { plan, ctx } = packContext(db, planId, options?.paper);
      return reviewPackHtmlOf(plan, ctx);
    },

    async exportPlan(planId, format, options) {
      const { plan, ctx } = packContext(db, planId, options?.paper);
      const files = await buildExport(plan, format, ctx);
      return { files: files.map((f): ExportedFile => ({ name: f.name, mimeType: f.mimeType, base64: f.data.toString('base64') })) };
    },
  };
}
