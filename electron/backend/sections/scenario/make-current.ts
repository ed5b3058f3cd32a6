/**
 * «Gjør til gjeldende plan»: writes a scenario back into its unit in one transaction: the
 * staff's positions, new shift types, the bemanningsplan, the weekend rhythm and heltid
 * threshold, and the cells (into the base plan when it still has the same period, else into a
 * new plan). Returns a Norwegian summary of what changed.
 */
import type Database from 'better-sqlite3';
import type { CellChange } from '../../../../shared/api/core';
import type { MakeCurrentResult } from '../../../../shared/api/scenario';
import { formatDateNo, toDay } from '../../../../shared/calendar';
import type { TurnusPlan } from '../../../../shared/plan/model';
import { DomainError } from '../../errors';
import { listAssignments, writeCells } from '../../store/cells';
import { replaceDemand } from '../../store/demand';
import { findPlanRow, insertPlan, touchPlan } from '../../store/plans';
import { getScenarioRow, markScenarioApplied, type ScenarioRow } from '../../store/scenarios';
import { insertShiftType, listShiftTypes, updateShiftType } from '../../store/shift-types';
import {
  adoptScenarioEmployee,
  getEmployeeRow,
  listEmployees,
  scenarioEmployeeIds,
  setWeekendGroup,
  toEmployee,
  toNewEmployee,
  updateContract,
  writeEmployee,
} from '../../store/staff';
import { getUnitRow, settingsOf, writeSettings } from '../../store/units';
import { labelCellChangesSince, lastChangeId, logChange } from '../../store/review';
import { scenarioPlan } from './plan-row';
import { changedFields, EMPLOYEE_FIELD_LABEL } from './staff';
import { parseJson, pct } from './util';

/**
 * The scenario's staff into the unit: positions, wanted positions, consent to langvakter and
 * weekend groups as in the scenario; other fields the scenario changed (against the snapshot it
 * was made from, so the unit's own later edits stay); the people it added become employees of
 * the unit. Every other person must still be in the unit.
 */
function writeStaff(db: Database.Database, r: ScenarioRow, plan: TurnusPlan, lines: string[]): Set<string> {
  const existing = new Map(listEmployees(db, r.unit_id).map((e) => [e.id, e]));
  const own = scenarioEmployeeIds(db, r.id);
  const base = new Map(parseJson<TurnusPlan>(r.base_json, 'base_json', r.name).employees.map((e) => [e.id, e]));
  for (const e of plan.employees) {
    if (!existing.has(e.id) && !own.has(e.id)) {
      throw new DomainError(
        'CONFLICT',
        `${e.name} finnes ikke lenger i avdelingen. Lag scenarioet på nytt før det gjøres til gjeldende plan.`,
        'scenarioId',
      );
    }
  }
  for (const e of plan.employees) {
    if (own.has(e.id)) {
      const { id: _id, employeeNumber: _none, ...rest } = e;
      writeEmployee(db, Number(e.id), r.unit_id, rest);
      adoptScenarioEmployee(db, Number(e.id));
      lines.push(`Ny ansatt i avdelingen: ${e.name} (${e.competence}, stilling ${pct(e.position)}).`);
      continue;
    }
    const old = existing.get(e.id)!;
    const oldWanted = old.wantedPosition ?? null;
    const wanted =
      e.wantedPosition !== undefined ? Math.max(e.wantedPosition, e.position) : oldWanted !== null ? Math.max(oldWanted, e.position) : null;
    const consents = e.consentsLongShifts === true;
    if (old.position !== e.position || oldWanted !== wanted || (old.consentsLongShifts === true) !== consents) {
      updateContract(db, Number(e.id), { position: e.position, wantedPosition: wanted, consentsLongShifts: consents });
      if (old.position !== e.position) lines.push(`${e.name}: stilling ${pct(old.position)} → ${pct(e.position)}`);
    }
    // The scenario's weekend groups (its Helgerytme step) go with its weekend rhythm.
    if ((old.weekendGroup ?? null) !== (e.weekendGroup ?? null)) setWeekendGroup(db, Number(e.id), e.weekendGroup ?? null);
    // Other fields only where the scenario changed them.
    const other = changedFields(base.get(e.id) ?? e, e).filter(
      (k) => !['position', 'wantedPosition', 'consentsLongShifts', 'weekendGroup'].includes(k),
    );
    if (other.length > 0) {
      const now = toNewEmployee(toEmployee(getEmployeeRow(db, Number(e.id))));
      writeEmployee(db, Number(e.id), r.unit_id, { ...now, ...Object.fromEntries(other.map((k) => [k, e[k]])) });
      lines.push(`${e.name}: ${other.map((k) => EMPLOYEE_FIELD_LABEL[k]).join(', ')} endret.`);
    }
  }
  const inScenario = new Set(plan.employees.map((e) => e.id));
  for (const e of existing.values()) {
    if (!inScenario.has(e.id)) {
      lines.push(`${e.name} er ikke med i scenarioet. Personen er ikke slettet fra avdelingen, men har ingen vakter i planen.`);
    }
  }
  return inScenario;
}

