/**
 * Nothing heavy on the backend's main thread (issue 19): restoring a backup of a large data file
 * copies, checks (quick_check) and migrates the copy in the job pool's worker thread (the
 * compiled worker, as the app runs it), so a timer on the main thread keeps ticking while that
 * happens; only the swap itself, one transaction on the live connection, stays on the main
 * thread. Measured as ratios (ticks seen ÷ an idle thread's, longest stall ÷ the window), never as
 * absolute times: the machine is shared. The same preparation run inline stops the timer, which
 * shows the measure can tell the two apart. The full check of the copies and the scenario
 * comparison export run in the pool the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDb } from '../../../electron/backend/db';
import { createJobPool, type JobPool } from '../../../electron/backend/jobs/pool';
import { createHandlers } from '../../../electron/backend/registry';
import { inlinePrepare } from '../../../electron/backend/restore-prepare';
import type { TurnusApi } from '../../../shared/api';
import { generateVirksomhet, seedVirksomhet, type SeededUnit } from '../../../scripts/bench/virksomhet';
import { buildNode } from './build';

const SLOW = 600_000;
const TICK_MS = 2;

/** Ticks per ms of an idle main thread on this machine now (the reference for «seen»). */
async function idleRate(): Promise<number> {
  let n = 0;
  const t = setInterval(() => n++, TICK_MS);
  const start = performance.now();
  await new Promise((r) => setTimeout(r, 300));
  clearInterval(t);
  return n / (performance.now() - start);
}

let build: { dir: string; cleanup(): void };
let dir: string;
let opened: OpenedDb;
let jobs: JobPool;
let api: TurnusApi;
let unit: SeededUnit;
let backup: string;
/** A cell changed after the backup: [employee id, date, code in the backup]. */
let probe: { employeeId: string; date: string; code: string | null };
/** When each prepareRestore job ran (the pool, seen from the main thread). */
const windows: { start: number; end: number }[] = [];
/** How many jobs of each kind ran in the pool. */
const jobsRun: Record<string, number> = { comparisonFile: 0 };

/** A timer on the main thread: records every tick until stopped. */
function ticker() {
  const ticks: number[] = [];
  const t = setInterval(() => ticks.push(performance.now()), TICK_MS);
  return {
    stop: () => clearInterval(t),
    /** Ticks seen ÷ ticks an idle thread sees (`rate` per ms), and the longest gap ÷ the window, inside [start, end]. */
    within(start: number, end: number, rate: number) {
      const inside = [start, ...ticks.filter((x) => x > start && x < end), end];
      let longest = 0;
      for (let i = 1; i < inside.length; i++) longest = Math.max(longest, inside[i] - inside[i - 1]);
      const span = end - start;
      return { seen: (inside.length - 2) / (span * rate), stall: longest / span, span };
    },
  };
}

beforeAll(async () => {
  build = buildNode();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnus-restore-responsive-'));
  opened = await openDatabase(path.join(dir, 'turnus.sqlite'), { backups: { dir: path.join(dir, 'kopier') } });
  const pool = createJobPool({ workerFile: path.join(build.dir, 'electron', 'backend', 'jobs', 'worker.js') });
  jobs = {
    threaded: pool.threaded,
    dispose: () => pool.dispose(),
    async run(kind, input) {
      const start = performance.now();
      jobsRun[kind] = (jobsRun[kind] ?? 0) + 1;
      try {
        return await pool.run(kind, input);
      } finally {
        if (kind === 'prepareRestore') windows.push({ start, end: performance.now() });
      }
    },
  };
  api = createHandlers(opened.db, { dataFile: opened.file, mode: 'browser', version: 'test', backups: opened.backups, jobs });
  // A large data file: 90 people over 12 months, the plan re-planned twice (a long change log).
  const v = generateVirksomhet({ seed: 9, employees: 90, units: 1 });
  [unit] = await seedVirksomhet(api, v);
  const cells = v.units[0].cells.map((c) => ({ employeeId: unit.ids.get(c.employee)!, date: c.date, code: c.code }));
  for (const code of [null, undefined]) {
    const changes = cells.map((c) => ({ ...c, code: code === null ? null : c.code }));
    for (let i = 0; i < changes.length; i += 20_000) await api.setCells(unit.planId, changes.slice(i, i + 20_000));
  }
  backup = (await api.createBackup()).name;
  probe = cells[0];
  await api.setCells(unit.planId, [{ employeeId: probe.employeeId, date: probe.date, code: probe.code === 'KURS' ? 'D' : 'KURS' }]);
}, SLOW);

afterAll(async () => {
  await jobs?.dispose();
  opened?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  build?.cleanup();
});

