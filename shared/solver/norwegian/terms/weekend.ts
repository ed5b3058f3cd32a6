/**
 * Weekend terms (plan-format.md «Weekend», «Weekend groups»): a weekend (Saturday 00:00 to
 * Monday 00:00, those of `ruleCtx.weekends`) is worked when a work period overlaps it by more
 * than `WEEKEND_MIN_OVERLAP_MINUTES` (shared/plan/weekends `workedWeekendsOf`): a shift, or with a
 * timed activity near, the periods of `periodsOf` (work.ts) measured by `shiftWeekendMinutes`.
 * Days in a row (consecutive) count the engine's working days (`workDays`): a shift, or a timed
 * activity with credited hours (`isWorkDay`).
 *
 * - weekend-group (WEEKEND-GROUP): a worked weekend that is not one of the employee's group's
 *   weekends — weekend n counted from the anchor (`weekendNumber`/`weekendGroupOf` of
 *   shared/plan/weekends, from `unit.weekendAnchor`, default the period's first weekend) belongs
 *   to group n mod `weekendFrequency`. Hard for the generator unless the employee is
 *   listed in `allowOffGroupWeekends` (then a soft cost). Dated on the weekend's Saturday.
 * - weekend-frequency (WEEKEND-FREQUENCY): weekends beyond ⌈available ÷ k⌉ (available = the
 *   period's weekends less those with ferie on the Saturday) plus weekends worked in a row, for
 *   employees without a weekend group or named as exceptions (the group term holds the others).
 */
import { lowerIndex } from '../../../plan/plan-index';
import { WORK_DAY_MIN_HOURS } from '../../../plan/work-periods';
import { WEEKEND_MIN_OVERLAP_MINUTES, shiftWeekendMinutes, weekendGroupOf } from '../../../plan/weekends';
import { PAD, type Term, type TermEnv, WHOLE_ROW } from './env';
import { actsNear, creditedMinutes, periodsOf } from './work';

interface WeekendInfo {
  /** Saturday offsets of the period's weekends. */
  sat: Int32Array;
  /** Group (0 … k−1) of each weekend, or −1 without a weekend rhythm. */
  group: Int32Array;
  /** Each employee's group, or −1. */
  empGroup: Int32Array;
  /** Day offset → index of the weekend whose Friday–Sunday holds it, or −1. */
  dayWeekend: Int32Array;
  k: number;
}

const cache = new WeakMap<TermEnv, WeekendInfo>();

/**
 * The Saturday (absolute day) that weekend 0 of the rhythm starts on: the rule engine's
 * `ruleCtx.weekendAnchor` (shared/plan/weekends `weekendAnchorOf`).
 */
export function weekendAnchorDay(env: TermEnv): number | undefined {
  return env.ruleCtx.weekendAnchor;
}

export function weekendInfo(env: TermEnv): WeekendInfo {
  let w = cache.get(env);
  if (w) return w;
  const k = env.ruleCtx.weekendFrequency ?? 0;
  const sat = Int32Array.from(env.ruleCtx.weekends.map((s) => s - env.startDay));
  const anchor = weekendAnchorDay(env);
  const group = Int32Array.from(env.ruleCtx.weekends.map((s) => (k > 0 && anchor !== undefined ? weekendGroupOf(s, anchor, k) : -1)));
  const empGroup = Int32Array.from(
    env.plan.employees.map((x) => {
      const gr = x.weekendGroup;
      return k > 0 && typeof gr === 'number' && Number.isInteger(gr) && gr >= 0 && gr < k ? gr : -1;
    }),
  );
  const dayWeekend = new Int32Array(env.D).fill(-1);
  sat.forEach((s, j) => {
    for (let d = s - 1; d <= s + 1; d++) if (d >= 0 && d < env.D) dayWeekend[d] = j;
  });
  w = { sat, group, empGroup, k, dayWeekend };
  cache.set(env, w);
  return w;
}

