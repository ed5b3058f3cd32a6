/**
 * The plan generator for real plans (product mode): fill empty cells, repair violations or
 * re-plan a date range of a `TurnusPlan`, then verify with the rule engine and explain every
 * open shift and every wish that was not honoured, in Norwegian.
 *
 * Order of work: build the internal model (model.ts) → greedy start → simulated annealing
 * (engine.ts) → write the assignments → verify with `createChecker` (shared/engine.ts) and
 * remove generated shifts that the engine still finds in breach of an error rule → reasons.
 * Pinned cells (`assignment.pinned`) and known absence are never changed.
 */
import { type DayNumber, formatDateNo, fromDay, isIsoDate, toDay } from '../../calendar';
import type { Assignment, TurnusPlan } from '../../plan/model';
import { COMPETENCE_LABEL, type Competence } from '../../plan/model';
import { countHard, createChecker, isHardViolation, type Violation } from '../../rules/engine';
import { coverage } from '../../metrics/coverage';
import { ANY } from '../../metrics/demand';
import { targetHours, plannedHours } from '../../plan/hours';
import { indexPlan } from '../../plan/plan-index';
import { anneal, type SearchProgress } from '../anneal/engine';
import { BLOCKED, DEFAULT_OVER_TOLERANCE, EMPTY, HARD_CATEGORIES, NorwegianState, type OverTolerance, type Wish, type ModelWeights } from './model';

export type { Wish, OverTolerance } from './model';
export { DEFAULT_OVER_TOLERANCE, overToleranceMinutes } from './model';

export type GenerateMode = 'fill' | 'repair' | 'replan';

export interface GenerateOptions {
  /** fill = only empty cells; repair = may change any non-pinned work cell (prefers few changes);
   *  replan = clears and re-plans the non-pinned work cells in [from, to]. Default 'fill'. */
  mode?: GenerateMode;
  from?: string;
  to?: string;
  seconds?: number;
  maxMoves?: number;
  seed?: number;
  wishes?: Wish[];
  weights?: Partial<ModelWeights>;
  /**
   * How far above her target hours (over the plan period) an employee may be planned:
   * max(share × target, minHours), default 5 % and at least 4 h. Beyond that the generator
   * leaves the shift open (a vikar need, with the reason «har nådd stillingen sin») instead.
   * A leader who accepts more overtime raises it; `{ share: Infinity, minHours: Infinity }`
   * switches the limit off.
   */
  overTolerance?: Partial<OverTolerance>;
  onProgress?: (p: GenerateProgress) => void;
  shouldStop?: () => boolean;
}

export interface GenerateProgress {
  moves: number;
  elapsedMs: number;
  /** Hard-rule measure of the best plan so far (0 = no breach in the solver's model). */
  hardViolations: number;
  /** Uncovered shifts of the current plan in the solver's model. */
  openShifts: number;
  score: number;
  done: boolean;
}

export interface CellChangeOut {
  employee: string;
  date: string;
  from: string | null;
  to: string | null;
}

export interface OpenShift {
  date: string;
  shift: string;
  competence: string;
  missing: number;
  /** Norwegian explanation. */
  reason: string;
}

export interface IgnoredWish {
  wish: Wish;
  reason: string;
}

export interface GenerateResult {
  plan: TurnusPlan;
  changes: CellChangeOut[];
  openShifts: OpenShift[];
  ignoredWishes: IgnoredWish[];
  /** Hard violations (`isHardViolation`: every error rule plus LONG-SHIFT-CONSENT) in the result;
   *  only ones that involve cells the generator could not touch. */
  errors: Violation[];
  /** Hard violations that were already in the input plan. */
  errorsBefore: number;
  stats: GenerateStats;
}

/** What a generator run did, for the preview and the benchmark. */
export interface GenerateStats {
  moves: number;
  elapsedMs: number;
  firstFeasibleMs: number | null;
  uncoveredShifts: number;
  /** Σ |planned − target| hours over employees. */
  hoursDeviation: number;
  /** Largest and mean |planned − target| hours of one employee. */
  hoursDeviationMax: number;
  hoursDeviationMean: number;
  /** Largest planned − target hours of one employee (negative when everybody is below). */
  hoursOverMax: number;
  /** Generated shifts removed by the final check with the rule engine. */
  removedByCheck: number;
  cancelled: boolean;
}

