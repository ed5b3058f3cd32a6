#!/usr/bin/env node
// Benchmark of the working-time core (issue 3): plan index, full rule check, per-employee hours,
// one-edit incremental re-check. Uses the built JS: run `npm run build:node` first, then
//   TZ=Europe/Oslo node scripts/bench-core.mjs
// Prints a markdown table. Seeded, so every run checks the same plans.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { mulberry32 } from './bench/mulberry32.mjs';
import { median } from './bench/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist/shared', p);
if (!existsSync(dist('rules/engine.js'))) {
  console.error('Fant ikke dist/shared/rules/engine.js. Kjør «npm run build:node» først.');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { checkPlan, checkIndex, createChecker } = require(dist('rules/engine.js'));
const { indexPlan } = require(dist('plan/plan-index.js'));
const { plannedHours, targetHours, resultingPosition } = require(dist('plan/hours.js'));
const { workedWeekends } = require(dist('plan/weekends.js'));
const { addDays, toDay, isoWeekday } = require(dist('calendar/index.js'));
const { buildReport } = require(dist('metrics/report.js'));

/** A seeded 12-month plan: D/A/N on weekdays, L on some weekends, three weeks of ferie in July. */
export function generatePlan(nEmployees, seed = 42, start = '2026-01-01', days = 365) {
  const rnd = mulberry32(seed);
  const employees = [];
  const assignments = [];
  for (let e = 0; e < nEmployees; e++) {
    const id = `e${e + 1}`;
    employees.push({
      id,
      name: `Ansatt ${e + 1}`,
      competence: ['sykepleier', 'helsefagarbeider', 'assistent'][e % 3],
      position: [0.5, 0.75, 0.8, 1][e % 4],
      consentsLongShifts: e % 2 === 0,
    });
    const group = e % 4;
    const vacationStart = toDay('2026-07-06') + 7 * (e % 3);
    for (let d = 0; d < days; d++) {
      const date = addDays(start, d);
      const day = toDay(date);
      if (day >= vacationStart && day < vacationStart + 21) {
        assignments.push({ employee: id, date, code: 'FE' });
        continue;
      }
      const wd = isoWeekday(day);
      const week = Math.floor(d / 7);
      if (wd >= 5) {
        if (week % 4 === group) assignments.push({ employee: id, date, code: e % 2 === 0 ? 'L' : 'D' });
        continue;
      }
      const r = rnd();
      if (r < 0.55) assignments.push({ employee: id, date, code: r < 0.3 ? 'D' : r < 0.48 ? 'A' : 'N' });
      else if (r < 0.57) assignments.push({ employee: id, date, code: 'KURS' });
    }
  }
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Benchmark', weekendFrequency: 4 },
    period: { start, end: addDays(start, days - 1) },
    rules: { agreements: { dailyRestMinHours: 9 } },
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00' },
      { code: 'A', start: '15:00', end: '22:30' },
      { code: 'N', start: '22:15', end: '07:45' },
      { code: 'L', start: '08:00', end: '20:30', long: true },
    ],
    employees,
    demand: [],
    assignments,
  };
}

// Wall-clock median, and the median CPU time of the process (user + system, all threads incl.
// GC helpers) per run, which is far less sensitive to other engineers' load on the shared cores.
const cpuTimes = [];
// Warm-up before each measurement: at least 3 runs and BENCH_WARMUP_MS (default 1000 ms), so the
// optimising compiler has finished: its background threads count in the process CPU time, and
// with only 3 warm-up runs a function measured for the first time (buildReport) was timed while
// still being compiled (53 ms instead of ~15 ms CPU for check + report of 60 employees).
const WARMUP_MS = +(process.env.BENCH_WARMUP_MS ?? 1000);
function time(fn, runs) {
  for (let i = 0, t0 = performance.now(); i < 3 || performance.now() - t0 < WARMUP_MS; i++) fn(); // warm-up (JIT)
  const xs = [],
    cs = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cs.push((d.user + d.system) / 1000);
  }
  cpuTimes.push(median(cs));
  return median(xs);
}
function allHours(ix) {
  let sum = 0;
  for (const e of ix.plan.employees) {
    sum += plannedHours(ix, e.id) + targetHours(ix, e.id) + resultingPosition(ix, e.id) + workedWeekends(ix, e.id).length;
  }
  return sum;
}

