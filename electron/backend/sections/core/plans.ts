/**
 * Plans and their cells. The cell-edit path: dispatcher → setCells here (checks against the
 * unit) → store/cells (SQL) → SQLite, and the result back the same way.
 */
import type Database from 'better-sqlite3';
import type { CoreApi } from '../../../../shared/api/core';
import { absenceCodesOf } from '../../../../shared/plan/model';
import { compareNames } from '../../../../shared/plan/names';
import { notFound, validation } from '../../errors';
import { writeCells } from '../../store/cells';
import {
  deletePlan,
  getPlanRow,
  insertPlan,
  listPlanRows,
  planEndDate,
  readPlan,
  renamePlan,
  planStaffIds,
  scenarioShiftCodes,
  toPlanSummary,
  touchPlan,
} from '../../store/plans';
import { listShiftTypes } from '../../store/shift-types';
import { getUnitRow, settingsOf } from '../../store/units';

type PlansApi = Pick<CoreApi, 'listPlans' | 'createPlan' | 'getPlan' | 'renamePlan' | 'deletePlan' | 'setCells'>;

/** Codes a cell may hold in a unit: its shift types and its absence codes. */
function cellCodesOf(db: Database.Database, unitId: number): Set<string> {
  const settings = settingsOf(getUnitRow(db, unitId));
  return new Set([
    ...listShiftTypes(db, unitId).map((s) => s.code),
    ...absenceCodesOf({ absenceCodes: settings.absenceCodes }).map((a) => a.code),
  ]);
}

export function planHandlers(db: Database.Database): PlansApi {
  return {
    async listPlans(unitId) {
      getUnitRow(db, unitId);
      return listPlanRows(db, unitId)
        .map(toPlanSummary)
        .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : compareNames(a.name, b.name)));
    },

    async createPlan(unitId, name, start, months) {
      const id = db.transaction(() => {
        getUnitRow(db, unitId);
        return insertPlan(db, unitId, name, start, planEndDate(start, months));
      })();
      return readPlan(db, id);
    },

    async getPlan(planId) {
      return readPlan(db, planId);
    },

    async renamePlan(planId, name) {
      getPlanRow(db, planId);
      renamePlan(db, planId, name);
      return toPlanSummary(getPlanRow(db, planId));
    },

    async deletePlan(planId) {
      if (!deletePlan(db, planId)) throw notFound('turnusen', planId, 'planId');
    },

    async setCells(planId, changes) {
      return db.transaction(() => {
        const p = getPlanRow(db, planId);
        const employees = planStaffIds(db, p);
        const codes = cellCodesOf(db, p.unit_id);
        for (const code of scenarioShiftCodes(db, planId)) codes.add(code);
        changes.forEach((c, i) => {
          if (!employees.has(c.employeeId)) {
            throw validation(`changes[${i}].employeeId`, `Endring ${i + 1}: den ansatte med id ${c.employeeId} hører ikke til enheten.`);
          }
          if (c.date < p.start_date || c.date > p.end_date) {
            throw validation(
              `changes[${i}].date`,
              `Endring ${i + 1}: datoen ${c.date} ligger utenfor turnusperioden ${p.start_date}–${p.end_date}.`,
            );
          }
          if (c.code !== null && !codes.has(c.code)) {
            throw validation(`changes[${i}].code`, `Endring ${i + 1}: «${c.code}» er ikke en vakttype eller fraværskode i enheten.`);
          }
        });
        writeCells(db, planId, changes);
        return { written: changes.length, updatedAt: touchPlan(db, planId) };
      })();
    },
  };
}
