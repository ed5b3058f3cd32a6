/**
 * SIGKILL during backup, restore, migration and export (issue 19, docs/data-safety.md), next to
 * the write test (crash.test.ts). A child process runs the operation through the public API in
 * a loop, interleaved with writes it reports once acknowledged, and is killed at a random
 * moment. After every kill the data file is opened as the app opens it (with its housekeeping)
 * and must pass integrity_check, hold every acknowledged write whole, and leave no temporary,
 * scratch or journal file behind. Kills per operation: TURNUS_KILLS (`npm run soak` = 100),
 * otherwise a CI default; replay a failure with TURNUS_KILL_SEED.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExportTemps } from '../../../cli/commands/export';
import { openDatabase } from '../../../electron/backend/db';
import { latestVersion } from '../../../electron/backend/migrate';
import { buildNode } from './build';
import { tempDir } from './helpers';
import {
  type Ack,
  killOnce,
  killRounds,
  orphans,
  rng,
  runAndKill,
  runToEnd,
  seedFrom,
  timeoutFor,
  turnMs,
  writeChild,
} from './kill-harness';
import { CELLS, makeOldFile, namesWithCells, OPEN_API, WRITE, writesOf } from './kill-fixtures';

const ROUNDS = killRounds(5);
/** The slower loops get fewer kills in CI, to stay under a minute each. */
const RESTORE_ROUNDS = killRounds(4);
const EXPORT_ROUNDS = killRounds(3);
/** Writes alone are crash.test.ts's; here they run only as part of the soak (npm run soak). */
const WRITE_ROUNDS = killRounds(2);

let build: ReturnType<typeof buildNode>;
beforeAll(() => {
  build = buildNode();
}, 120_000);
afterAll(() => build?.cleanup());

interface Files {
  dir: string;
  file: string;
  backups: string;
}

function filesOf(prefix: string): Files {
  const dir = tempDir(prefix);
  return { dir, file: path.join(dir, 'turnus.sqlite'), backups: path.join(dir, 'sikkerhetskopier') };
}

/**
 * Opens the file as the app does (sweeping what interrupted operations left), checks it, and
 * returns the employees whose cells are all there (a half-applied setCells fails the test).
 */
async function openAndCheck(f: Files, why: string): Promise<Set<string>> {
  const o = await openDatabase(f.file, { backups: { dir: f.backups } });
  try {
    expect(o.db.pragma('integrity_check', { simple: true }), why).toBe('ok');
    expect(o.db.pragma('foreign_key_check'), why).toEqual([]);
    expect(o.db.pragma('user_version', { simple: true }), why).toBe(latestVersion());
    const counts = namesWithCells(o.db);
    // An employee is added, then its cells are set: a kill in between leaves it without cells
    // (never acknowledged); one setCells is all or nothing.
    const torn = [...counts].filter(([, n]) => n !== 0 && n !== CELLS);
    expect(torn, `${why}: half-applied setCells`).toEqual([]);
    return new Set([...counts].filter(([, n]) => n === CELLS).map(([name]) => name));
  } finally {
    o.close();
  }
}

function expectIntactCopy(file: string, why: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true }), why).toBe('ok');
  } finally {
    db.close();
  }
}

const missing = (want: Iterable<string>, have: Set<string>) => [...want].filter((n) => !have.has(n));

/** After a kill: the file checks out, holds every write in `want`, and nothing is left behind. */
async function expectKept(f: Files, want: Iterable<string>, why: string, more: readonly string[] = []): Promise<Set<string>> {
  const have = await openAndCheck(f, why);
  expect(missing(want, have), `${why}: acknowledged writes lost`).toEqual([]);
  expect(orphans([f.dir, f.backups, ...more]), `${why}: files left behind`).toEqual([]);
  return have;
}

/** The setup child: a unit, a plan and 40 employees with their cells (a file of some size). */
const SETUP = `${OPEN_API}
  const unit = await api.createUnit('Drep');
  const plan = await api.createPlan(unit.id, 'Drep', '2026-01-05', 3);
  for (let i = 0; i < 40; i++) await write(unit, plan, 'S-' + i);
  if (process.env.KILL_BACKUP) ack('backup', (await api.createBackup()).name);
  if (process.env.KILL_EXPORT) {
    const r = await api.exportPlan(plan.id, 'turnus');
    require('node:fs').writeFileSync(process.env.KILL_EXPORT, Buffer.from(r.files[0].base64, 'base64'));
  }
  o.close();
`;

async function setUp(f: Files, name: string, env: NodeJS.ProcessEnv = {}): Promise<Ack[]> {
  const script = writeChild(f.dir, name, build.dir, SETUP.replaceAll('$FILE', f.file).replaceAll('$BACKUPS', f.backups));
  const r = await runToEnd(script, env);
  expect(r.stderr).toBe('');
  return r.acks;
}

