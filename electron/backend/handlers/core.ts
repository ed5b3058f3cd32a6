/**
 * Handlers for CoreApi: units, shift types, employees, bemanningsplan, plans and cells.
 * Arguments arrive already validated by the dispatcher (shared/api-args.ts); the checks here
 * are the ones that need the database (does the id exist, is the code known in this unit …).
 * Every write is one transaction: a rejected call leaves nothing half-written.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type {
  BackupInfo, CellChange, CoreApi, NewEmployee, PlanDetail, PlanStatus, PlanSummary, UnitDetail,
  UnitSettings, UnitSummary,
} from '../../../shared/api';
import { CORE_ARGS, zUnitSettings } from '../../../shared/api/args';
import {
  DEFAULT_ABSENCE_CODES, DEFAULT_AGREEMENTS, DEFAULT_HELTID_THRESHOLD, DEFAULT_SHIFT_TYPES,
  absenceCodesOf, type Assignment, type DemandRow, type Employee, type ShiftType, type TurnusPlan,
} from '../../../shared/plan/model';
import { addDays, daysInMonth, dayOf, fromDay, toDay, ymd } from '../../../shared/calendar';
import { DomainError, notFound, validation } from '../errors';
import type { HandlerContext } from './context';
import type { Section } from './section';

/** Norwegian sort order (Æ, Ø, Å last); SQLite's ORDER BY cannot do this. */
export const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

export const DEFAULT_UNIT_SETTINGS: UnitSettings = {
  heltidThreshold: DEFAULT_HELTID_THRESHOLD,
  weekendFrequency: null,
  holidayReduction: 'MONSAT_T_OVER_6',
  agreements: { ...DEFAULT_AGREEMENTS },
  maxConsecutiveDays: 6,
  costs: {},
  absenceCodes: DEFAULT_ABSENCE_CODES.map((a) => ({ ...a })),
};

const STATUS_LABEL: Record<PlanStatus, string> = { utkast: 'utkast', til_drofting: 'til drøfting', godkjent: 'godkjent' };
export { STATUS_LABEL as PLAN_STATUS_LABEL };

interface UnitRow { id: number; name: string; settings: string }
interface ShiftRow {
  code: string; name: string | null; start_time: string; end_time: string; unpaid_break_minutes: number;
  long: number; color: string | null; counts_toward: string;
}
interface EmployeeRow {
  id: number; unit_id: number; name: string; competence: string; position: number; wanted_position: number | null;
  weekly_hours: number | null; consents_long_shifts: number; long_shift_consent_date: string | null;
  night_exempt: number; age60plus: number; wants_hovedferie: number; weekend_group: number | null;
}
interface DemandDbRow { day_type: DemandRow['dayType'] | null; date: string | null; shift: string; competence: string; count: number }
interface PlanRow { id: number; unit_id: number; name: string; start_date: string; end_date: string; status: PlanStatus; updated_at: string }

const nowIso = () => new Date().toISOString();

/** Plan end for a start date and a length in months: start + months − 1 day (clamped to month end). */
export function planEndDate(start: string, months: number): string {
  const { year, month, day } = ymd(toDay(start));
  const m0 = month - 1 + months;
  const y = year + Math.floor(m0 / 12);
  const m = (m0 % 12) + 1;
  return addDays(fromDay(dayOf(y, m, Math.min(day, daysInMonth(y, m)))), -1);
}

function toShiftType(r: ShiftRow): ShiftType {
  const st: ShiftType = { code: r.code, start: r.start_time, end: r.end_time };
  if (r.name) st.name = r.name;
  if (r.unpaid_break_minutes > 0) st.unpaidBreakMinutes = r.unpaid_break_minutes;
  if (r.long) st.long = true;
  if (r.color) st.color = r.color;
  const ct = JSON.parse(r.counts_toward) as string[];
  if (ct.length > 0) st.countsToward = ct;
  return st;
}

function toEmployee(r: EmployeeRow): Employee {
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
  return e;
}

function toDemand(r: DemandDbRow): DemandRow {
  const d: DemandRow = r.date !== null ? { date: r.date, shift: r.shift, competence: r.competence, count: r.count }
    : { dayType: r.day_type ?? 'weekday', shift: r.shift, competence: r.competence, count: r.count };
  return d;
}

function toPlanSummary(r: PlanRow): PlanSummary {
  return { id: r.id, unitId: r.unit_id, name: r.name, start: r.start_date, end: r.end_date, status: r.status, updatedAt: r.updated_at };
}

