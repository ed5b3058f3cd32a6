/**
 * One harness for the SIGKILL tests (docs/data-safety.md): a child Node process runs an
 * operation through the compiled backend (buildNode) in a loop and reports each step the
 * API acknowledged on stdout; the test kills it with SIGKILL at a random moment, then opens the
 * file the way the app does (housekeeping included) and checks what must have survived.
 *
 * - `childSource(buildDir, body)`: the child script. `body` is the async body of the child; it
 *   may use `mod('electron/backend/db.js')` (a module of the build), `ready()` (start the kill
 *   timer) and `ack(kind, value)` (report an acknowledged step).
 * - `runAndKill(script, delayMs)`: runs the script, SIGKILLs it `delayMs` after `ready()`, and
 *   returns the acknowledged steps in order; `killOnce` also checks it was killed cleanly.
 * - `rng(seed)`, `seedFrom(env)`: replayable randomness (the seed goes into every message).
 * - `killRounds(ciDefault)`: the number of kills, TURNUS_KILLS or the CI default.
 * - `orphans(dirs)`: temporary, scratch and journal files left in the given folders.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export interface Ack {
  kind: string;
  value: string;
  /** Milliseconds after ready(). */
  atMs: number;
}

export interface KillRun {
  acks: Ack[];
  /** Lines the child wrote to stdout that were not acknowledgements (diagnostics). */
  other: string[];
  stderr: string;
  /** The child was killed by the test (not ended on its own). */
  killed: boolean;
  /** Milliseconds from ready() to the kill. */
  delayMs: number;
}

export function childSource(buildDir: string, body: string): string {
  return `
const BUILD = ${JSON.stringify(buildDir)};
const mod = (rel) => require(require('node:path').join(BUILD, rel));
const ready = () => process.stdout.write('READY\\n');
const ack = (kind, value) => process.stdout.write('ACK ' + kind + ' ' + String(value) + '\\n');
(async () => {
${body}
})().catch((e) => { process.stderr.write(String((e && e.stack) || e) + '\\n'); process.exit(3); });
`;
}

/** Writes the child script into `dir` and returns its path. */
export function writeChild(dir: string, name: string, buildDir: string, body: string): string {
  const script = path.join(dir, `${name}.cjs`);
  fs.writeFileSync(script, childSource(buildDir, body));
  return script;
}

export function runAndKill(script: string, delayMs: number, env: NodeJS.ProcessEnv = {}): Promise<KillRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const acks: Ack[] = [];
    const other: string[] = [];
    let buf = '';
    let stderr = '';
    let killed = false;
    let readyAt = Date.now();
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'READY') {
          readyAt = Date.now();
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, delayMs);
        } else if (line.startsWith('ACK ')) {
          const rest = line.slice(4);
          const sp = rest.indexOf(' ');
          acks.push({ kind: rest.slice(0, sp), value: rest.slice(sp + 1), atMs: Date.now() - readyAt });
        } else other.push(line);
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ acks, other, stderr, killed, delayMs }));
  });
}

/** runAndKill, checking that the child failed on nothing and was killed by the test. */
export async function killOnce(script: string, delayMs: number, why: string): Promise<KillRun> {
  const run = await runAndKill(script, delayMs);
  expect(run.stderr, why).toBe('');
  expect(run.killed, `${why}: the child was not killed`).toBe(true);
  return run;
}

/**
 * How long one turn of the child's loop takes here: runs it once for `probeMs` and returns the
 * time until the first acknowledgement of `kind` (or `probeMs`). Kill delays are drawn from a
 * range of this size, so the kills fall inside the operation on a fast and on a busy machine.
 */
export async function turnMs(script: string, kind: string, probeMs = 10_000): Promise<number> {
  const r = await runAndKill(script, probeMs);
  return r.acks.find((a) => a.kind === kind)?.atMs ?? probeMs;
}

/** Runs a child to its end (no kill): for setting up a file. */
export function runToEnd(script: string, env: NodeJS.ProcessEnv = {}): Promise<KillRun> {
  return runAndKill(script, 24 * 3600_000, env);
}

/** A small deterministic PRNG so a failure can be replayed (seed in every message). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** TURNUS_KILL_SEED, or a fresh one. */
export function seedFrom(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TURNUS_KILL_SEED);
  return Number.isInteger(n) && n >= 0 ? n : Date.now() % 100_000;
}

/**
 * Kills per operation: TURNUS_KILLS (`npm run soak` sets 100), otherwise the CI default, which
 * keeps each test well under a minute.
 */
export function killRounds(ciDefault: number, env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TURNUS_KILLS);
  return Number.isInteger(n) && n > 0 ? n : ciDefault;
}

/** Generous time limit for a test of `rounds` kills (ms). */
export function timeoutFor(rounds: number, perRoundMs = 12_000): number {
  return 60_000 + rounds * perRoundMs;
}

const ORPHAN = /\.tmp($|-)|\.tmp-\d+|^\.gjenoppretting-|\.gjenoppretter-|-journal$/;

/**
 * Files in `dirs` (not recursive) that only an interrupted operation leaves: temporary copies,
 * restore scratch files, rollback journals, and a -wal or -shm without its database file.
 */
export function orphans(dirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    const set = new Set(names);
    for (const n of names) {
      const side = /^(.*)-(wal|shm)$/.exec(n);
      if (ORPHAN.test(n) || (side && !set.has(side[1]))) out.push(path.join(path.basename(dir), n));
    }
  }
  return out.sort();
}
