/**
 * AML-REST-DAILY and AML-REST-WEEKLY as solver terms, counting exactly what the rule engine
 * reports: the daily rest before each shift (dated on the later shift; the break inside a split
 * shift is recognised by the engine's own `isSplitBreak`), and the longest free stretch of each
 * calendar week wholly inside the period (dated on its Monday). Limits: `ruleCtx.agreements`.
 * Context rows (`TermEnv.v` outside the period) are neighbours: the rest between the previous
 * plan's last shift and this plan's first, and the first week's rest, see them.
 */
import { isoWeekday } from '../../../calendar';
import type { WorkShift } from '../../../plan/plan-index';
import { isSplitBreak } from '../../../rules/index';
import { restDaily } from '../../../rules/rest-daily';
import { restWeekly } from '../../../rules/rest-weekly';
import { longestRestMinutes } from '../../../rules/rest-weekly';
import type { Term, TermEnv } from './env';
import { ACT_MARGIN, actsNear, periodsOf } from './work';

/** Days looked back for the previous shift (a shift lasts at most about a day). */
const LOOK = 3;

function prevWork(env: TermEnv, e: number, d: number): number {
  for (let y = d - 1; y >= d - LOOK; y--) if (env.v(e, y) >= 0) return y;
  return -Infinity;
}

function nextWork(env: TermEnv, e: number, d: number): number {
  for (let y = d + 1; y <= d + LOOK; y++) if (env.v(e, y) >= 0) return y;
  return Infinity;
}

function shiftAt(env: TermEnv, e: number, d: number): WorkShift {
  const s = env.v(e, d);
  return { start: env.start(d, s), end: env.end(d, s), paidHours: env.paid(d, s) / 60, day: d } as WorkShift;
}

/** Is the gap before the shift on day x the break of a split shift (engine definition)? */
function splitBreak(env: TermEnv, e: number, y: number, x: number): boolean {
  if (env.ruleCtx.splitShiftMaxBreakHours <= 0) return false;
  const list: WorkShift[] = [];
  const yy = prevWork(env, e, y);
  if (Number.isFinite(yy)) list.push(shiftAt(env, e, yy));
  list.push(shiftAt(env, e, y));
  const i = list.length;
  list.push(shiftAt(env, e, x));
  const n = nextWork(env, e, x);
  if (Number.isFinite(n)) list.push(shiftAt(env, e, n));
  return isSplitBreak(env.ruleCtx, list, i);
}

export const restDailyTerm: Term = {
  id: 'rest-daily',
  rule: restDaily.id,
  text: ['har ikke hviletid igjen (døgnhvile)', 'mangler døgnhvile'],
  active: () => true,
  // The rest before x reads the shifts from prevWork(prevWork(x)) to nextWork(x): x − 6 … x + 3;
  // an activity moves a period's date by a day.
  span: (env, e, d) =>
    actsNear(env, e, d - 3 * LOOK, d + 3 * LOOK) ? env.sp(d - LOOK - 1, d + 2 * LOOK + 1) : env.sp(d - LOOK, d + 2 * LOOK),
  count(env, e, lo, hi) {
    if (actsNear(env, e, lo - 3 * LOOK, hi + 3 * LOOK)) return restDailyPeriods(env, e, lo, hi);
    const need = env.ruleCtx.agreements.dailyRest.value * 60;
    let n = 0;
    // A rest after the period's last shift before a context row of the next plan counts too
    // (dated on the context row); one wholly in context rows does not (the engine's `inPeriod`).
    const top = Math.min(env.D - 1 + (env.hasContext ? LOOK : 0), hi);
    for (let x = Math.max(0, lo); x <= top; x++) {
      const b = env.v(e, x);
      if (b < 0) continue;
      const y = prevWork(env, e, x);
      if (!Number.isFinite(y) || (x >= env.D && y >= env.D)) continue;
      const gap = env.start(x, b) - env.end(y, env.v(e, y));
      if (gap >= need - 1e-6) continue;
      if (splitBreak(env, e, y, x)) continue;
      n++;
    }
    return n;
  },
};

/** AML-REST-DAILY over the work periods (shifts with activities), as the engine counts it. */
function restDailyPeriods(env: TermEnv, e: number, lo: number, hi: number): number {
  const need = env.ruleCtx.agreements.dailyRest.value;
  const p = periodsOf(env, e, lo - 3 * LOOK, hi + LOOK);
  const inP = (day: number) => day >= env.startDay && day < env.startDay + env.D;
  let n = 0;
  for (let i = 1; i < p.length; i++) {
    const x = p[i].day - env.startDay;
    if (x < lo || x > hi) continue;
    const gap = (p[i].start - p[i - 1].end) / 60;
    if (gap >= need - 1e-9) continue;
    if (isSplitBreak(env.ruleCtx, p, i)) continue;
    if (!inP(p[i - 1].day) && !inP(p[i].day)) continue;
    n++;
  }
  return n;
}

/** Longest free stretch (minutes) of the week starting on Monday m. */
export function longestFree(env: TermEnv, e: number, m: number): number {
  if (actsNear(env, e, m - ACT_MARGIN - 2, m + 7 + ACT_MARGIN)) {
    return longestRestMinutes(periodsOf(env, e, m - 3, m + 8), env.startDay + m);
  }
  const wStart = env.dayStart(m);
  const wEnd = env.dayStart(m + 7);
  let cursor = wStart;
  let longest = 0;
  for (let d = m - 2; d <= m + 7; d++) {
    const a = env.v(e, d);
    if (a < 0) continue;
    const s = env.start(d, a);
    const t = env.end(d, a);
    if (t <= wStart) continue;
    if (s >= wEnd) break;
    if (s > cursor) longest = Math.max(longest, s - cursor);
    cursor = Math.max(cursor, t);
  }
  if (wEnd > cursor) longest = Math.max(longest, wEnd - cursor);
  return longest;
}

/** Offset of the first Monday on or after day offset d. */
export function mondayOnOrAfter(env: TermEnv, d: number): number {
  const wd = isoWeekday(env.startDay + d); // 0 = Monday
  return wd === 0 ? d : d + 7 - wd;
}

function weeklyShort(env: TermEnv, e: number, lo: number, hi: number, excess: boolean): number {
  if (!env.memoHit('rest-weekly', e, lo, hi)) {
    const need = env.ruleCtx.agreements.weeklyRest.value * 60;
    let count = 0,
      short = 0;
    for (let m = mondayOnOrAfter(env, Math.max(0, lo)); m <= hi && m + 6 <= env.D - 1; m += 7) {
      const free = longestFree(env, e, m);
      if (free < need - 1e-6) {
        count++;
        short += need - free;
      }
    }
    env.memoStore('rest-weekly', e, lo, hi, count, short);
  }
  return excess ? env.memo.excess : env.memo.count;
}

export const restWeeklyTerm: Term = {
  id: 'rest-weekly',
  rule: restWeekly.id,
  text: ['ville mistet ukehvilen', 'ville mistet ukehvilen'],
  active: () => true,
  // The week of Monday m reads the shifts of days m − 2 … m + 7 (a day more with activities).
  span: (env, e, d) => (actsNear(env, e, d - 10, d + 10) ? env.sp(d - 8, d + 3) : env.sp(d - 7, d + 2)),
  count: (env, e, lo, hi) => weeklyShort(env, e, lo, hi, false),
  excess: (env, e, lo, hi) => weeklyShort(env, e, lo, hi, true),
};
