/**
 * Can a weekend group cover its weekends? Hours alone do not say it (issue 14): a weekend's
 * slots — every Saturday and Sunday shift and the Friday shifts that reach into Saturday by more
 * than an hour (plan/weekends.ts) — may only go to the weekend's group (and to people without a
 * group); one person takes at most one shift a day; the daily rest (the plan's agreed minimum,
 * 11 t by default) rules out e.g. a Sunday D after a Saturday N; a langvakt needs consent; night
 * work excludes the night-exempt; a named competence needs a person of that competence; and the
 * cells already laid (ferie, langvakter, pinned, any planned shift) occupy their person's day,
 * keep their rest and fill the slots they fill in the coverage (metrics/coverage.ts).
 *
 * Per weekend an exact dynamic programme over the eligible people (each picks one allowed shift
 * or none per free day) finds the most open slot hours they can cover. The state is the vector
 * of slots still open per (day, shift, competence), in mixed radix; the covered hours are a
 * function of the state, so the programme is a reachability over states. Everything else is
 * relaxed (hours, weekly rest, Thursday and Monday, timed activities; with delt vakt registered any
 * break up to its limit counts as allowed, without the exception's other conditions), so what it calls uncoverable cannot be covered by any plan that keeps the
 * hard rules and the weekend groups: a valid lower bound on the open weekend hours.
 *
 * Exported:
 * - `weekendCover(planOrIndex, opts?) → WeekendCover[]` — per weekend of the period (Saturday and Sunday
 *   in it): its group, the open slot hours, the most the eligible people can cover, the slots
 *   left uncovered in one best cover (one entry per shift), and the fewest shifts any cover
 *   leaves open.
 * - `weekendOpenTotals(planOrIndex, opts?)` — Σ over the weekends: shifts and hours no plan can
 *   cover (the capacity figure at the top of the plan).
 * - `isWeekendSlot(type, day, saturday)` — a shift of `type` on `day` belongs to that weekend.
 * - `weekendSlotLabel(slot)` — «lør. 13.03 N» («… D (sykepleier)» for a named competence).
 */
import { type DayNumber, formatDateNo, fromDay, weekendsIn } from '../calendar';
import type { Employee, ShiftType, TurnusPlan } from '../plan/model';
import { COMPETENCE_LABEL } from '../plan/model';
import { type PlanIndex, indexPlan, shiftTypeSpan, utcOf } from '../plan/plan-index';
import { intervalsWorkRedDay, redDaysBetween } from '../plan/zones';
import { weekendAnchorOf, weekendFrequencyOf } from '../plan/weekend-groups';
import { WEEKEND_MIN_OVERLAP_MINUTES, groupOfWeekend, weekendNumber, weekendWindow } from '../plan/weekends';
import { resolveAgreements } from '../rules/agreements';
import { splitShiftMaxBreakHoursOf } from '../rules/split-shift';
import { isNightWork } from '../metrics/capacity';
import { type CoverageResult, coverage } from '../metrics/coverage';
import { ANY } from '../metrics/demand';

/** One open shift of a weekend. */
export interface WeekendSlot {
  date: string;
  shift: string;
  /** 'any' or a named competence. */
  competence: string;
  hours: number;
}

export interface WeekendCover {
  /** The weekend's Saturday ('yyyy-MM-dd'). */
  saturday: string;
  /** The weekend's group (0-based). */
  group: number;
  /** Hours of the weekend's slots still open after the cells already laid. */
  slotHours: number;
  /** The most of those hours the weekend's people can cover. */
  coverableHours: number;
  /** Slots left open in one best cover (most hours covered), one entry per shift, in day order. */
  uncoverable: WeekendSlot[];
  /** The fewest shifts any cover leaves open (a lower bound on the weekend's open shifts). */
  fewestOpenShifts: number;
}

export interface WeekendCoverOptions {
  /** Weekend frequency (default unit.weekendFrequency, 4). */
  k?: number;
  /** A person's group (default `employees[].weekendGroup`); not a number = works every weekend. */
  groupOf?: (e: Employee) => number | null | undefined;
  /** The plan's coverage, when the caller has it. */
  coverage?: CoverageResult;
}

