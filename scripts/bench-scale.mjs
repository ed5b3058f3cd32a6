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
import { performance } from 'node:perf_hooks';
import { median } from './bench/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const STEPS = ['open', 'validate', 'report', 'export', 'pdf', 'render'];

function usage(msg) {
  if (msg) process.stderr.write(`${msg}\n\n`);
  process.stderr.write(`Bruk: node scripts/bench-scale.mjs [--runs N] [--only ${STEPS.join(',')}] [--skip render,pdf] [--seed N] [--json FIL]\n`);
  process.exit(2);
}

const opt = { runs: 5, steps: new Set(STEPS), seed: 2026, json: null };
const argv = process.argv.slice(2);
const stepList = (v) => {
  const list = String(v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of list) if (!STEPS.includes(s)) usage(`Ukjent måling «${s}» (kjente: ${STEPS.join(', ')}).`);
  return list;
};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const v = argv[i + 1];
  if (a === '--runs') { opt.runs = Number(v); if (!Number.isInteger(opt.runs) || opt.runs < 1) usage('--runs må være et positivt heltall.'); i++; }
  else if (a === '--only') { opt.steps = new Set(stepList(v)); i++; }
  else if (a === '--skip') { for (const s of stepList(v)) opt.steps.delete(s); i++; }
  else if (a === '--seed') { opt.seed = Number(v); if (!Number.isInteger(opt.seed)) usage('--seed må være et heltall.'); i++; }
  else if (a === '--json') { if (!v) usage('--json mangler filnavn.'); opt.json = v; i++; }
  else if (a === '--help' || a === '-h') usage();
  else usage(`Ukjent valg «${a}».`);
}

// ---------------------------------------------------------------- build
const build = path.join(root, '.tmp', 'bench-scale-build');
// Type errors in files being edited elsewhere do not stop the emit; only missing output does.
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(here, 'bench', 'tsconfig.json')], { encoding: 'utf8' });
for (const f of ['scripts/bench/virksomhet.js', 'electron/backend/runtime.js', 'electron/host/browser-host.js']) {
  if (!fs.existsSync(path.join(build, f)) || tsc.error) {
    process.stderr.write(`${tsc.stdout ?? ''}${tsc.stderr ?? ''}Kompileringen til ${path.relative(root, build)} feilet (mangler ${f}).\n`);
    process.exit(1);
  }
}
if (tsc.status !== 0) process.stderr.write(`Merk: tsc meldte typefeil (målingene bruker likevel det som ble kompilert):\n${tsc.stdout.split('\n').slice(0, 5).join('\n')}\n`);
const require = createRequire(import.meta.url);
const load = (p) => require(path.join(build, p));
const { generateVirksomhet, seedVirksomhet, wholePlanFile } = load('scripts/bench/virksomhet.js');
const { startBackend } = load('electron/backend/runtime.js');
const { startBrowserHost } = load('electron/host/browser-host.js');
const { findChromium } = load('electron/backend/exchange/pdf.js');
const { parsePlanFile } = load('shared/planfile/index.js');
const { buildReport } = load('shared/metrics/report.js');
const { checkPlan } = load('shared/rules/engine.js');

