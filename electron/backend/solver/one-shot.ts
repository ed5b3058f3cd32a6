/**
 * A one-shot worker thread, as the plan generator (worker.ts) and the parallel Curtois search
 * (curtois-worker.ts) use it: started with its input as `workerData`, it posts progress while it
 * runs, then its result or its error, and ends. (The job pool, ../jobs/pool.ts, is the other
 * kind: long-lived workers that take one request after another.)
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';

export type OneShotMessage<R, P> = { type: 'progress'; progress: P } | { type: 'done'; result: R } | { type: 'error'; message: string };

/** How a one-shot worker ended: its result, an error it reported, a crash, or an exit without a result. */
export type OneShotEnd<R> = { ok: true; result: R } | { ok: false; why: 'error' | 'crash' | 'exit'; message: string };

/** Worker side: runs `work` once on `workerData` and posts its result or its error. */
export function serveOnce<I, R, P = never>(work: (input: I, progress: (p: P) => void) => R): void {
  const port = parentPort;
  if (!port) return;
  const post = (m: OneShotMessage<R, P>) => port.postMessage(m);
  try {
    post({ type: 'done', result: work(workerData as I, (progress) => post({ type: 'progress', progress })) });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

/** Parent side: starts the worker; `ended` resolves once, with how it ended (it never rejects). */
export function startOnce<I, R, P = never>(
  file: string,
  input: I,
  onProgress?: (p: P) => void,
): { worker: Worker; ended: Promise<OneShotEnd<R>> } {
  const worker = new Worker(file, { workerData: input });
  const ended = new Promise<OneShotEnd<R>>((resolve) => {
    worker.on('message', (m: OneShotMessage<R, P>) => {
      if (m.type === 'progress') onProgress?.(m.progress);
      else resolve(m.type === 'done' ? { ok: true, result: m.result } : { ok: false, why: 'error', message: m.message });
    });
    worker.on('error', (e) => resolve({ ok: false, why: 'crash', message: e.message }));
    worker.on('exit', (code) => resolve({ ok: false, why: 'exit', message: `kode ${code}` }));
  });
  return { worker, ended };
}
