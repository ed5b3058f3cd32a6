/**
 * Thin adapter: the constants of the averaging rules that shared/rules does not export yet
 * (AML-AVG-48's 8 weeks × 48 h, AML-NIGHT-AVG's 4 weeks and its 3 h night-shift threshold).
 * The week counts are read from the rules' own `reach` ((weeks + 1) × 7); the hours mirror
 * avg-48.ts and night-avg.ts and are guarded by the property test that compares this model's
 * hard count with the engine's. Replace by imports once shared/rules exports them.
 */
import type { RuleContext } from '../../../rules/index';
import { avg48 } from '../../../rules/avg-48';
import { nightAvg } from '../../../rules/night-avg';

function weeksOf(reach: unknown, ctxFree: number): number {
  return typeof reach === 'function' ? ctxFree : Math.round((reach as number) / 7) - 1;
}

export const AVG48_WEEKS = weeksOf(avg48.reach, 8);
export const AVG48_HOURS = 48;
export const NIGHT_AVG_WEEKS = weeksOf(nightAvg.reach, 4);
export const NIGHT_AVG_SHIFT_MINUTES = 180;

/** aml § 10-11 (6): 8 h per 24 h over the weeks, the weekly rest not counted. */
export function nightAvgLimitHours(ctx: RuleContext): number {
  const days = (NIGHT_AVG_WEEKS * 7 * 24 - NIGHT_AVG_WEEKS * ctx.agreements.weeklyRest.value) / 24;
  return 8 * days;
}
