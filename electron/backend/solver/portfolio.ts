/**
 * How the threads of one generator job are combined (runner.ts): the plan each thread shares
 * on the board has the generator's grid size, the job's progress sums the threads' moves and
 * shows the best thread's breaches, and the result is the best plan a thread returned.
 */
import { daysBetweenInclusive } from '../../../shared/calendar';
import type { TurnusPlan } from '../../../shared/plan/model';
import { isBetter } from '../../../shared/solver/anneal/compare';
import type { GenerateResult } from '../../../shared/solver/norwegian/solve';
import type { JobProgress } from './protocol';

/** Cells of the generator's grid of `plan` (employees × days of the period). */
export function gridCells(plan: TurnusPlan): number {
  return plan.employees.length * daysBetweenInclusive(plan.period.start, plan.period.end);
}

/** The job's progress over its threads: the longest time, all moves, the best thread's counts. */
export function sumProgress(list: readonly (JobProgress | undefined)[]): JobProgress {
  const got = list.filter((p): p is JobProgress => p !== undefined);
  if (got.length === 0) return { elapsedMs: 0, moves: 0, hardViolations: 0, openShifts: 0 };
  const best = got.reduce((a, b) =>
    b.hardViolations < a.hardViolations || (b.hardViolations === a.hardViolations && b.openShifts < a.openShifts) ? b : a,
  );
  return {
    elapsedMs: Math.max(...got.map((p) => p.elapsedMs)),
    moves: got.reduce((t, p) => t + p.moves, 0),
    hardViolations: best.hardViolations,
    openShifts: best.openShifts,
  };
}

/**
 * The best of the threads' results: fewest hard violations the rule engine finds, then the
 * solver's own score (its hard measure before its objective); the first of equals.
 */
export function bestResult(results: readonly GenerateResult[]): GenerateResult | undefined {
  let best: GenerateResult | undefined;
  const key = (r: GenerateResult) => ({ hard: r.stats.hardViolations * 1e6 + r.stats.score.hard, soft: r.stats.score.soft });
  for (const r of results) if (best === undefined || isBetter(key(r), key(best), 1e9)) best = r;
  return best;
}
