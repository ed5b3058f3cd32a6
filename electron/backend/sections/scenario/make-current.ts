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
import { getScenarioRow, markScenarioApplied } from '../../store/scenarios';
import { insertShiftType, listShiftTypes } from '../../store/shift-types';
import { listEmployees, updateContract } from '../../store/staff';
import { getUnitRow, settingsOf, writeSettings } from '../../store/units';
import { scenarioPlan } from './plan-row';
import { pct } from './util';

/** Positions (and consent to long shifts) of the scenario's staff; every one must still be in the unit. */
function writeStaff(db: Database.Database, unitId: number, plan: TurnusPlan, lines: string[]): Set<string> {
  const existing = new Map(listEmployees(db, unitId).map((e) => [e.id, e]));
  for (const e of plan.employees) {
    if (!existing.has(e.id)) {
      throw new DomainError(
        'CONFLICT',
        `${e.name} finnes ikke lenger i avdelingen. Lag scenarioet på nytt før det gjøres til gjeldende plan.`,
        'scenarioId',
      );
    }
  }
  for (const e of plan.employees) {
    const old = existing.get(e.id)!;
    const oldWanted = old.wantedPosition ?? null;
    const wanted =
      e.wantedPosition !== undefined ? Math.max(e.wantedPosition, e.position) : oldWanted !== null ? Math.max(oldWanted, e.position) : null;
    const consents = e.consentsLongShifts === true;
    if (old.position !== e.position || oldWanted !== wanted || (old.consentsLongShifts === true) !== consents) {
      updateContract(db, Number(e.id), { position: e.position, wantedPosition: wanted, consentsLongShifts: consents });
      if (old.position !== e.position) lines.push(`${e.name}: stilling ${pct(old.position)} → ${pct(e.position)}`);
    }
  }
  const inScenario = new Set(plan.employees.map((e) => e.id));
  for (const e of existing.values()) {
    if (!inScenario.has(e.id)) {
      lines.push(
        `${e.name} er ikke med i scenarioet (slått sammen). Personen er ikke slettet fra avdelingen, men har ingen vakter i planen.`,
      );
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
    const inScenario = writeStaff(db, r.unit_id, plan, lines);

    // Shift types the scenario added (e.g. L for langvakter).
    const codes = new Set(listShiftTypes(db, r.unit_id).map((x) => x.code));
    for (const st of plan.shiftTypes) {
      if (codes.has(st.code)) continue;
      insertShiftType(db, r.unit_id, st);
      lines.push(`Ny vakttype ${st.code} (${st.start}–${st.end}).`);
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
    const written = writeScenarioCells(db, planId!, plan, inScenario);
    lines.push(`${written} ${written === 1 ? 'celle' : 'celler'} i turnusen er endret.`);
    markScenarioApplied(db, scenarioId, planId!);
    return { unitId: r.unit_id, planId: planId!, createdPlan, cellsWritten: written, summary: lines };
  })();
}