/** A shift of `type` on `day` overlaps the weekend of `saturday` by more than one hour. */
export function isWeekendSlot(type: ShiftType, day: DayNumber, saturday: DayNumber): boolean {
  const s = shiftTypeSpan(type);
  const w = weekendWindow(saturday);
  return Math.min(utcOf(day, s.end), w.end) - Math.max(utcOf(day, s.start), w.start) > WEEKEND_MIN_OVERLAP_MINUTES;
}

/** «lør. 13.03 N», «søn. 14.03 D (sykepleier)». */
export function weekendSlotLabel(slot: Pick<WeekendSlot, 'date' | 'shift' | 'competence'>): string {
  const comp =
    slot.competence === ANY ? '' : ` (${((COMPETENCE_LABEL as Record<string, string>)[slot.competence] ?? slot.competence).toLowerCase()})`;
  return `${formatDateNo(slot.date).slice(0, -5)} ${slot.shift}${comp}`;
}

interface SlotType extends WeekendSlot {
  day: DayNumber;
  count: number;
}

export function weekendCover(planOrIndex: TurnusPlan | PlanIndex, opts: WeekendCoverOptions = {}): WeekendCover[] {
  const index = 'byId' in planOrIndex && 'plan' in planOrIndex ? (planOrIndex as PlanIndex) : indexPlan(planOrIndex as TurnusPlan);
  const { plan, startDay, endDay } = index;
  const anchor = weekendAnchorOf(plan);
  if (anchor === null) return [];
  const k = opts.k ?? weekendFrequencyOf(plan);
  const groupOf = opts.groupOf ?? ((e: Employee) => e.weekendGroup);
  const types = index.shiftTypes;
  const agreements = resolveAgreements(plan);
  const restMin = agreements.dailyRest.value * 60;
  // With delt vakt registered, a break up to its limit is no rest (AML-REST-DAILY's exception):
  // such a gap is allowed here without the exception's other conditions, so the cover stays a
  // lower bound.
  const splitMin = splitShiftMaxBreakHoursOf(plan) * 60;
  // Without an averaging agreement (AML-SUNDAY strict) nobody works two red days that follow each
  // other in the list of Sundays and holidays: at Christmas, Easter and Pentecost a weekend's two
  // days (or a Friday or Monday holiday next to it) need different people. The red days of the
  // period, as the rule engine lists them (rules/index.ts).
  const redAll = agreements.sundayAveragingWeeks.value === 0 ? redDaysBetween(startDay, endDay) : [];
  const cov = opts.coverage ?? coverage(index);
  const covByDay = new Map(cov.days.map((d) => [d.day, d]));
  const cellOf = (e: Employee, day: DayNumber) => index.byId.get(e.id)?.cells.get(day)?.code;
  const out: WeekendCover[] = [];
  for (const sat of weekendsIn(startDay, endDay)) {
    const days = [sat - 1, sat, sat + 1].filter((d) => d >= startDay);
    const slots: SlotType[] = [];
    for (const d of days) {
      for (const s of covByDay.get(d)?.slots ?? []) {
        const t = types.get(s.shift);
        if (!t || !isWeekendSlot(t, d, sat)) continue;
        for (const n of s.needs) {
          if (n.missing > 0)
            slots.push({ day: d, date: fromDay(d), shift: n.shift, competence: n.competence, hours: s.hours, count: n.missing });
        }
      }
    }
    const group = groupOfWeekend(weekendNumber(sat, anchor), k);
    const people = plan.employees.filter((e) => {
      const g = groupOf(e);
      // As WEEKEND-GROUP reads it: no group = every weekend; group g works the weekends of g mod k.
      return typeof g !== 'number' || g % k === group;
    });
    // Red days whose windows (aml § 10-10 (1)) the weekend's shifts can reach: Friday to Monday.
    const red = redAll.filter((r) => r >= sat - 1 && r <= sat + 2);
    const cover = coverWeekend(slots, days, people, { types, cellOf, restMin, splitMin, red });
    out.push({ saturday: fromDay(sat), group, ...cover });
  }
  return out;
}

