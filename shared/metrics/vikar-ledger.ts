/**
 * Vikar hours by channel and the vikar ledger: baseline vs this plan (domain.md § 7.3,
 * product.md (d) 1), with its headline figures for the UI.
 */
import { daysBetweenInclusive } from '../calendar';
import type { TurnusPlan } from '../plan/model';
import { indexPlan } from '../plan/plan-index';
import { round, type Assumption, type Figure } from './assumptions';
import {
  COST_PARAMETER_SOURCES,
  costAssumptions,
  resolveCostModel,
  salaryOf,
  VIKAR_CHANNEL_LABEL,
  VIKAR_CHANNELS,
  type CostModel,
  type VikarHours,
} from './cost-model';
import { coverage, type CoverageResult } from './coverage';
import { ANY } from './demand';
import { paidPosition, positions, type EmployeePosition, type PositionsResult } from './positions';
import { creditRaise, positionChanged, type LedgerEmployee, type RaisePerson, type RaiseSide } from './raise-credit';
import { unitCosts } from './unit-costs';

/** Splits a total of vikar hours by the model's channel mix. */
export function splitVikarHours(total: number, mix: VikarHours): VikarHours {
  return { byra: total * mix.byra, overtid: total * mix.overtid, ekstravakt: total * mix.ekstravakt, internVikar: total * mix.internVikar };
}

export function totalVikarHours(h: VikarHours): number {
  return VIKAR_CHANNELS.reduce((s, c) => s + h[c], 0);
}

/**
 * Vikar hours after a change of the planned vikar need by `delta` hours (negative = fewer).
 * Removed hours come out of the channels in replacement order (byrå first); added hours are
 * spread by the channel mix.
 */
export function applyVikarDelta(before: VikarHours, delta: number, model: CostModel): VikarHours {
  const after = { ...before };
  if (delta >= 0) {
    for (const c of VIKAR_CHANNELS) after[c] += delta * model.vikarMix[c];
    return after;
  }
  let remove = -delta;
  for (const c of model.replacementOrder) {
    const take = Math.min(after[c], remove);
    after[c] -= take;
    remove -= take;
    if (remove <= 0) break;
  }
  return after;
}

/** Kroner of vikar hours by channel, at a given unit cost per channel. */
export function vikarCost(hours: VikarHours, perChannel: VikarHours): VikarHours {
  return {
    byra: hours.byra * perChannel.byra,
    overtid: hours.overtid * perChannel.overtid,
    ekstravakt: hours.ekstravakt * perChannel.ekstravakt,
    internVikar: hours.internVikar * perChannel.internVikar,
  };
}

/** The baseline: vikar hours from the accounts, or a baseline plan. */
export type LedgerBaseline =
  | {
      kind: 'entered';
      /** All vikar hours of the same period (accounts), per channel, or a total split by the mix. */
      vikarHours: Partial<VikarHours> | { total: number };
      /** Fixed-salary positions before; default: this plan's contracted positions. */
      positions?: Record<string, number>;
      label?: string;
    }
  | { kind: 'plan'; plan: TurnusPlan; label?: string };

export interface LedgerSide {
  label: string;
  /** Planned vikar need (uncovered hours); null for an entered baseline. */
  uncoveredHours: number | null;
  /** Expected sick-leave vikar hours = sickLeaveRate × Σ planned hours; null for an entered baseline. */
  sickLeaveHours: number | null;
  vikarHours: VikarHours;
  vikarHoursTotal: number;
  vikarKroner: VikarHours;
  vikarKronerTotal: number;
  /** Σ paid position × C_year_FTE × d/365. */
  fixedSalaryKroner: number;
  /** Paid position per employee id. */
  positions: Record<string, number>;
  totalKroner: number;
}