const bool = (b: boolean | undefined) => (b ? 1 : 0);

export function createCoreHandlers(db: Database.Database, ctx: HandlerContext): CoreApi {
  const q = {
    unit: db.prepare<[number], UnitRow>('SELECT id, name, settings FROM units WHERE id = ?'),
    units: db.prepare<[], UnitRow & { employeeCount: number; planCount: number }>(
      `SELECT u.id, u.name, u.settings,
              (SELECT count(*) FROM employees e WHERE e.unit_id = u.id) AS employeeCount,
              (SELECT count(*) FROM plans p WHERE p.unit_id = u.id) AS planCount
       FROM units u`),
    shiftTypes: db.prepare<[number], ShiftRow>(
      `SELECT code, name, start_time, end_time, unpaid_break_minutes, long, color, counts_toward
       FROM shift_types WHERE unit_id = ? ORDER BY sort_order, id`),
    employees: db.prepare<[number], EmployeeRow>('SELECT * FROM employees WHERE unit_id = ?'),
    employee: db.prepare<[number], EmployeeRow>('SELECT * FROM employees WHERE id = ?'),
    demand: db.prepare<[number], DemandDbRow>(
      'SELECT day_type, date, shift, competence, count FROM demand_rows WHERE unit_id = ? ORDER BY sort_order, id'),
    plan: db.prepare<[number], PlanRow>('SELECT id, unit_id, name, start_date, end_date, status, updated_at FROM plans WHERE id = ?'),
    plans: db.prepare<[number], PlanRow>('SELECT id, unit_id, name, start_date, end_date, status, updated_at FROM plans WHERE unit_id = ?'),
    assignments: db.prepare<[number], { employee_id: number; date: string; code: string; pinned: number }>(
      'SELECT employee_id, date, code, pinned FROM assignments WHERE plan_id = ? ORDER BY employee_id, date'),
    insertShift: db.prepare(
      `INSERT INTO shift_types (unit_id, code, name, start_time, end_time, unpaid_break_minutes, long, color, counts_toward, sort_order)
       VALUES (@unitId, @code, @name, @start, @end, @brk, @long, @color, @ct,
               (SELECT coalesce(max(sort_order), 0) + 1 FROM shift_types WHERE unit_id = @unitId))`),
    touchUnit: db.prepare('UPDATE units SET updated_at = ? WHERE id = ?'),
    touchPlan: db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?'),
  };

  function unitRow(unitId: number, field = 'unitId'): UnitRow {
    const row = q.unit.get(unitId);
    if (!row) throw notFound('enheten', unitId, field);
    return row;
  }

  /** Settings are validated on every read: a damaged value is reported, never guessed. */
  function settingsOf(row: UnitRow): UnitSettings {
    let raw: unknown;
    try {
      raw = JSON.parse(row.settings);
    } catch {
      throw new DomainError('DB_DAMAGED', `Innstillingene for enheten «${row.name}» er skadet (ikke gyldig JSON).`, 'settings');
    }
    const merged = { ...DEFAULT_UNIT_SETTINGS, ...(raw as object) };
    const parsed = zUnitSettings.safeParse(merged);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = ['settings', ...issue.path.map(String)].join('.');
      throw new DomainError('DB_DAMAGED', `Innstillingene for enheten «${row.name}» er ugyldige: ${field} ${issue.message}.`, field);
    }
    return parsed.data as UnitSettings;
  }

  function shiftTypesOf(unitId: number): ShiftType[] {
    return q.shiftTypes.all(unitId).map(toShiftType);
  }

  function employeesOf(unitId: number): Employee[] {
    return q.employees.all(unitId).map(toEmployee).sort((a, b) => collator.compare(a.name, b.name) || Number(a.id) - Number(b.id));
  }

  function unitDetail(unitId: number): UnitDetail {
    const row = unitRow(unitId);
    return {
      id: row.id,
      name: row.name,
      settings: settingsOf(row),
      shiftTypes: shiftTypesOf(unitId),
      employees: employeesOf(unitId),
      demand: q.demand.all(unitId).map(toDemand),
    };
  }

  function planRow(planId: number, field = 'planId'): PlanRow {
    const row = q.plan.get(planId);
    if (!row) throw notFound('turnusen', planId, field);
    return row;
  }

  function planDetail(planId: number): PlanDetail {
    const p = planRow(planId);
    const unit = unitRow(p.unit_id);
    const settings = settingsOf(unit);
    const employees = employeesOf(p.unit_id);
    const order = new Map(employees.map((e, i) => [e.id, i]));
    const assignments: Assignment[] = q.assignments.all(planId)
      .map((a) => {
        const out: Assignment = { employee: String(a.employee_id), date: a.date, code: a.code };
        if (a.pinned) out.pinned = true;
        return out;
      })
      .sort((a, b) => (order.get(a.employee)! - order.get(b.employee)!) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const file: TurnusPlan = {
      format: 'turnusplan',
      version: 1,
      unit: {
        name: unit.name,
        heltidThreshold: settings.heltidThreshold,
        ...(settings.weekendFrequency !== null ? { weekendFrequency: settings.weekendFrequency } : {}),
      },
      period: { start: p.start_date, end: p.end_date },
      rules: {
        holidayReduction: settings.holidayReduction,
        agreements: { ...settings.agreements },
        maxConsecutiveDays: settings.maxConsecutiveDays,
      },
      shiftTypes: shiftTypesOf(p.unit_id),
      absenceCodes: settings.absenceCodes,
      employees,
      demand: q.demand.all(p.unit_id).map(toDemand),
      assignments,
      costs: settings.costs,
    };
    return { ...toPlanSummary(p), file };
  }

  function assertUniqueUnitName(name: string, exceptId?: number): void {
    for (const u of q.units.all()) {
      if (u.id !== exceptId && collator.compare(u.name, name) === 0) {
        throw new DomainError('CONFLICT', `Det finnes allerede en enhet som heter «${u.name}».`, 'name');
      }
    }
  }

  function employeeRow(employeeId: number): EmployeeRow {
    const row = q.employee.get(employeeId);
    if (!row) throw notFound('den ansatte', employeeId, 'employeeId');
    return row;
  }

  function checkEmployee(e: Partial<NewEmployee>, field: string): void {
    if (e.wantedPosition !== undefined && e.position !== undefined && e.wantedPosition < e.position) {
      throw validation(`${field}.wantedPosition`,
        `Ønsket stillingsprosent (${Math.round(e.wantedPosition * 100)} %) kan ikke være lavere enn stillingsprosenten (${Math.round(e.position * 100)} %).`);
    }
  }

  function writeEmployee(id: number | null, unitId: number, e: NewEmployee): number {
    const now = nowIso();
    const params = {
      unitId, name: e.name, competence: e.competence, position: e.position,
      wanted: e.wantedPosition ?? null, weekly: e.weeklyHours ?? null, consents: bool(e.consentsLongShifts),
      consentDate: e.longShiftConsentDate ?? null, nightExempt: bool(e.nightExempt), age60: bool(e.age60plus),
      hovedferie: bool(e.wantsHovedferie), group: e.weekendGroup ?? null, now,
    };
    if (id === null) {
      return Number(db.prepare(
        `INSERT INTO employees (unit_id, name, competence, position, wanted_position, weekly_hours, consents_long_shifts,
           long_shift_consent_date, night_exempt, age60plus, wants_hovedferie, weekend_group, created_at, updated_at)
         VALUES (@unitId, @name, @competence, @position, @wanted, @weekly, @consents, @consentDate, @nightExempt, @age60,
           @hovedferie, @group, @now, @now)`).run(params).lastInsertRowid);
    }
    db.prepare(
      `UPDATE employees SET name = @name, competence = @competence, position = @position, wanted_position = @wanted,
         weekly_hours = @weekly, consents_long_shifts = @consents, long_shift_consent_date = @consentDate,
         night_exempt = @nightExempt, age60plus = @age60, wants_hovedferie = @hovedferie, weekend_group = @group,
         updated_at = @now WHERE id = @id`).run({ ...params, id });
    return id;
  }

  function toNewEmployee(e: Employee): NewEmployee {
    const { id: _id, ...rest } = e;
    return rest;
  }

  /** Codes a cell may hold in a unit: its shift types and its absence codes. */
  function cellCodesOf(unitId: number): Set<string> {
    const settings = settingsOf(unitRow(unitId));
    return new Set([
      ...shiftTypesOf(unitId).map((s) => s.code),
      ...absenceCodesOf({ absenceCodes: settings.absenceCodes }).map((a) => a.code),
    ]);
  }

  function requireBackups() {
    if (!ctx.backups) throw new DomainError('UNAVAILABLE', 'Sikkerhetskopier er slått av for denne datafilen.');
    return ctx.backups;
  }

  const api: CoreApi = {
    async appInfo() {
      return { version: ctx.version, dataFile: ctx.dataFile, mode: ctx.mode };
    },

    async listUnits(): Promise<UnitSummary[]> {
      return q.units.all()
        .map((u) => ({ id: u.id, name: u.name, employeeCount: u.employeeCount, planCount: u.planCount }))
        .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
    },

    async createUnit(name) {
      const id = db.transaction(() => {
        assertUniqueUnitName(name);
        const now = nowIso();
        const unitId = Number(db.prepare('INSERT INTO units (name, settings, created_at, updated_at) VALUES (?, ?, ?, ?)')
          .run(name, JSON.stringify(DEFAULT_UNIT_SETTINGS), now, now).lastInsertRowid);
        for (const st of DEFAULT_SHIFT_TYPES) {
          q.insertShift.run({
            unitId, code: st.code, name: st.name ?? null, start: st.start, end: st.end, brk: st.unpaidBreakMinutes ?? 0,
            long: bool(st.long), color: st.color ?? null, ct: JSON.stringify(st.countsToward ?? []),
          });
        }
        return unitId;
      })();
      return unitDetail(id);
    },

    async getUnit(unitId) {
      return unitDetail(unitId);
    },

    async renameUnit(unitId, name) {
      db.transaction(() => {
        unitRow(unitId);
        assertUniqueUnitName(name, unitId);
        db.prepare('UPDATE units SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), unitId);
      })();
      return unitDetail(unitId);
    },

    async updateUnitSettings(unitId, patch) {
      db.transaction(() => {
        const row = unitRow(unitId);
        const next: UnitSettings = { ...settingsOf(row), ...patch };
        if (patch.absenceCodes) {
          const shiftCodes = new Set(shiftTypesOf(unitId).map((s) => s.code));
          const seen = new Set<string>();
          patch.absenceCodes.forEach((a, i) => {
            if (seen.has(a.code)) throw validation(`settings.absenceCodes[${i}].code`, `Fraværskoden «${a.code}» står to ganger.`);
            if (shiftCodes.has(a.code)) {
              throw validation(`settings.absenceCodes[${i}].code`, `Koden «${a.code}» brukes allerede av en vakttype.`);
            }
            seen.add(a.code);
          });
          // A code that disappears must not be in use (the four defaults always stay known).
          const before = absenceCodesOf({ absenceCodes: settingsOf(row).absenceCodes }).map((a) => a.code);
          const after = new Set(absenceCodesOf({ absenceCodes: patch.absenceCodes }).map((a) => a.code));
          for (const code of before.filter((c) => !after.has(c))) {
            const used = (db.prepare(
              'SELECT count(*) AS n FROM assignments WHERE code = ? AND plan_id IN (SELECT id FROM plans WHERE unit_id = ?)',
            ).get(code, unitId) as { n: number }).n;
            if (used > 0) {
              throw new DomainError('CONFLICT',
                `Fraværskoden «${code}» brukes i ${used} ${used === 1 ? 'celle' : 'celler'} i enhetens turnuser og kan ikke fjernes.`,
                'settings.absenceCodes');
            }
          }
        }
        const checked = zUnitSettings.parse(next);
        db.prepare('UPDATE units SET settings = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(checked), nowIso(), unitId);
      })();
      return unitDetail(unitId);
    },

    async deleteUnit(unitId) {
      const res = db.prepare('DELETE FROM units WHERE id = ?').run(unitId);
      if (res.changes === 0) throw notFound('enheten', unitId, 'unitId');
    },

    async saveShiftType(unitId, st, previousCode) {
      db.transaction(() => {
        const unit = unitRow(unitId);
        const existing = shiftTypesOf(unitId);
        const codes = new Set(existing.map((s) => s.code));
        const absence = new Set(absenceCodesOf({ absenceCodes: settingsOf(unit).absenceCodes }).map((a) => a.code));
        if (previousCode !== undefined && !codes.has(previousCode)) {
          throw new DomainError('NOT_FOUND', `Fant ingen vakttype med koden «${previousCode}» i enheten.`, 'previousCode');
        }
        const renaming = previousCode !== undefined && previousCode !== st.code;
        if ((previousCode === undefined || renaming) && codes.has(st.code)) {
          throw new DomainError('CONFLICT', `Det finnes allerede en vakttype med koden «${st.code}».`, 'shiftType.code');
        }
        if (absence.has(st.code)) {
          throw new DomainError('CONFLICT', `Koden «${st.code}» er en fraværskode og kan ikke brukes som vakttype.`, 'shiftType.code');
        }
        (st.countsToward ?? []).forEach((c, i) => {
          const known = codes.has(c) && c !== previousCode;
          if (!known || c === st.code) {
            throw validation(`shiftType.countsToward[${i}]`, `«${c}» er ikke en annen vakttype i enheten.`);
          }
        });
        const values = {
          unitId, code: st.code, name: st.name ?? null, start: st.start, end: st.end, brk: st.unpaidBreakMinutes ?? 0,
          long: bool(st.long), color: st.color ?? null, ct: JSON.stringify(st.countsToward ?? []),
        };
        if (previousCode === undefined) {
          q.insertShift.run(values);
        } else {
          db.prepare(
            `UPDATE shift_types SET code = @code, name = @name, start_time = @start, end_time = @end,
               unpaid_break_minutes = @brk, long = @long, color = @color, counts_toward = @ct
             WHERE unit_id = @unitId AND code = @previousCode`).run({ ...values, previousCode });
          if (renaming) {
            db.prepare(`UPDATE assignments SET code = ? WHERE code = ? AND plan_id IN (SELECT id FROM plans WHERE unit_id = ?)`)
              .run(st.code, previousCode, unitId);
            db.prepare('UPDATE demand_rows SET shift = ? WHERE shift = ? AND unit_id = ?').run(st.code, previousCode, unitId);
            for (const other of existing) {
              if (other.countsToward?.includes(previousCode!)) {
                const ct = other.countsToward.map((c) => (c === previousCode ? st.code : c));
                db.prepare('UPDATE shift_types SET counts_toward = ? WHERE unit_id = ? AND code = ?').run(JSON.stringify(ct), unitId, other.code);
              }
            }
          }
        }
        q.touchUnit.run(nowIso(), unitId);
      })();
      return unitDetail(unitId);
    },

    async deleteShiftType(unitId, code) {
      db.transaction(() => {
        unitRow(unitId);
        const existing = shiftTypesOf(unitId);
        if (!existing.some((s) => s.code === code)) {
          throw new DomainError('NOT_FOUND', `Fant ingen vakttype med koden «${code}» i enheten.`, 'code');
        }
        const used = (db.prepare(
          `SELECT count(*) AS n FROM assignments WHERE code = ? AND plan_id IN (SELECT id FROM plans WHERE unit_id = ?)`,
        ).get(code, unitId) as { n: number }).n;
        if (used > 0) {
          throw new DomainError('CONFLICT',
            `Vakttypen «${code}» brukes i ${used} ${used === 1 ? 'vakt' : 'vakter'} i enhetens turnuser. Fjern dem før du sletter vakttypen.`, 'code');
        }
        const demand = (db.prepare('SELECT count(*) AS n FROM demand_rows WHERE shift = ? AND unit_id = ?').get(code, unitId) as { n: number }).n;
        if (demand > 0) {
          throw new DomainError('CONFLICT',
            `Vakttypen «${code}» brukes i ${demand} ${demand === 1 ? 'rad' : 'rader'} i bemanningsplanen. Fjern radene først.`, 'code');
        }
        db.prepare('DELETE FROM shift_types WHERE unit_id = ? AND code = ?').run(unitId, code);
        for (const other of existing) {
          if (other.countsToward?.includes(code)) {
            db.prepare('UPDATE shift_types SET counts_toward = ? WHERE unit_id = ? AND code = ?')
              .run(JSON.stringify(other.countsToward.filter((c) => c !== code)), unitId, other.code);
          }
        }
        q.touchUnit.run(nowIso(), unitId);
      })();
      return unitDetail(unitId);
    },

    async addEmployee(unitId, employee) {
      const id = db.transaction(() => {
        unitRow(unitId);
        checkEmployee(employee, 'employee');
        return writeEmployee(null, unitId, employee);
      })();
      return toEmployee(employeeRow(id));
    },

    async updateEmployee(employeeId, patch) {
      db.transaction(() => {
        const row = employeeRow(employeeId);
        const next: NewEmployee = { ...toNewEmployee(toEmployee(row)), ...patch };
        checkEmployee(next, 'patch');
        writeEmployee(employeeId, row.unit_id, next);
      })();
      return toEmployee(employeeRow(employeeId));
    },

    async deleteEmployee(employeeId) {
      const res = db.prepare('DELETE FROM employees WHERE id = ?').run(employeeId);
      if (res.changes === 0) throw notFound('den ansatte', employeeId, 'employeeId');
    },

    async setDemand(unitId, rows) {
      db.transaction(() => {
        unitRow(unitId);
        const codes = new Set(shiftTypesOf(unitId).map((s) => s.code));
        rows.forEach((r, i) => {
          if (!codes.has(r.shift)) throw validation(`rows[${i}].shift`, `Rad ${i + 1} i bemanningsplanen: «${r.shift}» er ikke en vakttype i enheten.`);
        });
        db.prepare('DELETE FROM demand_rows WHERE unit_id = ?').run(unitId);
        const ins = db.prepare(
          'INSERT INTO demand_rows (unit_id, day_type, date, shift, competence, count, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)');
        rows.forEach((r, i) => ins.run(unitId, r.date ? null : (r.dayType ?? null), r.date ?? null, r.shift, r.competence, r.count, i));
        q.touchUnit.run(nowIso(), unitId);
      })();
      return unitDetail(unitId);
    },

    async listPlans(unitId) {
      unitRow(unitId);
      return q.plans.all(unitId).map(toPlanSummary)
        .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : collator.compare(a.name, b.name)));
    },

    async createPlan(unitId, name, start, months) {
      const id = db.transaction(() => {
        unitRow(unitId);
        const now = nowIso();
        return Number(db.prepare(
          `INSERT INTO plans (unit_id, name, start_date, end_date, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'utkast', ?, ?)`).run(unitId, name, start, planEndDate(start, months), now, now).lastInsertRowid);
      })();
      return planDetail(id);
    },

    async getPlan(planId) {
      return planDetail(planId);
    },

    async renamePlan(planId, name) {
      planRow(planId);
      db.prepare('UPDATE plans SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), planId);
      return toPlanSummary(planRow(planId));
    },

    async deletePlan(planId) {
      const res = db.prepare('DELETE FROM plans WHERE id = ?').run(planId);
      if (res.changes === 0) throw notFound('turnusen', planId, 'planId');
    },

    async setCells(planId, changes: CellChange[]) {
      return db.transaction(() => {
        const p = planRow(planId);
        const employees = new Set(q.employees.all(p.unit_id).map((e) => String(e.id)));
        const codes = cellCodesOf(p.unit_id);
        changes.forEach((c, i) => {
          if (!employees.has(c.employeeId)) {
            throw validation(`changes[${i}].employeeId`, `Endring ${i + 1}: den ansatte med id ${c.employeeId} hører ikke til enheten.`);
          }
          if (c.date < p.start_date || c.date > p.end_date) {
            throw validation(`changes[${i}].date`,
              `Endring ${i + 1}: datoen ${c.date} ligger utenfor turnusperioden ${p.start_date}–${p.end_date}.`);
          }
          if (c.code !== null && !codes.has(c.code)) {
            throw validation(`changes[${i}].code`, `Endring ${i + 1}: «${c.code}» er ikke en vakttype eller fraværskode i enheten.`);
          }
        });
        const upsert = db.prepare(
          `INSERT INTO assignments (plan_id, employee_id, date, code, pinned) VALUES (?, ?, ?, ?, coalesce(?, 0))
           ON CONFLICT (plan_id, employee_id, date) DO UPDATE SET code = excluded.code,
             pinned = coalesce(?, assignments.pinned)`);
        const del = db.prepare('DELETE FROM assignments WHERE plan_id = ? AND employee_id = ? AND date = ?');
        for (const c of changes) {
          const emp = Number(c.employeeId);
          if (c.code === null) del.run(planId, emp, c.date);
          else {
            const pin = c.pinned === undefined ? null : bool(c.pinned);
            upsert.run(planId, emp, c.date, c.code, pin, pin);
          }
        }
        const updatedAt = nowIso();
        q.touchPlan.run(updatedAt, planId);
        return { written: changes.length, updatedAt };
      })();
    },

    async listBackups(): Promise<BackupInfo[]> {
      return ctx.backups?.list() ?? [];
    },

    async createBackup() {
      const backups = requireBackups();
      const file = path.basename(await backups.create('manuell'));
      const info = backups.list().find((b) => b.name === file);
      if (!info) throw new DomainError('INTERNAL', 'Sikkerhetskopien ble skrevet, men finnes ikke i listen.');
      return info;
    },

    async restoreBackup(name) {
      return requireBackups().restore(name);
    },

    async checkBackups() {
      const backups = requireBackups();
      backups.checkAll(true);
      return backups.list();
    },
  };
  return api;
}

/** The core section for the handler registry (handlers/index.ts). */
export const coreSection: Section<CoreApi> = {
  name: 'core',
  args: CORE_ARGS,
  create: createCoreHandlers,
};
