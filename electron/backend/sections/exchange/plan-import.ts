/**
 * Importing a plan file v1 as a new unit: settings, shift types, staff, bemanningsplan, the
 * plan and its cells, all in one transaction through the store. The plan file's own checks
 * (shared/planfile: unknown codes and employees, duplicates, period) run first, and the
 * store checks the settings and every employee; nothing is written when anything fails.
 */
import type Database from 'better-sqlite3';
import type { PlanDetail } from '../../../../shared/api/core';
import type { ExchangeApi, PlanImportPreview } from '../../../../shared/api/exchange';
import { absenceCodesOf, agreementsOf, DEFAULT_HELTID_THRESHOLD, type TurnusPlan } from '../../../../shared/plan/model';
import { sameName } from '../../../../shared/plan/names';
import type { ParseResult } from '../../../../shared/planfile';
import type { JobPool } from '../../jobs/pool';
import { maxConsecutiveDaysOf } from '../../../../shared/rules';
import { zWeekendAnchor } from '../../../../shared/api/args';
import { DomainError, validation } from '../../errors';
import { writeCells } from '../../store/cells';
import { replaceDemand } from '../../store/demand';
import { insertPlan, readPlan } from '../../store/plans';
import { insertShiftType } from '../../store/shift-types';
import { checkEmployee, writeEmployee } from '../../store/staff';
import { DEFAULT_UNIT_SETTINGS, insertUnit, listUnitRows, writeSettings } from '../../store/units';

/** Says what an import of a checked plan file (parsePlanFile) would create. Never writes. */
export function previewPlanImport(parsed: ParseResult): PlanImportPreview {
  if (!parsed.ok) {
    return {
      ok: false,
      errors: parsed.errors.map((e) => `${e.field}: ${e.message}`),
      warnings: [],
      unitName: null,
      period: null,
      employees: 0,
      assignments: 0,
      shiftTypes: [],
    };
  }
  const p = parsed.plan;
  const warnings: string[] = [];
  const outside = p.assignments.filter((a) => a.date < p.period.start || a.date > p.period.end).length;
  if (outside) warnings.push(`${outside} celler ligger utenfor perioden ${p.period.start}–${p.period.end} og blir ikke importert.`);
  return {
    ok: true,
    errors: [],
    warnings,
    unitName: p.unit.name,
    period: { ...p.period },
    employees: p.employees.length,
    assignments: p.assignments.length - outside,
    shiftTypes: p.shiftTypes.map((s) => s.code),
  };
}

/** The wanted unit name, or «… (importert 2)» etc. when a unit of that name exists. */
function freeUnitName(taken: string[], wanted: string): string {
  const used = (n: string) => taken.some((t) => sameName(t, n));
  if (!used(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const n = `${wanted} (importert ${i})`;
    if (!used(n)) return n;
  }
}

/** The plan file's anchor Saturday, if it has one (checked like the unit setting). */
function anchorOf(plan: TurnusPlan): { weekendAnchor?: string } {
  const anchor = plan.unit.weekendAnchor;
  if (anchor === undefined) return {};
  const checked = zWeekendAnchor.safeParse(anchor);
  if (!checked.success) throw validation('unit.weekendAnchor', `unit.weekendAnchor: ${checked.error.issues[0].message}`);
  return { weekendAnchor: checked.data };
}

function writePlanFile(db: Database.Database, plan: TurnusPlan, planName: string | undefined): number {
  const name = freeUnitName(
    listUnitRows(db).map((u) => u.name),
    plan.unit.name,
  );
  const unitId = insertUnit(db, name);
  writeSettings(db, unitId, {
    ...DEFAULT_UNIT_SETTINGS,
    heltidThreshold: plan.unit.heltidThreshold ?? DEFAULT_HELTID_THRESHOLD,
    weekendFrequency: plan.unit.weekendFrequency ?? null,
    ...anchorOf(plan),
    holidayReduction: plan.rules?.holidayReduction ?? 'MONSAT_T_OVER_6',
    agreements: agreementsOf(plan),
    maxConsecutiveDays: maxConsecutiveDaysOf(plan),
    costs: plan.costs ?? {},
    absenceCodes: absenceCodesOf(plan),
  });
  for (const st of plan.shiftTypes) insertShiftType(db, unitId, st);
  const idMap = new Map<string, string>();
  plan.employees.forEach((e, i) => {
    const { id, ...rest } = e;
    checkEmployee(rest, `employees[${i}]`);
    idMap.set(id, String(writeEmployee(db, null, unitId, rest)));
  });
  replaceDemand(db, unitId, plan.demand);
  const planId = insertPlan(db, unitId, planName ?? `Importert ${plan.period.start}`, plan.period.start, plan.period.end);
  writeCells(
    db,
    planId,
    plan.assignments
      .filter((a) => a.date >= plan.period.start && a.date <= plan.period.end)
      .map((a) => ({ employeeId: idMap.get(a.employee)!, date: a.date, code: a.code, ...(a.pinned ? { pinned: true } : {}) })),
  );
  return planId;
}

export function planImportHandlers(db: Database.Database, jobs: JobPool): Pick<ExchangeApi, 'previewPlanImport' | 'commitPlanImport'> {
  return {
    async previewPlanImport(text) {
      return previewPlanImport(await jobs.run('parsePlanFile', { text })); // parsed in a worker thread
    },

    /** Writes the plan file as a new unit with one plan; returns the plan. */
    async commitPlanImport(text, planName): Promise<PlanDetail> {
      const parsed = await jobs.run('parsePlanFile', { text }); // parsed in a worker thread
      if (!parsed.ok) {
        const msg = parsed.errors
          .slice(0, 5)
          .map((e) => `${e.field}: ${e.message}`)
          .join('; ');
        throw new DomainError(
          'VALIDATION',
          `Planfilen kan ikke importeres: ${msg}${parsed.errors.length > 5 ? ' …' : ''}`,
          parsed.errors[0]?.field,
        );
      }
      let planId: number;
      try {
        planId = db.transaction(() => writePlanFile(db, parsed.plan, planName))();
      } catch (e) {
        if (e instanceof DomainError) throw new DomainError(e.code, `Planfilen kan ikke importeres: ${e.message}`, e.field);
        throw e;
      }
      return readPlan(db, planId);
    },
  };
}
