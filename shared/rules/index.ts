/**
 * The rule catalogue: one module per rule, listed here in display order. docs/rules.md, the UI
 * and the engine read `RULES`; `buildRuleContext` resolves the plan's parameters once.
 */

import type { TurnusPlan } from '../plan/model';
import type { PlanIndex } from '../plan/plan-index';
import { weekendsIn } from '../calendar';
import { redDaysBetween } from '../plan/zones';
import { resolveAgreements } from './agreements';
import type { Rule, RuleContext } from './types';
import { restDaily } from './rest-daily';
import { restComp } from './rest-comp';
import { restWeekly } from './rest-weekly';
import { restWeeklyComp } from './rest-weekly-comp';
import { dayMax } from './day-max';
import { weekMax } from './week-max';
import { avg48 } from './avg-48';
import { avgNorm, overtimeDay, overtimePlanned } from './avg-norm';
import { sunday } from './sunday';
import { nightAvg } from './night-avg';
import { nightExempt } from './night-exempt';
import { longShiftConsent } from './long-shift-consent';
import { weekendFrequency } from './weekend-frequency';
import { weekendGroup } from './weekend-group';
import { weekendAnchorOf } from '../plan/weekends';
import { DEFAULT_MAX_CONSECUTIVE_DAYS, maxConsecutiveDays } from './max-consecutive-days';
import { hovedferie } from './hovedferie';
import { agreementOnFile } from './agreement-on-file';
import { splitShiftMaxBreakHoursOf } from './split-shift';
import { sunday4w } from './sunday-4w';
import { vacationEntitlement, vacationPlaced } from './vacation-entitlement';

export type { Rule, RuleContext, RuleParameter, Severity, Violation } from './types';
export { resolveAgreements, relaxedLimits, formatHours } from './agreements';
export type { AgreedValue, EffectiveAgreements } from './agreements';
export { AVG48_HOURS, AVG48_WEEKS } from './avg-48';
export { NIGHT_AVG_DAYS, NIGHT_AVG_LIMIT_HOURS, NIGHT_AVG_SHIFT_MINUTES, NIGHT_AVG_WEEKS } from './night-avg';
export { LONG_SHIFT_HOURS } from './long-shift-consent';
export { DEFAULT_SPLIT_SHIFT_MAX_BREAK_HOURS, isSplitBreak, splitShiftMaxBreakHoursOf } from './split-shift';

/** Every rule, in the order the UI and docs show them. */
export const RULES: readonly Rule[] = [
  restDaily,
  restComp,
  restWeekly,
  restWeeklyComp,
  dayMax,
  weekMax,
  avg48,
  avgNorm,
  overtimePlanned,
  overtimeDay,
  sunday,
  sunday4w,
  nightAvg,
  nightExempt,
  longShiftConsent,
  weekendFrequency,
  weekendGroup,
  maxConsecutiveDays,
  hovedferie,
  vacationEntitlement,
  vacationPlaced,
  agreementOnFile,
];

/** The rule ids of plan-format.md (the contract of `turnus check`). */
export const CONTRACT_RULE_IDS = [
  'AML-REST-DAILY',
  'AML-REST-WEEKLY',
  'AML-DAY-MAX',
  'AML-WEEK-MAX',
  'AML-SUNDAY',
  'LONG-SHIFT-CONSENT',
  'WEEKEND-FREQUENCY',
  'WEEKEND-GROUP',
] as const;

export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
export const RULE_ORDER: ReadonlyMap<string, number> = new Map(RULES.map((r, i) => [r.id, i]));

/** Largest maxConsecutiveDays honoured (keeps MAX-CONSECUTIVE-DAYS local for the incremental checker). */
export const MAX_CONSECUTIVE_DAYS_LIMIT = 31;

export function maxConsecutiveDaysOf(plan: Pick<TurnusPlan, 'rules'>): number {
  const v = plan.rules?.maxConsecutiveDays;
  if (typeof v !== 'number' || !Number.isFinite(v)) return DEFAULT_MAX_CONSECUTIVE_DAYS;
  return Math.min(MAX_CONSECUTIVE_DAYS_LIMIT, Math.max(1, Math.floor(v)));
}

export function buildRuleContext(index: PlanIndex): RuleContext {
  const plan = index.plan;
  const k = plan.unit?.weekendFrequency;
  return {
    index,
    agreements: resolveAgreements(plan),
    redDays: redDaysBetween(index.startDay, index.endDay),
    weekends: weekendsIn(index.startDay, index.endDay),
    maxConsecutiveDays: maxConsecutiveDaysOf(plan),
    splitShiftMaxBreakHours: splitShiftMaxBreakHoursOf(plan),
    weekendFrequency: typeof k === 'number' && k > 0 ? k : undefined,
    weekendAnchor: weekendAnchorOf(index),
  };
}