/**
 * Is the weekend starting Saturday offset `sat` worked by e? A context row counts (a Friday shift
 * of the previous plan, WEEKEND-FREQUENCY); `own`: only shifts dated inside the period
 * (WEEKEND-GROUP).
 */
export function weekendWorked(env: TermEnv, e: number, sat: number, own = false): boolean {
  if (actsNear(env, e, sat - ACT_REACH, sat + ACT_REACH)) return weekendWorkedByPeriods(env, e, sat, own);
  const lo = env.dayStart(sat);
  const hi = env.dayStart(sat + 2);
  for (let d = sat - 1; d <= sat + 1; d++) {
    const a = own ? env.own(e, d) : env.v(e, d);
    if (a < 0) continue;
    if (Math.min(env.end(d, a), hi) - Math.max(env.start(d, a), lo) > WEEKEND_MIN_OVERLAP_MINUTES) return true;
  }
  return false;
}

/**
 * Days around a weekend (or a day) within which a timed activity can change what the engine
 * counts: an activity joins the shifts of the day before and after it, and a period is dated on
 * its shift (a Monday shift joining a Sunday evening meeting dates the period on Monday).
 */
const ACT_REACH = 3;

/**
 * `weekendWorked` as the engine's `workedWeekendsOf` over the work periods (`periodsOf`: shifts
 * merged with timed activities), each measured by the engine's `shiftWeekendMinutes`. `own`: a
 * period dated inside the period (WEEKEND-GROUP reads the plan's own work).
 */
function weekendWorkedByPeriods(env: TermEnv, e: number, sat: number, own: boolean): boolean {
  const saturday = env.startDay + sat;
  for (const p of periodsOf(env, e, sat - 1, sat + 1)) {
    const x = p.day - env.startDay;
    if (own && (x < 0 || x >= env.D)) continue;
    const w = shiftWeekendMinutes(p);
    if (w.saturday === saturday && w.minutes > WEEKEND_MIN_OVERLAP_MINUTES) return true;
  }
  return false;
}

/** Index of the weekend whose Fri–Sun contains day d, or −1. */
export function weekendOfDay(env: TermEnv, d: number): number {
  return d < 0 || d >= env.D ? -1 : weekendInfo(env).dayWeekend[d];
}

/** Off-group weekends worked by e's own shifts with Saturday in [lo, hi] (ignoring exceptions). */
export function offGroupWeekends(env: TermEnv, e: number, lo: number, hi: number): number {
  const info = weekendInfo(env);
  const g = info.empGroup[e];
  if (g < 0) return 0;
  let n = 0;
  // The weekends with Saturday in [lo, hi] (sorted: from the first at or after lo).
  for (let j = lowerIndex(info.sat, lo); j < info.sat.length && info.sat[j] <= hi; j++) {
    const s = info.sat[j];
    if (info.group[j] === g) continue;
    if (weekendWorked(env, e, s, true)) n++;
  }
  return n;
}

export const weekendGroupTerm: Term = {
  id: 'weekend-group',
  rule: null,
  text: ['ville arbeidet en annen helgegruppes helg', 'ville arbeidet en annen helgegruppes helg'],
  active: (env) => weekendInfo(env).empGroup.some((g) => g >= 0),
  span: (env, e, d) =>
    actsNear(env, e, d - ACT_REACH - 1, d + ACT_REACH + 1) ? env.sp(d - ACT_REACH, d + ACT_REACH) : env.sp(d - 1, d + 1),
  count(env, e, lo, hi) {
    if (env.allowOffGroup[e]) return 0;
    return offGroupWeekends(env, e, lo, hi);
  },
  // An hour per shift that touches such a weekend: taking one of two shifts away already pays.
  excess(env, e, lo, hi) {
    if (env.allowOffGroup[e]) return 0;
    const info = weekendInfo(env);
    const g = info.empGroup[e];
    if (g < 0) return 0;
    let n = 0;
    for (let j = lowerIndex(info.sat, lo); j < info.sat.length && info.sat[j] <= hi; j++) {
      const s = info.sat[j];
      if (info.group[j] === g || !weekendWorked(env, e, s, true)) continue;
      for (let d = s - 1; d <= s + 1; d++) if (env.own(e, d) >= 0) n += 60;
    }
    return n;
  },
};

