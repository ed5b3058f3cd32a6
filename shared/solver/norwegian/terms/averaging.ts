/**
 * AML-AVG-48 and AML-NIGHT-AVG as solver terms: sliding windows of whole calendar weeks over the
 * paid hours of an employee's shifts; a window over the limit is counted (dated on its first
 * Monday) when the window one week earlier was not, as the engine's `slidingWeekWindows`.
 */
import { avg48 } from '../../../rules/avg-48';
import { nightAvg } from '../../../rules/night-avg';
import type { Term, TermEnv } from './env';
import { mondayOnOrAfter } from './rest';
import { actsNear, periodsOf } from './work';
import { nightMinutes } from '../../../plan/plan-index';
import { AVG48_HOURS, AVG48_WEEKS, NIGHT_AVG_LIMIT_HOURS, NIGHT_AVG_SHIFT_MINUTES, NIGHT_AVG_WEEKS } from './rule-params';

function windowCount(
  env: TermEnv,
  e: number,
  lo: number,
  hi: number,
  weeks: number,
  limitMin: number,
  night: boolean,
  excess = false,
): number {
  const key = night ? 'night-avg' : 'avg-48';
  if (!env.memoHit(key, e, lo, hi)) windowPass(env, e, lo, hi, weeks, limitMin, night, key);
  return excess ? env.memo.excess : env.memo.count;
}

function windowPass(env: TermEnv, e: number, lo: number, hi: number, weeks: number, limitMin: number, night: boolean, key: string): void {
  const first = mondayOnOrAfter(env, Math.max(lo, -weeks * 7 - 6)) - 7;
  const last = Math.min(hi, env.D - 1);
  if (first + 7 > last) {
    env.memoStore(key, e, lo, hi, 0, 0);
    return;
  }
  const nW = Math.floor((last - first) / 7) + weeks;
  // Week w of the range is grid week w + k0 (the period's own shifts zero outside the grid's
  // weeks); context rows add their hours and night shifts (`ctxWeek`, `ctxNight`), and a window
  // counts only when it holds a shift of the period (`weekOwn`), as the engine's.
  const k0 = (first - env.week0) / 7;
  const NW = env.NW;
  const base = e * NW;
  const paid = env.weekPaid;
  const nights = env.weekNight;
  const own = env.weekOwn;
  const ctx = env.hasContext;
  let t = 0,
    n = 0,
    o = 0;
  // Weeks near an activity read the work periods (the engine's merge) instead of the grid's sums.
  const near = actWeeks(env, e, first, nW, k0);
  const add = (x: number, sign: number) => {
    const w = near?.get(x);
    if (w) {
      t += sign * w.paid;
      n += sign * w.night;
      o += sign * w.own;
      return;
    }
    if (x >= 0 && x < NW) {
      t += sign * paid[base + x];
      n += sign * nights[base + x];
      o += sign * own[base + x];
    }
    if (ctx) {
      t += sign * env.ctxWeek(e, x);
      n += sign * env.ctxNight(e, x);
    }
  };
  for (let k = 0; k < weeks; k++) add(k + k0, 1);
  const limit = limitMin + 1e-6;
  let prev = t > limit && o > 0 && (!night || n > 0);
  let count = 0;
  let beyond = 0;
  for (let w = 1; first + w * 7 <= last && w + weeks <= nW; w++) {
    add(w + weeks - 1 + k0, 1);
    add(w - 1 + k0, -1);
    const cur = t > limit && o > 0 && (!night || n > 0);
    if (cur && !prev) count++;
    if (cur) beyond += t - limitMin;
    prev = cur;
  }
  env.memoStore(key, e, lo, hi, count, beyond);
}

/**
 * Paid minutes, night shifts and own periods of the weeks of the range that hold or touch an
 * activity of e, summed over the work periods (shifts with activities merged, as the engine's
 * `slidingWeekWindows` reads them: a period counts in the week of its date); undefined when
 * no activity is near the range.
 */
function actWeeks(env: TermEnv, e: number, first: number, nW: number, k0: number): Map<number, WeekSum> | undefined {
  if (!actsNear(env, e, first - 2, first + nW * 7 + 1)) return undefined;
  const out = new Map<number, WeekSum>();
  for (let k = 0; k < nW; k++) {
    const m = first + k * 7;
    if (!actsNear(env, e, m - 2, m + 8)) continue;
    const w: WeekSum = { paid: 0, night: 0, own: 0 };
    for (const p of periodsOf(env, e, m, m + 6)) {
      const x = p.day - env.startDay;
      if (x < m || x > m + 6) continue;
      w.paid += p.paidHours * 60;
      if (nightMinutes(p.start, p.end) > NIGHT_AVG_SHIFT_MINUTES) w.night++;
      if (x >= 0 && x < env.D) w.own++;
    }
    out.set(k + k0, w);
  }
  return out;
}

interface WeekSum {
  paid: number;
  night: number;
  own: number;
}

export const avg48Term: Term = {
  id: 'avg-48',
  rule: avg48.id,
  text: ['ville fått for mange timer i snitt', 'ville fått for mange timer i snitt'],
  active: () => true,
  span: (env, _e, d) => env.sp(d - (AVG48_WEEKS + 1) * 7 - 2, d + (AVG48_WEEKS + 1) * 7 + 2),
  count: (env, e, lo, hi) => windowCount(env, e, lo, hi, AVG48_WEEKS, AVG48_WEEKS * AVG48_HOURS * 60, false),
  excess: (env, e, lo, hi) => windowCount(env, e, lo, hi, AVG48_WEEKS, AVG48_WEEKS * AVG48_HOURS * 60, false, true),
};

export const nightAvgTerm: Term = {
  id: 'night-avg',
  rule: nightAvg.id,
  text: ['ville fått for mye nattarbeid i snitt', 'ville fått for mye nattarbeid i snitt'],
  active: (env) => env.nightBig.some((x) => x === 1),
  span: (env, _e, d) => env.sp(d - (NIGHT_AVG_WEEKS + 1) * 7 - 2, d + (NIGHT_AVG_WEEKS + 1) * 7 + 2),
  count: (env, e, lo, hi) => windowCount(env, e, lo, hi, NIGHT_AVG_WEEKS, NIGHT_AVG_LIMIT_HOURS * 60, true),
  excess: (env, e, lo, hi) => windowCount(env, e, lo, hi, NIGHT_AVG_WEEKS, NIGHT_AVG_LIMIT_HOURS * 60, true, true),
};
