/**
 * One honest ledger per scenario (issue 18): what the scenario pays, what it plans, what it
 * pays without planning, the vikar hours and kroner it removes, overtime and extra shifts, and
 * the net effect per period, half year and year, each line with its assumption and source.
 * Built on the vikar ledger (shared/metrics/economics vikarLedger), so the Økonomi tab, the
 * scenario page and the comparison show the same kroner; the lines add up:
 *   net = vikar kroner removed − added fixed salary kroner (= vikarLedger.netSaving)
 *       = Σ split parts: the raise, the re-plan of the others, staff who joined or left
 *         (shared/metrics/ledger-split), so gains of re-planning are not booked as the raise's.
 */
import type { TurnusPlan } from '../plan/model';
import {
  ledgerSplit,
  resolveCostModel,
  unitCosts,
  vikarLedger,
  type CostModel,
  type LedgerSplit,
  type VikarLedger,
} from '../metrics/economics';
import { paidPosition, positions, type PositionsResult } from '../metrics/positions';

export interface Pair {
  before: number;
  after: number;
}

export interface LedgerLine {
  key: string;
  /** Norwegian label. */
  label: string;
  hours: Pair | null;
  kroner: Pair | null;
  /** How the figure is computed. */
  assumption: string;
  source: string;
}

export interface ScenarioLedger {
  periodDays: number;
  /** d / 365. */
  yearShare: number;
  /** Σ paid position × full-time netto hours (paid position = max(contract, what the plan gives)). */
  paidHours: Pair;
  /** Σ planned work hours. */
  plannedHours: Pair;
  /** Σ max(0, target − planned): paid hours the plan does not place (a cost, no output). */
  paidNotPlannedHours: Pair;
  paidNotPlannedKroner: Pair;
  /** Vikar need: uncovered hours + expected sick leave, split by channel. */
  vikarHours: Pair;
  vikarKroner: Pair;
  overtimeHours: Pair;
  extraShiftHours: Pair;
  fixedSalaryKroner: Pair;
  /** fixed after − fixed before. */
  addedFixedKroner: number;
  vikarHoursRemoved: number;
  vikarKronerRemoved: number;
  /** Tillegg from the shift times: null until the rates are entered (no tillegg function yet). */
  tilleggKroner: Pair | null;
  /** vikarKronerRemoved − addedFixedKroner; positive = saves money. */
  net: { period: number; halfYear: number; year: number };
  /** The net by cause: what the raise does, what re-planning the others does (Σ parts = net). */
  split: LedgerSplit;
  lines: LedgerLine[];
  notes: string[];
}

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

/** positions() once per plan object (the comparison asks for the same plan several times). */
const positionsMemo = new WeakMap<TurnusPlan, PositionsResult>();
export function positionsOnce(plan: TurnusPlan): PositionsResult {
  let p = positionsMemo.get(plan);
  if (!p) {
    p = positions(plan);
    positionsMemo.set(plan, p);
  }
  return p;
}

function sideHours(plan: TurnusPlan, model: CostModel, yearShare: number) {
  const year = +plan.period.start.slice(0, 4);
  const pos = positionsOnce(plan).employees;
  const paid = pos.map((e) => paidPosition(e) * e.fullTimeHours);
  const short = pos.map((e) => Math.max(0, e.targetHours - e.plannedHours));
  const krPerPaidHour = pos.map((e) =>
    e.fullTimeHours > 0 ? (unitCosts(model, e.competence, year).costPerFteYear * yearShare) / e.fullTimeHours : 0,
  );
  return {
    paid: sum(paid),
    planned: sum(pos.map((e) => e.plannedHours)),
    short: sum(short),
    shortKr: sum(short.map((h, i) => h * krPerPaidHour[i])),
  };
}

/** «Sparer X kr» / «Koster X kr mer» (defined beside the vikar ledger's net saving). */
export { savingWords } from '../metrics/vikar-ledger';

