/**
 * Per-shift and per-week terms: AML-DAY-MAX (paid hours of one shift), AML-WEEK-MAX (paid hours
 * of the shifts starting in a calendar week, dated on its Monday), NIGHT-EXEMPT (night work,
 * 21–06 as the engine's `nightMinutes`, for an employee exempt from it) and LONG-SHIFT-CONSENT
 * (a langvakt — a `long` shift type or more than `LONG_SHIFT_HOURS` paid — without consent). Limits from `ruleCtx.agreements`; counts as the engine's.
 */
import { nightMinutes, utcOf } from '../../../plan/plan-index';
import { dayMax } from '../../../rules/day-max';
import { weekMax } from '../../../rules/week-max';
import { nightExempt } from '../../../rules/night-exempt';
import { LONG_SHIFT_HOURS, longShiftConsent } from '../../../rules/long-shift-consent';
import { type Term, type TermEnv, reachSpan } from './env';
import { mondayOnOrAfter } from './rest';
import { actsNear, periodsOf } from './work';

export const dayMaxTerm: Term = {
  id: 'day-max',
  rule: dayMax.id,
  text: ['kan ikke ha så lange vakter', 'ville fått for lang vakt'],
  active: () => true,
  // An activity joins the shift of the day before or after it, and its cover changes with them.
  span: (env, e, d) => (actsNear(env, e, d - 4, d + 4) ? env.sp(d - 2, d + 2) : env.sp(d, d)),
  count(env, e, lo, hi) {
    const max = env.ruleCtx.agreements.maxShift.value;
    let n = 0;
    if (actsNear(env, e, lo - 2, hi + 2)) {
      for (const p of periodsOf(env, e, lo, hi)) {
        const x = p.day - env.startDay;
        if (x >= Math.max(0, lo) && x <= Math.min(env.D - 1, hi) && p.paidHours > max + 1e-9) n++;
      }
      return n;
    }
    for (let d = Math.max(0, lo); d <= Math.min(env.D - 1, hi); d++) {
      const a = env.v(e, d);
      if (a >= 0 && env.paid(d, a) / 60 > max + 1e-9) n++;
    }
    return n;
  },
};

function weekMaxOver(env: TermEnv, e: number, lo: number, hi: number, excess: boolean): number {
  if (!env.memoHit('week-max', e, lo, hi)) {
    const max = env.ruleCtx.agreements.maxWeek.value;
    let count = 0,
      over = 0;
    for (let m = mondayOnOrAfter(env, Math.max(lo, -6)); m <= Math.min(hi, env.D - 1); m += 7) {
      const k = env.weekIndex(m);
      const sum = actsNear(env, e, m - 2, m + 8) ? weekPeriodMinutes(env, e, m) : k < 0 ? 0 : env.weekPaid[e * env.NW + k];
      if (sum / 60 > max + 1e-9) {
        count++;
        over += sum - max * 60;
      }
    }
    env.memoStore('week-max', e, lo, hi, count, over);
  }
  return excess ? env.memo.excess : env.memo.count;
}

/** Paid minutes of the work periods dated in the period in the week of Monday m (the engine's sum). */
function weekPeriodMinutes(env: TermEnv, e: number, m: number): number {
  let sum = 0;
  for (const p of periodsOf(env, e, m, m + 6)) {
    const x = p.day - env.startDay;
    if (x >= m && x <= m + 6 && x >= 0 && x < env.D) sum += p.paidHours;
  }
  return sum * 60;
}

export const weekMaxTerm: Term = {
  id: 'week-max',
  rule: weekMax.id,
  text: ['ville fått for mange timer den uka', 'ville gått over ukegrensen'],
  active: () => true,
  // The week of Monday m holds the shifts of m … m + 6; an activity moves work by up to two days.
  span: (env, e, d) => (actsNear(env, e, d - 4, d + 4) ? env.sp(d - 8, d + 2) : env.sp(d - 6, d)),
  count: (env, e, lo, hi) => weekMaxOver(env, e, lo, hi, false),
  excess: (env, e, lo, hi) => weekMaxOver(env, e, lo, hi, true),
};

/** Night work of shift s on day d as the engine's NIGHT-EXEMPT sees it. */
export function isNightWork(env: TermEnv, d: number, s: number): boolean {
  const day = env.startDay + d;
  const start = env.start(d, s) + env.base;
  const end = env.end(d, s) + env.base;
  if (start >= utcOf(day, 6 * 60) && end <= utcOf(day + 1, 0)) return false;
  return nightMinutes(start, end) > 0;
}

export const nightExemptTerm: Term = {
  id: 'night-exempt',
  rule: nightExempt.id,
  text: ['er fritatt for nattarbeid', 'er fritatt for nattarbeid'],
  active: (env) => env.plan.employees.some((x) => x.nightExempt === true),
  span: reachSpan(0),
  count(env, e, lo, hi) {
    if (env.plan.employees[e].nightExempt !== true) return 0;
    let n = 0;
    for (let d = Math.max(0, lo); d <= Math.min(env.D - 1, hi); d++) {
      const a = env.v(e, d);
      if (a >= 0 && isNightWork(env, d, a)) n++;
    }
    return n;
  },
};

/** More paid minutes than a langvakt's hours (the engine's `LONG_SHIFT_HOURS`, aml § 10-5 (2)). */
function isLongByHours(paidMinutes: number): boolean {
  return paidMinutes / 60 > LONG_SHIFT_HOURS + 1e-9;
}

export const longShiftConsentTerm: Term = {
  id: 'long-shift-consent',
  rule: longShiftConsent.id,
  text: ['har ikke samtykket til langvakt', 'har ikke samtykket til langvakt'],
  active: (env) => env.plan.shiftTypes.some((t) => t.long === true) || env.sPaid.some((m) => isLongByHours(m)),
  span: reachSpan(0),
  count(env, e, lo, hi) {
    if (env.plan.employees[e].consentsLongShifts === true) return 0;
    let n = 0;
    for (let d = Math.max(0, lo); d <= Math.min(env.D - 1, hi); d++) {
      const a = env.v(e, d);
      if (a >= 0 && (env.plan.shiftTypes[a].long === true || isLongByHours(env.paid(d, a)))) n++;
    }
    return n;
  },
};