// ---------------------------------------------------------------- helpers
const now = () => performance.now();
/** Runs fn `runs` times after `warmup` untimed runs; returns the times in ms. */
async function timeRuns(fn, runs, warmup = 1) {
  for (let i = 0; i < warmup; i++) await fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await fn();
    xs.push(now() - t);
  }
  return xs;
}
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2).replace('.', ',')} s` : `${Math.round(ms)} ms`);
const log = (s) => process.stderr.write(`${s}\n`);

const results = [];
function record(id, label, budgetMs, times, note = '') {
  const r = { id, label, budgetMs, runs: times.length, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), note };
  results.push(r);
  log(`  ${label}: median ${fmt(r.medianMs)} (budsjett ${budgetMs ? fmt(budgetMs) : '–'})`);
  return r;
}

async function call(dispatch, method, ...args) {
  const res = await dispatch(method, args);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.result;
}

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
  try { seeded = await seedVirksomhet(b.api, v); } finally { b.close(); }
}
const seedMs = now() - t;
const sizeMb = fs.statSync(file).size / 1e6;
const largest = seeded.reduce((best, _u, i) => (v.units[i].employees.length > v.units[best].employees.length ? i : best), 0);
const smallest = seeded.reduce((best, _u, i) => (v.units[i].employees.length < v.units[best].employees.length ? i : best), 0);
log(`Virksomhet: ${v.units.length} avdelinger, ${totalEmployees} ansatte, ${totalCells} celler, ${v.start}–${v.end}; ` +
  `generert på ${fmt(generateMs)}, skrevet gjennom API-et på ${fmt(seedMs)}; datafil ${sizeMb.toFixed(1).replace('.', ',')} MB`);

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
  record('open', `Åpne datafilen og første plan i hver av de ${v.units.length} avdelingene`, 2000, await timeRuns(() => openAll(false), runs));
  const backupDir = path.join(dir, 'sikkerhetskopier');
  const firstOfDay = async () => {
    fs.rmSync(backupDir, { recursive: true, force: true });
    await openAll(undefined);
  };
  record('open-daily', 'Det samme, første åpning i dag (med daglig sikkerhetskopi)', 3000, await timeRuns(firstOfDay, Math.min(runs, 3), 0));
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
      record('export-turnus', `Planfil ut (exportPlan «turnus») for alle ${v.units.length} avdelinger`, 2000, await timeRuns(async () => {
        texts.length = 0;
        for (const s of seeded) {
          const res = await call(b.dispatch, 'exportPlan', s.planId, 'turnus');
          texts.push(Buffer.from(res.files[0].base64, 'base64').toString('utf8'));
        }
      }, runs));
      record('validate', `Validere planfilen til alle ${v.units.length} avdelinger (parsePlanFile)`, 1000, await timeRuns(() => {
        for (const text of texts) {
          const p = parsePlanFile(text);
          if (!p.ok) throw new Error(`Planfilen validerte ikke: ${JSON.stringify(p.errors.slice(0, 2))}`);
        }
      }, runs));
    }

    if (opt.steps.has('report')) {
      log('Rapport:');
      let hits = 0;
      record('report-12', `Rapport + regelsjekk (buildReport + checkPlan) for alle ${v.units.length} planer`, 1000, await timeRuns(() => {
        hits = 0;
        for (const p of plans) { buildReport(p); hits += checkPlan(p).length; }
      }, runs));
      results.at(-1).note = `${hits} regelbrudd i alt`;
      const whole = wholePlanFile(v);
      let wholeHits = 0;
      record('report-whole', `Rapport + regelsjekk for én plan med alle ${whole.employees.length} ansatte`, 2000, await timeRuns(() => {
        buildReport(whole); wholeHits = checkPlan(whole).length;
      }, runs));
      results.at(-1).note = `${whole.assignments.length} celler, ${wholeHits} regelbrudd`;
      const big = plans[largest];
      record('report-largest', `Rapport + regelsjekk for største avdeling (${big.employees.length} ansatte)`, 500, await timeRuns(() => {
        buildReport(big); checkPlan(big);
      }, runs));
    }

    if (opt.steps.has('export')) {
      log('Eksport:');
      const id = seeded[largest].planId;
      const n = v.units[largest].employees.length;
      let bytes = 0;
      record('xlsx', `XLSX av største avdeling (${n} ansatte × 12 mnd) gjennom API-et`, 5000, await timeRuns(async () => {
        const res = await call(b.dispatch, 'exportPlan', id, 'xlsx');
        bytes = res.files[0].base64.length * 0.75;
      }, Math.min(runs, 3)));
      results.at(-1).note = `${Math.round(bytes / 1024)} kB`;
      record('html', `Drøftingspakke (HTML) av største avdeling gjennom API-et`, 2000, await timeRuns(async () => {
        const res = await call(b.dispatch, 'exportPlan', id, 'html');
        bytes = res.files[0].base64.length * 0.75;
      }, Math.min(runs, 3)));
      results.at(-1).note = `${Math.round(bytes / 1024)} kB`;
    }

    if (opt.steps.has('pdf')) {
      const chromium = findChromium();
      if (!chromium) log('PDF: hoppet over (fant ingen Chromium; sett CHROMIUM_PATH).');
      else {
        log('PDF:');
        const n = v.units[smallest].employees.length;
        let bytes = 0;
        record('pdf', `PDF av drøftingspakken, én avdeling (${n} ansatte × 12 mnd), Chromium`, 10000, await timeRuns(async () => {
          const res = await call(b.dispatch, 'exportPlan', seeded[smallest].planId, 'pdf');
          bytes = res.files[0].base64.length * 0.75;
        }, Math.min(runs, 2), 0));
        results.at(-1).note = `${Math.round(bytes / 1024)} kB, inkl. oppstart av Chromium`;
      }
    }
  } finally {
    b.close();
  }
}

// ---------------------------------------------------------------- render
if (opt.steps.has('render')) {
  const staticDir = path.join(root, 'dist', 'renderer');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) log('Vise: hoppet over (brukergrensesnittet er ikke bygget; kjør «npm run build:renderer»).');
  else if (!fs.existsSync(chromiumPath)) log(`Vise: hoppet over (fant ikke Chromium på ${chromiumPath}; sett CHROMIUM_PATH).`);
  else {
    log('Vise:');
    const host = await startBrowserHost({ dataFile: file, port: 0, staticDir, backups: false, linkFile: false });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--headless', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      // The token the link's fragment would hand over, in place before the first (cold) load.
      await page.addInitScript((t) => sessionStorage.setItem('turnus-token', t), host.token);
      const gridReady = async () => {
        await page.waitForFunction(() => performance.getEntriesByName('turnus:grid-ready').length > 0, null, { timeout: 120_000 });
        return page.evaluate(() => performance.getEntriesByName('turnus:grid-ready')[0].startTime);
      };
      const n = v.units[largest].employees.length;
      await page.goto(new URL(`#/plan/${seeded[largest].planId}`, host.url).href);
      const cold = await gridReady();
      const warm = [];
      for (let i = 0; i < runs; i++) {
        await page.reload();
        warm.push(await gridReady());
      }
      record('render', `Vise største avdelings plan (${n} ansatte × 12 mnd) i rutenettet: navigasjon → første maling`, 2000, warm);
      results.at(-1).note = `kald start (første lasting): ${fmt(cold)}`;

      // The same for one plan with the whole virksomhet (imported as a 13th unit, last, so
      // the other measurements see exactly the 12 units).
      const whole = wholePlanFile(v);
      const wholePlan = await call(host.backend.dispatch, 'commitPlanImport', JSON.stringify(whole));
      await page.goto(new URL(`#/plan/${wholePlan.id}`, host.url).href);
      await gridReady();
      const warmWhole = [];
      for (let i = 0; i < runs; i++) {
        await page.reload();
        warmWhole.push(await gridReady());
      }
      record('render-whole', `Vise én plan med alle ${whole.employees.length} ansatte i rutenettet: navigasjon → første maling`, 3000, warmWhole);
    } finally {
      await browser.close();
      await host.close();
    }
  }
}

