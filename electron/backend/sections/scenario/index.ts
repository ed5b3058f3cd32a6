/**
 * Scenario section (issue 7): pilot scenarios stored in SQLite (m030), the stillingsøkning
 * assistant on a scenario, the 2–4 scenario comparison and «Gjør til gjeldende plan».
 *
 * All formulas live in shared/scenario and shared/metrics; this section only stores snapshots,
 * reads the unit and plan through the store and writes a scenario back in one transaction
 * (./make-current.ts).
 */
import type Database from 'better-sqlite3';
import {
  SCENARIO_ARGS,
  type AcceptedOffer,
  type NewScenario,
  type ScenarioApi,
  type ScenarioDetail,
  type ScenarioSummary,
  type StillingsokningView,
} from '../../../../shared/api/scenario';
import { formatDateNo } from '../../../../shared/calendar';
import type { TurnusPlan } from '../../../../shared/plan/model';
import {
  ASSISTANT_SOURCES,
  compareScenarios as compareCore,
  createScenario as createCore,
  raiseInLegalOrder,
  raiseOutcomes,
  stillingsokning,
  type PriorityInfo,
  type Scenario,
  type Transform,
} from '../../../../shared/scenario';
import { targetProfile } from '../../../../shared/metrics';
import { notFound, rethrowRange as rethrow, validation } from '../../errors';
import type { Section } from '../../section';
import type { HandlerContext } from '../../context';
import { htmlToPdf } from '../../exchange/pdf';
import { sharedJobPool } from '../../jobs/pool';
import { findPlanRow, findScenarioPlanRow, getPlanRow, planEndDate, planFileOf, readPlan, renamePlan } from '../../store/plans';
import {
  deleteScenario,
  getScenarioRow,
  insertScenario,
  listScenarioRows,
  renameScenario,
  saveScenarioPlan,
  saveScenarioPriority,
  scenarioOfPlan,
  type ScenarioRow as ScenarioRowDb,
} from '../../store/scenarios';
import { createScenarioPlanRow, scenarioPlan, writeScenarioPlan } from './plan-row';
import { readUnit } from '../../store/units';
import { makeScenarioCurrent } from './make-current';
import { copyScenarioStaff, scenarioStaffHandlers } from './staff';
import { OFFER_LINE, parseJson as parse, pct } from './util';

