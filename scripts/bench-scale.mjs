#!/usr/bin/env node
// Scale benchmark (issue 9): a whole virksomhet of 520 employees in 12 avdelinger, one 12-month
// årsturnus each (scripts/bench/virksomhet.ts, seeded), in a temp SQLite file. Measures the
// median of repeated runs against the budgets in docs/benchmarks.md («Skala: hel virksomhet»):
//
//   open      start the backend on the file (checks, migrate, lock) + listUnits + the first
//             getPlan of every unit, all through the real dispatcher
//   validate  parsePlanFile of each unit's exported plan file
//   report    buildReport + checkPlan for all 12 plans, and for one 520-employee plan
//   export    XLSX and the review pack (HTML) of the largest unit through the API; PDF of the
//             smallest unit when Chromium is found (CHROMIUM_PATH or /usr/bin/chromium)
//   load      20 concurrent clients call setCells over HTTP (browser host in a child process)
//             without and with a concurrent XLSX + PDF export of the largest unit: p99 of each
//             and the ratio (issue 19 must reach: below 3×), see scripts/bench/scale-load.mjs
//   render    Debian Chromium (Playwright) opens the largest unit's plan in the real UI through
//             the browser host: navigation → first paint of the grid with cells
//             (performance mark «turnus:grid-ready»); needs the built renderer (npm run build)
//
//   TZ=Europe/Oslo node scripts/bench-scale.mjs [--runs 5] [--only open,report] [--skip render,pdf]
//                                               [--seed 2026] [--json FIL]
//
// Compiles shared/, electron/backend, electron/host/browser-host.ts and the generator with tsc into
// .tmp/bench-scale-build (never touches dist/). Output: a markdown table on stdout.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScaleArgs } from './bench/scale-args.mjs';
import { loadLines, measureLoad } from './bench/scale-load.mjs';
import { measureRender } from './bench/scale-render.mjs';
import { call, fmt, log, now, printReport, record, results, timeRuns } from './bench/scale-report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const opt = parseScaleArgs(process.argv.slice(2));

// ---------------------------------------------------------------- build
const build = path.join(root, '.tmp', 'bench-scale-build');
// Type errors in files being edited elsewhere do not stop the emit; only missing output does.
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(here, 'bench', 'tsconfig.json')],
  { encoding: 'utf8' },
);
for (const f of ['scripts/bench/virksomhet.js', 'electron/backend/runtime.js', 'electron/host/browser-host.js']) {
  if (!fs.existsSync(path.join(build, f)) || tsc.error) {
    process.stderr.write(`${tsc.stdout ?? ''}${tsc.stderr ?? ''}Kompileringen til ${path.relative(root, build)} feilet (mangler ${f}).\n`);
    process.exit(1);
  }
}
if (tsc.status !== 0)
  process.stderr.write(
    `Merk: tsc meldte typefeil (målingene bruker likevel det som ble kompilert):\n${tsc.stdout.split('\n').slice(0, 5).join('\n')}\n`,
  );
const require = createRequire(import.meta.url);
const load = (p) => require(path.join(build, p));
const { generateVirksomhet, seedVirksomhet, wholePlanFile } = load('scripts/bench/virksomhet.js');
const { startBackend } = load('electron/backend/runtime.js');
const { startBrowserHost } = load('electron/host/browser-host.js');
const { findChromium, CHROMIUM_ARGS } = load('electron/backend/exchange/pdf.js');
const { parsePlanFile } = load('shared/planfile/index.js');
const { buildReport } = load('shared/metrics/report.js');
const { checkPlan } = load('shared/rules/engine.js');

// ---------------------------------------------------------------- seed
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnus-bench-scale-'));
const file = path.join(dir, 'virksomhet.sqlite');
const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'ukjent',
  node: process.version,
  load1: os.loadavg()[0],
};
log(`Maskin: ${machine.cores} kjerner (${machine.cpu}), Node ${machine.node}, belastning (1 min) ${machine.load1.toFixed(1)}`);

