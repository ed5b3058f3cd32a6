/**
 * AML-AVG-48 and AML-NIGHT-AVG as solver terms: sliding windows of whole calendar weeks over the
 * paid hours of an employee's shifts; a window over the limit is counted (dated on its first
 * Monday) when the window one week earlier was not, as the engine's `slidingWeekWindows`.
 */
import { avg48 } from '../../../rules/avg-48';
import { nightAvg } from '../../../rules/night-avg';
import { CHANGE_REACH, type Term, type TermEnv } from './env';
import { mondayOnOrAfter } from './rest';
import { actsNear, periodsOf } from './work';
import { nightMinutes } from '../../../plan/plan-index';
import { AVG48_HOURS, AVG48_WEEKS, NIGHT_AVG_LIMIT_HOURS, NIGHT_AVG_SHIFT_MINUTES, NIGHT_AVG_WEEKS } from './rule-params';

// Read once: the CommonJS build reads a re-exported binding through a getter on every access.
const W48 = AVG48_WEEKS;
const LIMIT48 = AVG48_WEEKS * AVG48_HOURS * 60;
const WNIGHT = NIGHT_AVG_WEEKS;
const LIMIT_NIGHT = NIGHT_AVG_LIMIT_HOURS * 60;
const BIG_NIGHT = NIGHT_AVG_SHIFT_MINUTES;

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

/** Week sums of the range of one pass (reused: no allocation per move). */
let wPaid = new Float64Array(64);
let wNight = new Float64Array(64);
let wOwn = new Float64Array(64);

function windowPass(env: TermEnv, e: number, lo: number, hi: number, weeks: number, limitMin: number, night: boolean, key: string): void {
  const first = mondayOnOrAfter(env, Math.max(lo, -weeks * 7 - 6)) - 7;
  const last = Math.min(hi, env.D - 1);
  if (first + 7 > last) {
    env.memoStore(key, e, lo, hi, 0, 0);
    return;
  }
  const nW = Math.floor((last - first) / 7) + weeks;
  if (wPaid.length < nW) {
    wPaid = new Float64Array(2 * nW);
    wNight = new Float64Array(2 * nW);
    wOwn = new Float64Array(2 * nW);
  }
  // Week k of the range is grid week k + k0 (the period's own shifts zero outside the grid's
  // weeks); context rows add their hours and night shifts (`ctxWeek`, `ctxNight`), and a window
  // counts only when it holds a shift of the period (`weekOwn`), as the engine's. Weeks near an
  // activity read the work periods (the engine's merge) instead of the grid's sums.
  const k0 = (first - env.week0) / 7;
  const NW = env.NW;
  const base = e * NW;
  const ctx = env.hasContext;
  const acts = actsNear(env, e, first - 2, first + nW * 7 + 1);
  for (let k = 0; k < nW; k++) {
    const x = k + k0;
    if (acts && actsNear(env, e, first + k * 7 - 2, first + k * 7 + 8)) {
      const w = actWeek(env, e, first + k * 7, x);
      wPaid[k] = w.paid;
      wNight[k] = w.night;
      wOwn[k] = w.own;
      continue;
    }
    let t = 0,
      n = 0,
      o = 0;
    if (x >= 0 && x < NW) {
      t = env.weekPaid[base + x];
      n = env.weekNight[base + x];
      o = env.weekOwn[base + x];
    }
    if (ctx) {
      t += env.ctxWeek(e, x);
      n += env.ctxNight(e, x);
    }
    wPaid[k] = t;
    wNight[k] = n;
    wOwn[k] = o;
  }
  let t = 0,
    n = 0,
    o = 0;
  for (let k = 0; k < weeks; k++) {
    t += wPaid[k];
    n += wNight[k];
    o += wOwn[k];
  }
  const limit = limitMin + 1e-6;
  let prev = t > limit && o > 0 && (!night || n > 0);
  let count = 0;
  let beyond = 0;
  for (let w = 1; first + w * 7 <= last && w + weeks <= nW; w++) {
    const a = w + weeks - 1,
      r = w - 1;
    t += wPaid[a];
    n += wNight[a];
    o += wOwn[a];
    t -= wPaid[r];
    n -= wNight[r];
    o -= wOwn[r];
    const cur = t > limit && o > 0 && (!night || n > 0);
    if (cur && !prev) count++;
    if (cur) beyond += t - limitMin;
    prev = cur;
  }
  env.memoStore(key, e, lo, hi, count, beyond);
}

interface WeekSum {
  epoch: number;
  stamp: number;
  paid: number;
  night: number;
  own: number;
}

const weekCache = new WeakMap<TermEnv, Map<number, WeekSum>>();

/**
 * Paid minutes, night shifts and own periods of the week starting on Monday m (grid week x) of
 * e, summed over the work periods (shifts with activities merged, as the engine's
 * `slidingWeekWindows` reads them: a period counts in the week of its date). Kept per week
 * until a cell within reach of it changes (`TermEnv.weekStamp`).
 */
function actWeek(env: TermEnv, e: number, m: number, x: number): WeekSum {
  let c = weekCache.get(env);
  if (!c) {
    c = new Map();
    weekCache.set(env, c);
  }
  const key = e * (env.NW + 4096) + x + 2048;
  const stamp = env.weekStampSum(e, m, m + 6);
  let w = c.get(key);
  if (w && w.epoch === env.epoch && w.stamp === stamp) return w;
  w = { epoch: env.epoch, stamp, paid: 0, night: 0, own: 0 };
  for (const p of periodsOf(env, e, m, m + 6)) {
    const y = p.day - env.startDay;
    if (y < m || y > m + 6) continue;
    w.paid += p.paidHours * 60;
    if (nightMinutes(p.start, p.end) > BIG_NIGHT) w.night++;
    if (y >= 0 && y < env.D) w.own++;
  }
  c.set(key, w);
  return w;
}

/**
 * The windows whose count or excess a change of (e, d) may alter: those holding a week within
 * CHANGE_REACH of d (an activity joins the shifts of the neighbouring days), and the window
 * after them (whose count depends on the one before).
 */
function windowSpan(weeks: number): Term['span'] {
  return (env, _e, d) => {
    const a = mondayOnOrAfter(env, d - CHANGE_REACH - 6);
    const b = mondayOnOrAfter(env, d + CHANGE_REACH - 6);
    return env.sp(a - (weeks - 1) * 7, b + 7);
  };
}

export const avg48Term: Term = {
  id: 'avg-48',
  rule: avg48.id,
  text: ['ville fått for mange timer i snitt', 'ville fått for mange timer i snitt'],
  active: () => true,
  span: windowSpan(W48),
  count: (env, e, lo, hi) => windowCount(env, e, lo, hi, W48, LIMIT48, false),
  excess: (env, e, lo, hi) => windowCount(env, e, lo, hi, W48, LIMIT48, false, true),
};

export const nightAvgTerm: Term = {
  id: 'night-avg',
  rule: nightAvg.id,
  text: ['ville fått for mye nattarbeid i snitt', 'ville fått for mye nattarbeid i snitt'],
  active: (env) => env.nightBig.some((x) => x === 1),
  span: windowSpan(WNIGHT),
  count: (env, e, lo, hi) => windowCount(env, e, lo, hi, WNIGHT, LIMIT_NIGHT, true),
  excess: (env, e, lo, hi) => windowCount(env, e, lo, hi, WNIGHT, LIMIT_NIGHT, true, true),
};