export class GenerateInputError extends Error {}

export function generatePlan(plan: TurnusPlan, opts: GenerateOptions = {}): GenerateResult {
  const mode = opts.mode ?? 'fill';
  const index = indexPlan(plan);
  const E = plan.employees.length;
  const D = index.days;
  const startDay = index.startDay;
  const sIdx = new Map(plan.shiftTypes.map((s, i) => [s.code, i]));
  let fromD = 0;
  let toD = D - 1;
  if (mode === 'replan') {
    if (!isIsoDate(opts.from) || !isIsoDate(opts.to)) throw new GenerateInputError('Nyplanlegging trenger fra- og til-dato (åååå-mm-dd).');
    fromD = Math.max(0, toDay(opts.from) - startDay);
    toD = Math.min(D - 1, toDay(opts.to) - startDay);
    if (fromD > toD) throw new GenerateInputError('Datoområdet for nyplanlegging ligger utenfor perioden eller er tomt.');
  }
  const eIdx = new Map(plan.employees.map((e, i) => [e.id, i]));
  const start = new Int16Array(E * D).fill(EMPTY);
  const pinned = new Uint8Array(E * D);
  for (const a of plan.assignments) {
    const e = eIdx.get(a.employee);
    if (e === undefined || !isIsoDate(a.date)) continue;
    const d = toDay(a.date) - startDay;
    if (d < 0 || d >= D) continue;
    const s = sIdx.get(a.code);
    start[e * D + d] = s === undefined ? BLOCKED : s;
    if (a.pinned) pinned[e * D + d] = 1;
  }
  const original = Int16Array.from(start);
  const editable = new Uint8Array(E * D);
  for (let i = 0; i < E * D; i++) {
    if (pinned[i] || start[i] === BLOCKED) continue;
    const d = i % D;
    if (mode === 'fill') editable[i] = start[i] === EMPTY ? 1 : 0;
    else if (mode === 'repair') editable[i] = 1;
    else if (d >= fromD && d <= toD) {
      editable[i] = 1;
      start[i] = EMPTY;
    }
  }

  const state = new NorwegianState({
    plan,
    editable,
    start,
    wishes: opts.wishes,
    stability: mode === 'repair',
    weights: opts.weights,
    overTolerance: { ...DEFAULT_OVER_TOLERANCE, ...(opts.overTolerance ?? {}) },
    keepStartHours: mode === 'repair',
  });
  if (mode !== 'repair') state.construct();
  const res = anneal(state, {
    seed: opts.seed ?? 1,
    seconds: opts.seconds,
    maxMoves: opts.maxMoves ?? (opts.seconds === undefined ? 200_000 : undefined),
    hardWeight: 2 * state.weights.uncovered,
    hardWeightRamp: 20,
    hardWeightGrowth: 1.001,
    // Repair starts cool: a hot start wanders far from the input plan (each change costs only
    // weights.change) and a short run does not find its way back.
    startTemperature: mode === 'repair' ? state.weights.change / 2 : state.weights.uncovered / 4,
    endTemperature: 2,
    shouldStop: opts.shouldStop,
    onProgress: opts.onProgress
      ? (p: SearchProgress) =>
          opts.onProgress!({
            moves: p.moves,
            elapsedMs: p.elapsedMs,
            hardViolations: p.bestHard,
            openShifts: sumMissing(state),
            score: p.bestSoft,
            done: false,
          })
      : undefined,
  });
  state.restoreBest();

  // Write the assignments: untouched rows stay as they were; editable cells get the grid value.
  const byKey = new Map<string, Assignment>();
  for (const a of plan.assignments) byKey.set(`${a.employee}|${a.date}`, a);
  const assignments: Assignment[] = [];
  const changedKeys = new Set<string>();
  for (const a of plan.assignments) {
    const e = eIdx.get(a.employee);
    const d = isIsoDate(a.date) ? toDay(a.date) - startDay : -1;
    if (e !== undefined && d >= 0 && d < D && editable[e * D + d]) continue;
    assignments.push(a);
  }
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const i = e * D + d;
      if (!editable[i]) continue;
      const v = state.g[i];
      if (v >= 0) assignments.push({ employee: plan.employees[e].id, date: fromDay(startDay + d), code: plan.shiftTypes[v].code });
    }
  }

  // Verify with the rule engine; remove generated shifts that still break a hard rule.
  const errorsBefore = countHard(createChecker(plan).violations());
  let result: TurnusPlan = { ...plan, assignments };
  const checker = createChecker(result);
  let removed = 0;
  const generated = (emp: string, day: DayNumber) => {
    const e = eIdx.get(emp);
    const d = day - startDay;
    return e !== undefined && d >= 0 && d < D && editable[e * D + d] === 1 && state.g[e * D + d] >= 0;
  };
  for (let guard = 0; guard < 10_000; guard++) {
    const errs = checker.violations().filter(isHardViolation);
    let fixed = false;
    for (const v of errs) {
      const e = eIdx.get(v.employee);
      if (e === undefined) continue;
      const day = v.date ? toDay(v.date) : startDay;
      // Candidates: generated shifts of the employee nearest to the violation date.
      const cands: DayNumber[] = [];
      for (let k = 0; k <= 21; k++) {
        for (const x of k === 0 ? [day] : [day - k, day + k]) if (generated(v.employee, x) && checker.codeAt(v.employee, fromDay(x)) !== null) cands.push(x);
      }
      const before = checker.counts().hard!;
      for (const x of cands) {
        const after = checker.evaluateChange({ employee: v.employee, date: fromDay(x), code: null }).hard!;
        if (after < before) {
          checker.applyChange({ employee: v.employee, date: fromDay(x), code: null });
          state.g[e * D + (x - startDay)] = EMPTY;
          removed++;
          fixed = true;
          break;
        }
      }
      if (fixed) break;
    }
    if (!fixed) break;
  }
  if (removed > 0) {
    state.recompute();
    result = checker.currentPlan();
  }
  const errors = checker.violations().filter(isHardViolation);

  // Changes relative to the input.
  const changes: CellChangeOut[] = [];
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const i = e * D + d;
      if (!editable[i]) continue;
      const before = original[i] >= 0 ? plan.shiftTypes[original[i]].code : null;
      const after = state.g[i] >= 0 ? plan.shiftTypes[state.g[i]].code : null;
      if (before !== after) {
        changes.push({ employee: plan.employees[e].id, date: fromDay(startDay + d), from: before, to: after });
        changedKeys.add(`${e}|${d}`);
      }
    }
  }

  const openShifts = explainOpenShifts(result, state, editable);
  const ignoredWishes = explainWishes(opts.wishes ?? [], state, eIdx);
  const idx = indexPlan(result);
  let dev = 0;
  let devMax = 0;
  let overMax = -Infinity;
  for (const emp of result.employees) {
    const diff = plannedHours(idx, emp.id) - targetHours(idx, emp.id);
    dev += Math.abs(diff);
    devMax = Math.max(devMax, Math.abs(diff));
    overMax = Math.max(overMax, diff);
  }
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    plan: result,
    changes,
    openShifts,
    ignoredWishes,
    errors,
    errorsBefore,
    stats: {
      moves: res.moves,
      elapsedMs: res.elapsedMs,
      firstFeasibleMs: res.firstFeasibleMs,
      uncoveredShifts: openShifts.reduce((t, o) => t + o.missing, 0),
      hoursDeviation: r2(dev),
      hoursDeviationMax: r2(devMax),
      hoursDeviationMean: E > 0 ? r2(dev / E) : 0,
      hoursOverMax: E > 0 ? r2(overMax) : 0,
      removedByCheck: removed,
      cancelled: res.cancelled,
    },
  };
}

