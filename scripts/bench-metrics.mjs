#!/usr/bin/env node
// Benchmark of the metrics layer (issue 4 «Nøkkeltall»): buildReport, coverage, weekendMetrics,
// positions, absenceCover, weekendCoverage and demandOn over a seeded 12-month plan with a real
// bemanningsplan (weekday, Saturday, Sunday and holiday rows, date rows, named competences,
// L counting toward D). Uses the built JS: run `npm run build:node` first, then
//
//   TZ=Europe/Oslo node scripts/bench-metrics.mjs [--runs 15] [--employees 60,23] [--only report,coverage]
//                                                 [--dist DIR (default dist)] [--json FIL]
//
// Prints a markdown table (wall-time median and min–max and the median CPU time, in ms; first
// row: the very first buildReport of the process, cold code). The plan generator is
// exported (`metricsPlan`) and also used by the golden test test/unit/metrics/golden.test.ts.
import { createRequire } from 'node:module';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mulberry32 } from './bench/mulberry32.mjs';
import { median } from './bench/stats.mjs';

const DAY_MS = 86_400_000;
const dayNumber = (date) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (day) => (((day + 3) % 7) + 7) % 7;

/**
 * A seeded plan for the metrics: `employees` people over `days` days from `start` (a Monday).
 * D/A/N on weekdays, L (or D/A) on every 4th weekend, three weeks of summer ferie and one autumn
 * week for some, KURS/MØTE/PERM days, a few pinned cells and assignments outside the period; a
 * bemanningsplan with weekday/Saturday/Sunday/holiday rows, named competences and date rows
 * (Christmas Eve, New Year's Eve, one with a zero count). Pure: no imports from the app.
 */