export function createScenarioHandlers(db: Database.Database, ctx?: HandlerContext): ScenarioApi {
  const row = (id: number, field = 'scenarioId'): ScenarioRowDb => getScenarioRow(db, id, field);

  function summary(r: ScenarioRowDb): ScenarioSummary {
    const own = findScenarioPlanRow(db, r.id);
    const period = own ? { start: own.start_date, end: own.end_date } : parse<TurnusPlan>(r.plan_json, 'plan_json', r.name).period;
    return {
      id: r.id,
      unitId: r.unit_id,
      basePlanId: r.base_plan_id,
      planId: own?.id ?? null,
      name: r.name,
      description: r.description,
      period: { start: period.start, end: period.end },
      transforms: parse<Transform[]>(r.transforms, 'transforms', r.name),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      appliedAt: r.applied_at,
      appliedPlanId: r.applied_plan_id,
      acceptedOffers: parse<string[]>(r.log, 'log', r.name).filter((l) => l.startsWith(OFFER_LINE)).length,
    };
  }

  /** The scenario with its plan (read from its plan row unless the caller has it in hand). */
  function asScenario(r: ScenarioRowDb, plan?: TurnusPlan): Scenario {
    return {
      meta: { id: String(r.id), name: r.name, ...(r.description ? { description: r.description } : {}) },
      plan: plan ?? scenarioPlan(db, r).plan,
      transforms: parse<Transform[]>(r.transforms, 'transforms', r.name),
      log: parse<string[]>(r.log, 'log', r.name),
    };
  }

  function detail(r: ScenarioRowDb, plan?: TurnusPlan): ScenarioDetail {
    const s = asScenario(r, plan);
    const base: Scenario = {
      meta: { id: 'utgangspunkt', name: 'Utgangspunkt' },
      plan: parse<TurnusPlan>(r.base_json, 'base_json', r.name),
      transforms: [],
      log: [],
    };
    let comparison: ReturnType<typeof compareCore>;
    try {
      comparison = compareCore([base, s]);
    } catch (e) {
      rethrow(e, 'costs');
    }
    return {
      ...summary(r),
      plan: s.plan,
      log: s.log,
      priority: parse<Record<string, PriorityInfo>>(r.priority, 'priority', r.name),
      comparison,
      raises: raiseOutcomes(base.plan, s.plan),
    };
  }

  /** The rows of 2–4 scenarios to compare (of one unit). */
  function comparedRows(scenarioIds: number[]): ScenarioRowDb[] {
    const rows = scenarioIds.map((id, i) => row(id, `scenarioIds[${i}]`));
    if (new Set(rows.map((r) => r.unit_id)).size > 1)
      throw validation('scenarioIds', 'Scenarioene som sammenlignes må høre til samme avdeling.');
    return rows;
  }

  function compare(scenarioIds: number[], profile?: string) {
    const rows = comparedRows(scenarioIds);
    if (profile !== undefined) {
      try {
        targetProfile(profile);
      } catch (e) {
        rethrow(e, 'profile');
      }
    }
    try {
      return compareCore(
        rows.map((r) => asScenario(r)),
        { profile: profile ?? 'asker-2030' },
      );
    } catch (e) {
      rethrow(e, 'costs');
    }
  }

  const api: ScenarioApi = {
    ...scenarioStaffHandlers(db, row, (id) => detail(row(id))),

    async listScenarios(unitId) {
      readUnit(db, unitId);
      return listScenarioRows(db, unitId).map(summary);
    },

    async createScenario(input: NewScenario) {
      const unit = readUnit(db, input.unitId);
      let base: TurnusPlan;
      if (input.planId !== undefined) {
        const plan = readPlan(db, input.planId);
        if (plan.unitId !== unit.id) throw validation('input.planId', 'Turnusplanen hører ikke til denne avdelingen.');
        base = plan.file;
      } else {
        const start = input.start!;
        base = planFileOf(unit, { start, end: planEndDate(start, input.months!) });
      }
      const transforms = input.transforms ?? [];
      let scenario: Scenario;
      try {
        scenario = createCore(base, { id: 'ny', name: input.name }, transforms);
      } catch (e) {
        rethrow(e, 'input.transforms');
      }
      const id = db.transaction(() => {
        const sid = insertScenario(db, {
          unitId: unit.id,
          basePlanId: input.planId ?? null,
          name: input.name,
          description: input.description ?? '',
          transforms,
          log: scenario.log,
          priority: {},
          base,
          plan: { ...scenario.plan, assignments: [] },
        });
        createScenarioPlanRow(
          db,
          { id: sid, unit_id: unit.id, name: input.name },
          scenario.plan,
          scenario.log,
          input.planId !== undefined ? { planId: input.planId, cells: base.assignments } : undefined,
        );
        return sid;
      })();
      return detail(row(id), scenario.plan);
    },

    async getScenario(scenarioId) {
      return detail(row(scenarioId));
    },

    async renameScenario(scenarioId, name, description) {
      row(scenarioId);
      db.transaction(() => {
        renameScenario(db, scenarioId, name, description);
        const own = findScenarioPlanRow(db, scenarioId);
        if (own) renamePlan(db, own.id, name);
      })();
      return summary(row(scenarioId));
    },

    async copyScenario(scenarioId, name) {
      const r = row(scenarioId);
      const { plan, planId } = scenarioPlan(db, r);
      const copyName = name ?? `Kopi av ${r.name}`.slice(0, 200);
      const id = db.transaction(() => {
        const sid = insertScenario(db, {
          unitId: r.unit_id,
          basePlanId: r.base_plan_id,
          name: copyName,
          description: r.description,
          transforms: JSON.parse(r.transforms),
          log: JSON.parse(r.log),
          priority: JSON.parse(r.priority),
          base: JSON.parse(r.base_json),
          plan: { ...plan, assignments: [] },
        });
        const copyPlanId = createScenarioPlanRow(db, { id: sid, unit_id: r.unit_id, name: copyName }, plan, JSON.parse(r.log), {
          planId,
          cells: plan.assignments,
        });
        const own = copyScenarioStaff(db, r, { id: sid, planId: copyPlanId }, plan);
        if (own !== plan) saveScenarioPlan(db, sid, own, JSON.parse(r.log));
        return sid;
      })();
      return detail(row(id));
    },

    async deleteScenario(scenarioId) {
      if (!deleteScenario(db, scenarioId)) throw notFound('scenarioet', scenarioId, 'scenarioId');
    },

    async compareScenarios(scenarioIds, profile) {
      return compare(scenarioIds, profile);
    },

    async runStillingsokning(scenarioId, priority) {
      const r = row(scenarioId);
      if (priority !== undefined) {
        saveScenarioPriority(db, scenarioId, priority);
      }
      const pr = priority ?? parse<Record<string, PriorityInfo>>(r.priority, 'priority', r.name);
      const res = stillingsokning(asScenario(r).plan, { priority: pr });
      const view: StillingsokningView = {
        people: res.people,
        uncoveredBefore: res.uncoveredBefore,
        uncoveredAfter: res.uncoveredAfter,
        offeredHours: res.offeredHours,
        sources: ASSISTANT_SOURCES,
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
          throw validation(
            `offers[${i}]`,
            `Tilbudet til ${nameOf.get(o.employee) ?? `ansatt ${o.employee}`} om ${o.shift} ${formatDateNo(o.date)} gjelder ikke lenger. Kjør assistenten på nytt.`,
          );
        }
        made.delete(`${o.employee}|${o.date}|${o.shift}`);
        plan.assignments.push({ employee: o.employee, date: o.date, code: o.shift });
        added.set(o.employee, (added.get(o.employee) ?? 0) + offer.hours);
        const why =
          offer.vacancy.kind === 'absence' ? `erstatter vikar for ${offer.vacancy.name} (${offer.vacancy.code})` : 'dekker åpent behov';
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
      db.transaction(() => writeScenarioPlan(db, r, plan, log))();
      return detail(row(scenarioId));
    },

    async makeScenarioCurrent(scenarioId) {
      return makeScenarioCurrent(db, scenarioId);
    },

    async scenarioOfPlan(planId) {
      getPlanRow(db, planId);
      const r = scenarioOfPlan(db, planId);
      if (!r) return null;
      const basePlan = r.base_plan_id !== null ? findPlanRow(db, r.base_plan_id) : undefined;
      return { scenarioId: r.id, name: r.name, basePlanId: basePlan?.id ?? null, basePlanName: basePlan?.name ?? null };
    },

    async raiseScenarioPositions(scenarioId, raises, priority) {
      const r = row(scenarioId);
      const pr = priority ?? parse<Record<string, PriorityInfo>>(r.priority, 'priority', r.name);
      const { plan } = scenarioPlan(db, r);
      let res: ReturnType<typeof raiseInLegalOrder>;
      try {
        res = raiseInLegalOrder(plan, raises, pr);
      } catch (e) {
        rethrow(e, 'raises');
      }
      const log = [
        ...parse<string[]>(r.log, 'log', r.name),
        'Stillingsøkning i lovlig rekkefølge (aml § 14-3, § 14-4 a):',
        ...res.steps.map((st) => `  ${st.rank}. ${st.name}: stilling ${pct(st.from)} → ${pct(st.to)}`),
      ];
      db.transaction(() => {
        if (priority !== undefined) saveScenarioPriority(db, scenarioId, priority);
        writeScenarioPlan(db, r, res.plan, log);
      })();
      return { steps: res.steps, detail: detail(row(scenarioId)) };
    },

    async saveScenarioWeekendSetup(scenarioId, setup) {
      const r = row(scenarioId);
      const { plan } = scenarioPlan(db, r);
      const next = structuredClone(plan);
      if (setup.weekendFrequency === null) delete next.unit.weekendFrequency;
      else next.unit.weekendFrequency = setup.weekendFrequency;
      if (setup.weekendAnchor !== undefined) next.unit.weekendAnchor = setup.weekendAnchor;
      const byId = new Map(next.employees.map((e) => [e.id, e]));
      setup.groups.forEach((g, i) => {
        const e = byId.get(g.employeeId);
        if (!e) throw validation(`setup.groups[${i}].employeeId`, `Den ansatte med id ${g.employeeId} er ikke med i scenarioet.`);
        if (g.weekendGroup === null) delete e.weekendGroup;
        else e.weekendGroup = g.weekendGroup;
      });
      const log = [
        ...parse<string[]>(r.log, 'log', r.name),
        `Helgerytme i scenarioets turnus: ${setup.weekendFrequency ? `hver ${setup.weekendFrequency}. helg` : 'ingen fast rytme'}, ${setup.groups.length} helgegrupper satt.`,
      ];
      db.transaction(() => writeScenarioPlan(db, r, next, log))();
      return summary(row(scenarioId));
    },

    async exportScenarioComparison(scenarioIds, format) {
      const rows = comparedRows(scenarioIds);
      const unitName = readUnit(db, rows[0].unit_id).name;
      // The comparison and its file are built in the job pool's worker thread; a PDF is printed here from its HTML.
      const jobs = ctx?.jobs ?? sharedJobPool();
      const f = await jobs.run('comparisonFile', { scenarios: rows.map((r) => asScenario(r)), unitName, format });
      const base64 = f.base64 ?? (await htmlToPdf(f.print ?? '', { paper: 'A4' })).toString('base64');
      return { name: f.name, mimeType: f.mimeType, base64 };
    },
  };
  return api;
}

export const scenarioSection: Section<ScenarioApi> = {
  name: 'scenario',
  args: SCENARIO_ARGS,
  create: (db, ctx) => createScenarioHandlers(db, ctx),
};
