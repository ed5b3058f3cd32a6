/**
 * The plan's own period (plan-format.md «Rows outside the period»): rows dated before or after
 * it are the neighbouring plans' shifts, carried as context. A violation is reported only when it
 * involves a work shift dated inside the period; one made wholly of context rows belongs to the
 * other plan. Rules use these helpers to decide that.
 */

import type { DayNumber } from '../calendar';
import type { RuleContext } from './types';

/** Is a shift (or any dated cell) dated inside the period? */
export function inPeriod(ctx: RuleContext, cell: { day: DayNumber }): boolean {
  return cell.day >= ctx.index.startDay && cell.day <= ctx.index.endDay;
}

/** Clamp a day range to the period. */
export function periodRange(ctx: RuleContext, fromDay: DayNumber, toDay: DayNumber): [DayNumber, DayNumber] {
  return [Math.max(fromDay, ctx.index.startDay), Math.min(toDay, ctx.index.endDay)];
}