export const weekendFrequencyTerm: Term = {
  id: 'weekend-frequency',
  rule: null,
  text: ['ville brutt helgerytmen', 'ville brutt helgerytmen'],
  active: (env) => weekendInfo(env).k > 0,
  // Only a change on a weekend's Friday–Sunday can alter it (an empty span otherwise).
  span: (env, e, d) =>
    weekendOfDay(env, d) >= 0 || actsNear(env, e, d - ACT_REACH - 1, d + ACT_REACH + 1) ? WHOLE_ROW(env, e, d) : env.sp(1, 0),
  count(env, e, lo, hi) {
    // The whole row's measure is attributed to day 0.
    if (lo > 0 || hi < 0) return 0;
    const info = weekendInfo(env);
    // An employee held to her weekend group keeps the rhythm by that term: her group's weekends
    // are every k-th, whatever ferie removes from the count of available weekends.
    if (info.empGroup[e] >= 0 && !env.allowOffGroup[e]) return 0;
    let worked = 0,
      inRow = 0,
      avail = 0,
      prev = false;
    for (let j = 0; j < info.sat.length; j++) {
      const s = info.sat[j];
      const w = weekendWorked(env, e, s);
      if (!(env.vacation[e * env.D + s] && !w)) avail++;
      if (w) worked++;
      if (w && prev) inRow++;
      prev = w;
    }
    return Math.max(0, worked - Math.ceil(avail / info.k)) + inRow;
  },
};

/**
 * A working day as the engine's `workDays` (MAX-CONSECUTIVE-DAYS): a shift dated on it, or a
 * timed activity dated on it with credited hours (`creditedMinutes`: beyond the shifts covering it).
 */
function isWorkDay(env: TermEnv, e: number, d: number): boolean {
  if (env.v(e, d) >= 0) return true;
  return actsNear(env, e, d, d) && creditedMinutes(env, e, d, d) > WORK_DAY_MIN_HOURS * 60;
}

export const consecutiveTerm: Term = {
  id: 'consecutive',
  rule: null,
  text: ['ville fått for mange arbeidsdager på rad', 'ville fått for mange dager på rad'],
  active: () => true,
  span(env, e, d) {
    // A change on day d changes the credited hours of the activities dated d − 1 … d + 1.
    const near = actsNear(env, e, d - 1, d + 1);
    let L = near ? d - 1 : d;
    while (L - 1 >= -PAD && isWorkDay(env, e, L - 1)) L--;
    return env.sp(L, near ? d + 2 : d + 1);
  },
  count(env, e, lo, hi) {
    // Each run's days beyond the limit, attributed to the run's first day. A run may begin in
    // the previous plan's context rows or go on into the next plan's; it counts when it holds
    // a day of the period (as MAX-CONSECUTIVE-DAYS).
    const max = env.ruleCtx.maxConsecutiveDays;
    const first = env.hasContext ? -PAD : 0;
    const end = env.hasContext ? env.D + PAD : env.D;
    let n = 0;
    let d = Math.max(first, lo);
    while (d > first && d <= hi && isWorkDay(env, e, d - 1)) d++;
    for (; d <= Math.min(hi, env.D - 1); d++) {
      if (!isWorkDay(env, e, d)) continue;
      let t = d;
      while (t + 1 < end && isWorkDay(env, e, t + 1)) t++;
      if (t - d + 1 > max && t >= 0) n += t - d + 1 - max;
      d = t;
    }
    return n;
  },
};
