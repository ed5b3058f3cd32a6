/** Messages between the generator runner and its worker thread. */
import type { TurnusPlan } from '../../../shared/plan/model';
import type { GenerateOptions as CoreOptions, GenerateResult } from '../../../shared/solver/norwegian/solve';

export interface WorkerInput {
  plan: TurnusPlan;
  options: Omit<CoreOptions, 'onProgress' | 'shouldStop'>;
  /** Int32Array over it: [0] = 1 means cancel. */
  cancel: SharedArrayBuffer;
  /** Parallel search: the board the threads of one job share their best plan on (board.ts). */
  board?: SharedArrayBuffer;
  exchangeMs?: number;
}

export type WorkerMessage =
  | { type: 'progress'; elapsedMs: number; moves: number; hardViolations: number; openShifts: number }
  | { type: 'done'; result: GenerateResult }
  | { type: 'error'; message: string };

/** A job's progress (one thread's, or summed over the threads: portfolio.ts). */
export interface JobProgress {
  elapsedMs: number;
  moves: number;
  hardViolations: number;
  openShifts: number;
}