export interface VikarLedger {
  periodDays: number;
  /** d / 365: the share of a year the fixed-salary kroner cover. */
  yearShare: number;
  before: LedgerSide;
  after: LedgerSide;
  vikarHoursSaved: number;
  vikarKronerSaved: number;
  addedFixedSalaryKroner: number;
  /** (fixed + vikar) before − (fixed + vikar) after. */
  netSaving: number;
  /** Contract hours the plan does not place on demand: a cost with no output (domain.md § 7.2 point 1). */
  disponibleHours: number;
  /**
   * The people whose position changed, each with the share of the saved vikar hours their added
   * planned hours replace (raise-credit.ts): against a baseline plan those whose contracted
   * position changed (the split's «de økte»), against entered figures those paid more than the
   * entered position. Σ rows = raiseVikarHours / raiseVikarKroner.
   */
  employees: LedgerEmployee[];
  /** The vikar hours and kroner credited to the changed positions (Σ employees). */
  raiseVikarHours: number;
  raiseVikarKroner: number;
  /** Unit cost per vikar hour and channel used (kr). */
  vikarHourCost: VikarHours;
  /** Average årslønn at 100 % behind the vikar hour cost (hours-weighted over the uncovered competences). */
  vikarSalaryBasis: number;
  assumptions: Assumption[];
  /** Norwegian notes for the UI. */
  notes: string[];
}

interface SideCalc {
  uncovered: number;
  sick: number;
  positions: Record<string, number>;
  fixed: number;
  fullTime: Record<string, number>;
}

function sideOf(
  plan: TurnusPlan,
  model: CostModel,
  yearShare: number,
  year: number,
): SideCalc & { cov: CoverageResult; pos: PositionsResult } {
  const index = indexPlan(plan);
  const cov = coverage(index);
  const pos = positions(index);
  const positionsById: Record<string, number> = {};
  const fullTime: Record<string, number> = {};
  let fixed = 0;
  let planned = 0;
  for (const e of pos.employees) {
    const paid = paidPosition(e);
    positionsById[e.id] = paid;
    fullTime[e.id] = e.fullTimeHours;
    fixed += paid * unitCosts(model, e.competence, year).costPerFteYear * yearShare;
    planned += e.plannedHours;
  }
  return { uncovered: cov.uncoveredHours, sick: model.sickLeaveRate * planned, positions: positionsById, fixed, fullTime, cov, pos };
}

/**
 * The vikar ledger of a plan against a baseline. A plan's paid position per employee is
 * max(contracted, resulting): hours placed beyond the contract raise the position, hours below
 * it are still paid (disponible timer). Vikar need = uncovered hours + sick-leave hours; saved
 * hours come out of the channels in replacement order (byrå first).
 */
