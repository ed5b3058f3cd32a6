/**
 * Scenario section (issue 7): pilot scenarios stored in SQLite (m030), the stillingsøkning
 * assistant on a scenario, the 2–4 scenario comparison and «Gjør til gjeldende plan».
 *
 * All formulas live in shared/scenario and shared/metrics; this file only stores snapshots,
 * reads the unit and plan through the core handlers and writes a scenario back in one
 * transaction.
 */
import type Database from 'better-sqlite3';
import {
  SCENARIO_ARGS, type AcceptedOffer, type MakeCurrentResult, type NewScenario, type ScenarioApi,
  type ScenarioDetail, type ScenarioSummary, type StillingsokningView,
} from '../../../shared/api/scenario';
import type { UnitDetail } from '../../../shared/api';
import { formatDateNo, toDay } from '../../../shared/calendar';
import type { Employee, TurnusPlan } from '../../../shared/plan/model';
import {
  ASSISTANT_SOURCES, compareScenarios as compareCore, createScenario as createCore, stillingsokning,
  type PriorityInfo, type Scenario, type Transform,
} from '../../../shared/scenario';
import { targetProfile } from '../../../shared/metrics';
import { DomainError, notFound, validation } from '../errors';
import { createCoreHandlers, planEndDate } from '../handlers/core';
import type { HandlerContext } from '../handlers/context';
import type { Section } from '../handlers/section';

interface ScenarioRowDb {
  id: number; unit_id: number; base_plan_id: number | null; name: string; description: string;
  transforms: string; log: string; priority: string; base_json: string; plan_json: string;
  applied_at: string | null; applied_plan_id: number | null; created_at: string; updated_at: string;
}