interface CoverContext {
  types: ReadonlyMap<string, ShiftType>;
  /** The code of the cell already laid for the person on the day. */
  cellOf: (e: Employee, day: DayNumber) => string | undefined;
  restMin: number;
  /** Longest break of a delt vakt in minutes (0: none registered). */
  splitMin: number;
  /** The red days (ascending) the weekend's shifts can reach when the strict AML-SUNDAY applies; else empty. */
  red: readonly DayNumber[];
}

/** Option of one person on one day: the slot type it covers (−1: none) and the code worked (null: none). */
interface Option {
  slot: number;
  code: string | null;
}

/** The exact programme of one weekend. */
function coverWeekend(
  slots: readonly SlotType[],
  days: readonly DayNumber[],
  people: readonly Employee[],
  ctx: CoverContext,
): Omit<WeekendCover, 'saturday' | 'group'> {
  const slotHours = slots.reduce((t, s) => t + s.count * s.hours, 0);
  if (slots.length === 0) return { slotHours: 0, coverableHours: 0, uncoverable: [], fewestOpenShifts: 0 };
  // The reachable states (slots still open per slot type) form an up-set: every combo of a person
  // may be cut down (a shift left out is always allowed), so a state with more left open than a
  // reachable one is reachable too. The programme keeps only the minimal states (the Pareto
  // frontier) and applies each person's maximal combos, cut to what is still open.
  let frontier: Uint8Array[] = [Uint8Array.from(slots, (s) => s.count)];
  for (const e of people) {
    const combos = maximalCombos(combosOf(e, slots, days, ctx));
    if (combos.length === 0) continue;
    const candidates = new Map<string, Uint8Array>();
    const add = (st: Uint8Array) => {
      const key = st.join(',');
      if (!candidates.has(key)) candidates.set(key, st);
    };
    for (const st of frontier) {
      add(st);
      for (const c of combos) {
        const ns = st.slice();
        let changed = false;
        for (const i of c) {
          if (ns[i] > 0) {
            ns[i]--;
            changed = true;
          }
        }
        if (changed) add(ns);
      }
    }
    frontier = paretoMinimal([...candidates.values()]);
  }
  // Best state: most hours covered, then fewest shifts left (the frontier's order breaks ties).
  let best = frontier[0],
    bestHours = -1,
    bestLeft = Infinity,
    fewestOpenShifts = Infinity;
  for (const st of frontier) {
    let hours = 0,
      left = 0;
    for (let i = 0; i < slots.length; i++) {
      hours += (slots[i].count - st[i]) * slots[i].hours;
      left += st[i];
    }
    fewestOpenShifts = Math.min(fewestOpenShifts, left);
    if (hours > bestHours + 1e-9 || (Math.abs(hours - bestHours) <= 1e-9 && left < bestLeft)) {
      best = st;
      bestHours = hours;
      bestLeft = left;
    }
  }
  const uncoverable: WeekendSlot[] = [];
  slots.forEach((s, i) => {
    for (let j = 0; j < best[i]; j++) uncoverable.push({ date: s.date, shift: s.shift, competence: s.competence, hours: s.hours });
  });
  return { slotHours, coverableHours: bestHours, uncoverable, fewestOpenShifts };
}

/** The combos that are no subset of another (combos are sets of slot types, one per day). */
function maximalCombos(combos: number[][]): number[][] {
  const sets = combos.map((c) => new Set(c));
  return combos.filter((c, i) => !sets.some((o, j) => j !== i && o.size > c.length && c.every((x) => o.has(x))));
}

/** The states no other state of the list lies below (componentwise ≤); the list has no duplicates. */
function paretoMinimal(states: Uint8Array[]): Uint8Array[] {
  const sum = (st: Uint8Array) => st.reduce((t, x) => t + x, 0);
  const sorted = states.map((st) => ({ st, s: sum(st) })).sort((a, b) => a.s - b.s);
  const kept: Uint8Array[] = [];
  for (const { st } of sorted) {
    const below = kept.some((k) => {
      for (let i = 0; i < st.length; i++) if (k[i] > st[i]) return false;
      return true;
    });
    if (!below) kept.push(st);
  }
  return kept;
}

