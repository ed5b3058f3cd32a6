/**
 * API handlers of the plan generator (shared/api/solver.ts). `createSolverHandlers(deps)` takes
 * a way to read a plan as a TurnusPlan and a job runner (worker threads); the solver section
 * (sections/solver/) plugs it into the registry with the store's readPlan.
 */
import type { CellChange } from '../../../shared/api';
import type { GenerateOptions, GeneratePreview, GenerateStatus, SolverApi } from '../../../shared/api/solver';
import type { TurnusPlan } from '../../../shared/plan/model';
import type { GenerateResult, OverTolerance } from '../../../shared/solver/norwegian/solve';
import { notFound, validation } from '../errors';
import { createGenerateRunner, type GenerateRunner, type Job } from './runner';
import { cores, MAX_THREADS } from './threads';

export interface SolverDeps {
  /** The plan as a plan-file model (e.g. core getPlan(planId).file). */
  readPlan(planId: number): Promise<TurnusPlan>;
  runner?: GenerateRunner;
}

const DEFAULT_SECONDS = 20;

export function previewOf(result: GenerateResult): GeneratePreview {
  const cells: CellChange[] = result.changes.map((c) => ({ employeeId: c.employeeId, date: c.date, code: c.to }));
  return {
    cells,
    details: result.changes,
    openShifts: result.openShifts,
    ignoredWishes: result.ignoredWishes.map((w) => ({
      wish: {
        employeeId: w.wish.employee,
        date: w.wish.date,
        kind: w.wish.kind,
        ...(w.wish.code !== undefined ? { code: w.wish.code } : {}),
        ...(w.wish.weight !== undefined ? { weight: w.wish.weight } : {}),
      },
      reason: w.reason,
    })),
    errors: result.errors.map((v) => ({ rule: v.rule, employee: v.employee, date: v.date, message: v.message })),
    stats: {
      uncoveredShifts: result.stats.uncoveredShifts,
      hoursDeviation: result.stats.hoursDeviation,
      hoursDeviationMax: result.stats.hoursDeviationMax,
      hoursDeviationMean: result.stats.hoursDeviationMean,
      hoursOverMax: result.stats.hoursOverMax,
      removedByCheck: result.stats.removedByCheck,
      seconds: Math.round(result.stats.elapsedMs) / 1000,
      moves: result.stats.moves,
      uncoveredHours: result.stats.uncoveredHours,
      changedCells: result.stats.changedCells,
      hardViolations: result.stats.hardViolations,
      removedLongShifts: result.stats.removedLongShifts,
      offGroupWeekendShifts: result.stats.offGroupWeekendShifts,
      openShiftCauses: result.stats.openShiftCauses,
      shortfalls: result.stats.shortfalls,
    },
  };
}

/** Only the fields the caller gave (an undefined field would override the solver's default). */
function overToleranceOf(t: NonNullable<GenerateOptions['overTolerance']>): Partial<OverTolerance> {
  const out: Partial<OverTolerance> = {};
  if (t.share !== undefined) out.share = t.share;
  if (t.minHours !== undefined) out.minHours = t.minHours;
  return out;
}

function statusOf(job: Job): GenerateStatus {
  const s: GenerateStatus = {
    jobId: job.id,
    planId: job.planId,
    state: job.state,
    progress: {
      elapsedSeconds: Math.round(job.progress.elapsedMs) / 1000,
      moves: job.progress.moves,
      hardViolations: job.progress.hardViolations,
      openShifts: job.progress.openShifts,
    },
  };
  if (job.result) s.preview = previewOf(job.result);
  if (job.error) s.error = job.error;
  return s;
}

export function createSolverHandlers(deps: SolverDeps): SolverApi {
  const runner = deps.runner ?? createGenerateRunner();
  const jobOf = (jobId: string): Job => {
    const job = runner.get(jobId);
    if (!job) throw notFound('genereringsjobben', jobId, 'jobId');
    return job;
  };
  return {
    async startGenerate(planId, options?: GenerateOptions) {
      const plan = await deps.readPlan(planId);
      const o = options ?? {};
      if (o.mode === 'replan') {
        if (!o.from || !o.to) throw validation('options.from', 'Nyplanlegging trenger fra- og til-dato.');
        if (o.to < plan.period.start || o.from > plan.period.end) {
          throw validation('options.from', `Datoområdet må overlappe planperioden (${plan.period.start} – ${plan.period.end}).`);
        }
      }
      const ids = new Set(plan.employees.map((e) => e.id));
      (o.wishes ?? []).forEach((w, i) => {
        if (!ids.has(w.employeeId)) throw validation(`options.wishes[${i}].employeeId`, `Ansatt «${w.employeeId}» finnes ikke i planen.`);
      });
      (o.allowOffGroupWeekends ?? []).forEach((id, i) => {
        if (!ids.has(id)) throw validation(`options.allowOffGroupWeekends[${i}]`, `Ansatt «${id}» finnes ikke i planen.`);
      });
      if (o.threads !== undefined && (!Number.isInteger(o.threads) || o.threads < 1 || o.threads > MAX_THREADS)) {
        throw validation('options.threads', `Tråder må være et helt tall fra 1 til ${MAX_THREADS}.`);
      }
      const threads = Math.min(o.threads ?? 1, cores());
      const job = runner.start(
        planId,
        plan,
        {
          mode: o.mode ?? 'fill',
          from: o.from,
          to: o.to,
          seconds: o.seconds ?? DEFAULT_SECONDS,
          seed: o.seed ?? 1,
          wishes: (o.wishes ?? []).map((w) => ({ employee: w.employeeId, date: w.date, kind: w.kind, code: w.code, weight: w.weight })),
          // Missing fields fall back to DEFAULT_OVER_TOLERANCE inside generatePlan.
          ...(o.overTolerance ? { overTolerance: overToleranceOf(o.overTolerance) } : {}),
          ...(o.allowOffGroupWeekends ? { allowOffGroupWeekends: o.allowOffGroupWeekends } : {}),
        },
        threads,
      );
      return { jobId: job.id };
    },
    async getGenerateStatus(jobId) {
      return statusOf(jobOf(jobId));
    },
    async cancelGenerate(jobId) {
      const job = jobOf(jobId);
      runner.cancel(jobId);
      await job.finished;
      return statusOf(job);
    },
  };
}
