/**
 * Worker-thread entry of one thread of the parallel Curtois search (curtois-parallel.ts): solves
 * with its seed and settings, trading its best roster with the board, and posts the result.
 * Never imports electron.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solveCurtois } from '../../../shared/solver/curtois/solve';
import { boardExchange } from './board';
import type { CurtoisThreadInput, CurtoisThreadMessage } from './curtois-parallel';

function main() {
  const input = workerData as CurtoisThreadInput;
  const post = (m: CurtoisThreadMessage) => parentPort?.postMessage(m);
  try {
    const res = solveCurtois(input.instance, {
      seconds: input.seconds,
      maxMoves: input.maxMoves,
      seed: input.seed,
      tuning: input.tuning,
      exchange: boardExchange(input.board, input.exchangeMs),
    });
    post({ type: 'done', result: res });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

if (parentPort) main();
