/** Employees of a unit: rows of `employees` ↔ Employee of the plan model. */
import type Database from 'better-sqlite3';
import type { Employee, NewEmployee } from '../../../shared/plan/model';
import { wantedBelowPosition } from '../../../shared/plan/limits';
import { compareNames } from '../../../shared/plan/names';
import { notFound, validation } from '../errors';
import { bool, nowIso } from './util';

export interface EmployeeRow {
  id: number;
  unit_id: number;
  name: string;
  competence: string;
  position: number;
  wanted_position: number | null;
  weekly_hours: number | null;
  consents_long_shifts: number;
  long_shift_consent_date: string | null;
  night_exempt: number;
  age60plus: number;
  wants_hovedferie: number;
  weekend_group: number | null;
  employee_number: string | null;
  /** The scenario whose own person this is (m093); null for the unit's employees. */
  scenario_of?: number | null;
}

export function toEmployee(r: EmployeeRow): Employee {
  const e: Employee = {
    id: String(r.id),
    name: r.name,
    competence: r.competence,
    position: r.position,
    consentsLongShifts: r.consents_long_shifts === 1,
    nightExempt: r.night_exempt === 1,
    age60plus: r.age60plus === 1,
    wantsHovedferie: r.wants_hovedferie === 1,
  };
  if (r.wanted_position !== null) e.wantedPosition = r.wanted_position;
  if (r.weekly_hours !== null) e.weeklyHours = r.weekly_hours;
  if (r.long_shift_consent_date !== null) e.longShiftConsentDate = r.long_shift_consent_date;
  if (r.weekend_group !== null) e.weekendGroup = r.weekend_group;
  if (r.employee_number !== null) e.employeeNumber = r.employee_number;
  return e;
}

export function toNewEmployee(e: Employee): NewEmployee {
  const { id: _id, ...rest } = e;
  return rest;
}

/** The unit's employees in Norwegian name order (then by id); people added in a scenario (m093) are not the unit's. */
export function listEmployees(db: Database.Database, unitId: number): Employee[] {
  return db
    .prepare<[number], EmployeeRow>('SELECT * FROM employees WHERE unit_id = ? AND scenario_of IS NULL')
    .all(unitId)
    .map(toEmployee)
    .sort((a, b) => compareNames(a.name, b.name) || Number(a.id) - Number(b.id));
}

/** Ids (as in a plan file: String(database id)) of the employees rows `where` selects. */
function idsWhere(db: Database.Database, where: string, param: number): Set<string> {
  return new Set(
    db
      .prepare<[number], { id: number }>(`SELECT id FROM employees WHERE ${where}`)
      .all(param)
      .map((e) => String(e.id)),
  );
}

/** The ids (as in a plan file: String(database id)) of the unit's employees. */
export function employeeIdsOf(db: Database.Database, unitId: number): Set<string> {
  return idsWhere(db, 'unit_id = ? AND scenario_of IS NULL', unitId);
}

/** Employee id (String(database id)) → name, for the unit. */
export function employeeNamesOf(db: Database.Database, unitId: number): Map<string, string> {
  return new Map(
    db
      .prepare<[number], { id: number; name: string }>('SELECT id, name FROM employees WHERE unit_id = ?')
      .all(unitId)
      .map((e) => [String(e.id), e.name]),
  );
}

export function findEmployeeRow(db: Database.Database, employeeId: number): EmployeeRow | undefined {
  return db.prepare<[number], EmployeeRow>('SELECT * FROM employees WHERE id = ?').get(employeeId);
}

export function getEmployeeRow(db: Database.Database, employeeId: number, field = 'employeeId'): EmployeeRow {
  const row = findEmployeeRow(db, employeeId);
  if (!row) throw notFound('den ansatte', employeeId, field);
  return row;
}

/** The one rule that needs both fields: the wanted position is never below the position. */
export function checkEmployee(e: Partial<NewEmployee>, field: string): void {
  const problem = wantedBelowPosition(e);
  if (problem) throw validation(`${field}.wantedPosition`, problem);
}

/** An empty employee number means none. */
function employeeNumberOf(e: Pick<NewEmployee, 'employeeNumber'>): string | null {
  const n = e.employeeNumber?.trim();
  return n ? n : null;
}

