/**
 * The plan generator for real plans (product mode): fill empty cells, repair violations or
 * re-plan a date range of a `TurnusPlan`, then verify with the rule engine and explain every
 * open shift, every wish that was not honoured and every employee left below her target.
 *
 * Order of work: read the grid (grid.ts) → choose the cells each mode may change (repair:
 * repair.ts) → build the model (model.ts, terms/) → greedy start → simulated annealing
 * (anneal/engine.ts) → write the assignments → verify with `createChecker` (shared/rules/engine)
 * and remove generated shifts the engine still finds in breach of a hard rule → reasons.
 * Pinned cells (`assignment.pinned`) and known absence are never changed; in fill mode no cell
 * laid before changes; in repair mode only cells involved in a breach.
 */
import { type DayNumber, fromDay, isIsoDate, toDay } from '../../calendar';
import type { TurnusPlan } from '../../plan/model';
import type { CellDiff } from '../../plan/cell-change';
import { countHard, createChecker, isHardViolation, type Violation } from '../../rules/engine';
import { targetHours, plannedHours } from '../../plan/hours';
import { indexPlan } from '../../plan/plan-index';
import { anneal, clockMs, type SearchProgress } from '../anneal/engine';
import type { SolutionExchange } from '../anneal/compare';
import { DEFAULT_OVER_TOLERANCE, EMPTY, NorwegianState, type OverTolerance, type Wish, type ModelWeights } from './model';
import { type GenerateMode, free, readGrid, writeAssignments } from './grid';
import { repairCells } from './repair';
import {
  type IgnoredWish,
  type OpenCause,
  type OpenShift,
  explainOpenShifts,
  explainWishes,
  groupOpenShifts,
  shortfallReason,
} from './explain';
import { weekendInfo, weekendWorked } from './terms/weekend';

export type { Wish, OverTolerance } from './model';
export type { GenerateMode } from './grid';
export type { OpenShift, IgnoredWish, OpenCause } from './explain';
export { DEFAULT_OVER_TOLERANCE, overToleranceMinutes } from './model';

export interface GenerateOptions {
  /** fill = only empty cells; repair = only cells involved in a breach (fewest changes);
   *  replan = clears and re-plans the non-pinned work cells in [from, to]. Default 'fill'.
   *  `from`/`to` limit every mode to those days (replan needs them). */
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
   * max(share × target, minHours), default 5 % (`DEFAULT_OVER_TOLERANCE`). Beyond that the
   * generator leaves the shift open (a vikar need). `{ share: Infinity }` switches it off.
   */
  overTolerance?: Partial<OverTolerance>;
  /**
   * Employees (ids) who may work a weekend of another weekend group. Everybody else with a
   * `weekendGroup` works only her group's weekends (hard). Each off-group shift is listed in
   * `stats.offGroupWeekendShifts`.
   */
  allowOffGroupWeekends?: string[];
  /** Search tuning (benchmarks): start temperature and annealing cycles (reheats). */
  tuning?: { startTemperature?: number; cycles?: number };
  onProgress?: (p: GenerateProgress) => void;
  shouldStop?: () => boolean;
  /** Parallel search: share the best plan with other runs (see SearchOptions.exchange). */
  exchange?: SolutionExchange;
}

export interface GenerateProgress {
  moves: number;
  elapsedMs: number;
  /** Hard measure of the best plan so far (0 = no breach in the solver's model). */
  hardViolations: number;
  /** Uncovered shifts of the current plan in the solver's model. */
  openShifts: number;
  score: number;
  done: boolean;
}

export interface GenerateResult {
  plan: TurnusPlan;
  changes: CellDiff[];
  openShifts: OpenShift[];
  ignoredWishes: IgnoredWish[];
  /** Hard violations (`isHardViolation`) in the result; only ones the generator could not touch. */
  errors: Violation[];
  /** Hard violations that were already in the input plan. */
  errorsBefore: number;
  stats: GenerateStats;
}

export interface ShiftRef {
  employee: string;
  date: string;
  code: string;
}

export interface Shortfall {
  employee: string;
  plannedHours: number;
  targetHours: number;
  /** target − planned. */
  missingHours: number;
  /** Norwegian: why she got no more (e.g. no shift left she could legally take). */
  reason: string;
}

/** What a generator run did, for the preview and the benchmark. */
export interface GenerateStats {
  moves: number;
  elapsedMs: number;
  firstFeasibleMs: number | null;
  /** The solver's own hard measure and objective of the result (to compare runs; lower is better). */
  score: { hard: number; soft: number };
  uncoveredShifts: number;
  /** Uncovered hours (Σ missing × paid hours). */
  uncoveredHours: number;
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
  /** Cells whose code changed. */
  changedCells: number;
  /** Hard violations (`isHardViolation`) left in the result. */
  hardViolations: number;
  /** Langvakter of the input that the result no longer has. */
  removedLongShifts: ShiftRef[];
  /** Work shifts of the result on a weekend of another weekend group than the employee's. */
  offGroupWeekendShifts: ShiftRef[];
  /** Open shifts grouped by cause (Norwegian label). */
  openShiftCauses: { cause: OpenCause; label: string; shifts: number }[];
  /** Employees below target − 10 %, with the reason. */
  shortfalls: Shortfall[];
}

