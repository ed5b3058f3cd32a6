/**
 * Worker-thread entry of the plan generator (node:worker_threads). Runs one job: reads
 * `workerData` (WorkerInput), posts progress messages about every 250 ms, checks the shared
 * cancel flag, and posts the result. Never imports electron.
 */
import { generatePlan, type GenerateResult } from '../../../shared/solver/norwegian/solve';
import { boardExchange } from './board';
import { serveOnce } from './one-shot';
import type { JobProgress, WorkerInput } from './protocol';

serveOnce<WorkerInput, GenerateResult, JobProgress>((input, progress) => {
  const flag = new Int32Array(input.cancel);
  return generatePlan(input.plan, {
    ...input.options,
    ...(input.board ? { exchange: boardExchange(input.board, input.exchangeMs ?? 2000, input.adopt ?? true) } : {}),
    shouldStop: () => Atomics.load(flag, 0) === 1,
    onProgress: (p) => progress({ elapsedMs: p.elapsedMs, moves: p.moves, hardViolations: p.hardViolations, openShifts: p.openShifts }),
  });
});
