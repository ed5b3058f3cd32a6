/** The input of the review pack (./pack.ts): everything is computed by ./analysis. */
import type { PlanStatus, TurnusPlan } from '../plan/model';
import type { PlanDiff, RuleHit } from './diff';
import type { AgreementRecord } from '../plan/model';

export type PaperSize = 'A4' | 'A3';

export interface PackEmployeeRow {
  id: string;
  plannedHours: number;
  targetHours: number;
  resultingPosition: number;
  weekendsWorked: number;
  holidaysWorked?: number;
  longShifts: number;
  /** Saturdays ('yyyy-MM-dd') of the weekends the employee works (plan/weekends.ts). */
  weekendDates?: string[];
  /**
   * Red days (Sundays and holidays) worked and free, average weekly hours and the weekly norm:
   * printed when the plan report carries them (rule-engine work, F3/F5); absent until then.
   */
  redDaysWorked?: number;
  redDaysFree?: number;
  averageWeeklyHours?: number;
  weeklyNorm?: number;
  /**
   * Planned overtime (h): beyond full time over the averaging period plus, for a part-timer,
   * beyond the full-time day (OVERTIME-PLANNED, OVERTIME-DAY; plan/averaging.ts), and of it the
   * hours beyond the full-time day.
   */
  overtimeHours?: number;
  dayOvertimeHours?: number;
}

export interface PackUnitFigures {
  heltidsandel: { contracted: number; resulting: number };
  averagePosition: { contracted: number; resulting: number };
  neededHours: number;
  uncoveredShifts: number;
  uncoveredHours: number;
}

/** One assumption line: label, value and where it comes from. */
export interface PackAssumption {
  label: string;
  value: string | number | boolean;
  unit?: string;
  source?: string;
}

export interface PackComment {
  employeeId?: string | null;
  date?: string | null;
  text: string;
  author: string;
  createdAt: string;
  resolved?: boolean;
}

export interface PackStatus {
  status: PlanStatus;
  droftingDate?: string | null;
  droftingNames?: string[];
  godkjentDate?: string | null;
  godkjentNames?: string[];
}

/** A local agreement on file behind a relaxed limit (the plan model's AgreementRecord). */
export type PackAgreementRecord = AgreementRecord;

/** One date × shift code of the coverage (shared/metrics/coverage). */
export interface PackCoverageSlot {
  date: string;
  shift: string;
  needed: number;
  filled: number;
  missing: number;
}

/** A need left open: date, shift, competence ('any' = uansett), how many, and their hours in all. */
export interface PackOpenShift {
  date: string;
  shift: string;
  competence: string;
  missing: number;
  hours: number;
}

export interface ReviewPackInput {
  plan: TurnusPlan;
  planName: string;
  status: PackStatus;
  employees: PackEmployeeRow[];
  unit: PackUnitFigures;
  hits: RuleHit[];
  /** Legal source per rule id (from the rule catalogue), e.g. 'aml § 10-8 (1)'. */
  ruleSources?: Record<string, string>;
  /** Norwegian rule titles per rule id. */
  ruleNames?: Record<string, string>;
  /** Cost model and other assumptions beyond the plan's own rules. */
  assumptions?: PackAssumption[];
  /** Agreements with the tillitsvalgte on file (unit settings). */
  agreementRecords?: PackAgreementRecord[];
  coverage?: PackCoverageSlot[];
  openShifts?: PackOpenShift[];
  diff?: PlanDiff | null;
  /** Name of the version the diff compares against, e.g. «Godkjent 12.03.2026». */
  diffAgainst?: string | null;
  comments?: PackComment[];
  /** ISO timestamp shown in the footer (in Norwegian form); its Oslo date is «today». */
  generatedAt: string;
  generatedBy: string;
  paper?: PaperSize;
}
