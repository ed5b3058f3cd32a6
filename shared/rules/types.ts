/**
 * Types of the rule catalogue: a `Rule` checks one employee over a range of dates and returns
 * `Violation`s. Every rule declares how far (in days) an edit of one cell can change its
 * violations (`reach`), which is what makes the incremental checker in shared/engine.ts exact.
 */

import type { DayNumber } from '../calendar';
import type { EmployeeIndex, PlanIndex } from '../plan/plan-index';
import type { EffectiveAgreements } from './agreements';

export type Severity = 'error' | 'warning' | 'info';

export interface Violation {
  /** Stable rule id, e.g. 'AML-REST-DAILY'. */
  rule: string;
  /** Employee id. */
  employee: string;
  /** 'yyyy-MM-dd', or null where the rule has no single date (WEEKEND-FREQUENCY). */
  date: string | null;
  severity: Severity;
  /** Plain Norwegian, naming the employee, the date and the paragraph. */
  message: string;
  /** Legal or agreement basis actually applied, e.g. 'aml § 10-8 (3)'. */
  source: string;
}

/** Everything a rule needs that does not depend on a single employee. */
export interface RuleContext {
  index: PlanIndex;
  agreements: EffectiveAgreements;
  /** Sundays and holidays of the period, ordered (AML-SUNDAY). */
  redDays: DayNumber[];
  /** Saturdays of the weekends whose Saturday and Sunday lie in the period. */
  weekends: DayNumber[];
  maxConsecutiveDays: number;
  /** rules.splitShiftMaxBreakHours (0 = no split-shift exemption); see split-shift.ts. */
  splitShiftMaxBreakHours: number;
  /** unit.weekendFrequency, when set. */
  weekendFrequency: number | undefined;
  /** Saturday of weekend 0 (unit.weekendAnchor or the period's first whole weekend). */
  weekendAnchor: DayNumber | undefined;
}

export interface RuleParameter {
  /** Path in the plan file, e.g. 'rules.agreements.dailyRestMinHours'. */
  name: string;
  default: number | string | boolean | null;
  /** Norwegian description, incl. what an agreement may relax it to. */
  description: string;
}

export interface Rule {
  id: string;
  /** Short Norwegian title. */
  title: string;
  /** Legal source of the default rule, e.g. 'aml § 10-8 (1)'. */
  source: string;
  severity: Severity;
  /**
   * Hard for the generator and the UI even though the severity is not 'error' (see
   * `HARD_RULE_IDS` in shared/engine.ts): LONG-SHIFT-CONSENT («langvakter er alltid frivillige»).
   */
  hard?: boolean;
  /** Norwegian: what the rule checks and how it is dated. */
  description: string;
  parameters: RuleParameter[];
  /**
   * Days around an edited date within which this rule's violations (by their date) can change;
   * `Infinity` when the rule looks at the employee's whole period (re-run in full).
   */
  reach: number | ((ctx: RuleContext) => number);
  /**
   * Which cells the rule reads: work shifts (default) or absence entries. The incremental
   * checker skips a rule when an edit changes neither kind it reads.
   */
  reads?: 'shifts' | 'absences' | 'both';
  /** Violations of this employee dated in [fromDay, toDay] (null-dated ones always included). */
  check(ctx: RuleContext, emp: EmployeeIndex, fromDay: DayNumber, toDay: DayNumber): Violation[];
}
