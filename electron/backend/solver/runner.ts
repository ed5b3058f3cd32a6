/**
 * Runs plan-generator jobs in `node:worker_threads` workers (one solver thread per job, or a
 * portfolio of several that share their best plan), with
 * progress, cancel (a SharedArrayBuffer flag, so the search stops within a few thousand moves
 * and keeps its best plan) and a time budget. Finished jobs are kept (the last 20) so the
 * renderer can fetch the preview.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { TurnusPlan } from '../../../shared/plan/model';
import type { GenerateResult, GenerateOptions as CoreOptions } from '../../../shared/solver/norwegian/solve';
import { createBoard } from './board';
import { bestResult, gridCells, sumProgress } from './portfolio';
import { startOnce } from './one-shot';
import type { JobProgress, WorkerInput } from './protocol';
import { exchangeIntervalMs, threadSeed } from './threads';

export type { JobProgress } from './protocol';

export interface Job {
  id: string;
  planId: number;
  plan: TurnusPlan;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  progress: JobProgress;
  result?: GenerateResult;
  error?: string;
  /** Resolves when the job has finished (any state). */
  finished: Promise<void>;
}

export interface RunnerOptions {
  /** Compiled worker script; default: worker.js next to this file. */
  workerFile?: string;
  /** Jobs kept after they finish (default 20). */
  keep?: number;
}

export interface GenerateRunner {
  /** Runs the job on `threads` worker threads (default 1); see portfolio.ts for how they are combined. */
  start(planId: number, plan: TurnusPlan, options: Omit<CoreOptions, 'onProgress' | 'shouldStop' | 'exchange'>, threads?: number): Job;
  get(jobId: string): Job | undefined;
  cancel(jobId: string): Job | undefined;
  /** Cancel everything (app shutdown). */
  dispose(): Promise<void>;
}

export function defaultWorkerFile(): string {
  return path.join(__dirname, 'worker.js');
}

export function createGenerateRunner(opts: RunnerOptions = {}): GenerateRunner {
  const jobs = new Map<string, Job>();
  const flags = new Map<string, Int32Array>();
  const workers = new Map<string, { worker: Worker }[]>();
  let seq = 0;
  const keep = opts.keep ?? 20;

  const prune = () => {
    const finished = [...jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(j.id);
  };

  return {
    start(planId, plan, options, threads = 1) {
      const workerFile = opts.workerFile ?? defaultWorkerFile();
      if (!fs.existsSync(workerFile)) {
        throw new Error(`Fant ikke generatorens arbeidstråd (${workerFile}). Kjør «npm run build:node».`);
      }
      const id = `gen-${++seq}`;
      const cancel = new SharedArrayBuffer(4);
      const flag = new Int32Array(cancel);
      let resolve!: () => void;
      const job: Job = {
        id,
        planId,
        plan,
        state: 'running',
        progress: { elapsedMs: 0, moves: 0, hardViolations: 0, openShifts: 0 },
        finished: new Promise<void>((r) => (resolve = r)),
      };
      const n = Math.max(1, Math.floor(threads));
      // Several threads: a portfolio with its own seed per thread, sharing the best plan.
      const shared = n > 1 ? { board: createBoard(gridCells(plan)), exchangeMs: exchangeIntervalMs(options.seconds) } : {};
      const seed = options.seed ?? 1;
      const progress: (JobProgress | undefined)[] = new Array(n);
      const results: (GenerateResult | undefined)[] = new Array(n);
      const team = Array.from({ length: n }, (_, k) => {
        const input: WorkerInput = { plan, options: { ...options, seed: threadSeed(seed, k) }, cancel, ...shared, adopt: k !== 0 };
        return startOnce<WorkerInput, GenerateResult, JobProgress>(workerFile, input, (p) => {
          progress[k] = p;
          job.progress = sumProgress(progress);
        });
      });
      let open = n;
      jobs.set(id, job);
      flags.set(id, flag);
      workers.set(id, team);
      const finish = (state: Job['state']) => {
        if (job.state !== 'running') return;
        job.state = state;
        if (state === 'failed') for (const t of team) void t.worker.terminate();
        workers.delete(id);
        flags.delete(id);
        prune();
        resolve();
      };
      const threadDone = () => {
        if (--open > 0 || job.state !== 'running') return;
        const result = bestResult(results.filter((r): r is GenerateResult => r !== undefined))!;
        job.result = result;
        job.progress = { ...sumProgress(progress), elapsedMs: result.stats.elapsedMs, openShifts: result.stats.uncoveredShifts };
        finish(Atomics.load(flag, 0) === 1 ? 'cancelled' : 'done');
      };
      team.forEach(({ ended }, k) => {
        void ended.then((end) => {
          if (job.state !== 'running') return;
          if (!end.ok) {
            job.error =
              end.why === 'error'
                ? end.message
                : end.why === 'crash'
                  ? `Generatoren stoppet uventet: ${end.message}`
                  : `Generatoren avsluttet uten resultat (${end.message}).`;
            finish('failed');
            return;
          }
          results[k] = end.result;
          const stats = end.result.stats;
          progress[k] = {
            elapsedMs: stats.elapsedMs,
            moves: stats.moves,
            hardViolations: stats.hardViolations,
            openShifts: stats.uncoveredShifts,
          };
          threadDone();
        });
      });
      return job;
    },
    get: (jobId) => jobs.get(jobId),
    cancel(jobId) {
      const job = jobs.get(jobId);
      const flag = flags.get(jobId);
      if (job && flag && job.state === 'running') Atomics.store(flag, 0, 1);
      return job;
    },
    async dispose() {
      for (const flag of flags.values()) Atomics.store(flag, 0, 1);
      await Promise.all([...jobs.values()].map((j) => j.finished));
    },
  };
}

/**
 * One generator run on `threads` worker threads, awaited (`turnus fill --threads N`): the
 * result, or the error the job failed with.
 */
export async function generateOnThreads(
  plan: TurnusPlan,
  options: Omit<CoreOptions, 'onProgress' | 'shouldStop' | 'exchange'>,
  threads: number,
  workerFile?: string,
): Promise<{ result: GenerateResult } | { error: string }> {
  const runner = createGenerateRunner({ workerFile, keep: 1 });
  const job = runner.start(0, plan, options, threads);
  await job.finished;
  return job.result ? { result: job.result } : { error: job.error ?? 'Generatoren ga ikke noe resultat.' };
}
