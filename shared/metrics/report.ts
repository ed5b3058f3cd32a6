/**
 * The plan report: exactly the `turnus report --json` shape of plan-format.md (employees[] with
 * id, plannedHours, targetHours, resultingPosition, weekendsWorked, longShifts; unit with
 * heltidsandel, averagePosition, neededHours, uncoveredShifts, uncoveredHours) plus extra
 * fields (the contract allows more). Numbers are unrounded JSON numbers.
 */
import type { AgreementRecord, TurnusPlan } from '../plan/model';
import { relaxedLimits, resolveAgreements } from '../rules/agreements';
import { type PlanIndex, indexPlan } from '../plan/plan-index';
import { type CoverageResult, coverage } from './coverage';
import { positions } from './positions';
import { weekendMetrics, type Spread } from './weekends';
import { type RedDayStats, redDayStats } from './red-days';
import { derivedNorm } from '../plan/norm';
import { type TilleggHours, tilleggHours } from './tillegg';
import { type AveragingResult, averaging } from '../plan/averaging';

export interface ReportEmployee {
  id: string;
  plannedHours: number;
  targetHours: number;
  resultingPosition: number;
  weekendsWorked: number;
  longShifts: number;
  // Extra fields.
  name: string;
  competence: string;
  position: number;
  wantedPosition: number | null;
  balance: number;
  weekendHours: number;
  weekendLoad: number;
  kEff: number | null;
  /** Red days worked and free, F3 owed (main rule and averaging) and F5 (red-days.ts). */
  redDays: RedDayStats;
  /** The weekly norm the plan qualifies for (shared/plan/norm.ts), shown beside the target. */
  norm: { kind: string; weeklyHours: number; lawWeeklyHours: number; condition: string; usedForTarget: boolean };
  /** Gjennomsnittsberegning, overtime and merarbeid (shared/plan/averaging.ts). */
  averaging: AveragingResult;
  /** Hours that earn kvelds-, natt-, lørdags-/søndags- and helge-/høytidstillegg (tillegg.ts). */
  tillegg: TilleggHours;
}

export interface ReportUnit {
  heltidsandel: { contracted: number; resulting: number };
  averagePosition: { contracted: number; resulting: number };
  neededHours: number;
  uncoveredShifts: number;
  uncoveredHours: number;
  // Extra fields.
  name: string;
  period: { start: string; end: string };
  heltidThreshold: number;
  employees: number;
  arsverk: { contracted: number; resulting: number };
  involuntaryPartTime: { countBefore: number; countAfter: number; gapBefore: number; gapAfter: number };
  smallPositions: { contracted: number; resulting: number };
  weekendOnlyPositions: number;
  surplusShifts: number;
  surplusHours: number;
  weekends: number;
  weekendFairness: { weekendsWorked: Spread; weekendHours: Spread };
  /** Every relaxed limit of the plan with the agreement on file behind it (null: none registered). */
  agreements: { parameter: string; value: number; needs: string; source: string; record: AgreementRecord | null }[];
}

export interface PlanReport {
  employees: ReportEmployee[];
  unit: ReportUnit;
}

/**
 * What a caller may already have computed for the same plan, so `buildReport` does not build it
 * again: the plan index (`indexPlan(plan)`, e.g. the one the rule check used via `checkIndex`)
 * and the coverage (`coverage(index)`). Both must belong to this very plan object; the report is
 * the same with or without them.
 */
export interface ReportInputs {
  index?: PlanIndex;
  coverage?: CoverageResult;
}

function normOf(index: PlanIndex, id: string): ReportEmployee['norm'] {
  const n = derivedNorm(index, id);
  const used = index.byId.get(id)?.employee.weeklyHoursFromPlan === true;
  return { kind: n.kind, weeklyHours: n.weeklyHours, lawWeeklyHours: n.lawWeeklyHours, condition: n.condition, usedForTarget: used };
}