/** The cells of the plan made equal to the scenario's; returns how many were written. */
function writeScenarioCells(db: Database.Database, planId: number, plan: TurnusPlan, inScenario: Set<string>): number {
  const current = new Map(listAssignments(db, planId).map((a) => [`${a.employee}|${a.date}`, a.code]));
  const target = new Map<string, { code: string; pinned: boolean }>();
  const start = toDay(plan.period.start),
    end = toDay(plan.period.end);
  for (const a of plan.assignments) {
    const d = toDay(a.date);
    if (d < start || d > end || !inScenario.has(a.employee)) continue;
    target.set(`${a.employee}|${a.date}`, { code: a.code, pinned: a.pinned === true });
  }
  const changes: CellChange[] = [];
  for (const key of current.keys()) {
    if (target.has(key)) continue;
    const [employeeId, date] = key.split('|');
    changes.push({ employeeId, date, code: null });
  }
  for (const [key, w] of target) {
    if (current.get(key) === w.code) continue;
    const [employeeId, date] = key.split('|');
    changes.push({ employeeId, date, code: w.code, pinned: w.pinned });
  }
  writeCells(db, planId, changes);
  touchPlan(db, planId);
  return changes.length;
}

export function makeScenarioCurrent(db: Database.Database, scenarioId: number): MakeCurrentResult {
  return db.transaction((): MakeCurrentResult => {
    const r = getScenarioRow(db, scenarioId);
    const { plan } = scenarioPlan(db, r);
    const lines: string[] = [];
    const inScenario = writeStaff(db, r, plan, lines);

    // Shift types the scenario added (e.g. L for langvakter) or changed (shift lengths).
    const unitTypes = new Map(listShiftTypes(db, r.unit_id).map((x) => [x.code, x]));
    for (const st of plan.shiftTypes) {
      const old = unitTypes.get(st.code);
      if (!old) {
        insertShiftType(db, r.unit_id, st);
        lines.push(`Ny vakttype ${st.code} (${st.start}–${st.end}).`);
      } else if (
        old.start !== st.start ||
        old.end !== st.end ||
        (old.unpaidBreakMinutes ?? 0) !== (st.unpaidBreakMinutes ?? 0) ||
        (old.long === true) !== (st.long === true)
      ) {
        updateShiftType(db, r.unit_id, st.code, st);
        lines.push(`Vakttype ${st.code}: ${old.start}–${old.end} → ${st.start}–${st.end}.`);
      }
    }

    replaceDemand(db, r.unit_id, plan.demand);
    lines.push(`Bemanningsplanen er erstattet (${plan.demand.length} rader).`);

    // Unit settings: helgerytme and heltid threshold.
    const settings = settingsOf(getUnitRow(db, r.unit_id));
    writeSettings(db, r.unit_id, {
      ...settings,
      weekendFrequency: plan.unit.weekendFrequency ?? null,
      ...(plan.unit.heltidThreshold !== undefined ? { heltidThreshold: plan.unit.heltidThreshold } : {}),
    });
    if (plan.unit.weekendFrequency) lines.push(`Helgerytme: hver ${plan.unit.weekendFrequency}. helg.`);

    // Cells: into the base plan when it still exists with the same period, else a new plan.
    let planId = r.base_plan_id;
    let createdPlan = false;
    const target = planId !== null ? findPlanRow(db, planId) : undefined;
    if (!target || target.start_date !== plan.period.start || target.end_date !== plan.period.end) {
      planId = insertPlan(db, r.unit_id, r.name, plan.period.start, plan.period.end);
      createdPlan = true;
      lines.push(`Ny turnusplan «${r.name}» (${formatDateNo(plan.period.start)} – ${formatDateNo(plan.period.end)}).`);
    } else if (target.status !== 'utkast') {
      lines.push('Merk: planen var sendt til drøfting eller godkjent. Endringene må drøftes på nytt.');
    }
    // The real plan's change log (what the tillitsvalgte read) names the scenario on every cell
    // it wrote and on one plan entry, so these cells never look like edits made by hand.
    const lastLogId = lastChangeId(db);
    const written = writeScenarioCells(db, planId!, plan, inScenario);
    lines.push(`${written} ${written === 1 ? 'celle' : 'celler'} i turnusen er endret.`);
    const from = `Fra scenarioet «${r.name}»`;
    labelCellChangesSince(db, planId!, lastLogId, from);
    logChange(db, planId!, 'plan', `Scenarioet «${r.name}» er gjort til gjeldende plan: ${lines.join(' ')}`);
    markScenarioApplied(db, scenarioId, planId!);
    return { unitId: r.unit_id, planId: planId!, createdPlan, cellsWritten: written, summary: lines };
  })();
}