/** Employees more than this share below their target hours are reported with a reason. */
export const SHORTFALL_SHARE = 0.1;

export class GenerateInputError extends Error {}

export function generatePlan(plan: TurnusPlan, opts: GenerateOptions = {}): GenerateResult {
  const t0 = clockMs();
  const mode = opts.mode ?? 'fill';
  const grid = readGrid(plan);
  const { E, D, startDay, eIdx, original } = grid;
  let fromD = 0;
  let toD = D - 1;
  if (mode === 'replan' && (!isIsoDate(opts.from) || !isIsoDate(opts.to)))
    throw new GenerateInputError('Nyplanlegging trenger fra- og til-dato (åååå-mm-dd).');
  // A date range limits every mode to its days (replan needs one).
  if (isIsoDate(opts.from)) fromD = Math.max(0, toDay(opts.from) - startDay);
  if (isIsoDate(opts.to)) toD = Math.min(D - 1, toDay(opts.to) - startDay);
  if (fromD > toD) throw new GenerateInputError('Datoområdet ligger utenfor perioden eller er tomt.');
  const overTolerance = { ...DEFAULT_OVER_TOLERANCE, ...(opts.overTolerance ?? {}) };
  const start = Int16Array.from(original);
  let editable: Uint8Array = new Uint8Array(E * D);
  if (mode === 'repair') {
    editable = repairCells(plan, grid, overTolerance, opts.allowOffGroupWeekends);
    for (let i = 0; i < E * D; i++) if (i % D < fromD || i % D > toD) editable[i] = 0;
  } else {
    for (let i = 0; i < E * D; i++) {
      if (!free(grid, i)) continue;
      const d = i % D;
      if (d < fromD || d > toD) continue;
      if (mode === 'fill') editable[i] = start[i] === EMPTY ? 1 : 0;
      else {
        editable[i] = 1;
        start[i] = EMPTY;
      }
    }
  }

  const state = new NorwegianState({
    plan,
    editable,
    start,
    vacation: grid.vacation,
    pinned: grid.pinned,
    wishes: opts.wishes,
    stability: mode === 'repair',
    weights: opts.weights,
    overTolerance,
    keepStartHours: mode === 'repair',
    allowOffGroupWeekends: opts.allowOffGroupWeekends,
  });
  if (mode !== 'repair') state.construct();
  const res = anneal(state, {
    seed: opts.seed ?? 1,
    // `seconds` counts from the call: the greedy start is inside the budget (on a 60-person year
    // it took 5–12 s under load), the search keeps at least a quarter of it.
    seconds: opts.seconds === undefined ? undefined : Math.max(opts.seconds / 4, opts.seconds - (clockMs() - t0) / 1000),
    maxMoves: opts.maxMoves ?? (opts.seconds === undefined ? 200_000 : undefined),
    hardWeight: 2 * state.weights.uncovered,
    hardWeightRamp: 20,
    hardWeightGrowth: 1.001,
    // Repair starts cool: a hot start wanders far from the input plan.
    startTemperature: opts.tuning?.startTemperature ?? (mode === 'repair' ? state.weights.uncovered / 8 : state.weights.uncovered / 4),
    cycles: opts.tuning?.cycles ?? 1,
    endTemperature: 2,
    shouldStop: opts.shouldStop,
    exchange: opts.exchange,
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
  // Polish: every open slot one more person could still take legally and for a better score.
  if (mode !== 'repair' && !res.cancelled) state.construct();

  // Verify with the rule engine; remove generated shifts that still break a hard rule.
  const errorsBefore = countHard(createChecker(plan).violations());
  let result: TurnusPlan = { ...plan, assignments: writeAssignments(plan, grid, editable, state.g) };
  const removed = verify(result, state, grid.eIdx, editable, startDay, D);
  if (removed.count > 0) {
    state.recompute();
    result = { ...plan, assignments: writeAssignments(plan, grid, editable, state.g) };
  }
  const errors = removed.errors;

  const changes: CellDiff[] = [];
  const removedLongShifts: GenerateStats['removedLongShifts'] = [];
  for (let i = 0; i < E * D; i++) {
    if (!editable[i]) continue;
    const e = Math.floor(i / D),
      d = i % D;
    const before = original[i] >= 0 ? plan.shiftTypes[original[i]].code : null;
    const after = state.g[i] >= 0 ? plan.shiftTypes[state.g[i]].code : null;
    if (before === after) continue;
    const date = fromDay(startDay + d);
    changes.push({ employeeId: plan.employees[e].id, date, from: before, to: after });
    if (before !== null && plan.shiftTypes[original[i]].long)
      removedLongShifts.push({ employee: plan.employees[e].id, date, code: before });
  }

  const openShifts = explainOpenShifts(result, state);
  const ignoredWishes = explainWishes(opts.wishes ?? [], state, eIdx);
  const idx = indexPlan(result);
  let dev = 0,
    devMax = 0,
    overMax = -Infinity;
  const shortfalls: Shortfall[] = [];
  const r2 = (x: number) => Math.round(x * 100) / 100;
  plan.employees.forEach((emp, e) => {
    const planned = plannedHours(idx, emp.id);
    const target = targetHours(idx, emp.id);
    const diff = planned - target;
    dev += Math.abs(diff);
    devMax = Math.max(devMax, Math.abs(diff));
    overMax = Math.max(overMax, diff);
    if (diff < -SHORTFALL_SHARE * target - 1e-6) {
      shortfalls.push({
        employee: emp.id,
        plannedHours: r2(planned),
        targetHours: r2(target),
        missingHours: r2(-diff),
        reason: shortfallReason(state, openShifts, e),
      });
    }
  });
  const paidOf = new Map(plan.shiftTypes.map((t) => [t.code, t]));
  const uncoveredHours = openShifts.reduce((t, o) => {
    const s = state.codes.indexOf(o.shift);
    const d = toDay(o.date) - startDay;
    return t + o.missing * (s >= 0 && paidOf.has(o.shift) ? state.env.paid(d, s) / 60 : 0);
  }, 0);
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
      score: { hard: state.hard, soft: state.soft },
      uncoveredShifts: openShifts.reduce((t, o) => t + o.missing, 0),
      uncoveredHours: r2(uncoveredHours),
      hoursDeviation: r2(dev),
      hoursDeviationMax: r2(devMax),
      hoursDeviationMean: E > 0 ? r2(dev / E) : 0,
      hoursOverMax: E > 0 ? r2(overMax) : 0,
      removedByCheck: removed.count,
      cancelled: res.cancelled,
      changedCells: changes.length,
      hardViolations: errors.length,
      removedLongShifts,
      offGroupWeekendShifts: offGroupShifts(state),
      openShiftCauses: groupOpenShifts(openShifts),
      shortfalls,
    },
  };
}

