/**
 * Import a plan file as a new unit, export the plan as a plan file again, and bring both to
 * one form: ids replaced by the employee's position, lists in one order, defaults filled in,
 * and the fields the import deliberately does not keep (docs/plan-format.md, «Importing a plan
 * file») taken out of the source. What is left must be equal: nothing else is lost.
 */
import { expect } from 'vitest';
import type { ExportResult } from '../../../shared/api/exchange';
import type { PlanDetail } from '../../../shared/api/core';
import { absenceCodesOf, agreementsOf, DEFAULT_HELTID_THRESHOLD, type TurnusPlan } from '../../../shared/plan/model';
import { cleanName } from '../../../shared/plan/limits';
import { parsePlanFile } from '../../../shared/planfile';
import { maxConsecutiveDaysOf } from '../../../shared/rules';
import type { TestBackend } from '../backend/helpers';

// biome-ignore lint/suspicious/noExplicitAny: a plan file under test is any JSON
type Json = any;

const byJson = (a: unknown, b: unknown) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Drops keys whose value means «off» (undefined, false), so a default written out equals one left out. */
function compact<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== false)) as Partial<T>;
}

/** The plan in one comparable form (see the file comment). */
export function normalisePlan(plan: TurnusPlan): Json {
  const staff = plan.employees
    .map(({ id, weeklyHoursFromPlan: _fromPlan, ...e }) => ({
      id,
      e: compact({ ...e, name: cleanName(e.name), competence: e.competence.trim() }),
    }))
    .sort((a, b) => byJson(a.e, b.e));
  // An employee's id is its place in a stable order (the database lists staff its own way).
  const pos = new Map(staff.map((s, i) => [s.id, i + 1]));
  const inPeriod = (d: string) => d >= plan.period.start && d <= plan.period.end;
  const r = plan.rules ?? {};
  return {
    unit: compact({
      name: cleanName(plan.unit.name),
      heltidThreshold: plan.unit.heltidThreshold ?? DEFAULT_HELTID_THRESHOLD,
      weekendFrequency: plan.unit.weekendFrequency,
      weekendAnchor: plan.unit.weekendAnchor,
    }),
    period: plan.period,
    rules: compact({
      holidayReduction: r.holidayReduction ?? 'MONSAT_T_OVER_6',
      agreements: agreementsOf(plan),
      maxConsecutiveDays: maxConsecutiveDaysOf(plan),
      splitShiftMaxBreakHours: r.splitShiftMaxBreakHours,
      averagingWeeks: r.averagingWeeks,
      agreementRecords:
        r.agreementRecords && r.agreementRecords.length > 0
          ? [...r.agreementRecords].map((a) => compact({ ...a })).sort(byJson)
          : undefined,
    }),
    shiftTypes: plan.shiftTypes.map((s) =>
      compact({
        ...s,
        unpaidBreakMinutes: s.unpaidBreakMinutes || undefined,
        countsToward: s.countsToward?.length ? s.countsToward : undefined,
      }),
    ),
    absenceCodes: absenceCodesOf(plan)
      .map((a) => compact({ ...a }))
      .sort(byJson),
    employees: staff.map((s) => s.e),
    demand: plan.demand.map((d) => compact({ ...d, competence: d.competence.trim() })).sort(byJson),
    assignments: plan.assignments
      .filter((a) => inPeriod(a.date))
      .map((a) => compact({ employee: pos.get(a.employee), date: a.date, code: a.code, pinned: a.pinned }))
      .sort(byJson),
    costs: plan.costs ?? {},
    activities: (plan.activities ?? [])
      .map(({ id: _id, ...a }) => ({ ...a, employees: a.employees === 'all' ? 'all' : a.employees.map((e) => pos.get(e)).sort() }))
      .sort(byJson),
  };
}

/** Imports `text`, exports the new plan as a plan file; returns the source and the exported plan. */
export async function importAndExport(
  tb: TestBackend,
  text: string,
): Promise<{ source: TurnusPlan; exported: TurnusPlan; planId: number }> {
  const parsed = parsePlanFile(text);
  if (!parsed.ok) throw new Error(`invalid fixture: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const res = await tb.dispatch('commitPlanImport', [text]);
  if (!res.ok) throw new Error(`import refused: ${res.error.message}`);
  const planId = (res.result as PlanDetail).id;
  const out = await tb.dispatch('exportPlan', [planId, 'turnus']);
  if (!out.ok) throw new Error(`export refused: ${out.error.message}`);
  const file = (out.result as ExportResult).files[0];
  const again = parsePlanFile(Buffer.from(file.base64, 'base64').toString('utf8'));
  if (!again.ok) throw new Error(`the exported plan file is invalid: ${JSON.stringify(again.errors.slice(0, 3))}`);
  return { source: parsed.plan, exported: again.plan, planId };
}

/**
 * Import → export → equal after normalising. The new unit is deleted again (its rows go with it),
 * so the next import of a file with the same unit name keeps that name.
 */
export async function expectRoundTrip(tb: TestBackend, text: string, label: string): Promise<void> {
  const { source, exported, planId } = await importAndExport(tb, text);
  expect(normalisePlan(exported), label).toEqual(normalisePlan(source));
  const unit = tb.opened.db.prepare('SELECT unit_id FROM plans WHERE id = ?').get(planId) as { unit_id: number };
  tb.opened.db.prepare('DELETE FROM units WHERE id = ?').run(unit.unit_id);
}