export function metricsPlan(employees = 60, seed = 4, start = '2026-01-05', days = 364) {
  const rnd = mulberry32(seed);
  const startDay = dayNumber(start);
  const comps = ['sykepleier', 'helsefagarbeider', 'assistent', 'helsefagarbeider'];
  const people = [];
  const assignments = [];
  for (let e = 0; e < employees; e++) {
    const id = `e${e + 1}`;
    const position = [1, 0.8, 0.75, 0.6, 0.5, 0.4, 0.2][e % 7];
    const p = {
      id,
      name: `Ansatt ${e + 1}`,
      competence: comps[e % 4],
      position,
      consentsLongShifts: e % 3 !== 0,
    };
    if (position < 1 && e % 2 === 1) p.wantedPosition = Math.min(1, position + 0.2);
    if (e % 11 === 5) p.weeklyHours = 33.6;
    people.push(p);
    const group = e % 4;
    const vacStart = dayNumber('2026-06-22') + 7 * (e % 4);
    const autumn = e % 5 === 0 ? dayNumber('2026-10-12') : -1;
    const worksNights = e % 9 === 4;
    for (let d = -3; d < days + 3; d++) {
      const day = startDay + d;
      const date = dateOf(day);
      const r = rnd();
      if ((day >= vacStart && day < vacStart + 21) || (day >= autumn && day < autumn + 7)) {
        if (weekdayOf(day) < 5 || r < 0.5) assignments.push({ employee: id, date, code: 'FE' });
        continue;
      }
      const wd = weekdayOf(day);
      const week = Math.floor(d / 7);
      if (wd >= 5) {
        if (((week % 4) + 4) % 4 === group) {
          const code = p.consentsLongShifts ? (r < 0.8 ? 'L' : 'A') : r < 0.5 ? 'D' : 'A';
          assignments.push({ employee: id, date, code });
        }
        continue;
      }
      const limit = 0.35 + 0.5 * position;
      if (r < limit) {
        const s = rnd();
        const code = worksNights ? (s < 0.8 ? 'N' : 'D') : s < 0.5 ? 'D' : s < 0.9 ? 'A' : s < 0.95 ? 'N' : 'L';
        const a = { employee: id, date, code };
        if (rnd() < 0.01) a.pinned = true;
        assignments.push(a);
      } else if (r < limit + 0.02) assignments.push({ employee: id, date, code: 'KURS' });
      else if (r < limit + 0.03) assignments.push({ employee: id, date, code: 'MØTE' });
      else if (r < limit + 0.035) assignments.push({ employee: id, date, code: 'PERM' });
    }
  }
  // A few assignments of an unknown employee and an unknown code (ignored by the metrics).
  assignments.push({ employee: 'ukjent', date: start, code: 'D' });
  assignments.push({ employee: 'e1', date: dateOf(startDay + days + 10), code: 'X' });

  const scale = Math.max(1, Math.round(employees / 12));
  const demand = [
    { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: scale },
    { dayType: 'weekday', shift: 'D', competence: 'any', count: 2 * scale },
    { dayType: 'weekday', shift: 'D', competence: 'helsefagarbeider', count: scale },
    { dayType: 'weekday', shift: 'A', competence: 'sykepleier', count: scale },
    { dayType: 'weekday', shift: 'A', competence: 'any', count: 2 * scale },
    { dayType: 'weekday', shift: 'N', competence: 'any', count: Math.max(1, Math.round(scale / 2)) },
    { dayType: 'weekday', shift: 'D', competence: 'any', count: 1 },
    { dayType: 'saturday', shift: 'L', competence: 'sykepleier', count: scale },
    { dayType: 'saturday', shift: 'L', competence: 'any', count: 2 * scale },
    { dayType: 'saturday', shift: 'A', competence: 'any', count: scale },
    { dayType: 'saturday', shift: 'N', competence: 'any', count: 1 },
    { dayType: 'sunday', shift: 'L', competence: 'any', count: 3 * scale },
    { dayType: 'sunday', shift: 'D', competence: 'helsefagarbeider', count: 1 },
    { dayType: 'sunday', shift: 'A', competence: 'any', count: scale },
    { dayType: 'sunday', shift: 'N', competence: 'any', count: 1 },
    { dayType: 'holiday', shift: 'L', competence: 'any', count: 2 * scale },
    { dayType: 'holiday', shift: 'A', competence: 'any', count: scale },
    { dayType: 'holiday', shift: 'N', competence: 'any', count: 1 },
    { date: '2026-12-24', shift: 'L', competence: 'any', count: 2 * scale },
    { date: '2026-12-24', shift: 'A', competence: 'sykepleier', count: 1 },
    { date: '2026-12-24', shift: 'A', competence: 'any', count: scale },
    { date: '2026-12-31', shift: 'D', competence: 'any', count: 2 * scale },
    { date: '2026-12-31', shift: 'N', competence: 'any', count: 0 },
    { date: '2026-05-16', shift: 'D', competence: 'any', count: 0 },
  ];
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: `Metrikker ${employees}`, weekendFrequency: 4, heltidThreshold: 0.8 },
    period: { start, end: dateOf(startDay + days - 1) },
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00', name: 'Dagvakt' },
      { code: 'A', start: '15:00', end: '22:30', name: 'Aftenvakt', unpaidBreakMinutes: 30 },
      { code: 'N', start: '22:15', end: '07:45', name: 'Nattvakt' },
      { code: 'L', start: '08:00', end: '20:30', name: 'Langvakt', long: true, countsToward: ['D'] },
    ],
    employees: people,
    demand,
    assignments,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Wall time and CPU time (user + system of the process, ms) of each run after a warm-up. On a
 * shared, loaded machine the wall time mostly measures the wait for a core; the CPU time is
 * what the work itself costs.
 */