if (process.env.BENCH_DUMP) {
  (await import('node:fs')).writeFileSync(process.env.BENCH_DUMP, JSON.stringify(generatePlan(+(process.env.BENCH_N ?? 60))));
  process.exit(0);
}
const rows = [];
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);

for (const n of [60, 520]) {
  const plan = generatePlan(n);
  const runs = +(process.env.BENCH_RUNS ?? (n === 60 ? 15 : 5));
  checkPlan(plan); // warm-up
  const tIndex = time(() => indexPlan(plan), runs);
  const tCheck = time(() => checkPlan(plan), runs);
  const ix = indexPlan(plan);
  const tHours = time(() => allHours(ix), runs);
  const tBoth = time(() => {
    const i = indexPlan(plan);
    checkIndex(i);
    allHours(i);
  }, runs);
  // What `turnus check` + `turnus report` compute for the plan (each builds its own index).
  const tReport = time(() => {
    checkPlan(plan);
    buildReport(plan);
  }, runs);
  // The same with one shared index (what a caller holding the index does).
  const tShared = time(() => {
    const i = indexPlan(plan);
    checkIndex(i);
    buildReport(plan, { index: i });
  }, runs);
  const violations = checkPlan(plan).length;
  const cpu = cpuTimes.splice(0);
  rows.push([`${n} ansatte × 12 mnd (${plan.assignments.length} rader, ${violations} brudd)`, 'indexPlan', fmt(tIndex), fmt(cpu[0])]);
  rows.push(['', 'full kontroll (checkPlan)', fmt(tCheck), fmt(cpu[1])]);
  rows.push(['', 'timer for alle ansatte (planlagt, mål, resulterende, helger)', fmt(tHours), fmt(cpu[2])]);
  rows.push(['', 'indeks + full kontroll + timer', fmt(tBoth), fmt(cpu[3])]);
  rows.push(['', 'full kontroll + rapport (checkPlan + buildReport)', fmt(tReport), fmt(cpu[4])]);
  rows.push([
    '',
    'full kontroll + rapport med delt indeks (indexPlan + checkIndex + buildReport(plan, { index }))',
    fmt(tShared),
    fmt(cpu[5]),
  ]);

  const checker = createChecker(plan);
  const rnd = mulberry32(7);
  const codes = ['D', 'A', 'N', 'L', 'FE', null];
  const edits = Array.from({ length: 2000 }, () => ({
    employeeId: `e${1 + Math.floor(rnd() * n)}`,
    date: addDays(plan.period.start, Math.floor(rnd() * 365)),
    code: codes[Math.floor(rnd() * codes.length)],
  }));
  for (const e of edits.slice(0, 200)) checker.evaluateChange(e); // warm-up
  const tApply = [];
  for (const e of edits) {
    const t = performance.now();
    checker.applyChange(e);
    tApply.push(performance.now() - t);
  }
  const meanApply = tApply.reduce((a, b) => a + b, 0) / tApply.length;
  // Moves that really change the cell (as a solver would evaluate them).
  const moves = edits.slice(0, 1000).map((e) => ({ ...e, code: checker.codeAt(e.employeeId, e.date) === 'D' ? 'N' : 'D' }));
  const tEval = [];
  for (const e of moves) {
    const t = performance.now();
    checker.evaluateChange(e);
    tEval.push(performance.now() - t);
  }
  rows.push(['', 'én endring: applyChange (median av 2000, inkl. ny bruddliste)', fmt(median(tApply)), '']);
  rows.push(['', 'én endring: applyChange (gjennomsnitt av 2000, med GC)', fmt(meanApply), '']);
  rows.push(['', 'ett trekk: evaluateChange (median av 1000 reelle endringer: endre + telle + angre)', fmt(median(tEval)), '']);
}

console.log(
  `Maskin: ${os.cpus().length} kjerner (${os.cpus()[0]?.model ?? 'ukjent'}), Node ${process.version}, belastning (1 min) ${os.loadavg()[0].toFixed(1)}, oppvarming ${WARMUP_MS} ms per måling\n`,
);
console.log('| Plan | Måling | Median (veggklokke) | Median CPU-tid |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
