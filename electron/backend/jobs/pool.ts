/**
 * The job pool (issue 19, «heavy work off the request path»): exports (XLSX, PDF/HTML review
 * pack, CSV, ICS, plan file), imports (reading an XLSX staff list, parsing a plan file) and full
 * integrity checks of backup copies run in `node:worker_threads` workers, so the main thread —
 * which serves every API call on the one SQLite connection — keeps answering while they build.
 *
 * Workers are started on demand (at most `size`), reused for the next job, and stopped after
 * `idleMs` without work; an idle worker never keeps the process alive. dispose() terminates them
 * all (app shutdown) and fails what was still queued with a Norwegian message. A worker that
 * dies fails its job the same way; the next job gets a new worker.
 *
 * Running from the TypeScript sources (no worker.js beside this file: unit tests of other
 * areas) the same jobs run inline on the calling thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../errors';
import type { JobError, JobInput, JobKind, JobOutput, JobReply } from './protocol';
import { runTask } from './tasks';

export interface JobPoolOptions {
  /** The compiled worker script; default worker.js beside this file (null: run inline). */
  workerFile?: string | null;
  /** Most workers at once (default: one per spare core, 1–2). */
  size?: number;
  /** An idle worker stops after this long (default 30 s). */
  idleMs?: number;
}

export interface JobPool {
  run<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>>;
  /** Whether jobs run in worker threads (false: inline, from the sources). */
  readonly threaded: boolean;
  /** Stops every worker; running and queued jobs fail. */
  dispose(): Promise<void>;
}

/** worker.js beside this file, or null when running from the TypeScript sources. */
export function defaultJobWorkerFile(): string | null {
  const file = path.join(__dirname, 'worker.js');
  if (fs.existsSync(file)) return file;
  if (__filename.endsWith('.ts')) return null;
  throw new Error(`Fant ikke arbeidstråden for eksport og import (${file}). Kjør «npm run build:node».`);
}

function fromJobError(e: JobError): Error {
  if (e.domain) return new DomainError(e.code, e.message, e.field);
  const err = new Error(e.message) as Error & { code?: string };
  if (e.code !== 'INTERNAL') err.code = e.code;
  return err;
}

interface Pending {
  id: number;
  kind: JobKind;
  input: unknown;
  resolve(value: unknown): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
  idle?: NodeJS.Timeout;
}

const STOPPED = () => new DomainError('UNAVAILABLE', 'Turnus avsluttes: jobben (eksport, import eller kontroll) ble avbrutt.');

export function createJobPool(opts: JobPoolOptions = {}): JobPool {
  const workerFile = opts.workerFile === undefined ? defaultJobWorkerFile() : opts.workerFile;
  const size = Math.max(1, opts.size ?? Math.min(2, Math.max(1, os.cpus().length - 1)));
  const idleMs = opts.idleMs ?? 30_000;
  const slots = new Set<Slot>();
  const queue: Pending[] = [];
  let seq = 0;
  let disposed = false;

  if (workerFile === null) {
    return {
      threaded: false,
      run: async (kind, input) => {
        if (disposed) throw STOPPED();
        return runTask(kind, input);
      },
      dispose: async () => {
        disposed = true;
      },
    };
  }

  const retire = (slot: Slot) => {
    clearTimeout(slot.idle);
    slots.delete(slot);
    void slot.worker.terminate();
  };

  const spawn = (): Slot => {
    const worker = new Worker(workerFile);
    const slot: Slot = { worker, job: null };
    const fail = (why: string) => {
      const job = slot.job;
      slot.job = null;
      if (!slots.has(slot)) return;
      retire(slot);
      job?.reject(new DomainError('INTERNAL', `Arbeidstråden for eksport og import stoppet uventet: ${why}`));
      pump();
    };
    worker.on('message', (reply: JobReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(fromJobError(reply.error));
      pump();
    });
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`avsluttet med kode ${code}`));
    slots.add(slot);
    return slot;
  };

  const pump = () => {
    while (queue.length > 0) {
      let slot = [...slots].find((s) => s.job === null);
      if (!slot && slots.size < size) slot = spawn();
      if (!slot) return;
      const job = queue.shift()!;
      clearTimeout(slot.idle);
      slot.idle = undefined;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, kind: job.kind, input: job.input });
    }
    for (const slot of slots) {
      if (slot.job !== null || slot.idle) continue;
      slot.worker.unref(); // an idle worker never keeps the process alive
      slot.idle = setTimeout(() => retire(slot), idleMs);
      slot.idle.unref();
    }
  };

  return {
    threaded: true,
    run(kind, input) {
      if (disposed) return Promise.reject(STOPPED());
      return new Promise((resolve, reject) => {
        queue.push({ id: ++seq, kind, input, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    async dispose() {
      disposed = true;
      for (const job of queue.splice(0)) job.reject(STOPPED());
      const stopping = [...slots].map((slot) => {
        const job = slot.job;
        slot.job = null;
        job?.reject(STOPPED());
        clearTimeout(slot.idle);
        slots.delete(slot);
        return slot.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}

let shared: JobPool | null = null;

/** The pool of handlers whose context brings none (tests that build handlers directly). */
export function sharedJobPool(): JobPool {
  shared ??= createJobPool();
  return shared;
}
