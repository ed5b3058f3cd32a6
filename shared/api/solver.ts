/**
 * API section: The plan generator: fill, repair, re-plan with progress and cancel (issue 6).
 * Add methods to the interface and to SOLVER_METHODS together; shared/api.ts composes
 * the sections into TurnusApi. SOLVER_ARGS holds the zod argument schema of every method.
 *
 * Flow: `startGenerate(planId, options)` starts a job in a worker thread and returns its id;
 * `getGenerateStatus(jobId)` reports progress and, when done, a preview of the changes with
 * Norwegian reasons for open shifts and ignored wishes; the renderer applies the preview with
 * the existing `setCells(planId, preview.cells)`. `cancelGenerate(jobId)` stops the search and
 * keeps the best plan found so far as the preview.
 */
import { z } from 'zod';
import { optional, sig, zCode, zDate, zId, type Signatures } from './args';
import type { CellChange } from './core';
import type { CellDiff } from '../plan/cell-change';
import { LIMITS } from '../plan/limits';
import type { GenerateStats } from '../solver/norwegian/solve';

export type GenerateMode = 'fill' | 'repair' | 'replan';

export interface GenerateWish {
  employeeId: string;
  date: string;
  /** 'off' = ønske om fri; 'shift' = ønske om vakt (code). */
  kind: 'off' | 'shift';
  code?: string;
  weight?: number;
}

/**
 * How far above her target hours (over the plan period) the generator may plan an employee:
 * max(share × target, minHours). Beyond that it leaves the shift open for a vikar, with the
 * reason «har nådd stillingen sin». Missing fields take the solver's default
 * (`DEFAULT_OVER_TOLERANCE` in shared/solver/norwegian/weights.ts: 5 % of target, no minimum).
 */
export interface GenerateOverTolerance {
  /** Share of the employee's target hours, 0.05 = 5 % (0–1). */
  share?: number;
  /** At least this many hours (0–200). */
  minHours?: number;
}

export interface GenerateOptions {
  /** fill = bare tomme celler (default); repair = rett opp brudd med få endringer; replan = planlegg [from, to] på nytt. */
  mode?: GenerateMode;
  from?: string;
  to?: string;
  /** Time budget in seconds (default 20, max 600). */
  seconds?: number;
  seed?: number;
  /**
   * «Tråder»: solver threads that search in parallel and share their best plan (default 1;
   * the dialog offers all cores but one). More than the machine's cores count as its cores.
   */
  threads?: number;
  wishes?: GenerateWish[];
  /** «Tillatt over måltimer»; default 5 % of target hours. */
  overTolerance?: GenerateOverTolerance;
  /**
   * Employee ids allowed to work weekends of another weekend group (named exceptions). Everybody
   * else with a weekend group works only her group's weekends; the preview lists every
   * off-group weekend shift in `stats.offGroupWeekendShifts`.
   */
  allowOffGroupWeekends?: string[];
}

export interface GenerateProgress {
  elapsedSeconds: number;
  moves: number;
  /** Hard-rule breaches in the solver's model for the best plan so far (0 = none). */
  hardViolations: number;
  /** Uncovered shifts in the current plan. */
  openShifts: number;
}

/** One cell the generator changes, with its code before (the domain's CellDiff). */
export type GenerateChangeDetail = CellDiff;

export interface GeneratePreview {
  /** Ready for setCells(planId, cells). */
  cells: CellChange[];
  details: GenerateChangeDetail[];
  /** `cause` groups them (see `stats.openShiftCauses`). */
  openShifts: { date: string; shift: string; competence: string; missing: number; reason: string; cause?: string }[];
  ignoredWishes: { wish: GenerateWish; reason: string }[];
  /** Error-level rule breaches left in the previewed plan (only ones in cells the generator may not change). */
  errors: { rule: string; employee: string; date: string | null; message: string }[];
  /**
   * The solver's figures for the previewed plan (hours: Σ, largest and mean |planned − target|,
   * largest overshoot), the langvakter it removed, every shift on another group's weekend, open
   * shifts grouped by cause (Norwegian labels) and the employees left more than 10 % below
   * target with the reason.
   */
  stats: Pick<
    GenerateStats,
    'uncoveredShifts' | 'hoursDeviation' | 'hoursDeviationMax' | 'hoursDeviationMean' | 'hoursOverMax' | 'removedByCheck' | 'moves'
  > &
    Partial<
      Pick<
        GenerateStats,
        | 'uncoveredHours'
        | 'changedCells'
        | 'hardViolations'
        | 'removedLongShifts'
        | 'offGroupWeekendShifts'
        | 'openShiftCauses'
        | 'shortfalls'
      >
    > & { seconds: number };
}

