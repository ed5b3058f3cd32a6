/**
 * Heavy work off the request path (issue 19): exports build in the job pool's worker thread
 * (the compiled worker, as the app runs it) on a real SQLite file, so other API calls keep
 * answering while a large XLSX is built; errors from the worker arrive as the same structured
 * Norwegian errors; a failing PDF export leaves no scratch files; shutdown stops the jobs.
 * Latencies are compared with each other, never with absolute budgets (the machine is shared).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDb } from '../../../electron/backend/db';
import { createDispatcher } from '../../../electron/backend/dispatch';
import { createJobPool, type JobPool } from '../../../electron/backend/jobs/pool';
import { createHandlers } from '../../../electron/backend/registry';
import type { TurnusApi } from '../../../shared/api';
import { generateVirksomhet, seedVirksomhet, type SeededUnit, type Virksomhet } from '../../../scripts/bench/virksomhet';
import { findChromium, htmlToPdf } from '../../../electron/backend/exchange/pdf';
import { buildNode } from './build';

const SLOW = 600_000;

let build: { dir: string; cleanup(): void };
let dir: string;
let opened: OpenedDb;
let jobs: JobPool;
let api: TurnusApi;
let dispatch: ReturnType<typeof createDispatcher>;
let v: Virksomhet;
let unit: SeededUnit;

const workerFile = () => path.join(build.dir, 'electron', 'backend', 'jobs', 'worker.js');

beforeAll(async () => {
  build = buildNode();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnus-export-worker-'));
  opened = await openDatabase(path.join(dir, 'turnus.sqlite'), { backups: false });
  jobs = createJobPool({ workerFile: workerFile() });
  api = createHandlers(opened.db, { dataFile: opened.file, mode: 'browser', version: 'test', backups: null, jobs });
  dispatch = createDispatcher(api);
  v = generateVirksomhet({ seed: 19, employees: 90, units: 1 });
  [unit] = await seedVirksomhet(api, v);
}, SLOW);

afterAll(async () => {
  await jobs?.dispose();
  opened?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  build?.cleanup();
});

/** One cell edit through the dispatcher, as the renderer sends it; returns its latency. */
async function editOneCell(n: number): Promise<number> {
  const cells = v.units[0].cells.filter((c) => c.code !== null);
  const c = cells[(n * 31) % cells.length];
  const t = performance.now();
  // Each call arrives as its own event, as HTTP and IPC requests do: a blocked main thread delays it.
  await new Promise((r) => setImmediate(r));
  const res = await dispatch('setCells', [
    unit.planId,
    [{ employeeId: unit.ids.get(c.employee)!, date: c.date, code: n % 2 ? c.code : null }],
  ]);
  expect(res.ok).toBe(true);
  return performance.now() - t;
}

describe('exports in the worker thread', () => {
  it('the pool runs in worker threads when the backend is built', () => {
    expect(jobs.threaded).toBe(true);
  });

  it(
    'cell edits keep answering while a 90-employee, 12-month XLSX is built, and the file is whole',
    async () => {
      const started = performance.now();
      let exportMs = 0;
      const exporting = api.exportPlan(unit.planId, 'xlsx').then((r) => {
        exportMs = performance.now() - started;
        return r;
      });
      let done = false;
      void exporting.finally(() => {
        done = true;
      });
      const during: number[] = [];
      for (let n = 0; !done; n++) {
        const ms = await editOneCell(n);
        if (!done) during.push(ms);
      }
      const res = await exporting;
      // The edits did not wait for the export: many went through while it was building, each
      // far quicker than the export itself (before, a call started after the export waited for all of it).
      expect(during.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...during)).toBeLessThan(exportMs / 3);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(res.files[0].base64, 'base64') as unknown as ArrayBuffer);
      const names = wb.worksheets.map((w) => w.name);
      expect(names.length).toBeGreaterThan(1);
      const text = JSON.stringify(wb.worksheets[0].getSheetValues());
      expect(text).toContain(v.units[0].employees[0].name);
    },
    SLOW,
  );

  it(
    'an error inside the worker arrives as the same structured Norwegian error (a broken XLSX staff list)',
    async () => {
      const res = await dispatch('previewStaffImport', [
        unit.unitId,
        { name: 'ansatte.xlsx', base64: Buffer.from('ikke en zip').toString('base64') },
      ]);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe('VALIDATION');
      expect(res.error.field).toBe('file');
      expect(res.error.message).toMatch(/^Filen kan ikke leses som en Excel-fil \(\.xlsx\)/);
    },
    SLOW,
  );

  it(
    'a PDF export whose scratch folder cannot be written gives a Norwegian error and leaves no scratch file',
    async () => {
      const tmp = os.tmpdir();
      const before = new Set(fs.readdirSync(tmp).filter((n) => n.startsWith('turnus-pdf-')));
      const blocked = path.join(dir, 'ikke-en-mappe');
      fs.writeFileSync(blocked, 'en fil der den midlertidige mappen skulle være');
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = blocked;
      try {
        const res = await dispatch('exportPlan', [unit.planId, 'pdf']);
        expect(res.ok).toBe(false);
        if (res.ok) return;
        // Without Chromium the export stops earlier, with its own Norwegian message.
        expect(['EXPORT_FAILED', 'PDF_UNAVAILABLE']).toContain(res.error.code);
        expect(res.error.message).toMatch(/^(Eksporten kunne ikke lages: den midlertidige mappen kan ikke skrives til|Kan ikke)/);
        expect(res.error.message).not.toMatch(/ENOTDIR|EACCES|Error:/);
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
      }
      const after = fs.readdirSync(tmp).filter((n) => n.startsWith('turnus-pdf-') && !before.has(n));
      expect(after).toEqual([]);
      expect(fs.readdirSync(dir).filter((n) => n !== 'ikke-en-mappe' && !n.startsWith('turnus.sqlite'))).toEqual([]);
    },
    SLOW,
  );

  it.skipIf(!findChromium())(
    'printing a PDF removes the scratch folders of printers that were killed, and leaves none of its own',
    async () => {
      const tmp = path.join(dir, 'tmp');
      fs.mkdirSync(tmp);
      const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has ended
      const stale = path.join(tmp, `turnus-pdf-${gone}-AbC123`);
      fs.mkdirSync(stale);
      fs.writeFileSync(path.join(stale, 'turnus.html'), '<p>halvferdig</p>');
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = tmp;
      try {
        // A small page: the sweep is the printer's, whatever it prints.
        const pdf = await htmlToPdf('<h1>Turnus</h1>');
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
      }
      expect(fs.readdirSync(tmp).filter((n) => n.startsWith('turnus-pdf-'))).toEqual([]);
    },
    SLOW,
  );

  it(
    'shutdown stops a running export with a Norwegian message, and the pool takes no new jobs',
    async () => {
      const pool = createJobPool({ workerFile: workerFile() });
      const local = createHandlers(opened.db, { dataFile: opened.file, mode: 'browser', version: 'test', backups: null, jobs: pool });
      const outcome = local.exportPlan(unit.planId, 'xlsx').then(
        () => 'ferdig',
        (e: Error) => e.message,
      );
      await new Promise((r) => setTimeout(r, 50));
      await pool.dispose();
      expect(await outcome).toMatch(/^Turnus avsluttes: jobben \(eksport, import eller kontroll\) ble avbrutt\./);
      await expect(local.exportPlan(unit.planId, 'csv')).rejects.toThrow(/^Turnus avsluttes/);
    },
    SLOW,
  );
});
