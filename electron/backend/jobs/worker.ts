/**
 * Worker-thread entry of the job pool (pool.ts): runs one job at a time as the pool sends them
 * and answers each with its result or its error (a DomainError keeps its code, Norwegian
 * message and field). Never opens the data file and never imports electron.
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../errors';
import type { JobError, JobKind, JobReply, JobRequest } from './protocol';
import { runTask } from './tasks';

export function toJobError(e: unknown): JobError {
  if (e instanceof DomainError) return { domain: true, code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
  const err = e as { code?: unknown; message?: unknown };
  return {
    domain: false,
    code: typeof err?.code === 'string' ? err.code : 'INTERNAL',
    message: typeof err?.message === 'string' ? err.message : String(e),
  };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: JobRequest) => {
    runTask(req.kind as JobKind, req.input as never).then(
      (value) => port.postMessage({ id: req.id, ok: true, value } satisfies JobReply),
      (e: unknown) => port.postMessage({ id: req.id, ok: false, error: toJobError(e) } satisfies JobReply),
    );
  });
}
