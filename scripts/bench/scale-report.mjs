// Timing, recording and the markdown report of scripts/bench-scale.mjs.
import { performance } from 'node:perf_hooks';
import { median } from './stats.mjs';

export const now = () => performance.now();

/** Runs fn `runs` times after `warmup` untimed runs; returns the times in ms. */
export async function timeRuns(fn, runs, warmup = 1) {
  for (let i = 0; i < warmup; i++) await fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await fn();
    xs.push(now() - t);
  }
  return xs;
}

export const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2).replace('.', ',')} s` : `${Math.round(ms)} ms`);
export const log = (s) => process.stderr.write(`${s}\n`);

/** The measurements so far, in the order they were taken. */
export const results = [];

export function record(id, label, budgetMs, times, note = '') {
  const r = {
    id,
    label,
    budgetMs,
    runs: times.length,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    note,
  };
  results.push(r);
  log(`  ${label}: median ${fmt(r.medianMs)} (budsjett ${budgetMs ? fmt(budgetMs) : '–'})`);
  return r;
}

/** One API call through the dispatcher; throws on an error answer. */
export async function call(dispatch, method, ...args) {
  const res = await dispatch(method, args);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.result;
}

/** The result table on stdout, after the given header lines. */
export function printReport(headerLines) {
  const rows = results.map(
    (r) =>
      `| ${r.label} | ${r.budgetMs ? `< ${fmt(r.budgetMs)}` : '–'} | ${fmt(r.medianMs)} | ${fmt(r.minMs)}–${fmt(r.maxMs)} (${r.runs}) | ${r.budgetMs ? (r.medianMs <= r.budgetMs ? 'ja' : '**nei**') : '–'} | ${r.note} |`,
  );
  for (const line of headerLines) console.log(line);
  console.log('');
  console.log('| Måling | Budsjett | Median | Min–maks (kjøringer) | Innenfor | Merknad |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}
