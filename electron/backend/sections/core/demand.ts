/** The bemanningsplan of a unit: replaced as a whole. */
import type Database from 'better-sqlite3';
import type { CoreApi } from '../../../../shared/api/core';
import { validation } from '../../errors';
import { replaceDemand } from '../../store/demand';
import { listShiftTypes } from '../../store/shift-types';
import { getUnitRow, readUnit, touchUnit } from '../../store/units';

export function demandHandlers(db: Database.Database): Pick<CoreApi, 'setDemand'> {
  return {
    async setDemand(unitId, rows) {
      db.transaction(() => {
        getUnitRow(db, unitId);
        const codes = new Set(listShiftTypes(db, unitId).map((s) => s.code));
        rows.forEach((r, i) => {
          if (!codes.has(r.shift))
            throw validation(`rows[${i}].shift`, `Rad ${i + 1} i bemanningsplanen: «${r.shift}» er ikke en vakttype i enheten.`);
        });
        replaceDemand(db, unitId, rows);
        touchUnit(db, unitId);
      })();
      return readUnit(db, unitId);
    },
  };
}
