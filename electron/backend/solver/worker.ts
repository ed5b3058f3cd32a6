/**
 * Worker-thread entry of the plan generator (node:worker_threads). Runs one job: reads
 * `workerData` (WorkerInput), posts progress messages about every 250 ms, checks the shared
 * cancel flag, and posts the result. Never imports electron.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generatePlan } from '../../../shared/solver/norwegian/solve';
import { boardExchange } from './board';
import type { WorkerInput, WorkerMessage } from './protocol';

function main() {
  const input = workerData as WorkerInput;
  const flag = new Int32Array(input.cancel);
  const post = (m: WorkerMessage) => parentPort?.postMessage(m);
  try {
    const result = generatePlan(input.plan, {
      ...input.options,
      ...(input.board ? { exchange: boardExchange(input.board, input.exchangeMs ?? 2000) } : {}),
      shouldStop: () => Atomics.load(flag, 0) === 1,
      onProgress: (p) =>
        post({ type: 'progress', elapsedMs: p.elapsedMs, moves: p.moves, hardViolations: p.hardViolations, openShifts: p.openShifts }),
    });
    post({ type: 'done', result });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

if (parentPort) main();
