/**
 * Importing a plan file v1 as a new unit: settings (agreements and the agreements on file, delt
 * vakt, averaging weeks), shift types, staff, bemanningsplan, the plan, its cells and its timed
 * activities, all in one transaction through the store; exported again it is the same plan
 * (what is deliberately not kept is named in the preview, plan-import-notes.ts). The plan file's own checks
 * (shared/planfile: its schema with the API's limits, unknown codes and employees, duplicates,
 * period) run first, then the API's schemas (plan-import-check.ts), which give the values that
 * are stored; nothing is written when anything fails, and every refusal names the field in
 * plan-file form and the label the user sees.
 */
import type Database from 'better-sqlite3';
import type { PlanDetail } from '../../../../shared/api/core';
import type { ExchangeApi, PlanImportPreview } from '../../../../shared/api/exchange';
import type { TurnusPlan } from '../../../../shared/plan/model';
import { LIMITS } from '../../../../shared/plan/limits';
import { sameName } from '../../../../shared/plan/names';
import type { ParseResult, PlanFileError } from '../../../../shared/planfile';
import type { JobPool } from '../../jobs/pool';
import { DomainError } from '../../errors';
import { insertActivity } from '../../store/activities';
import { writeCells } from '../../store/cells';
import { replaceDemand } from '../../store/demand';
import { insertPlan, readPlan } from '../../store/plans';
import { insertShiftType } from '../../store/shift-types';
import { checkEmployee, writeEmployee } from '../../store/staff';
import { insertUnit, listUnitRows, writeSettings } from '../../store/units';
import { notKeptWarnings } from './plan-import-notes';
import { type ApiChecked, checkWithApiSchemas, planFileErrorText } from './plan-import-check';

/** The file's problems, first those of its own format (parsed in a worker), then those the API's schemas find. */
function check(parsed: ParseResult): { plan: TurnusPlan; stored: Extract<ApiChecked, { ok: true }> } | { errors: PlanFileError[] } {
  if (!parsed.ok) return { errors: parsed.errors };
  const stored = checkWithApiSchemas(parsed.plan);
  if (!stored.ok) return { errors: stored.errors };
  return { plan: parsed.plan, stored };
}

/** Says what an import of a plan file (parsed by parsePlanFile) would create. Never writes. */
export function previewPlanImport(parsed: ParseResult): PlanImportPreview {
  const checked = check(parsed);
  if ('errors' in checked) {
    return {
      ok: false,
      errors: checked.errors.map(planFileErrorText),
      warnings: [],
      unitName: null,
      period: null,
      employees: 0,
      assignments: 0,
      shiftTypes: [],
      agreementRecords: 0,
      activities: 0,
      pinned: 0,
    };
  }
  const p = checked.plan;
  const outside = p.assignments.filter((a) => a.date < p.period.start || a.date > p.period.end).length;
  return {
    ok: true,
    errors: [],
    warnings: notKeptWarnings(p),
    unitName: checked.stored.unitName,
    period: { ...p.period },
    employees: p.employees.length,
    assignments: p.assignments.length - outside,
    shiftTypes: p.shiftTypes.map((s) => s.code),
    agreementRecords: checked.stored.settings.agreementRecords?.length ?? 0,
    activities: checked.stored.activities.length,
    pinned: p.assignments.filter((a) => a.pinned && a.date >= p.period.start && a.date <= p.period.end).length,
  };
}

/** The wanted unit name, or «… (importert 2)» etc. when a unit of that name exists. */
function freeUnitName(taken: string[], wanted: string): string {
  const used = (n: string) => taken.some((t) => sameName(t, n));
  if (!used(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (importert ${i})`;
    const n = `${wanted.slice(0, LIMITS.nameMax - suffix.length).trimEnd()}${suffix}`;
    if (!used(n)) return n;
  }
}

function writePlanFile(db: Database.Database, plan: TurnusPlan, stored: Extract<ApiChecked, { ok: true }>, planName?: string): number {
  const name = freeUnitName(
    listUnitRows(db).map((u) => u.name),
    stored.unitName,
  );
  const unitId = insertUnit(db, name);
  writeSettings(db, unitId, stored.settings);
  for (const st of stored.shiftTypes) insertShiftType(db, unitId, st);
  const idMap = new Map<string, string>();
  const ids: string[] = [];
  stored.employees.forEach((e, i) => {
    checkEmployee(e, `employees[${i}]`);
    ids.push(String(writeEmployee(db, null, unitId, e)));
    idMap.set(plan.employees[i].id, ids[i]);
  });
  replaceDemand(db, unitId, stored.demand);
  const planId = insertPlan(db, unitId, planName ?? `Importert ${plan.period.start}`, plan.period.start, plan.period.end);
  writeCells(
    db,
    planId,
    plan.assignments
      .filter((a) => a.date >= plan.period.start && a.date <= plan.period.end)
      .map((a) => ({ employeeId: idMap.get(a.employee)!, date: a.date, code: a.code, ...(a.pinned ? { pinned: true } : {}) })),
  );
  for (const a of stored.activities) {
    insertActivity(db, planId, { ...a, employees: a.employees === 'all' ? 'all' : a.employees.map((n) => ids[Number(n) - 1]) });
  }
  return planId;
}

export function planImportHandlers(db: Database.Database, jobs: JobPool): Pick<ExchangeApi, 'previewPlanImport' | 'commitPlanImport'> {
  return {
    async previewPlanImport(text) {
      return previewPlanImport(await jobs.run('parsePlanFile', { text })); // parsed in a worker thread
    },

    /** Writes the plan file as a new unit with one plan; returns the plan. */
    async commitPlanImport(text, planName): Promise<PlanDetail> {
      const checked = check(await jobs.run('parsePlanFile', { text })); // parsed in a worker thread
      if ('errors' in checked) {
        const msg = checked.errors.slice(0, 5).map(planFileErrorText).join(' ');
        throw new DomainError(
          'VALIDATION',
          `Planfilen kan ikke importeres: ${msg}${checked.errors.length > 5 ? ' …' : ''}`,
          checked.errors[0]?.field,
        );
      }
      let planId: number;
      try {
        planId = db.transaction(() => writePlanFile(db, checked.plan, checked.stored, planName))();
      } catch (e) {
        if (e instanceof DomainError) throw new DomainError(e.code, `Planfilen kan ikke importeres: ${e.message}`, e.field);
        throw e;
      }
      return readPlan(db, planId);
    },
  };
}
