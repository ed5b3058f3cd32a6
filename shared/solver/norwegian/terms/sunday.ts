/**
 * AML-SUNDAY as a solver term: the period's red days (Sundays and holidays, `ruleCtx.redDays`
 * from shared/plan/zones) and when one counts as worked, by the engine's own `redDayWorkOf`
 * (`workedRedDay` for the grid's shifts, `intervalsWorkRedDay` for the timed activities): work
 * overlaps the law's window of the red day (aml § 10-10 (1): 18:00 the day before,
 * 15:00 on the aftener, 22:00 in a chain and before 1./17. mai, to 22:00 on the day). A context
 * row (a shift of the previous plan) can work the period's first red day; a pair or window counts
 * only when the plan's own work is in it (`workedRedDay` limited to the period), as the engine's.
 * Strict alternation (no averaging agreement): two red days in a row in that list both worked,
 * dated on the second. With `sundayAveragingWeeks` the engine's window count is reproduced.
 */
import type { DayNumber } from '../../../calendar';
import { type Cell, lowerIndex } from '../../../plan/plan-index';
import { intervalsWorkRedDay, workedRedDay } from '../../../plan/zones';
import { sunday } from '../../../rules/sunday';
import { type Term, type TermEnv, WHOLE_ROW } from './env';
import { actsNear, attends } from './work';

function redOffsets(env: TermEnv): Int32Array {
  const c = cache.get(env);
  if (c) return c;
  const r = Int32Array.from(env.ruleCtx.redDays.map((x) => x - env.startDay));
  cache.set(env, r);
  return r;
}
const cache = new WeakMap<TermEnv, Int32Array>();

/**
 * The grid row of one employee as the day → cell lookup `workedRedDay` reads (only `get` is
 * used; the cell object is reused, times in absolute UTC minutes as the plan index has them).
 */
class RowCells {
  e = 0;
  /** Only the period's own cells (no context rows). */
  own = false;
  private readonly cell = { kind: 'work', start: 0, end: 0 } as unknown as Cell & { start: number; end: number };
  constructor(private readonly env: TermEnv) {}
  get(day: DayNumber): Cell | undefined {
    const d = day - this.env.startDay;
    const a = this.own ? this.env.own(this.e, d) : this.env.v(this.e, d);
    if (a < 0) return undefined;
    this.cell.start = this.env.start(d, a) + this.env.base;
    this.cell.end = this.env.end(d, a) + this.env.base;
    return this.cell;
  }
}
const rows = new WeakMap<TermEnv, RowCells>();

/**
 * Does employee e work the red day at offset r (the engine's `redDayWorkOf`: a shift by
 * `workedRedDay`, or a timed activity by `intervalsWorkRedDay`)? `own`: by a shift dated inside
 * the period or an activity (the engine's `redDayWorkOf` limited to the period).
 */
export function worksRedDay(env: TermEnv, e: number, r: number, own = false): boolean {
  let row = rows.get(env);
  if (!row) {
    row = new RowCells(env);
    rows.set(env, row);
  }
  row.e = e;
  row.own = own;
  // `workedRedDay` reads the shifts dated on the red day and the two days before: none, no work by a shift.
  const shifts = env.v(e, r) >= 0 || env.v(e, r - 1) >= 0 || env.v(e, r - 2) >= 0;
  if (shifts && workedRedDay(row as unknown as ReadonlyMap<DayNumber, Cell>, env.startDay + r)) return true;
  // A timed activity she attends (always the plan's own) reaching the window: dated at most two
  // days before.
  if (!actsNear(env, e, r - 2, r)) return false;
  const days = env.actDays[e];
  for (let i = 0; i < days.length; i++) {
    if (days[i] < r - 2 || days[i] > r || !attends(env, e, i)) continue;
    if (intervalsWorkRedDay([env.acts[e][i]], env.startDay + r)) return true;
  }
  return false;
}

/** Worked, and by the plan's own work (only a context row can make the two differ). */
function worksOwn(env: TermEnv, e: number, r: number): boolean {
  return !env.hasContext || worksRedDay(env, e, r, true);
}

function averaged(env: TermEnv, e: number, lo: number, hi: number): number {
  const red = redOffsets(env);
  if (red.length === 0) return 0;
  const span = env.ruleCtx.agreements.sundayAveragingWeeks.value * 7;
  const worked = Array.from(red, (r) => worksRedDay(env, e, r));
  const mine = Array.from(red, (r, k) => worked[k] && worksOwn(env, e, r));
  const over = (k: number) => {
    let n = 0,
      w = 0,
      m = false;
    for (let j = k; j >= 0 && red[j] > red[k] - span; j--) {
      n++;
      if (worked[j]) w++;
      if (mine[j]) m = true;
    }
    return w * 2 > n && m;
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
    // A change can excuse her from an activity of the day before to the day after, which reaches
    // the red days up to two days after its date: one more day ahead.
    return env.sp(d - 9, actsNear(env, e, d - 1, d + 1) ? d + 10 : d + 9);
  },
  count(env, e, lo, hi) {
    if (env.ruleCtx.agreements.sundayAveragingWeeks.value !== 0) return averaged(env, e, lo, hi);
    const red = redOffsets(env);
    let n = 0;
    for (let k = Math.max(1, lowerIndex(red, lo)); k < red.length && red[k] <= hi; k++) {
      if (!worksRedDay(env, e, red[k]) || !worksRedDay(env, e, red[k - 1])) continue;
      if (worksOwn(env, e, red[k]) || worksOwn(env, e, red[k - 1])) n++;
    }
    return n;
  },
};