/** The ledger of `plan` against `base` (the plan the scenario came from, or the first scenario). */
export function scenarioLedger(plan: TurnusPlan, base: TurnusPlan, modelIn?: CostModel): ScenarioLedger {
  const model = modelIn ?? resolveCostModel(plan.costs);
  const l: VikarLedger = vikarLedger(plan, { kind: 'plan', plan: base, label: 'Utgangspunkt' }, model);
  const a = sideHours(plan, model, l.yearShare);
  const b = sideHours(base, model, l.yearShare);
  const pair = (before: number, after: number): Pair => ({ before, after });
  const net = l.before.totalKroner - l.after.totalKroner;
  const ledger: ScenarioLedger = {
    periodDays: l.periodDays,
    yearShare: l.yearShare,
    paidHours: pair(b.paid, a.paid),
    plannedHours: pair(b.planned, a.planned),
    paidNotPlannedHours: pair(b.short, a.short),
    paidNotPlannedKroner: pair(b.shortKr, a.shortKr),
    vikarHours: pair(l.before.vikarHoursTotal, l.after.vikarHoursTotal),
    vikarKroner: pair(l.before.vikarKronerTotal, l.after.vikarKronerTotal),
    overtimeHours: pair(l.before.vikarHours.overtid, l.after.vikarHours.overtid),
    extraShiftHours: pair(l.before.vikarHours.ekstravakt, l.after.vikarHours.ekstravakt),
    fixedSalaryKroner: pair(l.before.fixedSalaryKroner, l.after.fixedSalaryKroner),
    addedFixedKroner: l.after.fixedSalaryKroner - l.before.fixedSalaryKroner,
    vikarHoursRemoved: l.vikarHoursSaved,
    vikarKronerRemoved: l.vikarKronerSaved,
    tilleggKroner: null,
    net: { period: net, halfYear: net / l.yearShare / 2, year: net / l.yearShare },
    split: ledgerSplit(l, plan, base, model, { after: positionsOnce(plan), before: positionsOnce(base) }),
    lines: [],
    notes: l.notes,
  };
  ledger.lines = [
    {
      key: 'paid',
      label: 'Betalte timer (stillinger)',
      hours: ledger.paidHours,
      kroner: ledger.fixedSalaryKroner,
      assumption: 'Betalt stilling = den største av avtalt stilling og det planen gir, × nettotimer ved 100 %',
      source: 'KS HTA kap. 1 § 4.2.2 (35,5 t); domain.md § 7.2',
    },
    {
      key: 'planned',
      label: 'Planlagte timer',
      hours: ledger.plannedHours,
      kroner: null,
      assumption: 'Summen av vaktene i planen (betalte timer per vakt)',
      source: 'Planen',
    },
    {
      key: 'paidNotPlanned',
      label: 'Betalt, ikke planlagt (disponible timer)',
      hours: ledger.paidNotPlannedHours,
      kroner: ledger.paidNotPlannedKroner,
      assumption: 'max(0, måltimer − planlagte timer) per ansatt, til fast timekostnad; en del av de faste lønnskostnadene over',
      source: 'domain.md § 7.2 punkt 1; metodenotatet § 6',
    },
    {
      key: 'vikar',
      label: 'Vikartimer (udekket + sykefravær)',
      hours: ledger.vikarHours,
      kroner: ledger.vikarKroner,
      assumption: `Udekkede timer + ${Math.round(model.sickLeaveRate * 100)} % sykefravær av planlagte timer; spart tas ut byrå → overtid → ekstravakt → intern vikar`,
      source: 'Kostnadsmodellen (Økonomi-fanen)',
    },
    {
      key: 'overtime',
      label: 'Herav overtid',
      hours: ledger.overtimeHours,
      kroner: null,
      assumption: `Andel av vikartimene etter fordelingen ${Math.round(model.vikarMix.overtid * 100)} % overtid`,
      source: 'Kostnadsmodellen: fordeling av vikartimer',
    },
    {
      key: 'extra',
      label: 'Herav ekstravakter',
      hours: ledger.extraShiftHours,
      kroner: null,
      assumption: `Andel av vikartimene etter fordelingen ${Math.round(model.vikarMix.ekstravakt * 100)} % ekstravakter`,
      source: 'Kostnadsmodellen: fordeling av vikartimer',
    },
    {
      key: 'tillegg',
      label: 'Tillegg: beregnes når satsene er lagt inn',
      hours: null,
      kroner: null,
      assumption: 'Ubekvemstillegg fra vakttidene er ikke med i regnestykket ennå',
      source: 'KS HTA kap. 1 § 5',
    },
  ];
  return ledger;
}

/** The ledger of the reference against itself (every «after» = «before», nothing removed, net 0), from any ledger against it. */
export function referenceLedger(l: ScenarioLedger): ScenarioLedger {
  const same = (p: Pair): Pair => ({ before: p.before, after: p.before });
  return {
    ...l,
    paidHours: same(l.paidHours),
    plannedHours: same(l.plannedHours),
    paidNotPlannedHours: same(l.paidNotPlannedHours),
    paidNotPlannedKroner: same(l.paidNotPlannedKroner),
    vikarHours: same(l.vikarHours),
    vikarKroner: same(l.vikarKroner),
    overtimeHours: same(l.overtimeHours),
    extraShiftHours: same(l.extraShiftHours),
    fixedSalaryKroner: same(l.fixedSalaryKroner),
    addedFixedKroner: 0,
    vikarHoursRemoved: 0,
    vikarKronerRemoved: 0,
    tilleggKroner: null,
    net: { period: 0, halfYear: 0, year: 0 },
    split: {
      parts: l.split.parts.map((p) => ({
        ...p,
        paidHours: 0,
        plannedHours: 0,
        fixedKroner: 0,
        vikarHoursRemoved: 0,
        vikarKronerRemoved: 0,
        net: { period: 0, halfYear: 0, year: 0 },
      })),
      net: { period: 0, halfYear: 0, year: 0 },
      headline: 'Referansen: ingen endring.',
      warning: null,
    },
    lines: l.lines.map((x) => ({ ...x, hours: x.hours && same(x.hours), kroner: x.kroner && same(x.kroner) })),
  };
}
