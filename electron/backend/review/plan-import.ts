/**
 * Importing a plan file v1 as a new unit: settings, shift types, staff, bemanningsplan, the
 * plan and its cells, all in one transaction through the core handlers (so the core's own
 * checks apply). Nothing is written when the file has an error.
 */
import type Database from 'better-sqlite3';
import type { CoreApi, PlanDetail } from '../../../shared/api';
import type { PlanImportPreview } from '../../../shared/api/review';
import { absenceCodesOf, agreementsOf, DEFAULT_HELTID_THRESHOLD, type TurnusPlan } from '../../../shared/plan/model';
import { parsePlanFile } from '../../../shared/planfile';
import { maxConsecutiveDaysOf } from '../../../shared/rules';
import { DomainError } from '../errors';

/** Checks a plan file and says what an import would create. Never writes. */
export function previewPlanImport(text: string): PlanImportPreview {
  const parsed = parsePlanFile(text);
  if (!parsed.ok) {
    return {
      ok: false, errors: parsed.errors.map((e) => `${e.field}: ${e.message}`), warnings: [],
      unitName: null, period: null, employees: 0, assignments: 0, shiftTypes: [],
    };
  }
  const p = parsed.plan;
  const warnings: string[] = [];
  const outside = p.assignments.filter((a) => a.date < p.period.start || a.date > p.period.end).length;
  if (outside) warnings.push(`${outside} celler ligger utenfor perioden ${p.period.start}–${p.period.end} og blir ikke importert.`);
  return {
    ok: true, errors: [], warnings, unitName: p.unit.name, period: { ...p.period },
    employees: p.employees.length, assignments: p.assignments.length - outside, shiftTypes: p.shiftTypes.map((s) => s.code),
  };
}

function freeUnitName(taken: string[], wanted: string): string {
  const coll = new Intl.Collator('nb', { sensitivity: 'base' });
  const used = (n: string) => taken.some((t) => coll.compare(t, n) === 0);
  if (!used(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const n = `${wanted} (importert ${i})`;
    if (!used(n)) return n;
  }
}

/** Writes the plan file as a new unit with one plan; returns the plan. */
export async function commitPlanImport(db: Database.Database, core: CoreApi, text: string, planName?: string): Promise<PlanDetail> {
  const parsed = parsePlanFile(text);
  if (!parsed.ok) {
    const msg = parsed.errors.slice(0, 5).map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new DomainError('VALIDATION', `Planfilen kan ikke importeres: ${msg}${parsed.errors.length > 5 ? ' …' : ''}`, parsed.errors[0]?.field);
  }
  const plan: TurnusPlan = parsed.plan;
  // One transaction around the core calls (they run synchronously and nest as savepoints).
  db.exec('BEGIN IMMEDIATE');
  try {
    const units = await core.listUnits();
    const unit = await core.createUnit(freeUnitName(units.map((u) => u.name), plan.unit.name));
    const fileCodes = new Set(plan.shiftTypes.map((s) => s.code));
    for (const st of plan.shiftTypes) {
      await core.saveShiftType(unit.id, st, unit.shiftTypes.some((s) => s.code === st.code) ? st.code : undefined);
    }
    for (const st of unit.shiftTypes) if (!fileCodes.has(st.code)) await core.deleteShiftType(unit.id, st.code);
    await core.updateUnitSettings(unit.id, {
      heltidThreshold: plan.unit.heltidThreshold ?? DEFAULT_HELTID_THRESHOLD,
      weekendFrequency: plan.unit.weekendFrequency ?? null,
      holidayReduction: plan.rules?.holidayReduction ?? 'MONSAT_T_OVER_6',
      agreements: agreementsOf(plan),
      maxConsecutiveDays: maxConsecutiveDaysOf(plan),
      costs: plan.costs ?? {},
      absenceCodes: absenceCodesOf(plan),
    });
    const idMap = new Map<string, string>();
    for (const e of plan.employees) {
      const { id, ...rest } = e;
      const created = await core.addEmployee(unit.id, rest);
      idMap.set(id, created.id);
    }
    await core.setDemand(unit.id, plan.demand);
    const created = await core.createPlan(unit.id, planName ?? `Importert ${plan.period.start}`, plan.period.start, 3);
    db.prepare('UPDATE plans SET end_date = ? WHERE id = ?').run(plan.period.end, created.id);
    const changes = plan.assignments
      .filter((a) => a.date >= plan.period.start && a.date <= plan.period.end)
      .map((a) => ({ employeeId: idMap.get(a.employee)!, date: a.date, code: a.code, ...(a.pinned ? { pinned: true } : {}) }));
    if (changes.length) await core.setCells(created.id, changes);
    db.exec('COMMIT');
    return core.getPlan(created.id);
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (e instanceof DomainError) {
      throw new DomainError(e.code, `Planfilen kan ikke importeres: ${e.message}`, e.field);
    }
    throw e;
  }
}
