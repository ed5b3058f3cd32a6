#!/usr/bin/env node
// Start-up time of the `turnus` command for the commands people run often on small files
// (issue 13: `turnus check` and `turnus report` start in under 300 ms). Each command runs
// `--runs` times after one warm-up, beside `node -e 0` (Node's own start) in the same run, so
// the figure can be read against the machine's floor. Output: a markdown table on stdout.
//
//   node scripts/bench-cli.mjs [--runs 15]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './bench/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 15) || 15;
const plan = path.join(root, 'test', 'fixtures', 'rules-november.turnus.json');
const bin = path.join(root, 'bin', 'turnus.js');

const cases = [
  { name: 'node -e 0 (gulvet)', argv: ['-e', '0'] },
  { name: 'turnus check (2 KB)', argv: [bin, 'check', plan] },
  { name: 'turnus report (2 KB)', argv: [bin, 'report', plan] },
  { name: 'turnus --help', argv: [bin, '--help'] },
];

// CPU time (user + system) of the child as GNU time reports it, where /usr/bin/time exists: it
// is far less sensitive than the wall clock to other work on the machine's cores.
const gnuTime = spawnSync('/usr/bin/time', ['-f', '%U %S', 'true'], { stdio: 'ignore' }).status === 0;

function time(argv) {
  const t0 = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...argv], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, argv, { cwd: root, stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  const last = gnuTime ? r.stderr.trim().split('\n').pop() : '';
  const [u, sys] = last.split(' ').map(Number);
  return { wall, cpu: gnuTime ? (u + sys) * 1000 : NaN };
}

const rows = [];
for (const c of cases) {
  time(c.argv);
  const xs = Array.from({ length: runs }, () => time(c.argv));
  const wall = xs.map((x) => x.wall);
  rows.push({ ...c, median: median(wall), p90: percentile(wall, 0.9), cpu: median(xs.map((x) => x.cpu)) });
}
const floor = rows[0].median;
console.log(`| kommando | median vegg (ms) | p90 vegg (ms) | median CPU (ms) | over Node-start (ms) | mål (vegg) |`);
console.log(`|---|---:|---:|---:|---:|---|`);
for (const r of rows) {
  const goal =
    r.name.startsWith('turnus check') || r.name.startsWith('turnus report') ? (r.median < 300 ? '< 300 ms ✓' : '< 300 ms ✗') : '';
  console.log(
    `| ${r.name} | ${r.median.toFixed(0)} | ${r.p90.toFixed(0)} | ${Number.isNaN(r.cpu) ? '–' : r.cpu.toFixed(0)} | ${(r.median - floor).toFixed(0)} | ${goal} |`,
  );
}
console.log(`\n${runs} kjøringer per kommando etter én oppvarming; Node ${process.version}.`);