// ---------------------------------------------------------------- output
const rows = results.map((r) => `| ${r.label} | ${r.budgetMs ? `< ${fmt(r.budgetMs)}` : '–'} | ${fmt(r.medianMs)} | ${fmt(r.minMs)}–${fmt(r.maxMs)} (${r.runs}) | ${r.budgetMs ? (r.medianMs <= r.budgetMs ? 'ja' : '**nei**') : '–'} | ${r.note} |`);
console.log(`Maskin: ${machine.cores} kjerner (${machine.cpu}), Node ${machine.node}, belastning (1 min) ${machine.load1.toFixed(1)}`);
console.log(`Virksomhet: ${v.units.length} avdelinger, ${totalEmployees} ansatte, ${totalCells} celler, ${v.start}–${v.end} (frø ${opt.seed}); datafil ${sizeMb.toFixed(1).replace('.', ',')} MB, skrevet på ${fmt(seedMs)}`);
console.log('');
console.log('| Måling | Budsjett | Median | Min–maks (kjøringer) | Innenfor | Merknad |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (opt.json) {
  fs.writeFileSync(opt.json, JSON.stringify({ machine, seed: opt.seed, units: v.units.length, employees: totalEmployees, cells: totalCells, seedMs, results }, null, 2));
  log(`Skrev ${opt.json}`);
}
