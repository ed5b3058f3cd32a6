/**
 * The child process of the crash and power-cut tests: plain Node on a private build, writing
 * through the real handlers as fast as it can (one new employee plus one setCells per write) and
 * printing `READY [report]` once the unit and plan exist and `COMMITTED <employeeId> [report]`
 * after every write the API acknowledged. The parent kills it with SIGKILL and checks the file.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type Database from 'better-sqlite3';

export interface WriterOptions {
  /** The private build (`buildNode().dir`). */
  buildDir: string;
  file: string;
  /** Names the unit, the plan and the app version. */
  label: string;
  /** Employee names are `<prefix>-<i>`. */
  prefix: string;
  cellsPerWrite: number;
  /** A JavaScript expression: the code of the cell at offset `d` of a write. */
  codeOf: string;
  /** JavaScript run right after the file is opened (`o` is the opened file); may define what `report` uses. */
  afterOpen?: string;
  /** A JavaScript expression whose value is added to the READY and COMMITTED lines. */
  report?: string;
}

export function writerSource(w: WriterOptions): string {
  const built = (p: string) => JSON.stringify(path.join(w.buildDir, p));
  const report = w.report ? ` + ' ' + (${w.report})` : '';
  return `
const { openDatabase } = require(${built('electron/backend/db.js')});
const { createHandlers } = require(${built('electron/backend/registry.js')});
const { addDays } = require(${built('shared/calendar/index.js')});
(async () => {
  const o = await openDatabase(${JSON.stringify(w.file)}, { backups: false });
  ${w.afterOpen ?? ''}
  const api = createHandlers(o.db, { dataFile: o.file, mode: 'browser', version: ${JSON.stringify(w.label)}, backups: null });
  const unit = (await api.listUnits())[0] ?? await api.createUnit(${JSON.stringify(w.label)});
  const plan = (await api.listPlans(unit.id))[0] ?? await api.createPlan(unit.id, ${JSON.stringify(w.label)}, '2026-01-05', 12);
  process.stdout.write('READY'${report} + '\\n');
  for (let i = 0; ; i++) {
    const e = await api.addEmployee(unit.id, { name: ${JSON.stringify(w.prefix)} + '-' + i, competence: 'assistent', position: 0.5 });
    const changes = [];
    for (let d = 0; d < ${w.cellsPerWrite}; d++) changes.push({ employeeId: e.id, date: addDays('2026-01-05', d + (i % 100)), code: ${w.codeOf} });
    await api.setCells(plan.id, changes);
    process.stdout.write('COMMITTED ' + e.id${report} + '\\n');
  }
})().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\\n'); process.exit(3); });
`;
}

/** A small deterministic PRNG so a failure can be replayed (seed printed). */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface KilledRun {
  /** Employee ids of the acknowledged writes. */
  committed: string[];
  /** The report of the last READY or COMMITTED line (0 without one). */
  acked: number;
  stderr: string;
  killed: boolean;
}

/** Runs the script, SIGKILLs it `delayMs` after READY and collects what it acknowledged. */
export function runAndKill(script: string, delayMs: number): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: KilledRun = { committed: [], acked: 0, stderr: '', killed: false };
    let buf = '';
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const [kind, ...rest] = buf.slice(0, nl).split(' ');
        buf = buf.slice(nl + 1);
        if (kind === 'READY') {
          run.acked = Number(rest[0] ?? 0);
          setTimeout(() => {
            run.killed = child.kill('SIGKILL');
          }, delayMs);
        } else if (kind === 'COMMITTED') {
          run.committed.push(rest[0]);
          run.acked = Number(rest[1] ?? 0);
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      run.stderr += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', () => resolve(run));
  });
}

/** Employee id → number of cells, for every employee (0 where none). */
export function cellCounts(db: Database.Database): Map<string, number> {
  return new Map(
    (
      db
        .prepare('SELECT e.id AS id, count(a.date) AS n FROM employees e LEFT JOIN assignments a ON a.employee_id = e.id GROUP BY e.id')
        .all() as { id: number; n: number }[]
    ).map((r) => [String(r.id), r.n]),
  );
}
