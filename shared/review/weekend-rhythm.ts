/**
 * The weekend rhythm of plan-format.md «Weekend groups»: with `weekendFrequency` = k the
 * weekends are numbered from the weekend of `unit.weekendAnchor` (that weekend is 0, the next 1,
 * the one before −1), and weekend n belongs to group n mod k (0 … k−1). Without an anchor the
 * period's first weekend is weekend 0 (shared/api/core.ts WeekendSetup).
 *
 * Neither shared/plan/weekends.ts nor the rule engine has a weekend-number function yet, so this
 * small pure one lives here, for the review pack and the exports.
 */
import { type DayNumber, fromDay, isoWeekday, toDay, weekendsIn } from '../calendar';
import type { TurnusPlan } from '../plan/model';

/** The Saturday of the weekend a day belongs to (Saturday or Sunday; other days: that week's). */
export function saturdayOf(day: DayNumber): DayNumber {
  return day - isoWeekday(day) + 5;
}

/** Weekend number of a Saturday counted from the anchor Saturday (may be negative). */
export function weekendNumber(saturday: DayNumber, anchorSaturday: DayNumber): number {
  return Math.round((saturdayOf(saturday) - saturdayOf(anchorSaturday)) / 7);
}

/** Group (0 … k−1) of weekend n: n mod k, also for negative n. */
export function weekendGroupOf(n: number, k: number): number {
  return ((n % k) + k) % k;
}

export interface WeekendRhythm {
  /** k, or null when the unit has no rhythm. */
  frequency: number | null;
  /** 'yyyy-MM-dd' Saturday of weekend 0. */
  anchor: string | null;
  /** True when the anchor comes from the plan file, false when it is the period's first weekend. */
  anchorFromFile: boolean;
  /** Saturdays ('yyyy-MM-dd') of the period's weekends with their group (null without rhythm). */
  weekends: { saturday: string; group: number | null }[];
}

/** The period's weekends with the group that works each. */
export function weekendRhythm(plan: Pick<TurnusPlan, 'unit' | 'period'>): WeekendRhythm {
  const sats = weekendsIn(toDay(plan.period.start), toDay(plan.period.end));
  const k = typeof plan.unit.weekendFrequency === 'number' && plan.unit.weekendFrequency >= 1 ? plan.unit.weekendFrequency : null;
  const own = typeof plan.unit.weekendAnchor === 'string' ? plan.unit.weekendAnchor : null;
  const anchorDay = own ? toDay(own) : sats.length ? sats[0] : null;
  return {
    frequency: k,
    anchor: anchorDay === null ? null : fromDay(saturdayOf(anchorDay)),
    anchorFromFile: own !== null,
    weekends: sats.map((s) => ({
      saturday: fromDay(s),
      group: k !== null && anchorDay !== null ? weekendGroupOf(weekendNumber(s, anchorDay), k) : null,
    })),
  };
}
