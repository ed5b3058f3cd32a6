/**
 * Work as the rule engine counts it, read from the grid: the employee's shifts in a window of
 * days merged with her timed activities (meetings, courses; `TermEnv.acts`) by the engine's own
 * `mergeWorkPeriods` (shared/plan/work-periods.ts). The rest, day/week maximum and averaging
 * terms and the planned hours read these periods when an activity lies near the window they
 * count, and the grid's own fast sums otherwise (without activities a period IS a shift). An
 * activity for all counts only while no shift of the grid excuses the person from it (`attends`;
 * `mergeWorkPeriods` applies the same predicate to the shifts it merges).
 *
 * Exported: `actsNear(env, e, lo, hi)`, `periodsOf(env, e, lo, hi)` (periods dated in [lo, hi]
 * as day offsets, with their neighbours two days either side), `creditedMinutes(env, e, lo, hi)`
 * (paid minutes of the activities dated in [lo, hi] not covered by a shift), `attends(env, e, i)`,
 * `ACT_MARGIN`.
 */
import { isExcusable, restExcuses } from '../../../plan/activities';
import { type WorkShift, lowerBound, overlapMinutes } from '../../../plan/plan-index';
import { type WorkPeriod, mergeWorkPeriods } from '../../../plan/work-periods';
import { ACT_MARGIN, PAD, type TermEnv } from './env';

export { ACT_MARGIN } from './env';

/** Is an activity of e dated in [lo, hi] (day offsets)? */
export function actsNear(env: TermEnv, e: number, lo: number, hi: number): boolean {
  const days = env.actDays[e];
  if (days.length === 0) return false;
  for (let i = 0; i < days.length; i++) if (days[i] >= lo && days[i] <= hi) return true;
  return false;
}

/** Shift s on day d as the engine's WorkShift: one read-only object per day and shift type, shared by all employees. */
function shiftOf(env: TermEnv, d: number, s: number): WorkShift {
  let list = shiftCache.get(env);
  if (!list) {
    list = [];
    shiftCache.set(env, list);
  }
  const k = (d + PAD) * env.S + s;
  let shift = list[k];
  if (!shift) {
    shift = newShift(env, d, s);
    list[k] = shift;
  }
  return shift;
}

const shiftCache = new WeakMap<TermEnv, WorkShift[]>();

function newShift(env: TermEnv, d: number, s: number): WorkShift {
  const t = env.plan.shiftTypes[s];
  return {
    kind: 'work',
    day: env.startDay + d,
    code: t.code,
    type: t,
    start: env.start(d, s) + env.base,
    end: env.end(d, s) + env.base,
    paidHours: env.paid(d, s) / 60,
    long: t.long === true,
  };
}

/**
 * The work periods of e as the engine's `workPeriods`, dated in [lo − ACT_MARGIN, hi + ACT_MARGIN]
 * (day offsets; the margin gives the neighbours the rest rules look at). Built from the shifts
 * of [lo − 2·ACT_MARGIN, hi + 2·ACT_MARGIN]: a period is a shift with the activities of the day
 * before to the day after, whose cover reads the shifts a day further.
 */
export function periodsOf(env: TermEnv, e: number, lo: number, hi: number): WorkPeriod[] {
  // The terms ask for windows near the same activities before and after a change: the periods
  // of the zone around each cluster of activities are built once and sliced, until a cell of
  // the employee within reach of the zone changes (`TermEnv.weekStamp`).
  const zones = zonesOf(env, e);
  for (let j = 0; j < zones.length; j += 2) {
    if (zones[j] > lo - ACT_MARGIN || zones[j + 1] < hi + ACT_MARGIN) continue;
    let c = cache.get(env);
    if (!c) {
      c = new Map();
      cache.set(env, c);
    }
    const key = e * 4096 + j;
    const stamp = env.weekStampSum(e, zones[j], zones[j + 1]);
    let z = c.get(key);
    if (!z || z.epoch !== env.epoch || z.stamp !== stamp) {
      z = { epoch: env.epoch, stamp, list: buildPeriods(env, e, zones[j], zones[j + 1]) };
      c.set(key, z);
    }
    const list = z.list;
    return list.slice(lowerBound(list, env.startDay + lo - ACT_MARGIN), lowerBound(list, env.startDay + hi + ACT_MARGIN + 1));
  }
  return buildPeriods(env, e, lo, hi);
}

/** Days a zone reaches around its activities: more than any window the terms ask for near one. */
const ZONE = 30;

/** Zones of e as [lo, hi] pairs of day offsets: activities closer than 2·ZONE share one. */
function zonesOf(env: TermEnv, e: number): number[] {
  let z = zoneCache.get(env);
  if (!z) {
    z = env.actDays.map((days) => {
      const out: number[] = [];
      for (const d of [...days].sort((a, b) => a - b)) {
        if (out.length && d - ZONE <= out[out.length - 1]) out[out.length - 1] = d + ZONE;
        else out.push(d - ZONE, d + ZONE);
      }
      return out;
    });
    zoneCache.set(env, z);
  }
  return z[e];
}

const cache = new WeakMap<TermEnv, Map<number, { epoch: number; stamp: number; list: WorkPeriod[] }>>();
const zoneCache = new WeakMap<TermEnv, number[][]>();

function buildPeriods(env: TermEnv, e: number, lo: number, hi: number): WorkPeriod[] {
  const shifts: WorkShift[] = [];
  for (let d = lo - 2 * ACT_MARGIN; d <= hi + 2 * ACT_MARGIN; d++) {
    const s = env.v(e, d);
    if (s >= 0) shifts.push(shiftOf(env, d, s));
  }
  const days = env.actDays[e];
  const acts = env.acts[e].filter((_a, i) => days[i] >= lo - ACT_MARGIN - 1 && days[i] <= hi + ACT_MARGIN + 1);
  const list = mergeWorkPeriods(shifts, acts);
  const a = lowerBound(list, env.startDay + lo - ACT_MARGIN);
  const b = lowerBound(list, env.startDay + hi + ACT_MARGIN + 1);
  return list.slice(a, b);
}

/**
 * Does e attend her activity i on the current grid? Not when it is for all and a shift of hers
 * dated the day before to the day after excuses her (`restExcuses`, shared/plan/activities.ts;
 * the absence cells that excuse were left out of `env.acts`).
 */
export function attends(env: TermEnv, e: number, i: number): boolean {
  const a = env.acts[e][i];
  if (!isExcusable(a.activity)) return true;
  const d = env.actDays[e][i];
  for (let y = d - 1; y <= d + 1; y++) {
    const s = env.v(e, y);
    if (s >= 0 && restExcuses(a.start, a.end, env.start(y, s) + env.base, env.end(y, s) + env.base)) return false;
  }
  return true;
}

/** Paid minutes of the activities of e dated in [lo, hi] she attends, beyond the shifts that cover them. */
export function creditedMinutes(env: TermEnv, e: number, lo: number, hi: number): number {
  const days = env.actDays[e];
  let m = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d < lo || d > hi) continue;
    const a = env.acts[e][i];
    if (!attends(env, e, i)) continue;
    let covered = 0;
    for (let y = d - 1; y <= d + 1; y++) {
      const s = env.v(e, y);
      if (s < 0) continue;
      covered += overlapMinutes(env.start(y, s) + env.base, env.end(y, s) + env.base, a.start, a.end);
    }
    m += Math.max(0, a.hours - covered / 60) * 60;
  }
  return m;
}