function sumMissing(state: NorwegianState): number {
  let t = 0;
  for (let d = 0; d < state.D; d++) t += state.dayMissing[d];
  return t;
}

const CATEGORY_TEXT: Record<(typeof HARD_CATEGORIES)[number], [string, string]> = {
  'rest-daily': ['har ikke hviletid igjen (døgnhvile)', 'mangler døgnhvile'],
  'rest-weekly': ['ville mistet ukehvilen', 'ville mistet ukehvilen'],
  'week-max': ['ville fått for mange timer den uka', 'ville gått over ukegrensen'],
  sunday: ['arbeider allerede forrige søn-/helgedag', 'ville arbeidet to søn-/helgedager på rad'],
  consecutive: ['ville fått for mange arbeidsdager på rad', 'ville fått for mange dager på rad'],
  weekend: ['ville brutt helgerytmen', 'ville brutt helgerytmen'],
};

function compLabel(c: string, plural: boolean): string {
  if (c === ANY) return plural ? 'ansatte' : 'ansatt';
  const l = (COMPETENCE_LABEL as Record<string, string>)[c as Competence];
  const base = (l ?? c).toLowerCase();
  return plural ? (base.endsWith('er') ? base : `${base}e`) : base;
}

function dateShort(date: string): string {
  return formatDateNo(date, true);
}

