/**
 * AML-SUNDAY as a solver term: the period's red days (Sundays and holidays, `ruleCtx.redDays`
 * from shared/plan/zones) and when one counts as worked, as the engine's `worksOnDay`: a work
 * shift dated that day or the day before overlaps the day's local 00:00–24:00 (`dayWindow`).
 * Strict alternation (no averaging agreement): two red days in a row in that list both worked,
 * dated on the second. With `sundayAveragingWeeks` the engine's window count is reproduced.
 */
import { sunday } from '../../../rules/sunday';
import { type Term, type TermEnv, WHOLE_ROW } from './env';

function redOffsets(env: TermEnv): Int32Array {
  const c = cache.get(env);
  if (c) return c;
  const r = Int32Array.from(env.ruleCtx.redDays.map((x) => x - env.startDay));
  cache.set(env, r);
  return r;
}
const cache = new WeakMap<TermEnv, Int32Array>();

/** Does employee e work the red day at offset r (engine's `worksOnDay`)? */
export function worksRedDay(env: TermEnv, e: number, r: number): boolean {
  const lo = env.dayStart(r);
  const hi = env.dayStart(r + 1);
  for (const d of [r - 1, r]) {
    const a = env.v(e, d);
    if (a >= 0 && env.start(d, a) < hi && env.end(d, a) > lo) return true;
  }
  return false;
}

function lowerIdx(list: Int32Array, day: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (list[m] < day) lo = m + 1; else hi = m; }
  return lo;
}

function averaged(env: TermEnv, e: number, lo: number, hi: number): number {
  const red = redOffsets(env);
  if (red.length === 0) return 0;
  const span = env.ruleCtx.agreements.sundayAveragingWeeks.value * 7;
  const worked = Array.from(red, (r) => worksRedDay(env, e, r));
  const over = (k: number) => {
    let n = 0, w = 0;
    for (let j = k; j >= 0 && red[j] > red[k] - span; j--) { n++; if (worked[j]) w++; }
    return w * 2 > n;
  };
  const candidates: number[] = [];
  if (env.D < span) candidates.push(red.length - 1);
  else for (let k = 0; k < red.length; k++) if (red[k] - span + 1 >= 0) candidates.push(k);
  let prev = false;
  let n = 0;
  for (const k of candidates) {
    const cur = over(k);
    if (cur && !prev && red[k] >= lo && red[k] <= hi) n++;
    prev = cur;
  }
  return n;
}

export const sundayTerm: Term = {
  id: 'sunday',
  rule: sunday.id,
  text: ['arbeider allerede forrige søn-/helgedag', 'ville arbeidet to søn-/helgedager på rad'],
  active: () => true,
  span(env, e, d) {
    if (env.ruleCtx.agreements.sundayAveragingWeeks.value !== 0) return WHOLE_ROW(env, e, d);
    return env.sp(d - 9, d + 9);
  },
  count(env, e, lo, hi) {
    if (env.ruleCtx.agreements.sundayAveragingWeeks.value !== 0) return averaged(env, e, lo, hi);
    const red = redOffsets(env);
    let n = 0;
    for (let k = Math.max(1, lowerIdx(red, lo)); k < red.length && red[k] <= hi; k++) {
      if (worksRedDay(env, e, red[k]) && worksRedDay(env, e, red[k - 1])) n++;
    }
    return n;
  },
};