/**
 * The distinct non-empty sets of slot types one person can cover over the weekend's days: per
 * day a cell already laid (covers nothing, keeps its rest), or nothing, or one slot type with
 * her own code or one that counts toward it, respecting consent, night exemption, competence and
 * the daily rest between consecutive days.
 */
function combosOf(e: Employee, slots: readonly SlotType[], days: readonly DayNumber[], ctx: CoverContext): number[][] {
  const { types, cellOf, restMin, splitMin } = ctx;
  const restBreaks = (gap: number) => gap < restMin && !(splitMin > 0 && gap > 0 && gap <= splitMin);
  const perDay: Option[][] = days.map((d) => {
    const c = cellOf(e, d);
    if (c !== undefined) return [{ slot: -1, code: types.has(c) ? c : null }];
    const opts: Option[] = [{ slot: -1, code: null }];
    slots.forEach((s, i) => {
      if (s.day !== d) return;
      if (s.competence !== ANY && s.competence !== e.competence) return;
      for (const t of types.values()) {
        if (t.code !== s.shift && !(t.countsToward ?? []).includes(s.shift)) continue;
        if (t.long && e.consentsLongShifts !== true) continue;
        if (e.nightExempt === true && isNightWork(t, d)) continue;
        opts.push({ slot: i, code: t.code });
      }
    });
    return opts;
  });
  const span = (code: string, day: DayNumber) => {
    const s = shiftTypeSpan(types.get(code)!);
    return { start: utcOf(day, s.start), end: utcOf(day, s.end) };
  };
  // AML-SUNDAY, strict: two red days in a row (in the list of Sundays and holidays) both worked.
  const worksTwoRedDaysInARow = (picked: readonly Option[]): boolean => {
    if (ctx.red.length < 2) return false;
    const spans: { start: number; end: number }[] = [];
    const fixed: { start: number; end: number }[] = [];
    picked.forEach((o, j) => {
      if (!o.code) return;
      spans.push(span(o.code, days[j]));
      if (o.slot < 0) fixed.push(span(o.code, days[j]));
    });
    if (spans.length === 0) return false;
    // A pair the cells already laid make alone is the input's own breach: it does not keep the
    // person from the weekend's other slots.
    let prev = false,
      prevFixed = false;
    for (const r of ctx.red) {
      const worked = intervalsWorkRedDay(spans, r);
      const byFixed = fixed.length > 0 && intervalsWorkRedDay(fixed, r);
      if (worked && prev && !(byFixed && prevFixed)) return true;
      prev = worked;
      prevFixed = byFixed;
    }
    return false;
  };
  const seen = new Set<string>();
  const combos: number[][] = [];
  const chosen: Option[] = [];
  const walk = (j: number) => {
    if (j === days.length) {
      if (worksTwoRedDaysInARow(chosen)) return;
      const c = chosen.filter((o) => o.slot >= 0).map((o) => o.slot);
      const key = c.join(',');
      if (c.length > 0 && !seen.has(key)) {
        seen.add(key);
        combos.push(c);
      }
      return;
    }
    for (const o of perDay[j]) {
      const prev = j > 0 ? chosen[j - 1] : null;
      if (prev?.code && o.code && restBreaks(span(o.code, days[j]).start - span(prev.code, days[j - 1]).end)) continue;
      chosen.push(o);
      walk(j + 1);
      chosen.pop();
    }
  };
  walk(0);
  return combos;
}

/** Over all weekends: at least `shifts` shifts and `hours` hours stay open, however the plan is laid. */
export function weekendOpenTotals(planOrIndex: TurnusPlan | PlanIndex, opts: WeekendCoverOptions = {}): { shifts: number; hours: number } {
  let shifts = 0,
    hours = 0;
  for (const w of weekendCover(planOrIndex, opts)) {
    shifts += w.fewestOpenShifts;
    hours += w.slotHours - w.coverableHours;
  }
  return { shifts, hours: Math.round(hours * 100) / 100 };
}
