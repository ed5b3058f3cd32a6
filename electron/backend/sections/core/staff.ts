/** Staff of a unit: add, change, delete, and the weekend setup (rhythm, anchor, groups). */
import type Database from 'better-sqlite3';
import type { CoreApi, NewEmployee } from '../../../../shared/api/core';
import { notFound, validation } from '../../errors';
import {
  checkEmployee,
  deleteEmployee,
  employeeIdsOf,
  getEmployeeRow,
  setWeekendGroup,
  toEmployee,
  toNewEmployee,
  writeEmployee,
} from '../../store/staff';
import { getUnitRow, readUnit, settingsOf, writeSettings } from '../../store/units';

type StaffApi = Pick<CoreApi, 'addEmployee' | 'updateEmployee' | 'deleteEmployee' | 'saveWeekendSetup'>;

export function staffHandlers(db: Database.Database): StaffApi {
  return {
    async addEmployee(unitId, employee) {
      const id = db.transaction(() => {
        getUnitRow(db, unitId);
        checkEmployee(employee, 'employee');
        return writeEmployee(db, null, unitId, employee);
      })();
      return toEmployee(getEmployeeRow(db, id));
    },

    async updateEmployee(employeeId, patch) {
      db.transaction(() => {
        const row = getEmployeeRow(db, employeeId);
        const next: NewEmployee = { ...toNewEmployee(toEmployee(row)), ...patch };
        checkEmployee(next, 'patch');
        writeEmployee(db, employeeId, row.unit_id, next);
      })();
      return toEmployee(getEmployeeRow(db, employeeId));
    },

    async deleteEmployee(employeeId) {
      if (!deleteEmployee(db, employeeId)) throw notFound('den ansatte', employeeId, 'employeeId');
    },

    async saveWeekendSetup(unitId, setup) {
      db.transaction(() => {
        const { weekendAnchor: _old, ...settings } = settingsOf(getUnitRow(db, unitId));
        writeSettings(db, unitId, {
          ...settings,
          weekendFrequency: setup.weekendFrequency,
          ...(setup.weekendAnchor !== undefined ? { weekendAnchor: setup.weekendAnchor } : {}),
        });
        const staff = employeeIdsOf(db, unitId);
        setup.groups.forEach((g, i) => {
          if (!staff.has(g.employeeId)) {
            throw validation(
              `setup.groups[${i}].employeeId`,
              `Den ansatte med id ${g.employeeId} hører ikke til enheten, så helgeoppsettet ble ikke lagret.`,
            );
          }
          setWeekendGroup(db, Number(g.employeeId), g.weekendGroup);
        });
      })();
      return readUnit(db, unitId);
    },
  };
}
