// The «load» measurement of scripts/bench-scale.mjs (issue 19): 20 concurrent clients edit
// cells (setCells over HTTP, the browser host in its own process, as the renderer calls it)
// across the 12 plans, first without an export, then while one client exports the largest unit
// as XLSX and as PDF, then without again. Reports p99 of setCells in each phase and the ratio
// (must reach: p99 with the export below 3× p99 without, in the same run).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile, median } from './stats.mjs';
import { fmt as fmtLong, log } from './scale-report.mjs';

const now = () => performance.now();
/** Milliseconds with one decimal below 100 ms (call latencies). */
const fmt = (ms) => (ms < 100 ? `${ms.toFixed(1).replace('.', ',')} ms` : fmtLong(ms));

/** Starts the compiled browser host on `file` in a child process; resolves { url, token, stop }. */
function startHostProcess(build, file) {
  const hostJs = path.join(build, 'electron', 'host', 'browser-host.js');
  const code = `require(${JSON.stringify(hostJs)}).startBrowserHost({ dataFile: ${JSON.stringify(file)}, port: 0, backups: false, linkFile: false })
    .then((h) => process.stdout.write(JSON.stringify({ url: h.url, token: h.token }) + '\\n'), (e) => { console.error(e); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (c) => reject(new Error(`Verten avsluttet (kode ${c}) før den var klar.`)));
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const { url, token } = JSON.parse(out.slice(0, nl));
      child.removeAllListeners('exit');
      const stop = () =>
        new Promise((r) => {
          child.on('exit', r);
          child.kill('SIGTERM');
        });
      resolve({ url, token, stop });
    });
  });
}

export async function measureLoad({ build, file, v, seeded, largest, chromium, clients = 20, baselineMs = 20_000 }) {
  log(`Last: ${clients} samtidige klienter redigerer celler (setCells over HTTP), med og uten eksport:`);
  const host = await startHostProcess(build, file);
  let retries = 0;
  const post = (method, args) =>
    fetch(new URL(`rpc/${method}`, host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-turnus-token': host.token },
      body: JSON.stringify(args),
    });
  const rpc = async (method, args) => {
    let res;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await post(method, args);
        break;
      } catch (e) {
        // A kept-alive socket the server closed just as it was reused (Node's keep-alive
        // timeout race): send again, and the call's time includes the lost attempt.
        const code = e?.cause?.code;
        if (attempt >= 3 || !['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(code)) throw e;
        retries++;
      }
    }
    const body = await res.json();
    if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
    return body.result;
  };
  const samples = { uten: [], med: [] };
  let phase = 'uten';
  let stop = false;
  const client = async (i) => {
    const u = i % seeded.length;
    const cells = v.units[u].cells.filter((c) => c.code !== null && !c.pinned);
    let k = (i * 7919) % cells.length;
    for (let n = 0; !stop; n++) {
      const c = cells[k];
      k = (k + 13) % cells.length;
      const change = { employeeId: seeded[u].ids.get(c.employee), date: c.date, code: n % 2 === 0 ? null : c.code };
      const t = now();
      const at = phase;
      await rpc('setCells', [seeded[u].planId, [change]]);
      samples[at].push(now() - t);
    }
  };
  const exports = [];
  try {
    for (let i = 0; i < 40; i++) await rpc('listUnits', []); // warm-up of the host
    const running = Array.from({ length: clients }, (_, i) => client(i));
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    await wait(baselineMs / 2);
    phase = 'med';
    const id = seeded[largest].planId;
    const n = v.units[largest].employees.length;
    for (const format of chromium ? ['xlsx', 'pdf'] : ['xlsx']) {
      const t = now();
      const res = await rpc('exportPlan', [id, format]);
      exports.push({ format, ms: now() - t, kB: Math.round((res.files[0].base64.length * 0.75) / 1024), employees: n });
    }
    phase = 'uten';
    await wait(baselineMs / 2);
    stop = true;
    await Promise.all(running);
  } finally {
    stop = true;
    await host.stop();
  }
  const p = (xs, q) => percentile(xs, q);
  const summary = {
    clients,
    retries,
    exports,
    uten: { calls: samples.uten.length, p50: median(samples.uten), p99: p(samples.uten, 0.99), max: Math.max(...samples.uten) },
    med: { calls: samples.med.length, p50: median(samples.med), p99: p(samples.med, 0.99), max: Math.max(...samples.med) },
  };
  summary.ratio = summary.med.p99 / summary.uten.p99;
  summary.pass = summary.ratio < 3;
  for (const e of exports) log(`  ${e.format.toUpperCase()} av største avdeling (${e.employees} ansatte): ${fmt(e.ms)}, ${e.kB} kB`);
  log(
    `  setCells uten eksport: p50 ${fmt(summary.uten.p50)}, p99 ${fmt(summary.uten.p99)} (${summary.uten.calls} kall); ` +
      `med eksport: p50 ${fmt(summary.med.p50)}, p99 ${fmt(summary.med.p99)}, maks ${fmt(summary.med.max)} (${summary.med.calls} kall)` +
      (retries ? `; ${retries} kall sendt på nytt etter brutt forbindelse` : ''),
  );
  return summary;
}

/** The load result as lines for the report on stdout. */
export function loadLines(s) {
  const r = s.ratio.toFixed(2).replace('.', ',');
  return [
    '',
    `Last (${s.clients} samtidige klienter, setCells over HTTP; eksport av største avdeling: ${s.exports.map((e) => `${e.format.toUpperCase()} ${fmt(e.ms)}`).join(', ')}):`,
    '',
    '| setCells | Kall | p50 | p99 | Maks |',
    '|---|---|---|---|---|',
    `| uten eksport | ${s.uten.calls} | ${fmt(s.uten.p50)} | ${fmt(s.uten.p99)} | ${fmt(s.uten.max)} |`,
    `| med XLSX + PDF-eksport | ${s.med.calls} | ${fmt(s.med.p50)} | ${fmt(s.med.p99)} | ${fmt(s.med.max)} |`,
    '',
    `p99 med eksport / p99 uten = **${r}×** (krav: under 3×): ${s.pass ? 'ja' : '**nei**'}`,
  ];
}