const nowIso = () => new Date().toISOString();
/** Log lines of accepted offers start with this (counted in ScenarioSummary.acceptedOffers). */
const OFFER_LINE = '  + ';
const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString().replace('.', ',')} %`;

/** A RangeError from the pure core (bad transform parameters, bad cost model) as a validation error. */
function rethrow(e: unknown, field: string): never {
  if (e instanceof RangeError) {
    const m = /^([\w.[\]]+): (.*)$/s.exec(e.message);
    throw validation(m ? `${field}.${m[1]}` : field, m ? m[2].charAt(0).toUpperCase() + m[2].slice(1) : e.message);
  }
  throw e;
}

/** The unit as a plan file without cells, for a scenario that starts from the unit alone. */
function planFromUnit(unit: UnitDetail, start: string, end: string): TurnusPlan {
  const s = unit.settings;
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: unit.name, heltidThreshold: s.heltidThreshold, ...(s.weekendFrequency !== null ? { weekendFrequency: s.weekendFrequency } : {}) },
    period: { start, end },
    rules: { holidayReduction: s.holidayReduction, agreements: { ...s.agreements }, maxConsecutiveDays: s.maxConsecutiveDays },
    shiftTypes: unit.shiftTypes,
    absenceCodes: s.absenceCodes,
    employees: unit.employees,
    demand: unit.demand,
    assignments: [],
    costs: s.costs,
  };
}

function parse<T>(json: string, what: string, name: string): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    throw new DomainError('DB_DAMAGED', `Scenarioet «${name}» er skadet (${what} er ikke gyldig JSON).`, what);
  }
}

export function createScenarioHandlers(db: Database.Database, ctx: HandlerContext): ScenarioApi {
  const core = createCoreHandlers(db, ctx);

  function row(id: number, field = 'scenarioId'): ScenarioRowDb {
    const r = db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRowDb | undefined;
    if (!r) throw notFound('scenarioet', id, field);
    return r;
  }

  function summary(r: ScenarioRowDb): ScenarioSummary {
    const plan = parse<TurnusPlan>(r.plan_json, 'plan_json', r.name);
    return {
      id: r.id, unitId: r.unit_id, basePlanId: r.base_plan_id, name: r.name, description: r.description,
      period: { start: plan.period.start, end: plan.period.end },
      transforms: parse<Transform[]>(r.transforms, 'transforms', r.name),
      createdAt: r.created_at, updatedAt: r.updated_at, appliedAt: r.applied_at, appliedPlanId: r.applied_plan_id,
      acceptedOffers: parse<string[]>(r.log, 'log', r.name).filter((l) => l.startsWith(OFFER_LINE)).length,
    };
  }

  function asScenario(r: ScenarioRowDb): Scenario {
    return {
      meta: { id: String(r.id), name: r.name, ...(r.description ? { description: r.description } : {}) },
      plan: parse<TurnusPlan>(r.plan_json, 'plan_json', r.name),
      transforms: parse<Transform[]>(r.transforms, 'transforms', r.name),
      log: parse<string[]>(r.log, 'log', r.name),
    };
  }

  function detail(r: ScenarioRowDb): ScenarioDetail {
    const s = asScenario(r);
    const base: Scenario = {
      meta: { id: 'utgangspunkt', name: 'Utgangspunkt' },
      plan: parse<TurnusPlan>(r.base_json, 'base_json', r.name), transforms: [], log: [],
    };
    let comparison;
    try {
      comparison = compareCore([base, s]);
    } catch (e) {
      rethrow(e, 'costs');
    }
    return {
      ...summary(r), plan: s.plan, log: s.log,
      priority: parse<Record<string, PriorityInfo>>(r.priority, 'priority', r.name),
      comparison,
    };
  }

  function insert(unitId: number, basePlanId: number | null, name: string, description: string, transforms: Transform[],
    log: string[], priority: Record<string, PriorityInfo>, base: TurnusPlan, plan: TurnusPlan): number {
    const now = nowIso();
    return Number(db.prepare(
      `INSERT INTO scenarios (unit_id, base_plan_id, name, description, transforms, log, priority, base_json, plan_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(unitId, basePlanId, name, description, JSON.stringify(transforms), JSON.stringify(log), JSON.stringify(priority),
      JSON.stringify(base), JSON.stringify(plan), now, now).lastInsertRowid);
  }

  function savePlan(id: number, plan: TurnusPlan, log: string[]): void {
    db.prepare('UPDATE scenarios SET plan_json = ?, log = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(plan), JSON.stringify(log), nowIso(), id);
  }

  const api: ScenarioApi = {
    async listScenarios(unitId) {
      await core.getUnit(unitId);
      const rows = db.prepare('SELECT * FROM scenarios WHERE unit_id = ? ORDER BY created_at, id').all(unitId) as ScenarioRowDb[];
      return rows.map(summary);
    },

    async createScenario(input: NewScenario) {
      const unit = await core.getUnit(input.unitId);
      let base: TurnusPlan;
      if (input.planId !== undefined) {
        const plan = await core.getPlan(input.planId);
        if (plan.unitId !== unit.id) throw validation('input.planId', 'Turnusplanen hører ikke til denne avdelingen.');
        base = plan.file;
      } else {
        const start = input.start!;
        base = planFromUnit(unit, start, planEndDate(start, input.months!));
      }
      const transforms = input.transforms ?? [];
      let scenario: Scenario;
      try {
        scenario = createCore(base, { id: 'ny', name: input.name }, transforms);
      } catch (e) {
        rethrow(e, 'input.transforms');
      }
      const id = db.transaction(() => insert(unit.id, input.planId ?? null, input.name, input.description ?? '', transforms,
        scenario.log, {}, base, scenario.plan))();
      return detail(row(id));
    },

    async getScenario(scenarioId) {
      return detail(row(scenarioId));
    },

    async renameScenario(scenarioId, name, description) {
      row(scenarioId);
      if (description === undefined) db.prepare('UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), scenarioId);
      else db.prepare('UPDATE scenarios SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(name, description, nowIso(), scenarioId);
      return summary(row(scenarioId));
    },

    async copyScenario(scenarioId, name) {
      const r = row(scenarioId);
      const id = db.transaction(() => insert(r.unit_id, r.base_plan_id, name ?? `Kopi av ${r.name}`.slice(0, 200), r.description,
        JSON.parse(r.transforms), JSON.parse(r.log), JSON.parse(r.priority), JSON.parse(r.base_json), JSON.parse(r.plan_json)))();
      return detail(row(id));
    },

    async deleteScenario(scenarioId) {
      const res = db.prepare('DELETE FROM scenarios WHERE id = ?').run(scenarioId);
      if (res.changes === 0) throw notFound('scenarioet', scenarioId, 'scenarioId');
    },

    async compareScenarios(scenarioIds, profile) {
      const rows = scenarioIds.map((id, i) => row(id, `scenarioIds[${i}]`));
      if (new Set(rows.map((r) => r.unit_id)).size > 1) throw validation('scenarioIds', 'Scenarioene som sammenlignes må høre til samme avdeling.');
      if (profile !== undefined) {
        try { targetProfile(profile); } catch (e) { rethrow(e, 'profile'); }
      }
      try {
        return compareCore(rows.map(asScenario), { profile: profile ?? 'asker-2030' });
      } catch (e) {
        rethrow(e, 'costs');
      }
    },

    async runStillingsokning(scenarioId, priority) {
      const r = row(scenarioId);
      if (priority !== undefined) {
        db.prepare('UPDATE scenarios SET priority = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(priority), nowIso(), scenarioId);
      }
      const pr = priority ?? parse<Record<string, PriorityInfo>>(r.priority, 'priority', r.name);
      const res = stillingsokning(asScenario(r).plan, { priority: pr });
      const view: StillingsokningView = {
        people: res.people, uncoveredBefore: res.uncoveredBefore, uncoveredAfter: res.uncoveredAfter,
        offeredHours: res.offeredHours, sources: ASSISTANT_SOURCES,
      };
      return view;
    },

    async acceptOffers(scenarioId, offers: AcceptedOffer[]) {
      const r = row(scenarioId);
      const s = asScenario(r);
      const pr = parse<Record<string, PriorityInfo>>(r.priority, 'priority', r.name);
      const res = stillingsokning(s.plan, { priority: pr });
      const made = new Map(res.people.flatMap((p) => p.offers.map((o) => [`${o.employee}|${o.date}|${o.shift}`, o] as const)));
      const nameOf = new Map(s.plan.employees.map((e) => [e.id, e.name]));
      const plan = structuredClone(s.plan);
      const log = [...s.log, `Stillingsøkning (${new Date().toLocaleDateString('nb-NO')}):`];
      const added = new Map<string, number>();
      offers.forEach((o, i) => {
        const offer = made.get(`${o.employee}|${o.date}|${o.shift}`);
        if (!offer) {
          throw validation(`offers[${i}]`,
            `Tilbudet til ${nameOf.get(o.employee) ?? `ansatt ${o.employee}`} om ${o.shift} ${formatDateNo(o.date)} gjelder ikke lenger. Kjør assistenten på nytt.`);
        }
        made.delete(`${o.employee}|${o.date}|${o.shift}`);
        plan.assignments.push({ employee: o.employee, date: o.date, code: o.shift });
        added.set(o.employee, (added.get(o.employee) ?? 0) + offer.hours);
        const why = offer.vacancy.kind === 'absence' ? `erstatter vikar for ${offer.vacancy.name} (${offer.vacancy.code})` : 'dekker åpent behov';
        log.push(`${OFFER_LINE}${nameOf.get(o.employee)}: ${o.shift} ${formatDateNo(o.date)}, ${why}`);
      });
      // The accepted hours become the person's new contracted position (an extended position, aml § 14-3).
      for (const p of res.people) {
        const hours = added.get(p.id);
        if (!hours) continue;
        const e = plan.employees.find((x) => x.id === p.id)!;
        const next = Math.min(1, Math.round(((p.resultingBefore * p.fullTimeHours + hours) / p.fullTimeHours) * 1000) / 1000);
        if (next > e.position) {
          log.push(`  ${e.name}: stilling ${pct(e.position)} → ${pct(next)}`);
          e.position = next;
          if (e.wantedPosition !== undefined && e.wantedPosition < next) e.wantedPosition = next;
        }
      }
      db.transaction(() => savePlan(scenarioId, plan, log))();
      return detail(row(scenarioId));
    },

    async makeScenarioCurrent(scenarioId) {
      return db.transaction((): MakeCurrentResult => {
        const r = row(scenarioId);
        const s = asScenario(r);
        const plan = s.plan;
        const unitRow = db.prepare('SELECT id, name, settings FROM units WHERE id = ?').get(r.unit_id) as { id: number; name: string; settings: string };
        const summaryLines: string[] = [];
        const existing = new Map((db.prepare('SELECT * FROM employees WHERE unit_id = ?').all(r.unit_id) as
          { id: number; name: string; position: number; wanted_position: number | null; consents_long_shifts: number }[]).map((e) => [String(e.id), e]));

        // Employees: every employee of the scenario must still be in the unit.
        for (const e of plan.employees) {
          if (!existing.has(e.id)) {
            throw new DomainError('CONFLICT', `${e.name} finnes ikke lenger i avdelingen. Lag scenarioet på nytt før det gjøres til gjeldende plan.`, 'scenarioId');
          }
        }
        const now = nowIso();
        const upd = db.prepare('UPDATE employees SET position = ?, wanted_position = ?, consents_long_shifts = ?, updated_at = ? WHERE id = ?');
        for (const e of plan.employees as Employee[]) {
          const old = existing.get(e.id)!;
          const wanted = e.wantedPosition !== undefined ? Math.max(e.wantedPosition, e.position) : old.wanted_position !== null ? Math.max(old.wanted_position, e.position) : null;
          const consents = e.consentsLongShifts ? 1 : 0;
          if (old.position !== e.position || old.wanted_position !== wanted || old.consents_long_shifts !== consents) {
            upd.run(e.position, wanted, consents, now, Number(e.id));
            if (old.position !== e.position) summaryLines.push(`${e.name}: stilling ${pct(old.position)} → ${pct(e.position)}`);
          }
        }
        const inScenario = new Set(plan.employees.map((e) => e.id));
        const mergedAway = [...existing.values()].filter((e) => !inScenario.has(String(e.id)));
        for (const e of mergedAway) {
          summaryLines.push(`${e.name} er ikke med i scenarioet (slått sammen). Personen er ikke slettet fra avdelingen, men har ingen vakter i planen.`);
        }

        // Shift types the scenario added (e.g. L for langvakter).
        const codes = new Set((db.prepare('SELECT code FROM shift_types WHERE unit_id = ?').all(r.unit_id) as { code: string }[]).map((x) => x.code));
        for (const st of plan.shiftTypes) {
          if (codes.has(st.code)) continue;
          db.prepare(
            `INSERT INTO shift_types (unit_id, code, name, start_time, end_time, unpaid_break_minutes, long, color, counts_toward, sort_order)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM shift_types WHERE unit_id = ?))`,
          ).run(r.unit_id, st.code, st.name ?? null, st.start, st.end, st.unpaidBreakMinutes ?? 0, st.long ? 1 : 0, st.color ?? null,
            JSON.stringify(st.countsToward ?? []), r.unit_id);
          summaryLines.push(`Ny vakttype ${st.code} (${st.start}–${st.end}).`);
        }

        // Bemanningsplan.
        db.prepare('DELETE FROM demand_rows WHERE unit_id = ?').run(r.unit_id);
        const ins = db.prepare('INSERT INTO demand_rows (unit_id, day_type, date, shift, competence, count, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)');
        plan.demand.forEach((d, i) => ins.run(r.unit_id, d.date ? null : (d.dayType ?? null), d.date ?? null, d.shift, d.competence, d.count, i));
        summaryLines.push(`Bemanningsplanen er erstattet (${plan.demand.length} rader).`);

        // Unit settings: helgerytme and heltid threshold.
        const settings = parse<Record<string, unknown>>(unitRow.settings, 'settings', unitRow.name);
        settings.weekendFrequency = plan.unit.weekendFrequency ?? null;
        if (plan.unit.heltidThreshold !== undefined) settings.heltidThreshold = plan.unit.heltidThreshold;
        db.prepare('UPDATE units SET settings = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(settings), now, r.unit_id);
        if (plan.unit.weekendFrequency) summaryLines.push(`Helgerytme: hver ${plan.unit.weekendFrequency}. helg.`);

        // Cells: into the base plan when it still exists with the same period, else a new plan.
        let planId = r.base_plan_id;
        let createdPlan = false;
        const target = planId !== null ? db.prepare('SELECT id, start_date, end_date, status FROM plans WHERE id = ?').get(planId) as
          { id: number; start_date: string; end_date: string; status: string } | undefined : undefined;
        if (!target || target.start_date !== plan.period.start || target.end_date !== plan.period.end) {
          planId = Number(db.prepare(
            `INSERT INTO plans (unit_id, name, start_date, end_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'utkast', ?, ?)`,
          ).run(r.unit_id, r.name, plan.period.start, plan.period.end, now, now).lastInsertRowid);
          createdPlan = true;
          summaryLines.push(`Ny turnusplan «${r.name}» (${formatDateNo(plan.period.start)} – ${formatDateNo(plan.period.end)}).`);
        } else if (target.status !== 'utkast') {
          summaryLines.push('Merk: planen var sendt til drøfting eller godkjent. Endringene må drøftes på nytt.');
        }
        const current = new Map((db.prepare('SELECT employee_id, date, code FROM assignments WHERE plan_id = ?').all(planId) as
          { employee_id: number; date: string; code: string }[]).map((a) => [`${a.employee_id}|${a.date}`, a.code]));
        const targetCells = new Map<string, { code: string; pinned: boolean }>();
        const start = toDay(plan.period.start), end = toDay(plan.period.end);
        for (const a of plan.assignments) {
          const d = toDay(a.date);
          if (d < start || d > end || !inScenario.has(a.employee)) continue;
          targetCells.set(`${a.employee}|${a.date}`, { code: a.code, pinned: a.pinned === true });
        }
        let written = 0;
        const del = db.prepare('DELETE FROM assignments WHERE plan_id = ? AND employee_id = ? AND date = ?');
        const up = db.prepare(
          `INSERT INTO assignments (plan_id, employee_id, date, code, pinned) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (plan_id, employee_id, date) DO UPDATE SET code = excluded.code, pinned = excluded.pinned`);
        for (const key of current.keys()) {
          if (targetCells.has(key)) continue;
          const [emp, date] = key.split('|');
          del.run(planId, Number(emp), date);
          written++;
        }
        for (const [key, w] of targetCells) {
          if (current.get(key) === w.code) continue;
          const [emp, date] = key.split('|');
          up.run(planId, Number(emp), date, w.code, w.pinned ? 1 : 0);
          written++;
        }
        db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(now, planId);
        summaryLines.push(`${written} ${written === 1 ? 'celle' : 'celler'} i turnusen er endret.`);
        db.prepare('UPDATE scenarios SET applied_at = ?, applied_plan_id = ?, updated_at = ? WHERE id = ?').run(now, planId, now, scenarioId);
        return { unitId: r.unit_id, planId: planId!, createdPlan, cellsWritten: written, summary: summaryLines };
      })();
    },
  };
  return api;
}

export const scenarioSection: Section<ScenarioApi> = {
  name: 'scenario',
  args: SCENARIO_ARGS,
  create: createScenarioHandlers,
};
