/**
 * Shared helper for the averaging rules (AML-AVG-48, AML-NIGHT-AVG): sliding windows of whole
 * calendar weeks over an employee's shifts. A window is reported only when the window one week
 * earlier was not over the limit, so a long stretch gives one violation, not one per week.
 */

import { type DayNumber, mondayOf } from '../calendar';
import { type WorkShift, lowerBound } from '../plan/plan-index';

export interface WindowHit {
  /** Monday of the window's first week. */
  monday: DayNumber;
  value: number;
}

/**
 * Windows of `weeks` weeks starting on Mondays in [fromDay, toDay] whose per-week values sum
 * above `limit(m)` while the window starting a week earlier did not. `weekValue` is summed
 * over the shifts dated in each week; `applies` (optional) must hold for the window.
 */
export function slidingWeekWindows(
  s: readonly WorkShift[],
  fromDay: DayNumber,
  toDay: DayNumber,
  weeks: number,
  weekValue: (shift: WorkShift) => number,
  limit: number,
  applies?: (shifts: readonly WorkShift[], monday: DayNumber) => boolean,
): WindowHit[] {
  if (s.length === 0) return [];
  const span = weeks * 7;
  const lo = mondayOf(Math.max(fromDay, mondayOf(s[0].day) - span + 7) + 6);
  const hi = Math.min(toDay, mondayOf(s[s.length - 1].day));
  if (lo > hi) return [];
  // Week sums for Mondays lo − 7 … hi + span − 7.
  const first = lo - 7;
  const nWeeks = Math.floor((hi - first) / 7) + weeks;
  const sums = new Float64Array(nWeeks);
  for (let i = lowerBound(s, first); i < s.length && s[i].day < first + nWeeks * 7; i++) {
    sums[Math.floor((s[i].day - first) / 7)] += weekValue(s[i]);
  }
  const windowSum = (w: number) => {
    let t = 0;
    for (let k = w; k < w + weeks; k++) t += sums[k];
    return t;
  };
  const over = (w: number) => {
    if (windowSum(w) <= limit + 1e-9) return false;
    if (!applies) return true;
    const m = first + w * 7;
    return applies(s.slice(lowerBound(s, m), lowerBound(s, m + span)), m);
  };
  const out: WindowHit[] = [];
  let prevOver = over(0);
  for (let w = 1; first + w * 7 <= hi; w++) {
    const cur = over(w);
    if (cur && !prevOver) out.push({ monday: first + w * 7, value: windowSum(w) });
    prevOver = cur;
  }
  return out;
}
