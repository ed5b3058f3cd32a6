/** Shift types of a unit: save (add, change, rename with every use) and delete. */
import type Database from 'better-sqlite3';
import type { CoreApi } from '../../../../shared/api/core';
import { absenceCodesOf } from '../../../../shared/plan/model';
import { DomainError, validation } from '../../errors';
import { countCellsWithCode, renameCellCode } from '../../store/cells';
import { countDemandFor, renameDemandShift } from '../../store/demand';
import { deleteShiftType, insertShiftType, listShiftTypes, setCountsToward, updateShiftType } from '../../store/shift-types';
import { getUnitRow, readUnit, settingsOf, touchUnit } from '../../store/units';

type ShiftTypesApi = Pick<CoreApi, 'saveShiftType' | 'deleteShiftType'>;

const noShift = (code: string, field: string) => new DomainError('NOT_FOUND', `Fant ingen vakttype med koden «${code}» i enheten.`, field);

export function shiftTypeHandlers(db: Database.Database): ShiftTypesApi {
  return {
    async saveShiftType(unitId, st, previousCode) {
      db.transaction(() => {
        const unit = getUnitRow(db, unitId);
        const existing = listShiftTypes(db, unitId);
        const codes = new Set(existing.map((s) => s.code));
        const absence = new Set(absenceCodesOf({ absenceCodes: settingsOf(unit).absenceCodes }).map((a) => a.code));
        if (previousCode !== undefined && !codes.has(previousCode)) throw noShift(previousCode, 'previousCode');
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
        if (previousCode === undefined) {
          insertShiftType(db, unitId, st);
        } else {
          updateShiftType(db, unitId, previousCode, st);
          if (renaming) {
            renameCellCode(db, unitId, previousCode, st.code);
            renameDemandShift(db, unitId, previousCode, st.code);
            for (const other of existing) {
              if (other.countsToward?.includes(previousCode)) {
                setCountsToward(
                  db,
                  unitId,
                  other.code,
                  other.countsToward.map((c) => (c === previousCode ? st.code : c)),
                );
              }
            }
          }
        }
        touchUnit(db, unitId);
      })();
      return readUnit(db, unitId);
    },

    async deleteShiftType(unitId, code) {
      db.transaction(() => {
        getUnitRow(db, unitId);
        const existing = listShiftTypes(db, unitId);
        if (!existing.some((s) => s.code === code)) throw noShift(code, 'code');
        const used = countCellsWithCode(db, unitId, code);
        if (used > 0) {
          throw new DomainError(
            'CONFLICT',
            `Vakttypen «${code}» brukes i ${used} ${used === 1 ? 'vakt' : 'vakter'} i enhetens turnuser. Fjern dem før du sletter vakttypen.`,
            'code',
          );
        }
        const demand = countDemandFor(db, unitId, code);
        if (demand > 0) {
          throw new DomainError(
            'CONFLICT',
            `Vakttypen «${code}» brukes i ${demand} ${demand === 1 ? 'rad' : 'rader'} i bemanningsplanen. Fjern radene først.`,
            'code',
          );
        }
        deleteShiftType(db, unitId, code);
        for (const other of existing) {
          if (other.countsToward?.includes(code))
            setCountsToward(
              db,
              unitId,
              other.code,
              other.countsToward.filter((c) => c !== code),
            );
        }
        touchUnit(db, unitId);
      })();
      return readUnit(db, unitId);
    },
  };
}
