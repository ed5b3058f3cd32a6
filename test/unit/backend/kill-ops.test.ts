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
  type KillRun,
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

/**
 * One kill test: its files, its replayable randomness (the seed is in every message), and the
 * kill loop; `report` prints one line per test for docs/data-safety.md (visible with
 * --reporter=verbose or in the soak log).
 */
function killTest(prefix: string) {
  const f = filesOf(prefix);
  const seed = seedFrom();
  const random = rng(seed);
  const started = Date.now();
  let writes = 0;
  return {
    f,
    seed,
    /** `rounds` SIGKILLs of `script`, each at random() × `spanMs` after ready(); `after` checks the file. */
    async kill(
      rounds: number,
      script: string,
      spanMs: number,
      after: (run: KillRun, why: string) => Promise<void> | void,
      opts: { before?: () => void; why?: string } = {},
    ): Promise<void> {
      for (let round = 0; round < rounds; round++) {
        const why = `seed ${seed}, round ${round}${opts.why ?? ''}`;
        opts.before?.();
        const run = await killOnce(script, Math.floor(random() * spanMs), why);
        writes += writesOf(run.acks).length;
        await after(run, why);
      }
    },
    report(op: string, rounds: number, what: string): void {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[kill] ${op}: ${rounds} SIGKILLs, seed ${seed}, ${secs} s; ${what}${writes} acknowledged writes; 0 lost, 0 left behind`);
    },
  };
}

describe(`SIGKILL during operations (${ROUNDS} kills each, fewer in CI for the slow ones)`, () => {
  it(
    'writes: every acknowledged write survives whole',
    async () => {
      const t = killTest('turnus-kill-write-');
      const { f, seed } = t;
      await setUp(f, 'setup');
      const script = loopChild(f, 'write', WRITE);
      let have = await openAndCheck(f, 'setup');
      let writes = 0;
      const check = async (run: KillRun, why: string) => {
        writes += writesOf(run.acks).length;
        have = await expectKept(f, [...have, ...writesOf(run.acks)], why);
      };
      await t.kill(WRITE_ROUNDS, script, 500, check);
      let rounds = WRITE_ROUNDS;
      for (; writes === 0 && rounds < WRITE_ROUNDS + 5; rounds++) await t.kill(1, script, 2000, check);
      t.report('writes', rounds, '');
      expect(writes, `seed ${seed}: nothing was written`).toBeGreaterThan(0);
    },
    timeoutFor(WRITE_ROUNDS + 5),
  );

  it(
    'backup: every acknowledged write and the last acknowledged copy survive; no .tmp copy is left',
    async () => {
      const t = killTest('turnus-kill-backup-');
      const { f, seed } = t;
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
      const check = async (run: KillRun, why: string) => {
        have = await expectKept(f, [...have, ...writesOf(run.acks)], why);
        const copies = run.acks.filter((a) => a.kind === 'backup');
        backups += copies.length;
        if (copies.length > 0) expectIntactCopy(path.join(f.backups, copies[copies.length - 1].value), why);
      };
      await t.kill(ROUNDS, script, turn * 3, check);
      // On a busy machine every kill may fall before the first copy: more rounds, longer spans.
      let rounds = ROUNDS;
      for (; backups === 0 && rounds < ROUNDS + 5; rounds++) await t.kill(1, script, turn * 6, check);
      t.report('backup', rounds, `${backups} acknowledged copies, `);
      expect(backups, `seed ${seed}: the loop made no backups`).toBeGreaterThan(0);
    },
    timeoutFor(ROUNDS + 5),
  );

  it(
    'restore: the data is the state before the restore or the copy, never a mix; no scratch file is left',
    async () => {
      const t = killTest('turnus-kill-restore-');
      const { f, seed } = t;
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
      const check = async (run: KillRun, why: string) => {
        const lastRestore = run.acks.map((a) => a.kind).lastIndexOf('restore');
        restores += run.acks.filter((a) => a.kind === 'restore').length;
        // Acknowledged and not undone by an acknowledged restore since.
        const want = lastRestore >= 0 ? [...inCopy, ...writesOf(run.acks.slice(lastRestore))] : [...have, ...writesOf(run.acks)];
        const inRestore = run.acks.at(-1)?.kind === 'begin';
        if (inRestore) inFlight++;
        have = await openAndCheck(f, why);
        const exactlyCopy = have.size === inCopy.size && missing(inCopy, have).length === 0;
        if (!(inRestore && exactlyCopy)) expect(missing(want, have), `${why}: acknowledged writes lost`).toEqual([]);
        expect(missing(inCopy, have), `${why}: the copy's data is not all there`).toEqual([]);
        expect(orphans([f.dir, f.backups]), `${why}: files left behind`).toEqual([]);
      };
      await t.kill(RESTORE_ROUNDS, script, turn * 3, check);
      let rounds = RESTORE_ROUNDS;
      for (; restores === 0 && rounds < RESTORE_ROUNDS + 5; rounds++) await t.kill(1, script, turn * 6, check);
      t.report('restore', rounds, `${restores} acknowledged restores, ${inFlight} kills inside a restore, `);
      expect(restores, `seed ${seed}: the loop restored nothing`).toBeGreaterThan(0);
    },
    timeoutFor(RESTORE_ROUNDS + 5),
  );

  it(
    'migration: an old file killed while it is copied and migrated opens migrated with all its data; no journal or copy is left',
    async () => {
      const t = killTest('turnus-kill-migrate-');
      const { f, seed } = t;
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
      await t.kill(
        ROUNDS,
        script,
        openMs * 1.3,
        async (run, why) => {
          if (run.acks.some((a) => a.kind === 'migrated')) migrated++;
          await expectKept(f, [...inOld, ...writesOf(run.acks)], why);
          for (const c of fs.readdirSync(f.backups).filter((n) => n.includes('-migrering-')))
            expectIntactCopy(path.join(f.backups, c), why);
        },
        { before: fresh, why: ` (opening took ${openMs} ms)` },
      );
      t.report('migration', ROUNDS, `${ROUNDS - migrated} kills before the file was open and migrated (${openMs} ms), `);
      expect(ROUNDS - migrated, `seed ${seed}: no kill fell inside opening and migrating`).toBeGreaterThan(0);
    },
    timeoutFor(ROUNDS),
  );

  it(
    'export: the app file keeps every acknowledged write; the exported file is the old or the new one, whole; no .tmp is left',
    async () => {
      const t = killTest('turnus-kill-export-');
      const { f, seed } = t;
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
      const check = async (run: KillRun, why: string) => {
        exported += run.acks.filter((a) => a.kind === 'export-cli').length;
        // The next `turnus export` starts by sweeping what a killed one left beside its target.
        await sweepExportTemps(out);
        have = await expectKept(f, [...have, ...writesOf(run.acks)], why, [outDir]);
        if (exported > 0) {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(out);
          expect(wb.worksheets.length, why).toBeGreaterThan(0);
        }
      };
      await t.kill(EXPORT_ROUNDS, script, turn * 2, check);
      // With few rounds every kill may fall before the first export is done (p ≈ 1/2 per
      // round): a few more rounds over a longer span, so a whole export is always read back.
      let rounds = EXPORT_ROUNDS;
      for (; exported === 0 && rounds < EXPORT_ROUNDS + 5; rounds++) await t.kill(1, script, turn * 4, check);
      t.report('export', rounds, `${exported} acknowledged exports, `);
      expect(exported, `seed ${seed}: the loop exported nothing`).toBeGreaterThan(0);
    },
    timeoutFor(EXPORT_ROUNDS + 5),
  );
});