export function vikarLedger(plan: TurnusPlan, baseline: LedgerBaseline, modelIn?: CostModel): VikarLedger {
  const model = modelIn ?? resolveCostModel(plan.costs);
  const year = +plan.period.start.slice(0, 4);
  const periodDays = daysBetweenInclusive(plan.period.start, plan.period.end);
  const yearShare = periodDays / 365;
  const after = sideOf(plan, model, yearShare, year);

  // Vikar hour cost: hours-weighted årslønn of the uncovered competences ('any' → defaultSalary).
  let w = 0,
    ws = 0;
  for (const [comp, v] of Object.entries(after.cov.uncoveredByCompetence)) {
    w += v.hours;
    ws += v.hours * (comp === ANY ? model.defaultSalary : salaryOf(model, comp));
  }
  const staffSalaries = plan.employees.map((e) => salaryOf(model, e.competence));
  const vikarSalaryBasis =
    w > 0 ? ws / w : staffSalaries.length ? staffSalaries.reduce((s, x) => s + x, 0) / staffSalaries.length : model.defaultSalary;
  const vikarModel: CostModel = { ...model, salaryByCompetence: { ...model.salaryByCompetence, ['\u0000vikar']: vikarSalaryBasis } };
  const vikarHourCost = unitCosts(vikarModel, '\u0000vikar', year).perChannel;

  let beforeSide: LedgerSide;
  let basePos: PositionsResult | null = null;
  const afterTotal = after.uncovered + after.sick;
  if (baseline.kind === 'plan') {
    const b = sideOf(baseline.plan, model, yearShare, year);
    basePos = b.pos;
    const hours = splitVikarHours(b.uncovered + b.sick, model.vikarMix);
    const kr = vikarCost(hours, vikarHourCost);
    beforeSide = {
      label: baseline.label ?? 'Grunnlag (plan)',
      uncoveredHours: b.uncovered,
      sickLeaveHours: b.sick,
      vikarHours: hours,
      vikarHoursTotal: totalVikarHours(hours),
      vikarKroner: kr,
      vikarKronerTotal: totalVikarHours(kr),
      fixedSalaryKroner: b.fixed,
      positions: b.positions,
      totalKroner: b.fixed + totalVikarHours(kr),
    };
  } else {
    const vh = baseline.vikarHours;
    let hours: VikarHours;
    if ('total' in vh && typeof vh.total === 'number') {
      if (!(vh.total >= 0)) throw new RangeError('vikarHours.total: må være et tall ≥ 0');
      hours = splitVikarHours(vh.total, model.vikarMix);
    } else {
      const p = vh as Partial<VikarHours>;
      hours = { byra: p.byra ?? 0, overtid: p.overtid ?? 0, ekstravakt: p.ekstravakt ?? 0, internVikar: p.internVikar ?? 0 };
      for (const c of VIKAR_CHANNELS) if (!(hours[c] >= 0)) throw new RangeError(`vikarHours.${c}: må være et tall ≥ 0`);
    }
    const posBefore: Record<string, number> = {};
    let fixed = 0;
    for (const e of plan.employees) {
      const p = baseline.positions?.[e.id] ?? e.position;
      posBefore[e.id] = p;
      fixed += p * unitCosts(model, e.competence, year).costPerFteYear * yearShare;
    }
    const kr = vikarCost(hours, vikarHourCost);
    beforeSide = {
      label: baseline.label ?? 'Grunnlag (regnskap)',
      uncoveredHours: null,
      sickLeaveHours: null,
      vikarHours: hours,
      vikarHoursTotal: totalVikarHours(hours),
      vikarKroner: kr,
      vikarKronerTotal: totalVikarHours(kr),
      fixedSalaryKroner: fixed,
      positions: posBefore,
      totalKroner: fixed + totalVikarHours(kr),
    };
  }
  const afterHours = applyVikarDelta(beforeSide.vikarHours, afterTotal - beforeSide.vikarHoursTotal, model);
  const afterKr = vikarCost(afterHours, vikarHourCost);
  const afterSide: LedgerSide = {
    label: 'Denne planen',
    uncoveredHours: after.uncovered,
    sickLeaveHours: after.sick,
    vikarHours: afterHours,
    vikarHoursTotal: totalVikarHours(afterHours),
    vikarKroner: afterKr,
    vikarKronerTotal: totalVikarHours(afterKr),
    fixedSalaryKroner: after.fixed,
    positions: after.positions,
    totalKroner: after.fixed + totalVikarHours(afterKr),
  };

  const vikarHoursSaved = beforeSide.vikarHoursTotal - afterSide.vikarHoursTotal;
  const vikarKronerSaved = beforeSide.vikarKronerTotal - afterSide.vikarKronerTotal;
  const side = (e: EmployeePosition, paid: number): RaiseSide => ({
    position: paid,
    paidHours: paid * e.fullTimeHours,
    plannedHours: e.plannedHours,
    fixedKroner: paid * unitCosts(model, e.competence, year).costPerFteYear * yearShare,
  });
  const changed: RaisePerson[] = [];
  if (baseline.kind === 'plan' && basePos) {
    const contractBefore = new Map(baseline.plan.employees.map((e) => [e.id, e.position]));
    const contractAfter = new Map(plan.employees.map((e) => [e.id, e.position]));
    const before = new Map(basePos.employees.map((e) => [e.id, e]));
    for (const e of after.pos.employees) {
      const b = before.get(e.id);
      const was = contractBefore.get(e.id);
      if (!b || was === undefined || !positionChanged(was, contractAfter.get(e.id) ?? was)) continue;
      changed.push({ id: e.id, name: e.name, competence: e.competence, before: side(b, paidPosition(b)), after: side(e, paidPosition(e)) });
    }
  } else {
    // Entered figures know no planned hours before: the entered position counts as planned in full.
    for (const e of after.pos.employees) {
      const was = beforeSide.positions[e.id] ?? 0;
      const paid = after.positions[e.id];
      if (paid - was <= 1e-9) continue;
      const b = side(e, was);
      changed.push({ id: e.id, name: e.name, competence: e.competence, before: { ...b, plannedHours: b.paidHours }, after: side(e, paid) });
    }
  }
  const raised = creditRaise(changed, model.sickLeaveRate, vikarHoursSaved, vikarKronerSaved);
  const addedFixedSalaryKroner = afterSide.fixedSalaryKroner - beforeSide.fixedSalaryKroner;
  const disponibleHours = after.pos.employees.reduce((s, e) => s + Math.max(0, e.targetHours - e.plannedHours), 0) + after.cov.surplusHours;
  const notes = [
    'Vikarbehov = udekkede timer i bemanningsplanen + forventet sykefravær (sykefraværsandel × planlagte timer).',
    'Sparte vikartimer tas ut i rekkefølgen ' + model.replacementOrder.map((c) => VIKAR_CHANNEL_LABEL[c].toLowerCase()).join(' → ') + '.',
    'Betalt stilling = den største av avtalt og resulterende stilling; timer under avtalen betales likevel (disponible timer).',
    'Økt fast stilling lønner seg bare når timene erstatter overtid eller byrå, eller faktisk brukes (metodenotatet § 6).',
  ];
  return {
    periodDays,
    yearShare,
    before: beforeSide,
    after: afterSide,
    vikarHoursSaved,
    vikarKronerSaved,
    addedFixedSalaryKroner,
    netSaving: beforeSide.totalKroner - afterSide.totalKroner,
    disponibleHours,
    employees: raised.rows,
    raiseVikarHours: raised.vikarHours,
    raiseVikarKroner: raised.vikarKroner,
    vikarHourCost,
    vikarSalaryBasis,
    assumptions: [
      ...unitCosts(vikarModel, '\u0000vikar', year).assumptions.filter((a) => a.key !== 'annualSalary100'),
      {
        key: 'vikarSalaryBasis',
        label: 'Årslønn bak vikartimeprisen (vektet etter udekkede timer)',
        value: round(vikarSalaryBasis, 0),
        unit: 'kr',
        tag: 'INFERENS',
        source: 'Timevektet årslønn for kompetansene i de udekkede vaktene; «any» = årslønn for annen kompetanse',
      },
      {
        key: 'salaryByCompetence',
        label: COST_PARAMETER_SOURCES.salaryByCompetence.label,
        value: JSON.stringify(model.salaryByCompetence),
        tag: 'KONFIG',
        source: COST_PARAMETER_SOURCES.salaryByCompetence.source,
      },
      ...costAssumptions(model, ['vikarMix', 'replacementOrder']),
      {
        key: 'yearShare',
        label: 'Periodens andel av året (d/365)',
        value: round(yearShare, 4),
        unit: 'andel',
        tag: 'INFERENS',
        source: `${periodDays} dager i planperioden`,
      },
    ],
    notes,
  };
}

