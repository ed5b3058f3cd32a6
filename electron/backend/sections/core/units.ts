/** Units: list, create (with the default shift types), rename, settings, delete. */
import type Database from 'better-sqlite3';
import type { CoreApi, UnitSettings } from '../../../../shared/api/core';
import { absenceCodesOf, DEFAULT_SHIFT_TYPES } from '../../../../shared/plan/model';
import { compareNames, sameName } from '../../../../shared/plan/names';
import { DomainError, notFound, validation } from '../../errors';
import { countCellsWithCode } from '../../store/cells';
import { insertShiftType, listShiftTypes } from '../../store/shift-types';
import { deleteUnit, getUnitRow, insertUnit, listUnitRows, readUnit, renameUnit, settingsOf, writeSettings } from '../../store/units';

type UnitsApi = Pick<CoreApi, 'listUnits' | 'createUnit' | 'getUnit' | 'renameUnit' | 'updateUnitSettings' | 'deleteUnit'>;

function assertUniqueUnitName(db: Database.Database, name: string, exceptId?: number): void {
  for (const u of listUnitRows(db)) {
    if (u.id !== exceptId && sameName(u.name, name)) {
      throw new DomainError('CONFLICT', `Det finnes allerede en enhet som heter «${u.name}».`, 'name');
    }
  }
}

/** Absence codes of a settings patch: unique, not a shift code, and none in use disappears. */
function checkAbsenceCodes(
  db: Database.Database,
  unitId: number,
  before: UnitSettings,
  next: NonNullable<UnitSettings['absenceCodes']>,
): void {
  const shiftCodes = new Set(listShiftTypes(db, unitId).map((s) => s.code));
  const seen = new Set<string>();
  next.forEach((a, i) => {
    if (seen.has(a.code)) throw validation(`settings.absenceCodes[${i}].code`, `Fraværskoden «${a.code}» står to ganger.`);
    if (shiftCodes.has(a.code)) {
      throw validation(`settings.absenceCodes[${i}].code`, `Koden «${a.code}» brukes allerede av en vakttype.`);
    }
    seen.add(a.code);
  });
  // A code that disappears must not be in use (the four defaults always stay known).
  const was = absenceCodesOf({ absenceCodes: before.absenceCodes }).map((a) => a.code);
  const after = new Set(absenceCodesOf({ absenceCodes: next }).map((a) => a.code));
  for (const code of was.filter((c) => !after.has(c))) {
    const used = countCellsWithCode(db, unitId, code);
    if (used > 0) {
      throw new DomainError(
        'CONFLICT',
        `Fraværskoden «${code}» brukes i ${used} ${used === 1 ? 'celle' : 'celler'} i enhetens turnuser og kan ikke fjernes.`,
        'settings.absenceCodes',
      );
    }
  }
}

export function unitHandlers(db: Database.Database): UnitsApi {
  return {
    async listUnits() {
      return listUnitRows(db)
        .map((u) => ({ id: u.id, name: u.name, employeeCount: u.employeeCount, planCount: u.planCount }))
        .sort((a, b) => compareNames(a.name, b.name) || a.id - b.id);
    },

    async createUnit(name) {
      const id = db.transaction(() => {
        assertUniqueUnitName(db, name);
        const unitId = insertUnit(db, name);
        for (const st of DEFAULT_SHIFT_TYPES) insertShiftType(db, unitId, st);
        return unitId;
      })();
      return readUnit(db, id);
    },

    async getUnit(unitId) {
      return readUnit(db, unitId);
    },

    async renameUnit(unitId, name) {
      db.transaction(() => {
        getUnitRow(db, unitId);
        assertUniqueUnitName(db, name, unitId);
        renameUnit(db, unitId, name);
      })();
      return readUnit(db, unitId);
    },

    async updateUnitSettings(unitId, patch) {
      db.transaction(() => {
        const before = settingsOf(getUnitRow(db, unitId));
        if (patch.absenceCodes) checkAbsenceCodes(db, unitId, before, patch.absenceCodes);
        writeSettings(db, unitId, { ...before, ...patch });
      })();
      return readUnit(db, unitId);
    },

    async deleteUnit(unitId) {
      if (!deleteUnit(db, unitId)) throw notFound('enheten', unitId, 'unitId');
    },
  };
}
