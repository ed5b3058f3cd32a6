#!/usr/bin/env node
// Benchmark of the review pack and the Excel export (issue 17): a seeded 60-person, 12-month
// plan (weekend groups, langvakter, meetings, a bemanningsplan with sykepleier needs) through
// what «Last ned PDF» and «Last ned Excel» run: the pack's figures and HTML, Chromium's print to
// PDF, and the workbook. Uses the built JS: `npm run build:node` first, then
//   TZ=Europe/Oslo node scripts/bench-pack.mjs [--employees 60] [--months 12] [--runs 3]
// Prints a markdown table. Budget: the PDF is written in under 10 s.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { mulberry32 } from './bench/mulberry32.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist', p);
if (!existsSync(dist('electron/backend/exchange/export.js'))) {
  console.error('Fant ikke dist/electron/backend/exchange/export.js. Kjør «npm run build:node» først.');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { buildExport } = require(dist('electron/backend/exchange/export.js'));
const { findChromium } = require(dist('electron/backend/exchange/pdf.js'));
const { reviewPackInput } = require(dist('shared/review/analysis.js'));
const { buildReviewPackHtml } = require(dist('shared/review/pack.js'));
const { addDays, toDay, isoWeekday, daysBetweenInclusive } = require(dist('shared/calendar/index.js'));
const { DEFAULT_SHIFT_TYPES } = require(dist('shared/plan/model.js'));

const { values } = parseArgs({ options: { employees: { type: 'string' }, months: { type: 'string' }, runs: { type: 'string' } } });
const N = Number(values.employees ?? 60);
const MONTHS = Number(values.months ?? 12);
const RUNS = Number(values.runs ?? 3);

/** A seeded plan: weekend groups of 4 with L (or D without consent), D/A/N on weekdays, a monthly meeting. */
function plan(n, months, seed = 17) {
  const rnd = mulberry32(seed);
  const start = '2027-01-04';
  const endDate = new Date(Date.UTC(2027, months, 3)).toISOString().slice(0, 10);
  const days = daysBetweenInclusive(start, endDate);
  const employees = [];
  const assignments = [];
  for (let e = 0; e < n; e++) {
    const id = String(e + 1);
    const consents = e % 5 !== 4;
    employees.push({
      id,
      employeeNumber: String(20000 + e),
      name: `Ansatt ${e + 1}`,
      competence: ['sykepleier', 'helsefagarbeider', 'helsefagarbeider', 'assistent'][e % 4],
      position: [1, 0.8, 0.75, 0.6, 0.5][e % 5],
      consentsLongShifts: consents,
      ...(consents ? { longShiftConsentDate: '2026-09-01' } : {}),
      weekendGroup: e % 4,
    });
    for (let d = 0; d < days; d++) {
      const date = addDays(start, d);
      const day = toDay(date);
      const wd = isoWeekday(day);
      const week = Math.floor(d / 7);
      if (wd >= 5) {
        if (week % 4 === e % 4) assignments.push({ employee: id, date, code: consents ? 'L' : 'D' });
        continue;
      }
      if (wd === 2 && Number(date.slice(8)) <= 7 && e % 3 === 0) {
        assignments.push({ employee: id, date, code: 'MØTE' });
        continue;
      }
      const r = rnd();
      if (r < 0.6) assignments.push({ employee: id, date, code: r < 0.3 ? 'D' : r < 0.5 ? 'A' : 'N' });
    }
  }
  const demand = [
    { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 2 },
    { dayType: 'weekday', shift: 'D', competence: 'any', count: 8 },
    { dayType: 'weekday', shift: 'A', competence: 'sykepleier', count: 1 },
    { dayType: 'weekday', shift: 'A', competence: 'any', count: 6 },
    { dayType: 'weekday', shift: 'N', competence: 'any', count: 3 },
    { dayType: 'saturday', shift: 'L', competence: 'any', count: 9 },
    { dayType: 'sunday', shift: 'L', competence: 'any', count: 9 },
    { dayType: 'holiday', shift: 'L', competence: 'any', count: 9 },
  ];
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Benchmark', weekendFrequency: 4, weekendAnchor: '2027-01-09' },
    period: { start, end: endDate },
    rules: { agreements: { maxShiftHours: 12.5 } },
    shiftTypes: DEFAULT_SHIFT_TYPES,
    employees,
    demand,
    assignments,
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const p = plan(N, MONTHS);
const ctx = {
  planName: 'Benchmark',
  status: { status: 'til_drofting', droftingDate: '2026-12-10', droftingNames: ['Tillitsvalgt A', 'Tillitsvalgt B'] },
  agreementRecords: [{ key: 'maxShiftHours', signedDate: '2026-10-01', parties: 'NSF og Fagforbundet' }],
  generatedAt: new Date().toISOString(),
  generatedBy: 'bench',
};
async function timed(fn) {
  const times = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    out = await fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), out };
}

const rows = [];
const html = await timed(() => buildReviewPackHtml(reviewPackInput({ ...ctx, plan: p })));
if (process.env.BENCH_PACK_HTML) (await import('node:fs')).writeFileSync(process.env.BENCH_PACK_HTML, html.out);
rows.push(['Figurer + HTML (reviewPackInput + buildReviewPackHtml)', html.ms, `${(html.out.length / 1e6).toFixed(1)} MB HTML`]);
if (findChromium()) {
  const pdf = await timed(() => buildExport(p, 'pdf', ctx));
  rows.push([
    'PDF i alt (buildExport pdf: figurer, HTML, Chromium)',
    pdf.ms,
    `${(pdf.out[0].data.length / 1e6).toFixed(1)} MB, budsjett 10 000 ms ${pdf.ms < 10_000 ? 'holdt' : 'BRUTT'}`,
  ]);
} else {
  rows.push(['PDF', NaN, 'ingen Chromium funnet (CHROMIUM_PATH)']);
}
const xlsx = await timed(() => buildExport(p, 'xlsx', ctx));
rows.push(['Excel (buildExport xlsx)', xlsx.ms, `${(xlsx.out[0].data.length / 1e6).toFixed(1)} MB`]);

console.log(
  `Drøftingspakke og Excel: ${N} ansatte, ${MONTHS} måneder (${p.assignments.length} celler), median av ${RUNS} kjøringer; ` +
    `${os.cpus().length} kjerner, Node ${process.version}, belastning ${os.loadavg()[0].toFixed(1)}\n`,
);
console.log('| Måling | Median (ms) | Merknad |');
console.log('|---|---:|---|');
for (const [name, ms, note] of rows) console.log(`| ${name} | ${Number.isFinite(ms) ? Math.round(ms) : '–'} | ${note} |`);