function time(fn, runs) {
  // Warm-up: at least 30 runs and 1.5 s, so the optimising compiler (whose threads count in
  // the CPU time) is done.
  const warm = performance.now();
  for (let i = 0; i < 30 || performance.now() - warm < 1500; i++) fn();
  const wall = [],
    cpu = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall, cpu };
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const opt = { runs: 15, sizes: [60, 23], json: null, only: null, dist: path.join(root, 'dist') };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i],
      v = argv[i + 1];
    if (a === '--runs') {
      opt.runs = Number(v);
      i++;
    } else if (a === '--dist') {
      opt.dist = path.resolve(v);
      i++;
    } else if (a === '--employees') {
      opt.sizes = String(v).split(',').map(Number);
      i++;
    } else if (a === '--json') {
      opt.json = v;
      i++;
    } else if (a === '--only') {
      opt.only = new Set(String(v).split(','));
      i++;
    } else {
      console.error(`Ukjent valg «${a}». Bruk: --runs N --employees 60,23 --only report,coverage --dist DIR --json FIL`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opt.runs) || opt.runs < 1 || opt.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('--runs og --employees må være positive heltall.');
    process.exit(2);
  }
  const dist = (p) => path.join(opt.dist, 'shared', p);
  if (!existsSync(dist('metrics/report.js'))) {
    console.error(`Fant ikke ${dist('metrics/report.js')}. Kjør «npm run build:node» først.`);
    process.exit(2);
  }
  const require = createRequire(import.meta.url);
  const { buildReport } = require(dist('metrics/report.js'));
  const { indexPlan } = require(dist('plan/plan-index.js'));
  const { checkPlan } = require(dist('rules/engine.js'));
  const { coverage } = require(dist('metrics/coverage.js'));
  const { weekendCoverage, absenceCover } = require(dist('metrics/coverage-views.js'));
  const { demandOn, demandTable } = require(dist('metrics/demand.js'));
  const { weekendMetrics } = require(dist('metrics/weekends.js'));
  const { positions } = require(dist('metrics/positions.js'));

  console.error(
    `Maskin: ${os.cpus().length} kjerner (${os.cpus()[0]?.model ?? 'ukjent'}), Node ${process.version}, belastning (1 min) ${os.loadavg()[0].toFixed(1)}`,
  );
  const rows = [];
  {
    // The very first report in the process (cold code, as right after the app has started).
    const plan = metricsPlan(opt.sizes[0]);
    const c = process.cpuUsage();
    const t = performance.now();
    buildReport(plan);
    const ms = performance.now() - t;
    const d = process.cpuUsage(c);
    rows.push({
      employees: opt.sizes[0],
      id: 'report-cold',
      label: 'buildReport, første kall i prosessen',
      runs: 1,
      medianMs: ms,
      minMs: ms,
      maxMs: ms,
      cpuMedianMs: (d.user + d.system) / 1000,
    });
  }
  for (const n of opt.sizes) {
    const plan = metricsPlan(n);
    const index = indexPlan(plan);
    const cov = coverage(index);
    const table = demandTable(plan.demand);
    const measures = [
      ['index', 'indexPlan', () => indexPlan(plan)],
      ['coverage', 'coverage (indeks gitt)', () => coverage(index)],
      ['weekends', 'weekendMetrics (indeks gitt)', () => weekendMetrics(index)],
      ['positions', 'positions (indeks gitt)', () => positions(index)],
      ['absence', 'absenceCover', () => absenceCover(cov, index)],
      ['weekend-coverage', 'weekendCoverage', () => weekendCoverage(cov, index)],
      [
        'demand',
        'demandTable + demandOn for hver dag',
        () => {
          const t = demandTable(plan.demand);
          for (let d = index.startDay; d <= index.endDay; d++) demandOn(t, d);
        },
      ],
      [
        'demand-on',
        'demandOn for hver dag (tabell gitt)',
        () => {
          for (let d = index.startDay; d <= index.endDay; d++) demandOn(table, d);
        },
      ],
      ['report', 'buildReport', () => buildReport(plan)],
      ['check', 'checkPlan', () => checkPlan(plan)],
      [
        'check-report',
        'checkPlan + buildReport',
        () => {
          checkPlan(plan);
          buildReport(plan);
        },
      ],
    ];
    for (const [id, label, fn] of measures) {
      if (opt.only && !opt.only.has(id)) continue;
      const { wall, cpu } = time(fn, opt.runs);
      const r = {
        employees: n,
        id,
        label,
        runs: wall.length,
        medianMs: median(wall),
        minMs: Math.min(...wall),
        maxMs: Math.max(...wall),
        cpuMedianMs: median(cpu),
      };
      rows.push(r);
      console.error(`  ${n} ansatte, ${label}: median ${r.medianMs.toFixed(2)} ms (CPU ${r.cpuMedianMs.toFixed(2)} ms)`);
    }
  }
  const f = (x) => x.toFixed(2).replace('.', ',');
  console.log('| Ansatte | Måling | Median (ms) | Min–maks (ms) | CPU-tid, median (ms) | Kjøringer |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.employees} | ${r.label} | ${f(r.medianMs)} | ${f(r.minMs)}–${f(r.maxMs)} | ${f(r.cpuMedianMs)} | ${r.runs} |`);
  if (opt.json)
    writeFileSync(
      opt.json,
      JSON.stringify({ machine: { cores: os.cpus().length, node: process.version, load1: os.loadavg()[0] }, rows }, null, 2),
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
