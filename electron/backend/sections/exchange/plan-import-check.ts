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
import { type NewPlanActivity, zNewPlanActivity } from '../../../../shared/api/wishes';
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
    ...(plan.rules?.agreementRecords !== undefined ? { agreementRecords: plan.rules.agreementRecords } : {}),
    ...(plan.rules?.splitShiftMaxBreakHours !== undefined ? { splitShiftMaxBreakHours: plan.rules.splitShiftMaxBreakHours } : {}),
    ...(plan.rules?.averagingWeeks !== undefined ? { averagingWeeks: plan.rules.averagingWeeks } : {}),
  };
}

const RULES_SETTINGS = new Set([
  'holidayReduction',
  'agreements',
  'maxConsecutiveDays',
  'agreementRecords',
  'splitShiftMaxBreakHours',
  'averagingWeeks',
]);

/** Where a unit setting comes from in the plan file. */
function settingsPath(path: readonly PropertyKey[]): PropertyKey[] {
  const [first, ...rest] = path;
  if (first === 'heltidThreshold' || first === 'weekendFrequency' || first === 'weekendAnchor') return ['unit', first, ...rest];
  if (RULES_SETTINGS.has(String(first))) return ['rules', first, ...rest];
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
      /** The timed activities, their employees given as 1-based positions in `employees` («1», «2» …). */
      activities: NewPlanActivity[];
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
  const activities = checkActivities(plan, (e) => errors.length < max && errors.push(e), run);
  if (errors.length > 0 || unitName === undefined || settings === undefined) return { ok: false, errors };
  return {
    ok: true,
    unitName,
    settings: settings as UnitSettings,
    shiftTypes: shiftTypes as ShiftType[],
    employees: employees as NewEmployee[],
    demand: demand as DemandRow[],
    activities,
  };
}

/**
 * The plan's timed activities as addActivity would take them: the API's schema, a date in the
 * period, a code of a meeting or course, employees of the file.
 */
function checkActivities(
  plan: TurnusPlan,
  report: (e: PlanFileError) => void,
  run: (schema: typeof zNewPlanActivity, value: unknown, at: PropertyKey[]) => NewPlanActivity | undefined,
): NewPlanActivity[] {
  const position = new Map(plan.employees.map((e, i) => [e.id, String(i + 1)]));
  const timed = new Set(
    absenceCodesOf(plan)
      .filter((a) => a.kind === 'meeting' || a.kind === 'training')
      .map((a) => a.code),
  );
  const out: NewPlanActivity[] = [];
  const list: unknown = plan.activities ?? [];
  if (!Array.isArray(list)) {
    report({ field: 'activities', message: 'må være en liste med møter og kurs' });
    return out;
  }
  for (const [i, raw] of list.entries()) {
    const a = (raw ?? {}) as Partial<Record<keyof NewPlanActivity, unknown>>;
    const unknownIds = Array.isArray(a.employees) ? a.employees.filter((id) => !position.has(String(id))) : [];
    if (unknownIds.length > 0) {
      report({ field: `activities[${i}].employees`, message: `ukjent ansatt-id ${unknownIds.map(String).join(', ')}` });
      continue;
    }
    const employees = Array.isArray(a.employees) ? a.employees.map((id) => position.get(String(id))) : a.employees;
    const checked = run(zNewPlanActivity, { code: a.code, date: a.date, start: a.start, end: a.end, employees }, ['activities', i]);
    if (!checked) continue;
    if (checked.date < plan.period.start || checked.date > plan.period.end)
      report({ field: `activities[${i}].date`, message: `må ligge i planperioden (${plan.period.start} – ${plan.period.end})` });
    else if (!timed.has(checked.code))
      report({ field: `activities[${i}].code`, message: `må være en kode for møte eller kurs (${[...timed].join(', ')})` });
    else out.push(checked);
  }
  return out;
}