let t = now();
const v = generateVirksomhet({ seed: opt.seed });
const generateMs = now() - t;
const totalEmployees = v.units.reduce((s, u) => s + u.employees.length, 0);
const totalCells = v.units.reduce((s, u) => s + u.cells.length, 0);
t = now();
let seeded;
{
  const b = await startBackend(file, 'browser', { backups: false });
  try {
    seeded = await seedVirksomhet(b.api, v);
  } finally {
    b.close();
  }
}
const seedMs = now() - t;
const sizeMb = fs.statSync(file).size / 1e6;
const largest = seeded.reduce((best, _u, i) => (v.units[i].employees.length > v.units[best].employees.length ? i : best), 0);
const smallest = seeded.reduce((best, _u, i) => (v.units[i].employees.length < v.units[best].employees.length ? i : best), 0);
log(
  `Virksomhet: ${v.units.length} avdelinger, ${totalEmployees} ansatte, ${totalCells} celler, ${v.start}–${v.end}; ` +
    `generert på ${fmt(generateMs)}, skrevet gjennom API-et på ${fmt(seedMs)}; datafil ${sizeMb.toFixed(1).replace('.', ',')} MB`,
);

const runs = opt.runs;

// ---------------------------------------------------------------- open
if (opt.steps.has('open')) {
  log('Åpne:');
  const openAll = async (backups) => {
    const b = await startBackend(file, 'browser', { backups });
    try {
      const units = await call(b.dispatch, 'listUnits');
      for (const u of units) {
        const plans = await call(b.dispatch, 'listPlans', u.id);
        await call(b.dispatch, 'getPlan', plans[0].id);
      }
    } finally {
      b.close();
    }
  };
  record(
    'open',
    `Åpne datafilen og første plan i hver av de ${v.units.length} avdelingene`,
    2000,
    await timeRuns(() => openAll(false), runs),
  );
  const backupDir = path.join(dir, 'sikkerhetskopier');
  const firstOfDay = async () => {
    fs.rmSync(backupDir, { recursive: true, force: true });
    await openAll(undefined);
  };
  record(
    'open-daily',
    'Det samme, første åpning i dag (med daglig sikkerhetskopi)',
    3000,
    await timeRuns(firstOfDay, Math.min(runs, 3), 0),
  );
}