describe('a restore keeps the main thread free', () => {
  it(
    'while the copy is copied, checked and migrated, a timer keeps ticking; the data is the backup afterwards',
    async () => {
      expect(jobs.threaded).toBe(true);
      const size = fs.statSync(path.join(dir, 'kopier', backup)).size;
      expect(size).toBeGreaterThan(4_000_000);
      const rate = await idleRate();
      const t = ticker();
      const res = await api.restoreBackup(backup);
      t.stop();
      expect(res.restored).toBe(backup);
      expect(windows).toHaveLength(1);
      const { seen, stall, span } = t.within(windows[0].start, windows[0].end, rate);
      console.log(
        `restore of a ${(size / 1e6).toFixed(1)} MB copy: preparation ${span.toFixed(0)} ms, ticks seen ${seen.toFixed(2)}, stall ${stall.toFixed(2)}`,
      );
      // The timer ticks at least half as often as on an idle thread, and never stalls for half the job.
      expect(seen, `ticks seen ÷ an idle thread's during the preparation`).toBeGreaterThan(0.5);
      expect(stall, `longest stall ÷ the preparation`).toBeLessThan(0.5);
      // The swap happened: the cell changed after the backup is as it was in the backup.
      const plan = await api.getPlan(unit.planId);
      const cell = plan.file.assignments.find((a) => a.employee === probe.employeeId && a.date === probe.date);
      expect(cell?.code ?? null).toBe(probe.code);
    },
    SLOW,
  );

  it(
    'the same preparation on the calling thread stops the timer (the measure tells them apart)',
    async () => {
      const rate = await idleRate();
      const t = ticker();
      let window = { start: 0, end: 0 };
      await opened.backups!.restore(backup, async (source, scratch, name) => {
        const start = performance.now();
        await inlinePrepare(source, scratch, name);
        window = { start, end: performance.now() };
      });
      t.stop();
      const { seen, stall } = t.within(window.start, window.end, rate);
      expect(seen).toBeLessThan(0.1);
      expect(stall).toBeGreaterThan(0.9);
    },
    SLOW,
  );

  it(
    'a full check of the copies keeps the timer ticking too',
    async () => {
      const t = ticker();
      const start = performance.now();
      const list = await api.checkBackups();
      const end = performance.now();
      t.stop();
      expect(list.every((b) => b.check?.ok)).toBe(true);
      const { stall } = t.within(start, end, 1);
      expect(stall, 'longest stall ÷ the whole check').toBeLessThan(0.5);
    },
    SLOW,
  );
});

describe('a restore refused in the worker thread', () => {
  it('a copy that is not Turnus, or not SQLite, is refused with its name in Norwegian, and nothing changes', async () => {
    const kopier = path.join(dir, 'kopier');
    const foreign = 'turnus-manuell-2020-01-01T10-00-00-fremmed.sqlite';
    const db = new Database(path.join(kopier, foreign));
    db.exec('CREATE TABLE x (a)');
    db.close();
    const garbage = 'turnus-manuell-2020-01-01T10-00-01-rot.sqlite';
    fs.writeFileSync(path.join(kopier, garbage), Buffer.alloc(8192, 7));
    const units = await api.listUnits();
    await expect(api.restoreBackup(foreign)).rejects.toMatchObject({
      code: 'DB_FOREIGN',
      field: 'name',
      message: `«${foreign}» er ikke en Turnus-sikkerhetskopi.`,
    });
    await expect(api.restoreBackup(garbage)).rejects.toMatchObject({
      code: 'DB_DAMAGED',
      field: 'name',
      message: expect.stringContaining(`Sikkerhetskopien «${garbage}» kan ikke leses`),
    });
    expect(await api.listUnits()).toEqual(units);
    expect(fs.readdirSync(kopier).filter((n) => n.startsWith('.gjenoppretting-'))).toEqual([]);
  });
});

describe('the scenario comparison export in the worker thread', () => {
  it(
    'builds the XLSX and the HTML there, and a timer keeps ticking while it does',
    async () => {
      const emp = (await api.getUnit(unit.unitId)).employees.find((e) => e.position < 0.8)!;
      const a = await api.createScenario({ unitId: unit.unitId, planId: unit.planId, name: 'Som i dag', transforms: [] });
      const b = await api.createScenario({
        unitId: unit.unitId,
        planId: unit.planId,
        name: 'Økt til 80 %',
        transforms: [{ kind: 'raisePositions', employees: [emp.id], level: 0.8 }],
      });
      const before = jobsRun.comparisonFile;
      const t = ticker();
      const start = performance.now();
      const x = await api.exportScenarioComparison([a.id, b.id], 'xlsx');
      const end = performance.now();
      t.stop();
      expect(jobsRun.comparisonFile).toBe(before + 1);
      expect(x.name).toMatch(/^scenarioer-.*\.xlsx$/);
      expect(Buffer.from(x.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
      expect(t.within(start, end, 1).stall, 'longest stall ÷ the export').toBeLessThan(0.5);
      const h = Buffer.from((await api.exportScenarioComparison([a.id, b.id], 'html')).base64, 'base64').toString('utf8');
      expect(h).toContain('Sammenligning av scenarioer');
      expect(h).toContain('Økt til 80 %');
    },
    SLOW,
  );
});
