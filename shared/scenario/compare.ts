/**
 * Side-by-side comparison of 2–4 scenarios (product.md (d) 5): heltidsandel, average position,
 * ufrivillig deltid, weekend heads and weekend hours per person, uncovered hours, vikar hours and
 * kroner, fixed-salary kroner, net saving against the first scenario, rule hits and progress
 * toward a target profile.
 */
import { checkPlan } from '../rules/engine';
import type { TurnusPlan } from '../plan/model';
import { indexPlan } from '../plan/plan-index';
import { coverage } from '../metrics/coverage';
import { weekendCoverage } from '../metrics/coverage-views';
import { resolveCostModel, type CostModel } from '../metrics/economics';
import { progressToward, targetProfile, type TargetProfile, type TargetProgress } from '../metrics/targets';
import { weekendMetrics } from '../metrics/weekends';
import { paidPosition } from '../metrics/positions';
import { positionsOnce, referenceLedger, scenarioLedger, type ScenarioLedger } from './ledger';
import type { Scenario } from './transforms';

export interface ScenarioRow {
  id: string;
  name: string;
  employees: number;
  heltidsandel: { contracted: number; resulting: number };
  averagePosition: { contracted: number; resulting: number };
  /** Ufrivillig deltid (shared/metrics involuntaryGap) with this plan: wish above what the plan gives. */
  involuntaryPartTime: { count: number; gap: number };
  /** Mean distinct heads working per weekend. */
  weekendHeads: number;
  /** Mean weekend hours per employee who works in the period. */
  weekendHoursPerPerson: number;
  weekendsWorkedPerPerson: number;
  uncoveredShifts: number;
  uncoveredHours: number;
  vikarHours: number;
  vikarKroner: number;
  fixedSalaryKroner: number;
  /** Against the first scenario (0 for the first) = ledger.net.period. */
  netSaving: number;
  /** The honest ledger against the first scenario (shared/scenario/ledger). */
  ledger: ScenarioLedger;
  ruleHits: { error: number; warning: number; info: number };
  target: TargetProgress;
}

export interface ScenarioComparison {
  rows: ScenarioRow[];
  /** Each row minus the first, for the numeric fields. */
  deltas: Record<string, number>[];
  profile: TargetProfile;
  year: number;
}

export interface CompareOptions {
  /** Target profile id or object (default asker-2030). */
  profile?: string | TargetProfile;
  /** Year for the profile's milestone (default: the first scenario's start year). */
  year?: number;
  costModel?: CostModel;
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}

function rowOf(
  s: Scenario,
  base: TurnusPlan,
  opts: CompareOptions,
  profile: TargetProfile,
  year: number,
  ledgerIn?: ScenarioLedger,
): ScenarioRow {
  const plan = s.plan;
  const index = indexPlan(plan);
  const pos = positionsOnce(plan);
  const wk = weekendMetrics(index);
  const cov = coverage(index);
  const wcov = weekendCoverage(cov, index);
  const model = opts.costModel ?? resolveCostModel(plan.costs);
  const ledger = ledgerIn ?? scenarioLedger(plan, base, model);
  const hits = { error: 0, warning: 0, info: 0 };
  for (const v of checkPlan(plan)) hits[v.severity]++;
  const active = wk.employees.filter((_, i) => index.employees[i].shifts.length > 0);
  return {
    id: s.meta.id,
    name: s.meta.name,
    employees: pos.unit.employees,
    heltidsandel: pos.unit.heltidsandel,
    averagePosition: pos.unit.averagePosition,
    involuntaryPartTime: { count: pos.unit.involuntary.countAfter, gap: pos.unit.involuntary.gapAfter },
    weekendHeads: mean(wcov.map((w) => w.heads)),
    weekendHoursPerPerson: mean(active.map((e) => e.weekendHours)),
    weekendsWorkedPerPerson: mean(active.map((e) => e.weekendsWorked)),
    uncoveredShifts: cov.uncoveredShifts,
    uncoveredHours: cov.uncoveredHours,
    vikarHours: ledger.vikarHours.after,
    vikarKroner: ledger.vikarKroner.after,
    fixedSalaryKroner: ledger.fixedSalaryKroner.after,
    netSaving: ledger.net.period,
    ledger,
    ruleHits: hits,
    target: progressToward(pos.employees.map(paidPosition), profile, year),
  };
}

const NUMERIC: (keyof ScenarioRow)[] = [
  'employees',
  'weekendHeads',
  'weekendHoursPerPerson',
  'weekendsWorkedPerPerson',
  'uncoveredShifts',
  'uncoveredHours',
  'vikarHours',
  'vikarKroner',
  'fixedSalaryKroner',
  'netSaving',
];

/** Compares 2–4 scenarios; the first is the reference for net saving and the deltas. */
export function compareScenarios(scenarios: Scenario[], opts: CompareOptions = {}): ScenarioComparison {
  if (scenarios.length < 2 || scenarios.length > 4) throw new RangeError(`scenarios: sammenlign 2–4 scenarioer (fikk ${scenarios.length})`);
  const profile = typeof opts.profile === 'object' ? opts.profile : targetProfile(opts.profile ?? 'asker-2030');
  const year = opts.year ?? +scenarios[0].plan.period.start.slice(0, 4);
  const base = scenarios[0].plan;
  // The reference's ledger against itself is the «before» side of the others' (no second computation).
  const rest = scenarios.slice(1).map((s) => rowOf(s, base, opts, profile, year));
  const ref = rowOf(scenarios[0], base, opts, profile, year, referenceLedger(rest[0].ledger));
  const rows = [ref, ...rest];
  const flat = (r: ScenarioRow): Record<string, number> => {
    const o: Record<string, number> = {};
    for (const k of NUMERIC) o[k] = r[k] as number;
    o['heltidsandel.contracted'] = r.heltidsandel.contracted;
    o['heltidsandel.resulting'] = r.heltidsandel.resulting;
    o['averagePosition.contracted'] = r.averagePosition.contracted;
    o['averagePosition.resulting'] = r.averagePosition.resulting;
    o['involuntaryPartTime.count'] = r.involuntaryPartTime.count;
    o['ruleHits.error'] = r.ruleHits.error;
    o['ruleHits.warning'] = r.ruleHits.warning;
    o['ledger.paidNotPlannedHours'] = r.ledger.paidNotPlannedHours.after;
    o['ledger.plannedHours'] = r.ledger.plannedHours.after;
    o['ledger.paidHours'] = r.ledger.paidHours.after;
    return o;
  };
  const f0 = flat(rows[0]);
  const deltas = rows.map((r) => {
    const f = flat(r);
    const d: Record<string, number> = {};
    for (const k of Object.keys(f)) d[k] = f[k] - f0[k];
    return d;
  });
  return { rows, deltas, profile, year };
}