// ---------------------------------------------------------------- the rest on one open file
const needsBackend = ['validate', 'report', 'export', 'pdf'].some((s) => opt.steps.has(s));
if (needsBackend) {
  const b = await startBackend(file, 'browser', { backups: false });
  try {
    const plans = [];
    for (const s of seeded) plans.push((await call(b.dispatch, 'getPlan', s.planId)).file);

    if (opt.steps.has('validate')) {
      log('Validere:');
      const texts = [];
      record(
        'export-turnus',
        `Planfil ut (exportPlan «turnus») for alle ${v.units.length} avdelinger`,
        2000,
        await timeRuns(async () => {
          texts.length = 0;
          for (const s of seeded) {
            const res = await call(b.dispatch, 'exportPlan', s.planId, 'turnus');
            texts.push(Buffer.from(res.files[0].base64, 'base64').toString('utf8'));
          }
        }, runs),
      );
      record(
        'validate',
        `Validere planfilen til alle ${v.units.length} avdelinger (parsePlanFile)`,
        1000,
        await timeRuns(() => {
          for (const text of texts) {
            const p = parsePlanFile(text);
            if (!p.ok) throw new Error(`Planfilen validerte ikke: ${JSON.stringify(p.errors.slice(0, 2))}`);
          }
        }, runs),
      );
    }

    if (opt.steps.has('report')) {
      log('Rapport:');
      let hits = 0;
      record(
        'report-12',
        `Rapport + regelsjekk (buildReport + checkPlan) for alle ${v.units.length} planer`,
        1000,
        await timeRuns(() => {
          hits = 0;
          for (const p of plans) {
            buildReport(p);
            hits += checkPlan(p).length;
          }
        }, runs),
      );
      results.at(-1).note = `${hits} regelbrudd i alt`;
      const whole = wholePlanFile(v);
      let wholeHits = 0;
      record(
        'report-whole',
        `Rapport + regelsjekk for én plan med alle ${whole.employees.length} ansatte`,
        2000,
        await timeRuns(() => {
          buildReport(whole);
          wholeHits = checkPlan(whole).length;
        }, runs),
      );
      results.at(-1).note = `${whole.assignments.length} celler, ${wholeHits} regelbrudd`;
      const big = plans[largest];
      record(
        'report-largest',
        `Rapport + regelsjekk for største avdeling (${big.employees.length} ansatte)`,
        500,
        await timeRuns(() => {
          buildReport(big);
          checkPlan(big);
        }, runs),
      );
    }

    if (opt.steps.has('export')) {
      log('Eksport:');
      const id = seeded[largest].planId;
      const n = v.units[largest].employees.length;
      let bytes = 0;
      record(
        'xlsx',
        `XLSX av største avdeling (${n} ansatte × 12 mnd) gjennom API-et`,
        5000,
        await timeRuns(
          async () => {
            const res = await call(b.dispatch, 'exportPlan', id, 'xlsx');
            bytes = res.files[0].base64.length * 0.75;
          },
          Math.min(runs, 3),
        ),
      );
      results.at(-1).note = `${Math.round(bytes / 1024)} kB`;
      record(
        'html',
        `Drøftingspakke (HTML) av største avdeling gjennom API-et`,
        2000,
        await timeRuns(
          async () => {
            const res = await call(b.dispatch, 'exportPlan', id, 'html');
            bytes = res.files[0].base64.length * 0.75;
          },
          Math.min(runs, 3),
        ),
      );
      results.at(-1).note = `${Math.round(bytes / 1024)} kB`;
    }

    if (opt.steps.has('pdf')) {
      const chromium = findChromium();
      if (!chromium) log('PDF: hoppet over (fant ingen Chromium; sett CHROMIUM_PATH).');
      else {
        log('PDF:');
        const n = v.units[smallest].employees.length;
        let bytes = 0;
        record(
          'pdf',
          `PDF av drøftingspakken, én avdeling (${n} ansatte × 12 mnd), Chromium`,
          10000,
          await timeRuns(
            async () => {
              const res = await call(b.dispatch, 'exportPlan', seeded[smallest].planId, 'pdf');
              bytes = res.files[0].base64.length * 0.75;
            },
            Math.min(runs, 2),
            0,
          ),
        );
        results.at(-1).note = `${Math.round(bytes / 1024)} kB, inkl. oppstart av Chromium`;
      }
    }
  } finally {
    b.close();
  }
}

// ---------------------------------------------------------------- load
const loadResult = opt.steps.has('load') ? await measureLoad({ build, file, v, seeded, largest, chromium: findChromium() }) : null;

// ---------------------------------------------------------------- render
if (opt.steps.has('render'))
  await measureRender({ root, file, runs, v, seeded, largest, startBrowserHost, wholePlanFile, chromiumArgs: CHROMIUM_ARGS });

// ---------------------------------------------------------------- output
printReport([
  `Maskin: ${machine.cores} kjerner (${machine.cpu}), Node ${machine.node}, belastning (1 min) ${machine.load1.toFixed(1)}`,
  `Virksomhet: ${v.units.length} avdelinger, ${totalEmployees} ansatte, ${totalCells} celler, ${v.start}–${v.end} (frø ${opt.seed}); datafil ${sizeMb.toFixed(1).replace('.', ',')} MB, skrevet på ${fmt(seedMs)}`,
]);
if (loadResult) for (const line of loadLines(loadResult)) console.log(line);
if (opt.json) {
  fs.writeFileSync(
    opt.json,
    JSON.stringify(
      { machine, seed: opt.seed, units: v.units.length, employees: totalEmployees, cells: totalCells, seedMs, results, load: loadResult },
      null,
      2,
    ),
  );
  log(`Skrev ${opt.json}`);
}
