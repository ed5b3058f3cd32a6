/**
 * Glue between the domain core and the review pack / diff: runs the rule engine
 * (shared/engine.ts), the report (shared/report.ts) and the cost model
 * (shared/metrics/economics.ts) and shapes their results for ./pack and ./diff. No formula
 * lives here; each comes from its one module.
 */
import { fromDay, isHoliday } from '../calendar';
import { checkIndex, sortViolations } from '../rules/engine';
import type { TurnusPlan } from '../plan/model';
import { buildReport, type PlanReport, type ReportEmployee } from '../metrics/report';
import { RULES } from '../rules';
import { indexPlan, type PlanIndex } from '../plan/plan-index';
import { redDayWorkOf } from '../plan/zones';
import { coverage, type CoverageResult } from '../metrics/coverage';
import { workedWeekends } from '../plan/weekends';
import type { PlanAnalysis, PlanDiff, RuleHit } from './diff';
import { costModelAssumptions } from './pack-costs';
import type { PackAgreementRecord, PackComment, PackEmployeeRow, PackStatus, PaperSize, ReviewPackInput } from './pack-types';

export { costModelAssumptions } from './pack-costs';

/**
 * Statutory holidays (not ordinary Sundays) on which the employee works: a day counts as
 * worked when a work shift dated in the period overlaps the law's window of the day (aml
 * § 10-10 (1), `redDayWorkOf` of shared/plan/zones: shifts and timed meetings/courses), as for
 * AML-SUNDAY and the red-day counts.
 */
export function holidaysWorked(index: PlanIndex, employeeId: string): number {
  const emp = index.byId.get(employeeId);
  if (!emp) return 0;
  let n = 0;
  const works = redDayWorkOf(index, emp, index.startDay, index.endDay);
  for (let d = index.startDay; d <= index.endDay; d++) {
    if (!isHoliday(d)) continue;
    if (works(d)) n++;
  }
  return n;
}

/** Planned hours, target hours, resulting position and rule hits of one plan (for diffPlans). */
export function analyzePlan(plan: TurnusPlan): PlanAnalysis {
  const index = indexPlan(plan);
  const report = buildReport(plan, { index });
  return {
    employees: new Map(
      report.employees.map((e) => [
        e.id,
        {
          plannedHours: e.plannedHours,
          targetHours: e.targetHours,
          resultingPosition: e.resultingPosition,
        },
      ]),
    ),
    hits: checkIndex(index),
  };
}

/** Legal source and Norwegian title per rule id, from the rule catalogue. */
export function ruleCatalogue(): { sources: Record<string, string>; names: Record<string, string> } {
  const sources: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const r of RULES) {
    sources[r.id] = r.source;
    names[r.id] = r.title;
  }
  return { sources, names };
}

export interface PackContext {
  plan: TurnusPlan;
  planName: string;
  status: PackStatus;
  diff?: PlanDiff | null;
  diffAgainst?: string | null;
  comments?: PackComment[];
  /** Agreements with the tillitsvalgte on file (UnitSettings.agreementRecords). */
  agreementRecords?: PackAgreementRecord[];
  generatedAt: string;
  generatedBy: string;
  paper?: PaperSize;
}

export interface PackFigures {
  report: PlanReport;
  hits: RuleHit[];
  employees: PackEmployeeRow[];
  coverage: CoverageResult;
}

/** The report and rule hits of a plan, shaped as the pack and the XLSX export use them. */
export function packFigures(plan: TurnusPlan): PackFigures {
  // One index serves the report, the rule check and the holidays worked.
  const index = indexPlan(plan);
  const cov = coverage(index);
  const report = buildReport(plan, { index, coverage: cov });
  const hits = sortViolations(checkIndex(index), plan);
  const employees: PackEmployeeRow[] = report.employees.map((e) => ({
    id: e.id,
    plannedHours: e.plannedHours,
    targetHours: e.targetHours,
    resultingPosition: e.resultingPosition,
    weekendsWorked: e.weekendsWorked,
    holidaysWorked: holidaysWorked(index, e.id),
    longShifts: e.longShifts,
    weekendDates: workedWeekends(index, e.id).map(fromDay),
    ...redDayFigures(e),
  }));
  return { report, hits, employees, coverage: cov };
}

/** Red days worked and free (by the law's windows), the average week and the weekly norm, from the report. */
export function redDayFigures(
  e: Pick<ReportEmployee, 'redDays' | 'averaging' | 'norm'>,
): Pick<PackEmployeeRow, 'redDaysWorked' | 'redDaysFree' | 'averageWeeklyHours' | 'weeklyNorm' | 'overtimeHours' | 'dayOvertimeHours'> {
  return {
    redDaysWorked: e.redDays.worked,
    redDaysFree: e.redDays.free,
    averageWeeklyHours: e.averaging.avgWeekly,
    weeklyNorm: e.norm.weeklyHours,
    overtimeHours: e.averaging.overtimeHours,
    dayOvertimeHours: e.averaging.dayOvertimeHours,
  };
}

/** Everything buildReviewPackHtml needs, computed with the domain core. */
export function reviewPackInput(ctx: PackContext, figures: PackFigures = packFigures(ctx.plan)): ReviewPackInput {
  const cat = ruleCatalogue();
  const u = figures.report.unit;
  return {
    plan: ctx.plan,
    planName: ctx.planName,
    status: ctx.status,
    employees: figures.employees,
    unit: {
      heltidsandel: u.heltidsandel,
      averagePosition: u.averagePosition,
      neededHours: u.neededHours,
      uncoveredShifts: u.uncoveredShifts,
      uncoveredHours: u.uncoveredHours,
    },
    hits: figures.hits,
    ruleSources: cat.sources,
    ruleNames: cat.names,
    assumptions: costModelAssumptions(ctx.plan),
    agreementRecords: ctx.agreementRecords ?? [],
    coverage: figures.coverage.days.flatMap((d) =>
      d.slots.map((sl) => ({
        date: sl.date,
        shift: sl.shift,
        needed: sl.needed,
        filled: sl.filled,
        missing: sl.missing,
      })),
    ),
    openShifts: figures.coverage.uncovered.map((u) => ({
      date: u.date,
      shift: u.shift,
      competence: u.competence,
      missing: u.missing,
      hours: u.hours,
    })),
    diff: ctx.diff ?? null,
    diffAgainst: ctx.diffAgainst ?? null,
    comments: ctx.comments ?? [],
    generatedAt: ctx.generatedAt,
    generatedBy: ctx.generatedBy,
    paper: ctx.paper,
  };
}