export function buildReport(plan: TurnusPlan, inputs: ReportInputs = {}): PlanReport {
  if (inputs.index && inputs.index.plan !== plan) throw new Error('buildReport: indeksen hører til en annen plan.');
  const index = inputs.index ?? indexPlan(plan);
  const pos = positions(index);
  const wk = weekendMetrics(index);
  const cov = inputs.coverage ?? coverage(index);
  const employees: ReportEmployee[] = pos.employees.map((p, i) => {
    const w = wk.employees[i];
    return {
      id: p.id,
      plannedHours: p.plannedHours,
      targetHours: p.targetHours,
      resultingPosition: p.resulting,
      weekendsWorked: w.weekendsWorked,
      longShifts: w.longShifts,
      name: p.name,
      competence: p.competence,
      position: p.contracted,
      wantedPosition: p.wanted,
      balance: p.balance,
      weekendHours: w.weekendHours,
      weekendLoad: w.weekendLoad,
      kEff: w.kEff,
      redDays: redDayStats(index, p.id),
      norm: normOf(index, p.id),
      averaging: averaging(index, p.id),
      tillegg: tilleggHours(index, p.id),
    };
  });
  const u = pos.unit;
  return {
    employees,
    unit: {
      heltidsandel: u.heltidsandel,
      averagePosition: u.averagePosition,
      neededHours: cov.neededHours,
      uncoveredShifts: cov.uncoveredShifts,
      uncoveredHours: cov.uncoveredHours,
      name: plan.unit.name,
      period: { start: plan.period.start, end: plan.period.end },
      heltidThreshold: u.threshold,
      employees: u.employees,
      arsverk: u.arsverk,
      involuntaryPartTime: {
        countBefore: u.involuntary.countBefore,
        countAfter: u.involuntary.countAfter,
        gapBefore: u.involuntary.gapBefore,
        gapAfter: u.involuntary.gapAfter,
      },
      smallPositions: u.smallPositions,
      weekendOnlyPositions: u.weekendOnly,
      surplusShifts: cov.surplusShifts,
      surplusHours: cov.surplusHours,
      weekends: wk.weekends.length,
      weekendFairness: { weekendsWorked: wk.fairness.weekendsWorked, weekendHours: wk.fairness.weekendHours },
      agreements: relaxedLimits(resolveAgreements(plan)).map((v) => ({
        parameter: v.parameter,
        value: v.value,
        needs: v.needs ?? '',
        source: v.source,
        record: v.record ?? null,
      })),
    },
  };
}

function pct(x: number): string {
  return `${(x * 100).toLocaleString('nb-NO', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} %`;
}

function hrs(x: number): string {
  return `${x.toLocaleString('nb-NO', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} t`;
}

function fmt1(x: number): string {
  return x.toLocaleString('nb-NO', { maximumFractionDigits: 1 });
}

/** The report as plain Norwegian text (the default output of `turnus report`). */
export function formatReport(r: PlanReport): string {
  const u = r.unit;
  const lines: string[] = [];
  lines.push(`Rapport for ${u.name}, ${u.period.start} – ${u.period.end}`);
  lines.push('');
  lines.push('Ansatte:');
  for (const e of r.employees) {
    lines.push(
      `  ${e.name} (${e.id}): planlagt ${hrs(e.plannedHours)}, måltimer ${hrs(e.targetHours)}, ` +
        `stilling ${pct(e.position)} → resulterende ${pct(e.resultingPosition)}, ` +
        `helger jobbet ${e.weekendsWorked}, langvakter ${e.longShifts}`,
    );
    const rd = e.redDays;
    lines.push(
      `    søn-/helgedager (vindu etter aml § 10-10): ${rd.worked} arbeidet, ${rd.free} fri av ${rd.redDays}; ` +
        `F3 etter hovedregelen ${rd.f3OwedStrict} (${rd.f3MissingStrict} mangler), ved gjennomsnitt ${rd.f3OwedAveraging} (${rd.f3MissingAveraging} mangler); F5 ${rd.f5}`,
    );
    const n = e.norm,
      av = e.averaging;
    lines.push(`    ukenorm etter planen: ${hrs(n.weeklyHours)} (${n.condition})${n.usedForTarget ? ', brukt i måltimene' : ''}`);
    lines.push(
      `    snitt ${hrs(av.avgWeekly)} per uke (grense aml § 10-4: ${hrs(av.lawNorm)}; tariff × stilling: ${hrs(av.tariffNorm)}), ` +
        `uker over ${fmt1(av.weeksAbove)}, under ${fmt1(av.weeksBelow)}, balanse ${hrs(av.balance)}; overtid ${hrs(av.overtimeHours)}` +
        (av.dayOvertimeHours > 0.005
          ? ` (herav ${hrs(av.dayOvertimeHours)} utover full dag på ${hrs(av.fullTimeDay)}, ${av.overtimeDays.length} dager)`
          : '') +
        `, merarbeid ${hrs(av.extraHours)}`,
    );
  }
  lines.push('');
  lines.push(
    `Heltidsandel (≥ ${pct(u.heltidThreshold)}): avtalt ${pct(u.heltidsandel.contracted)}, resulterende ${pct(u.heltidsandel.resulting)}`,
  );
  lines.push(`Gjennomsnittlig stilling: avtalt ${pct(u.averagePosition.contracted)}, resulterende ${pct(u.averagePosition.resulting)}`);
  lines.push(`Ufrivillig deltid: ${u.involuntaryPartTime.countBefore} før planen, ${u.involuntaryPartTime.countAfter} etter`);
  lines.push(`Behov i bemanningsplanen: ${hrs(u.neededHours)}`);
  lines.push(`Udekkede vakter: ${u.uncoveredShifts} (${hrs(u.uncoveredHours)} planlagt vikarbehov)`);
  for (const a of u.agreements) {
    const rec = a.record
      ? `${a.record.parties}, signert ${a.record.signedDate}${a.record.validUntil ? `, gyldig til ${a.record.validUntil}` : ''}`
      : 'ingen avtale registrert';
    lines.push(`Utvidet grense ${a.parameter} = ${String(a.value).replace('.', ',')} (${a.needs}, ${a.source}): ${rec}`);
  }
  return lines.join('\n');
}
