/**
 * Delt vakt (split shift): two work shifts that belong to one main work period («hovedarbeids-
 * periode», aml § 10-8 (1)), so the break between the parts is not a daily rest (domain.md §2.3
 * item 1: e.g. 4 h + 5 h with a break). Used by AML-REST-DAILY and AML-REST-COMP.
 *
 * Definition [INFERENS + KONFIG]. Two consecutive work shifts A, B (B is the next shift after A
 * in time) form one split shift when all of these hold:
 * 1. the break `start(B) − end(A)` is positive and at most `rules.splitShiftMaxBreakHours`
 *    (optional, default 0 = off: plan-format.md «every optional field … must default to off»;
 *    the exemption applies only when the plan or unit records a value);
 * 2. the paid hours of A and B together are at most the agreed longest day
 *    (`rules.agreements.maxShiftHours`), so the period as a whole respects AML-DAY-MAX;
 * 3. the whole period, `end(B) − start(A)`, is at most 24 h − `dailyRestMinHours` (13 h with the
 *    statutory 11 h), so the daily rest still fits in the same 24 hours;
 * 4. exactly two parts: neither the shift before A nor the shift after B would satisfy 1–3
 *    with A respectively B. Three or more short-break shifts in a row are not a split shift,
 *    and every break between them is checked as a rest.
 * The rest before A and the rest after B are checked as usual.
 *
 * Plan file v1 allows one row per employee and date, so the two parts of a split shift are two
 * dates only when the first part ends after midnight; a split shift inside one date is best
 * entered as one shift type with `unpaidBreakMinutes` (its break is never a rest either).
 *
 * Exported: `DEFAULT_SPLIT_SHIFT_MAX_BREAK_HOURS`, `MAX_SPLIT_SHIFT_BREAK_HOURS`,
 * `splitShiftMaxBreakHoursOf(plan)`, `isSplitBreak(ctx, shifts, i)`, `periodStart(ctx, shifts, k)`.
 */

import type { TurnusPlan } from '../plan/model';
import type { WorkShift } from '../plan/plan-index';
import type { RuleContext } from './types';

/** Off unless the plan records delt vakt (plan-format.md «Defaults and edge cases»). */
export const DEFAULT_SPLIT_SHIFT_MAX_BREAK_HOURS = 0;
/** Largest value honoured (a longer break is a rest in any case: ≥ the 8 h agreed minimum). */
export const MAX_SPLIT_SHIFT_BREAK_HOURS = 8;

export function splitShiftMaxBreakHoursOf(plan: Pick<TurnusPlan, 'rules'>): number {
  const v = plan.rules?.splitShiftMaxBreakHours;
  if (typeof v !== 'number' || !Number.isFinite(v)) return DEFAULT_SPLIT_SHIFT_MAX_BREAK_HOURS;
  return Math.min(MAX_SPLIT_SHIFT_BREAK_HOURS, Math.max(0, v));
}

/** Conditions 1–3 for the pair (a, b). */
function canPair(ctx: RuleContext, a: WorkShift, b: WorkShift): boolean {
  const maxBreak = ctx.splitShiftMaxBreakHours * 60;
  const gap = b.start - a.end;
  if (!(gap > 0 && gap <= maxBreak + 1e-6)) return false;
  if (a.paidHours + b.paidHours > ctx.agreements.maxShift.value + 1e-9) return false;
  return b.end - a.start <= (24 - ctx.agreements.dailyRest.value) * 60 + 1e-6;
}

/** Is the gap before `shifts[i]` the break inside a split shift (conditions 1–4)? */
export function isSplitBreak(ctx: RuleContext, shifts: readonly WorkShift[], i: number): boolean {
  if (ctx.splitShiftMaxBreakHours <= 0 || i < 1 || i >= shifts.length) return false;
  if (!canPair(ctx, shifts[i - 1], shifts[i])) return false;
  if (i >= 2 && canPair(ctx, shifts[i - 2], shifts[i - 1])) return false;
  if (i + 1 < shifts.length && canPair(ctx, shifts[i], shifts[i + 1])) return false;
  return true;
}

/**
 * Position of the shift that starts the work period ending just before `shifts[k]`: k − 1, or
 * k − 2 when shifts[k − 2] and shifts[k − 1] are the two parts of a split shift.
 */
export function periodStart(ctx: RuleContext, shifts: readonly WorkShift[], k: number): number {
  return k - 1 >= 1 && isSplitBreak(ctx, shifts, k - 1) ? k - 2 : k - 1;
}