/** Norwegian reasons for every uncovered shift of the result. */
function explainOpenShifts(plan: TurnusPlan, state: NorwegianState, editable: Uint8Array): OpenShift[] {
  const cov = coverage(plan);
  const out: OpenShift[] = [];
  const sIdx = new Map(plan.shiftTypes.map((s, i) => [s.code, i]));
  for (const u of cov.uncovered) {
    const d = toDay(u.date) - state.startDay;
    const s = sIdx.get(u.shift);
    const counts = new Map<string, number>();
    const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
    let candidates = 0;
    plan.employees.forEach((emp, e) => {
      if (u.competence !== ANY && emp.competence !== u.competence) return;
      candidates++;
      const i = e * state.D + d;
      const v = state.g[i];
      if (v === BLOCKED) return bump('har fravær');
      if (v >= 0) return bump('har allerede vakt');
      if (!editable[i]) return bump('har en låst celle');
      if (s === undefined || !state.allowed[e * (state.S + 1) + s + 1]) {
        const t = s === undefined ? undefined : plan.shiftTypes[s];
        if (t?.long && emp.consentsLongShifts !== true) return bump('har ikke samtykket til langvakt');
        if (emp.nightExempt) return bump('er fritatt for nattarbeid');
        return bump('kan ikke ha denne vakttypen');
      }
      const p = state.probe(e, d, s);
      // Reaching the position (target + accepted tolerance) is the leader's first answer: the
      // shift is a vikar need rather than overtime for her.
      if (state.overLimit(e) || p.overLimit) return bump('har nådd stillingen sin');
      if (p.hard > 0) {
        let worst = 0;
        for (let c = 1; c < p.cats.length; c++) if (p.cats[c] > p.cats[worst]) worst = c;
        return bump(CATEGORY_TEXT[HARD_CATEGORIES[worst]][0]);
      }
      return bump('ville gitt en dårligere plan totalt');
    });
    const who = compLabel(u.competence, true);
    const date = dateShort(u.date);
    let reason: string;
    if (candidates === 0) reason = `Ingen ${who} i enheten kan ta ${u.shift}-vakten ${date}.`;
    else if (counts.size === 1) {
      const [k] = [...counts.keys()];
      reason = `Ingen ${compLabel(u.competence, false)} er ledig til ${u.shift}-vakten ${date}: alle ${candidates} ${k}.`;
    } else {
      const parts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`);
      const busy = (counts.get('har fravær') ?? 0) + (counts.get('har allerede vakt') ?? 0) + (counts.get('har en låst celle') ?? 0);
      const reached = counts.get('har nådd stillingen sin') ?? 0;
      if (reached > 0 && busy + reached === candidates) reason = `Ingen ${who} kunne ta ${u.shift}-vakten ${date}: alle ledige med riktig kompetanse har nådd stillingen sin (${parts.join(', ')}).`;
      else reason = `Ingen ${who} kunne ta ${u.shift}-vakten ${date}: ${parts.join(', ')}.`;
    }
    out.push({ date: u.date, shift: u.shift, competence: u.competence, missing: u.missing, reason });
  }
  return out;
}

function explainWishes(wishes: readonly Wish[], state: NorwegianState, eIdx: Map<string, number>): IgnoredWish[] {
  const out: IgnoredWish[] = [];
  const codes = state.codes;
  for (const w of wishes) {
    const e = eIdx.get(w.employee);
    if (e === undefined || !isIsoDate(w.date)) {
      out.push({ wish: w, reason: `Ønsket gjelder en ukjent ansatt eller dato (${w.employee}, ${w.date}).` });
      continue;
    }
    const d = toDay(w.date) - state.startDay;
    if (d < 0 || d >= state.D) {
      out.push({ wish: w, reason: `Ønsket ${dateShort(w.date)} ligger utenfor planperioden.` });
      continue;
    }
    const i = e * state.D + d;
    const v = state.g[i];
    const wanted = w.kind === 'off' ? EMPTY : w.code !== undefined ? codes.indexOf(w.code) : -3;
    const met = w.kind === 'off' ? v < 0 : v >= 0 && (w.code === undefined || codes[v] === w.code);
    if (met) continue;
    const what = w.kind === 'off' ? `Ønsket fri ${dateShort(w.date)}` : `Ønsket ${w.code ?? ''}-vakt ${dateShort(w.date)}`.replace('  ', ' ');
    if (!state.editable[i]) {
      out.push({ wish: w, reason: `${what} ble ikke innfridd: cellen er låst eller har fravær.` });
      continue;
    }
    if (wanted === -3) {
      out.push({ wish: w, reason: `${what} ble ikke innfridd: vakttypen finnes ikke i planen.` });
      continue;
    }
    if (wanted >= 0 && !state.allowed[e * (state.S + 1) + wanted + 1]) {
      out.push({ wish: w, reason: `${what} ble ikke innfridd: den ansatte kan ikke ha denne vakttypen (langvakt uten samtykke, nattfritak eller for lang vakt).` });
      continue;
    }
    const p = state.probe(e, d, wanted);
    let reason: string;
    if (p.hard > 0) {
      let worst = 0;
      for (let c = 1; c < p.cats.length; c++) if (p.cats[c] > p.cats[worst]) worst = c;
      reason = `den ansatte ${CATEGORY_TEXT[HARD_CATEGORIES[worst]][1]}`;
    } else if (p.missing > 0) reason = `vakten trengs for å dekke bemanningsplanen, og ${whyNobodyElse(state, e, d, v)}`;
    else if (p.hours > 0) reason = w.kind === 'off' ? 'den ansatte ville fått for få timer i forhold til stillingen' : 'den ansatte ville fått flere timer enn stillingen';
    else reason = 'andre hensyn i planen (dekning, helgerytme og andre ønsker) veide tyngre';
    out.push({ wish: w, reason: `${what} ble ikke innfridd: ${reason}.` });
  }
  return out;
}

/**
 * Why no colleague of the same competence could take shift v on day d instead of employee e
 * (wish explanations): nobody free, everybody free has reached her position, or rules.
 */
function whyNobodyElse(state: NorwegianState, e: number, d: number, v: number): string {
  if (v < 0) return 'ingen andre var ledige';
  let free = 0;
  let reached = 0;
  let rules = 0;
  for (let o = 0; o < state.E; o++) {
    if (o === e || state.empComp[o] !== state.empComp[e]) continue;
    const i = o * state.D + d;
    if (!state.editable[i] || state.g[i] !== EMPTY || !state.allowed[o * (state.S + 1) + v + 1]) continue;
    free++;
    const p = state.probe(o, d, v);
    if (state.overLimit(o) || p.overLimit) reached++;
    else if (p.hard > 0) rules++;
  }
  if (free === 0) return 'ingen andre var ledige';
  if (reached === free) return 'de andre som var ledige, har nådd stillingen sin';
  if (reached + rules === free) return 'de andre som var ledige, kunne ikke ta den uten å bryte en regel eller nå over stillingen sin';
  return 'ingen andre kunne ta den uten at planen ble dårligere totalt';
}