/**
 * A net saving in words: «Sparer X kr» / «Koster X kr mer» / «Koster det samme», never a
 * negative saving or a double negative. The one wording of money effects in every screen, the
 * PSU summary and the exports.
 */
export function savingWords(kroner: number, fmt: (x: number) => string = (x) => Math.round(x).toLocaleString('nb-NO')): string {
  const r = Math.round(kroner);
  if (r === 0) return 'Koster det samme';
  return r > 0 ? `Sparer ${fmt(r)} kr` : `Koster ${fmt(-r)} kr mer`;
}

/** The ledger's headline numbers as labelled figures with formulas and the assumptions used. */
export function ledgerFigures(l: VikarLedger): Figure[] {
  const f = (value: number, label: string, unit: string, formula: string): Figure => ({
    value,
    label,
    unit,
    formula,
    tag: 'INFERENS',
    assumptions: l.assumptions,
  });
  return [
    f(l.after.vikarHoursTotal, 'Vikartimer i denne planen', 't', 'udekkede timer + sykefraværsandel × planlagte timer (metodenotatet § 6)'),
    f(l.vikarHoursSaved, 'Sparte vikartimer', 't', 'vikartimer før − vikartimer etter; tas ut i erstatningsrekkefølgen'),
    f(l.vikarKronerSaved, 'Sparte vikarkroner', 'kr', 'Σ kanal (timer før − timer etter) × timepris for kanalen'),
    f(l.addedFixedSalaryKroner, 'Økte faste lønnskostnader', 'kr', 'Σ (betalt stilling etter − før) × C_year_FTE × d/365'),
    f(l.netSaving, 'Netto i perioden', 'kr', '(fast + vikar) før − (fast + vikar) etter'),
    f(l.disponibleHours, 'Disponible timer (betalt, ikke lagt på behov)', 't', 'Σ max(0, måltimer − planlagte timer) + vakter uten behov'),
  ];
}
