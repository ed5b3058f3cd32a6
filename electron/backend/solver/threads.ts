/**
 * How many solver threads: the app's default (all cores but one, at least 1), the accepted
 * range, the seed and the settings of each thread of a portfolio, and how often threads share
 * their best solution. Thread 0 always runs the caller's seed with the default settings and only
 * offers its best (board.ts), never takes another's: it is exactly the single-threaded search, so
 * a portfolio is never worse than one thread with the same seed and the same CPU per thread.
 */
import os from 'node:os';

/** At most this many threads (more only slows a search down on any PC a leader has). */
export const MAX_THREADS = 64;

export function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The seed of thread k of a search started with `seed`. */
export function threadSeed(seed: number, k: number): number {
  return k === 0 ? seed : (seed + 7919 * k) | 0;
}

/** Milliseconds between two trades of a thread with the board, for a budget of `seconds`. */
export function exchangeIntervalMs(seconds: number | undefined): number {
  if (seconds === undefined) return 2000;
  return Math.min(10_000, Math.max(500, (seconds * 1000) / 12));
}

/** `--threads N` of the CLI: an integer 1–MAX_THREADS, or null. */
export function parseThreads(raw: string): number | null {
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_THREADS ? n : null;
}

export const threadsMessage = (raw: string) => `--threads må være et helt antall tråder fra 1 til ${MAX_THREADS}, fant «${raw}».`;
