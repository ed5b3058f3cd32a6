/** The input of the generator's worker thread and its progress (the messages: one-shot.ts). */
import type { TurnusPlan } from '../../../shared/plan/model';
import type { GenerateOptions as CoreOptions } from '../../../shared/solver/norwegian/solve';

export interface WorkerInput {
  plan: TurnusPlan;
  options: Omit<CoreOptions, 'onProgress' | 'shouldStop'>;
  /** Int32Array over it: [0] = 1 means cancel. */
  cancel: SharedArrayBuffer;
  /** Parallel search: the board the threads of one job share their best plan on (board.ts). */
  board?: SharedArrayBuffer;
  exchangeMs?: number;
  /** Whether this thread takes better plans from the board (all but thread 0, see boardExchange). */
  adopt?: boolean;
}

/** A job's progress (one thread's, or summed over the threads: portfolio.ts). */
export interface JobProgress {
  elapsedMs: number;
  moves: number;
  hardViolations: number;
  openShifts: number;
}