export type GenerateJobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface GenerateStatus {
  jobId: string;
  planId: number;
  state: GenerateJobState;
  progress: GenerateProgress;
  /** Set when state is 'done' or 'cancelled'. */
  preview?: GeneratePreview;
  /** Norwegian message when state is 'failed'. */
  error?: string;
}

export interface SolverApi {
  /** Starts the generator on a plan in a worker thread; returns at once. */
  startGenerate(planId: number, options?: GenerateOptions): Promise<{ jobId: string }>;
  getGenerateStatus(jobId: string): Promise<GenerateStatus>;
  /** Stops the job; the best plan found so far becomes the preview. */
  cancelGenerate(jobId: string): Promise<GenerateStatus>;
}

export const SOLVER_METHODS = ['startGenerate', 'getGenerateStatus', 'cancelGenerate'] as const satisfies readonly (keyof SolverApi)[];

export const zGenerateWish = z.object({
  employeeId: z.string({ error: 'må være en ansatt-id (tekst)' }).min(1, 'må være en ansatt-id'),
  date: zDate,
  kind: z.enum(['off', 'shift'], { error: 'må være off eller shift' }),
  code: zCode.optional(),
  weight: z.number({ error: 'må være et tall' }).min(0, 'kan ikke være negativ').max(100, 'kan være høyst 100').optional(),
});

export const zGenerateOverTolerance = z.object({
  share: z
    .number({ error: 'må være et tall (andel av måltimene, 0,05 = 5 %)' })
    .min(0, 'tillatt over måltimer kan ikke være negativ')
    .max(1, 'tillatt over måltimer kan være høyst 100 % av måltimene')
    .optional(),
  minHours: z
    .number({ error: 'må være et tall (timer)' })
    .min(0, 'minste antall timer over måltimer kan ikke være negativt')
    .max(LIMITS.overToleranceHoursMax, `minste antall timer over måltimer kan være høyst ${LIMITS.overToleranceHoursMax} timer`)
    .optional(),
});

export const zGenerateOptions = z
  .object({
    mode: z.enum(['fill', 'repair', 'replan'], { error: 'må være fill, repair eller replan' }).optional(),
    from: zDate.optional(),
    to: zDate.optional(),
    seconds: z
      .number({ error: 'må være et tall (sekunder)' })
      .gt(0, 'må være større enn 0')
      .max(600, 'kan være høyst 600 sekunder')
      .optional(),
    seed: z.number({ error: 'må være et heltall' }).int('må være et heltall').optional(),
    wishes: z.array(zGenerateWish).max(10_000, 'kan ha høyst 10 000 ønsker').optional(),
    overTolerance: zGenerateOverTolerance.optional(),
    allowOffGroupWeekends: z
      .array(z.string({ error: 'må være en ansatt-id (tekst)' }).min(1, 'må være en ansatt-id'), {
        error: 'må være en liste med ansatt-id-er',
      })
      .max(10_000, 'kan ha høyst 10 000 ansatte')
      .optional(),
  })
  .refine((o) => o.mode !== 'replan' || (o.from !== undefined && o.to !== undefined), {
    message: 'nyplanlegging trenger fra- og til-dato',
    path: ['from'],
  })
  .refine((o) => o.from === undefined || o.to === undefined || o.from <= o.to, {
    message: 'til-dato kan ikke være før fra-dato',
    path: ['to'],
  });

export const zJobId = z.string({ error: 'må være en jobb-id (tekst)' }).regex(/^gen-\d+$/, 'må være en jobb-id fra startGenerate');

export const SOLVER_ARGS: Signatures<SolverApi> = {
  startGenerate: sig(['planId', zId], ['options', optional(zGenerateOptions)]),
  getGenerateStatus: sig(['jobId', zJobId]),
  cancelGenerate: sig(['jobId', zJobId]),
};
