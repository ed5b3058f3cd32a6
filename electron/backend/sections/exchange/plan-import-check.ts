/**
 * The plan import's checks with the API's own schemas (issue 19, «one set of limits»). The plan
 * file's schema (shared/planfile) is built from the same limits (shared/plan/limits.ts), so
 * this pass finds nothing in a file `turnus check` accepts; it is here so that the import can
 * never store what the API would refuse, and it gives the values the API would store (names
 * trimmed and without control characters). Every problem names the field in plan-file form
 * (`employees[2].name`) and the label the user sees («Navn», rad 3 i ansattlisten).
 */
import type { z } from 'zod';
import { zAbsenceCode, zCode, zDemandRow, zName, zNewEmployee, zShiftType, zUnitSettings } from '../../../../shared/api/args';
import { fieldMessage } from '../../../../shared/api/labels';
import type { UnitSettings } from '../../../../shared/api/core';
import {
  absenceCodesOf,
  agreementsOf,
  DEFAULT_HELTID_THRESHOLD,
  type DemandRow,
  type NewEmployee,
  type ShiftType,
  type TurnusPlan,
} from '../../../../shared/plan/model';
import { fieldPath, type PlanFileError } from '../../../../shared/planfile';
import { maxConsecutiveDaysOf } from '../../../../shared/rules';
import { DEFAULT_UNIT_SETTINGS } from '../../store/units';

/** «employees[2].name: «Navn» (rad 3 i ansattlisten): kan ikke være tom.» */
export function planFileErrorText(e: PlanFileError): string {
  return e.field === '(fil)' ? `Filen ${e.message}` : `${e.field}: ${fieldMessage(e.field, e.message)}`;
}

/** The unit settings a plan file gives (what the import stores). */
export function settingsOfPlan(plan: TurnusPlan): UnitSettings {
  return {
    ...DEFAULT_UNIT_SETTINGS,
    heltidThreshold: plan.unit.heltidThreshold ?? DEFAULT_HELTID_THRESHOLD,
    weekendFrequency: plan.unit.weekendFrequency ?? null,
    ...(plan.unit.weekendAnchor !== undefined ? { weekendAnchor: plan.unit.weekendAnchor } : {}),
    holidayReduction: plan.rules?.holidayReduction ?? 'MONSAT_T_OVER_6',
    agreements: agreementsOf(plan),
    maxConsecutiveDays: maxConsecutiveDaysOf(plan),
    costs: plan.costs ?? {},
    absenceCodes: absenceCodesOf(plan),
  };
}

/** Where a unit setting comes from in the plan file. */
function settingsPath(path: readonly PropertyKey[]): PropertyKey[] {
  const [first, ...rest] = path;
  if (first === 'heltidThreshold' || first === 'weekendFrequency' || first === 'weekendAnchor') return ['unit', first, ...rest];
  if (first === 'holidayReduction' || first === 'agreements' || first === 'maxConsecutiveDays') return ['rules', first, ...rest];
  return [...path];
}

/** The plan as the API would store it, or the problems (first per element, at most `max`). */
export type ApiChecked =
  | {
      ok: true;
      unitName: string;
      settings: UnitSettings;
      shiftTypes: ShiftType[];
      employees: NewEmployee[];
      demand: DemandRow[];
    }
  | { ok: false; errors: PlanFileError[] };

export function checkWithApiSchemas(plan: TurnusPlan, max = 50): ApiChecked {
  const errors: PlanFileError[] = [];
  const run = <S extends z.ZodType>(schema: S, value: unknown, at: PropertyKey[], map = (p: readonly PropertyKey[]) => [...p]) => {
    const r = schema.safeParse(value);
    if (r.success) return r.data as z.output<S>;
    if (errors.length < max) {
      const iss = r.error.issues[0];
      errors.push({ field: fieldPath([...at, ...map(iss.path)]), message: iss.message });
    }
    return undefined;
  };
  const unitName = run(zName, plan.unit.name, ['unit', 'name']);
  const shiftTypes = plan.shiftTypes.map((s, i) => run(zShiftType, s, ['shiftTypes', i]));
  for (const [i, a] of (plan.absenceCodes ?? []).entries()) run(zAbsenceCode, a, ['absenceCodes', i]);
  const settings = run(zUnitSettings, settingsOfPlan(plan), [], settingsPath);
  const employees = plan.employees.map((e, i) => {
    const { id: _id, weeklyHoursFromPlan: _fromPlan, ...rest } = e as typeof e & { weeklyHoursFromPlan?: unknown };
    return run(zNewEmployee, rest, ['employees', i]);
  });
  const demand = plan.demand.map((d, i) => run(zDemandRow, d, ['demand', i]));
  for (const [i, a] of plan.assignments.entries()) run(zCode, a.code, ['assignments', i, 'code']);
  if (errors.length > 0 || unitName === undefined || settings === undefined) return { ok: false, errors };
  return {
    ok: true,
    unitName,
    settings: settings as UnitSettings,
    shiftTypes: shiftTypes as ShiftType[],
    employees: employees as NewEmployee[],
    demand: demand as DemandRow[],
  };
}