/** The loop child; `preload` lists build modules to load before ready() (not timed, not killed). */
function loopChild(f: Files, name: string, loop: string, preload: readonly string[] = []): string {
  const body = `${OPEN_API}
  const unit = (await api.listUnits())[0];
  const plan = (await api.listPlans(unit.id))[0];
  for (const m of ${JSON.stringify(preload)}) mod(m);
  ready();
  for (let i = 0; ; i++) {
${loop}
  }
`;
  return writeChild(f.dir, name, build.dir, body.replaceAll('$FILE', f.file).replaceAll('$BACKUPS', f.backups));
}

/** One line per test for docs/data-safety.md (visible with --reporter=verbose or in the soak log). */
function report(op: string, seed: number, rounds: number, started: number, what: string): void {
  console.log(
    `[kill] ${op}: ${rounds} SIGKILLs, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s; ${what}; 0 lost, 0 left behind`,
  );
}

describe(`SIGKILL during operations (${ROUNDS} kills each, fewer in CI for the slow ones)`, () => {
  it(
    'writes: every acknowledged write survives whole',
    async () => {
      const f = filesOf('turnus-kill-write-');
      const seed = seedFrom();
      const random = rng(seed);
      const started = Date.now();
      let writes = 0;
      await setUp(f, 'setup');
      const script = loopChild(f, 'write', WRITE);
      let have = await openAndCheck(f, 'setup');
      for (let round = 0; round < WRITE_ROUNDS; round++) {
        const why = `seed ${seed}, round ${round}`;
        const run = await killOnce(script, Math.floor(random() * 500), why);
        writes += writesOf(run.acks).length;
        const want = [...have, ...writesOf(run.acks)];
        have = await expectKept(f, want, why);
      }
      report('writes', seed, WRITE_ROUNDS, started, `${writes} acknowledged writes`);
      expect(writes, `seed ${seed}: nothing was written`).toBeGreaterThan(0);
    },
    timeoutFor(WRITE_ROUNDS),
  );

  it(
    'backup: every acknowledged write and the last acknowledged copy survive; no .tmp copy is left',
    async () => {
      const f = filesOf('turnus-kill-backup-');
      const seed = seedFrom();
      const random = rng(seed);
      const started = Date.now();
      let writes = 0;
      await setUp(f, 'setup');
      const script = loopChild(
        f,
        'backup',
        `${WRITE}
    ack('backup', (await api.createBackup()).name);`,
      );
      const turn = await turnMs(script, 'backup');
      let have = await openAndCheck(f, 'setup');
      let backups = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const why = `seed ${seed}, round ${round}`;
        const run = await killOnce(script, Math.floor(random() * turn * 3), why);
        writes += writesOf(run.acks).length;
        const want = [...have, ...writesOf(run.acks)];
        have = await expectKept(f, want, why);
        const copies = run.acks.filter((a) => a.kind === 'backup');
        backups += copies.length;
        if (copies.length > 0) expectIntactCopy(path.join(f.backups, copies[copies.length - 1].value), why);
      }
      report('backup', seed, ROUNDS, started, `${backups} acknowledged copies, ${writes} acknowledged writes`);
      expect(backups, `seed ${seed}: the loop made no backups`).toBeGreaterThan(0);
    },
    timeoutFor(ROUNDS),
  );

  it(
    'restore: the data is the state before the restore or the copy, never a mix; no scratch file is left',
    async () => {
      const f = filesOf('turnus-kill-restore-');
      const seed = seedFrom();
      const random = rng(seed);
      const started = Date.now();
      let writes = 0;
      const copy = (await setUp(f, 'setup', { KILL_BACKUP: '1' })).find((a) => a.kind === 'backup')!.value;
      const inCopy = await openAndCheck(f, 'setup');
      const script = loopChild(
        f,
        'restore',
        `${WRITE}
    ack('begin', 'restore');
    await api.restoreBackup(${JSON.stringify(copy)});
    ack('restore', ${JSON.stringify(copy)});`,
      );
      const turn = await turnMs(script, 'restore');
      let have = await openAndCheck(f, 'probe');
      let restores = 0;
      let inFlight = 0;
      for (let round = 0; round < RESTORE_ROUNDS; round++) {
        const why = `seed ${seed}, round ${round}`;
        const run = await killOnce(script, Math.floor(random() * turn * 3), why);
        const lastRestore = run.acks.map((a) => a.kind).lastIndexOf('restore');
        restores += run.acks.filter((a) => a.kind === 'restore').length;
        // Acknowledged and not undone by an acknowledged restore since.
        const want = lastRestore >= 0 ? [...inCopy, ...writesOf(run.acks.slice(lastRestore))] : [...have, ...writesOf(run.acks)];
        const inRestore = run.acks.at(-1)?.kind === 'begin';
        if (inRestore) inFlight++;
        writes += writesOf(run.acks).length;
        have = await openAndCheck(f, why);
        const exactlyCopy = have.size === inCopy.size && missing(inCopy, have).length === 0;
        if (!(inRestore && exactlyCopy)) expect(missing(want, have), `${why}: acknowledged writes lost`).toEqual([]);
        expect(missing(inCopy, have), `${why}: the copy's data is not all there`).toEqual([]);
        expect(orphans([f.dir, f.backups]), `${why}: files left behind`).toEqual([]);
      }
      report(
        'restore',
        seed,
        RESTORE_ROUNDS,
        started,
        `${restores} acknowledged restores, ${inFlight} kills inside a restore, ${writes} acknowledged writes`,
      );
      expect(restores, `seed ${seed}: the loop restored nothing`).toBeGreaterThan(0);
    },
    timeoutFor(RESTORE_ROUNDS),
  );

  it(
    'migration: an old file killed while it is copied and migrated opens migrated with all its data; no journal or copy is left',
    async () => {
      const f = filesOf('turnus-kill-migrate-');
      const seed = seedFrom();
      const random = rng(seed);
      const started = Date.now();
      let writes = 0;
      const template = path.join(tempDir('turnus-kill-template-'), 'old.sqlite');
      const inOld = await makeOldFile(template, CELLS);
      const script = writeChild(
        f.dir,
        'migrate',
        build.dir,
        `
  for (const m of ['electron/backend/db.js', 'electron/backend/registry.js', 'shared/calendar/index.js']) mod(m);
  ready();
  const t0 = Date.now();
  ${OPEN_API.replaceAll('$FILE', f.file).replaceAll('$BACKUPS', f.backups)}
  ack('migrated', Date.now() - t0);
  const unit = (await api.listUnits())[0];
  const plan = (await api.listPlans(unit.id))[0];
  for (let i = 0; ; i++) {
${WRITE}
  }
`,
      );
      const fresh = () => {
        for (const s of ['', '-wal', '-shm']) fs.rmSync(f.file + s, { force: true });
        fs.copyFileSync(template, f.file);
      };
      // How long opening and migrating takes here: the kills fall inside and just after it.
      fresh();
      const probe = await runAndKill(script, 3000);
      const openMs = Number(probe.acks.find((a) => a.kind === 'migrated')?.value ?? 1000);
      let migrated = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const why = `seed ${seed}, round ${round} (opening took ${openMs} ms)`;
        fresh();
        const run = await killOnce(script, Math.floor(random() * openMs * 1.3), why);
        if (run.acks.some((a) => a.kind === 'migrated')) migrated++;
        writes += writesOf(run.acks).length;
        await expectKept(f, [...inOld, ...writesOf(run.acks)], why);
        for (const c of fs.readdirSync(f.backups).filter((n) => n.includes('-migrering-'))) expectIntactCopy(path.join(f.backups, c), why);
      }
      report(
        'migration',
        seed,
        ROUNDS,
        started,
        `${ROUNDS - migrated} kills before the file was open and migrated (${openMs} ms), ${writes} acknowledged writes after it`,
      );
      expect(ROUNDS - migrated, `seed ${seed}: no kill fell inside opening and migrating`).toBeGreaterThan(0);
    },
    timeoutFor(ROUNDS),
  );

  it(
    'export: the app file keeps every acknowledged write; the exported file is the old or the new one, whole; no .tmp is left',
    async () => {
      const f = filesOf('turnus-kill-export-');
      const seed = seedFrom();
      const random = rng(seed);
      const started = Date.now();
      let writes = 0;
      const planFile = path.join(f.dir, 'plan.turnus.json');
      const outDir = path.join(f.dir, 'eksport');
      const out = path.join(outDir, 'plan.xlsx');
      await setUp(f, 'setup', { KILL_EXPORT: planFile });
      const script = loopChild(
        f,
        'export',
        `${WRITE}
    const x = await api.exportPlan(plan.id, 'csv');
    ack('export-api', x.files[0].base64.length);
    const io = { ...mod('cli/io.js').nodeIo(), stdout: () => {} };
    const code = await mod('cli/commands/export.js').run([${JSON.stringify(planFile)}, '--format', 'xlsx', '--out', ${JSON.stringify(out)}], io);
    if (code !== 0) throw new Error('turnus export: ' + code);
    ack('export-cli', ${JSON.stringify(out)});`,
        ['cli/io.js', 'cli/commands/export.js', 'electron/backend/exchange/export.js'],
      );
      const turn = await turnMs(script, 'export-cli', 30_000);
      let have = await openAndCheck(f, 'setup');
      let exported = 0;
      for (let round = 0; round < EXPORT_ROUNDS; round++) {
        const why = `seed ${seed}, round ${round}`;
        const run = await killOnce(script, Math.floor(random() * turn * 2), why);
        exported += run.acks.filter((a) => a.kind === 'export-cli').length;
        writes += writesOf(run.acks).length;
        const want = [...have, ...writesOf(run.acks)];
        // The next `turnus export` starts by sweeping what a killed one left beside its target.
        await sweepExportTemps(out);
        have = await expectKept(f, want, why, [outDir]);
        if (exported > 0) {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(out);
          expect(wb.worksheets.length, why).toBeGreaterThan(0);
        }
      }
      report('export', seed, EXPORT_ROUNDS, started, `${exported} acknowledged exports, ${writes} acknowledged writes`);
      expect(exported, `seed ${seed}: the loop exported nothing`).toBeGreaterThan(0);
    },
    timeoutFor(EXPORT_ROUNDS),
  );
});
