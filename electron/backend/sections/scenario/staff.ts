/**
 * A scenario's own staff and shift lengths (issue 18): people added, changed or taken out, and
 * shift types with other times, in the scenario only. The unit's staff and shift types are never
 * written here; «Gjør til gjeldende plan» (./make-current.ts) applies them in one transaction.
 * A person the scenario adds gets an employees row of the scenario (m093), since the scenario's
 * cells refer to employees.
 */
import type Database from 'better-sqlite3';
import type { ScenarioApi, ScenarioDetail } from '../../../../shared/api/scenario';
import type { Employee, NewEmployee, TurnusPlan } from '../../../../shared/plan/model';
import { validation } from '../../errors';
import { moveCellsToEmployee } from '../../store/cells';
import type { ScenarioRow } from '../../store/scenarios';
import { checkEmployee, deleteEmployee, insertScenarioEmployee, scenarioEmployeeIds, writeEmployee } from '../../store/staff';
import { scenarioPlan, writeScenarioPlan } from './plan-row';
import { parseJson, pct } from './util';

type StaffApi = Pick<ScenarioApi, 'saveScenarioEmployee' | 'removeScenarioEmployee' | 'saveScenarioShiftType'>;

/** Labels of the fields a scenario may change, for its log and the «Gjør til gjeldende plan» summary. */
export const EMPLOYEE_FIELD_LABEL: Partial<Record<keyof NewEmployee, string>> = {
  name: 'navn',
  competence: 'kompetanse',
  position: 'stilling',
  wantedPosition: 'ønsket stilling',
  weeklyHours: 'arbeidstid per uke',
  consentsLongShifts: 'samtykke til langvakter',
  longShiftConsentDate: 'samtykkedato',
  nightExempt: 'fritak fra nattarbeid',
  age60plus: 'fylt 60 år',
  wantsHovedferie: 'ønsker hovedferie',
  weekendGroup: 'helgegruppe',
};

/** The fields (of EMPLOYEE_FIELD_LABEL) whose values differ between two versions of a person. */
export function changedFields(a: Partial<Employee>, b: Partial<Employee>): (keyof NewEmployee)[] {
  const norm = (x: unknown) => (x === false || x === undefined || x === null ? null : x);
  return (Object.keys(EMPLOYEE_FIELD_LABEL) as (keyof NewEmployee)[]).filter((k) => norm(a[k]) !== norm(b[k]));
}

function describeChange(before: Employee, after: Employee): string {
  const fields = changedFields(before, after);
  const parts = fields.map((k) =>
    k === 'position' ? `stilling ${pct(before.position)} → ${pct(after.position)}` : (EMPLOYEE_FIELD_LABEL[k] as string),
  );
  return `${after.name}: ${parts.length ? parts.join(', ') : 'ingen endring'} (bare i scenarioet)`;
}

export function scenarioStaffHandlers(
  db: Database.Database,
  row: (id: number) => ScenarioRow,
  detail: (id: number) => ScenarioDetail,
): StaffApi {
  /** Changes the scenario's plan and log in one transaction. */
  function change(scenarioId: number, edit: (plan: TurnusPlan, r: ScenarioRow) => string[]): ScenarioDetail {
    db.transaction(() => {
      const r = row(scenarioId);
      const next = structuredClone(scenarioPlan(db, r).plan);
      const lines = edit(next, r);
      writeScenarioPlan(db, r, next, [...parseJson<string[]>(r.log, 'log', r.name), ...lines]);
    })();
    return detail(scenarioId);
  }
  const personOf = (plan: TurnusPlan, employeeId: string): Employee => {
    const e = plan.employees.find((x) => x.id === employeeId);
    if (!e) throw validation('employeeId', `Den ansatte med id ${employeeId} er ikke med i scenarioet.`);
    return e;
  };

  return {
    async saveScenarioEmployee(scenarioId, employeeId, employee) {
      checkEmployee(employee, 'employee');
      return change(scenarioId, (plan, r) => {
        if (employeeId === null) {
          const id = insertScenarioEmployee(db, r.unit_id, r.id, employee);
          const { employeeNumber: _none, ...rest } = employee;
          plan.employees.push({ id: String(id), ...rest });
          return [`Ny ansatt i scenarioet: ${employee.name} (${employee.competence}, stilling ${pct(employee.position)}).`];
        }
        const before = personOf(plan, employeeId);
        const after: Employee = { ...employee, id: employeeId };
        // The unit's ansattnr is not the scenario's to change.
        if (before.employeeNumber !== undefined) after.employeeNumber = before.employeeNumber;
        else delete after.employeeNumber;
        plan.employees[plan.employees.indexOf(before)] = after;
        // A person the scenario added keeps her row's name and contract current (names in logs).
        if (scenarioEmployeeIds(db, r.id).has(employeeId)) writeEmployee(db, Number(employeeId), r.unit_id, employee);
        return [describeChange(before, after)];
      });
    },

    async removeScenarioEmployee(scenarioId, employeeId) {
      return change(scenarioId, (plan, r) => {
        const e = personOf(plan, employeeId);
        plan.employees = plan.employees.filter((x) => x !== e);
        if (scenarioEmployeeIds(db, r.id).has(employeeId)) {
          deleteEmployee(db, Number(employeeId));
          return [`${e.name} er tatt ut av scenarioet.`];
        }
        return [`${e.name} er tatt ut av scenarioet (blir i avdelingen, men uten vakter i planen om scenarioet gjøres gjeldende).`];
      });
    },

    async saveScenarioShiftType(scenarioId, shiftType) {
      return change(scenarioId, (plan) => {
        const i = plan.shiftTypes.findIndex((s) => s.code === shiftType.code);
        if (i < 0) throw validation('shiftType.code', `Vakttypen «${shiftType.code}» finnes ikke i scenarioet.`);
        const before = plan.shiftTypes[i];
        plan.shiftTypes[i] = { ...before, ...shiftType };
        if (shiftType.unpaidBreakMinutes === undefined) delete plan.shiftTypes[i].unpaidBreakMinutes;
        return [`Vakttype ${shiftType.code}: ${before.start}–${before.end} → ${shiftType.start}–${shiftType.end} (bare i scenarioet).`];
      });
    },
  };
}

/**
 * A copy of a scenario gets its own rows for the people the source scenario added (so deleting
 * one scenario never takes the other's people), with their cells in the copy's plan row moved to
 * them. Returns the copy's plan with the new ids. Call inside a transaction, after the copy's
 * plan row is made.
 */
export function copyScenarioStaff(
  db: Database.Database,
  from: ScenarioRow,
  to: { id: number; planId: number },
  plan: TurnusPlan,
): TurnusPlan {
  const own = scenarioEmployeeIds(db, from.id);
  if (own.size === 0) return plan;
  const next = structuredClone(plan);
  for (const e of next.employees) {
    if (!own.has(e.id)) continue;
    const { id, ...rest } = e;
    const copyId = String(insertScenarioEmployee(db, from.unit_id, to.id, rest));
    moveCellsToEmployee(db, to.planId, id, copyId);
    e.id = copyId;
  }
  return next;
}