/** The employee of the unit with this employee number (ansattnr), if any. */
export function findByEmployeeNumber(db: Database.Database, unitId: number, employeeNumber: string): EmployeeRow | undefined {
  return db
    .prepare<[number, string], EmployeeRow>('SELECT * FROM employees WHERE unit_id = ? AND employee_number = ? AND scenario_of IS NULL')
    .get(unitId, employeeNumber);
}

/** Inserts (id null) or overwrites an employee; returns its id. An ansattnr is unique within the unit. */
export function writeEmployee(db: Database.Database, id: number | null, unitId: number, e: NewEmployee): number {
  const now = nowIso();
  const number = employeeNumberOf(e);
  if (number !== null) {
    const other = findByEmployeeNumber(db, unitId, number);
    if (other && other.id !== id)
      throw validation('employeeNumber', `Ansattnr «${number}» er allerede brukt av ${other.name} i denne avdelingen.`);
  }
  const params = {
    number,
    unitId,
    name: e.name,
    competence: e.competence,
    position: e.position,
    wanted: e.wantedPosition ?? null,
    weekly: e.weeklyHours ?? null,
    consents: bool(e.consentsLongShifts),
    consentDate: e.longShiftConsentDate ?? null,
    nightExempt: bool(e.nightExempt),
    age60: bool(e.age60plus),
    hovedferie: bool(e.wantsHovedferie),
    group: e.weekendGroup ?? null,
    now,
  };
  if (id === null) {
    return Number(
      db
        .prepare(
          `INSERT INTO employees (unit_id, name, competence, position, wanted_position, weekly_hours, consents_long_shifts,
         long_shift_consent_date, night_exempt, age60plus, wants_hovedferie, weekend_group, employee_number, created_at, updated_at)
       VALUES (@unitId, @name, @competence, @position, @wanted, @weekly, @consents, @consentDate, @nightExempt, @age60,
         @hovedferie, @group, @number, @now, @now)`,
        )
        .run(params).lastInsertRowid,
    );
  }
  db.prepare(
    `UPDATE employees SET name = @name, competence = @competence, position = @position, wanted_position = @wanted,
       weekly_hours = @weekly, consents_long_shifts = @consents, long_shift_consent_date = @consentDate,
       night_exempt = @nightExempt, age60plus = @age60, wants_hovedferie = @hovedferie, weekend_group = @group,
       employee_number = @number, updated_at = @now WHERE id = @id`,
  ).run({ ...params, id });
  return id;
}

/** The contract fields a scenario may change (position, wanted position, consent to long shifts). */
export function updateContract(
  db: Database.Database,
  employeeId: number,
  c: { position: number; wantedPosition: number | null; consentsLongShifts: boolean },
): void {
  db.prepare('UPDATE employees SET position = ?, wanted_position = ?, consents_long_shifts = ?, updated_at = ? WHERE id = ?').run(
    c.position,
    c.wantedPosition,
    bool(c.consentsLongShifts),
    nowIso(),
    employeeId,
  );
}

export function setWeekendGroup(db: Database.Database, employeeId: number, group: number | null): void {
  db.prepare('UPDATE employees SET weekend_group = ?, updated_at = ? WHERE id = ?').run(group, nowIso(), employeeId);
}

/** false when there was no such employee. */
export function deleteEmployee(db: Database.Database, employeeId: number): boolean {
  return db.prepare('DELETE FROM employees WHERE id = ?').run(employeeId).changes > 0;
}

// --- people added in a scenario (m093) --------------------------------------------------------

/** A person the scenario adds (a new position): an employees row of the scenario, never of the unit's lists. */
export function insertScenarioEmployee(db: Database.Database, unitId: number, scenarioId: number, e: NewEmployee): number {
  const { employeeNumber: _none, ...rest } = e;
  const id = writeEmployee(db, null, unitId, rest);
  db.prepare('UPDATE employees SET scenario_of = ? WHERE id = ?').run(scenarioId, id);
  return id;
}

/** Ids (String(database id)) of the people the scenario added. */
export function scenarioEmployeeIds(db: Database.Database, scenarioId: number): Set<string> {
  return idsWhere(db, 'scenario_of = ?', scenarioId);
}

/** «Gjør til gjeldende plan»: the scenario's person becomes an employee of the unit. */
export function adoptScenarioEmployee(db: Database.Database, employeeId: number): void {
  db.prepare('UPDATE employees SET scenario_of = NULL, updated_at = ? WHERE id = ?').run(nowIso(), employeeId);
}
