/**
 * The best solution shared by the threads of one parallel search: a SharedArrayBuffer holding
 * a small lock, the number of offers kept, the best score and the best solution array. Each
 * thread trades with it through `boardExchange` (a `SolutionExchange` for the annealing
 * engine): its offer is kept when it beats the board, and the board's solution is handed back
 * when it beats the offer. Which is better is `isBetter` of shared/solver/anneal/compare.
 */
import { isBetter, type SolutionExchange } from '../../../shared/solver/anneal/compare';

const HEADER = 24;

/** A board for solutions of `cells` cells (Int16 each), empty. */
export function createBoard(cells: number): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER + 2 * cells);
}

function lock(ctrl: Int32Array): void {
  while (Atomics.compareExchange(ctrl, 0, 0, 1) !== 0) Atomics.wait(ctrl, 0, 1, 1);
}

function unlock(ctrl: Int32Array): void {
  Atomics.store(ctrl, 0, 0);
  Atomics.notify(ctrl, 0, 1);
}

/** The board's best score, or null while nobody has offered a solution. */
export function boardBest(buf: SharedArrayBuffer): { hard: number; soft: number } | null {
  const ctrl = new Int32Array(buf, 0, 2);
  const score = new Float64Array(buf, 8, 2);
  lock(ctrl);
  try {
    return ctrl[1] === 0 ? null : { hard: score[0], soft: score[1] };
  } finally {
    unlock(ctrl);
  }
}

/**
 * This thread's side of the board: trade every `intervalMs` milliseconds of its search. With
 * `adopt` false the thread only offers its best and never takes another's: thread 0 of a
 * portfolio, so that it runs exactly the single-threaded search and the portfolio's result is
 * never worse than one thread's with the same seed and the same CPU per thread.
 */
export function boardExchange(buf: SharedArrayBuffer, intervalMs: number, adopt = true): SolutionExchange {
  const ctrl = new Int32Array(buf, 0, 2);
  const score = new Float64Array(buf, 8, 2);
  const grid = new Int16Array(buf, HEADER);
  const local = new Int16Array(grid.length);
  return {
    intervalMs,
    trade(offer, hardWeight) {
      if (offer.grid.length !== grid.length) throw new Error('boardExchange: the solution does not fit the board');
      lock(ctrl);
      try {
        const held = { hard: score[0], soft: score[1] };
        if (ctrl[1] === 0 || isBetter(offer, held, hardWeight)) {
          score[0] = offer.hard;
          score[1] = offer.soft;
          grid.set(offer.grid);
          ctrl[1]++;
          return null;
        }
        if (!adopt || !isBetter(held, offer, hardWeight)) return null;
        local.set(grid);
        return { ...held, grid: local };
      } finally {
        unlock(ctrl);
      }
    },
  };
}