/** Remove generated shifts (nearest to each hard breach) until the engine finds none it can fix. */
function verify(
  result: TurnusPlan,
  state: NorwegianState,
  eIdx: Map<string, number>,
  editable: Uint8Array,
  startDay: DayNumber,
  D: number,
): { count: number; errors: Violation[] } {
  const checker = createChecker(result);
  let count = 0;
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
      const cands: DayNumber[] = [];
      for (let k = 0; k <= 63; k++) {
        for (const x of k === 0 ? [day] : [day - k, day + k])
          if (generated(v.employee, x) && checker.codeAt(v.employee, fromDay(x)) !== null) cands.push(x);
      }
      const before = checker.counts().hard!;
      for (const x of cands) {
        if (checker.evaluateChange({ employeeId: v.employee, date: fromDay(x), code: null }).hard! < before) {
          checker.applyChange({ employeeId: v.employee, date: fromDay(x), code: null });
          state.g[e * D + (x - startDay)] = EMPTY;
          count++;
          fixed = true;
          break;
        }
      }
      if (fixed) break;
    }
    if (!fixed) break;
  }
  return { count, errors: checker.violations().filter(isHardViolation) };
}

/** Work shifts on a weekend of another group than the employee's (exceptions and fixed cells). */
function offGroupShifts(state: NorwegianState): ShiftRef[] {
  const env = state.env;
  const info = weekendInfo(env);
  const out: ShiftRef[] = [];
  for (let e = 0; e < state.E; e++) {
    const g = info.empGroup[e];
    if (g < 0) continue;
    for (let j = 0; j < info.sat.length; j++) {
      const s = info.sat[j];
      if (info.group[j] === g || !weekendWorked(env, e, s, true)) continue;
      for (let d = s - 1; d <= s + 1; d++) {
        const v = env.own(e, d);
        if (v >= 0 && env.end(d, v) > env.dayStart(s) && env.start(d, v) < env.dayStart(s + 2)) {
          out.push({ employee: env.plan.employees[e].id, date: fromDay(env.startDay + d), code: state.codes[v] });
        }
      }
    }
  }
  return out;
}

function sumMissing(state: NorwegianState): number {
  let t = 0;
  for (let d = 0; d < state.D; d++) t += state.dayMissing[d];
  return t;
}
