#!/usr/bin/env node
/**
 * UI benchmark for the planning grid (issue 5): a 60-employee × 12-month plan, seeded through
 * the API, opened in Debian Chromium through the browser host.
 *
 *   npm run build && TZ=Europe/Oslo node scripts/bench-ui.mjs [--employees 60] [--edits 40] [--serve]
 *
 * --trace FILE writes a Chromium trace of the scroll across the year (--trace-phase edit: of the
 * edits instead); --cpuprofile FILE writes a V8 CPU profile of the scroll (.cpuprofile, for
 * DevTools); open a trace in DevTools or ui.perfetto.dev.
 * --serve seeds the plan, prints its URL and keeps the host running (for a look or a profile).
 *
 * Prints JSON: first render (navigation → first paint of the grid with cells, a
 * performance.mark in renderer/src/views/Grid.tsx), edit-to-paint (a typed code → the next
 * painted frame, median and p95), and frame times while scrolling the grid across the year
 * and down the staff list (frames over 1.5 × 16.7 ms count as dropped), plus the same scrolls of
 * an empty box of the same size (`scrollFloorEmptyBox`: what this machine drops anyway).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { median, percentile as pct } from './bench/stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { CHROMIUM_ARGS } = createRequire(import.meta.url)(path.join(ROOT, 'dist/electron/backend/exchange/pdf.js'));
const arg = (name, def) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const EMPLOYEES = arg('employees', 60);
const EDITS = arg('edits', 40);
const START = '2027-01-04';

async function startHost() {
  const dir = mkdtempSync(path.join(tmpdir(), 'turnus-bench-ui-'));
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/electron/host/browser-host.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', TURNUS_DB: path.join(dir, 'bench.sqlite') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const link = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /TURNUS_HOST_READY (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (c) => reject(new Error('browser-host exited with ' + c)));
  });
  // The ready line carries the link with the token in its fragment (never served over HTTP).
  const [url, token] = link.split('#token=');
  const call = async (method, ...args) => {
    const res = await fetch(new URL('rpc/' + method, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-turnus-token': token },
      body: JSON.stringify(args),
    });
    const body = await res.json();
    if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
    return body.result;
  };
  return {
    url,
    link,
    token,
    call,
    stop: () => {
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const DAY_MS = 86_400_000;
const dateAt = (i) => new Date(Date.parse(START + 'T00:00:00Z') + i * DAY_MS).toISOString().slice(0, 10);

async function seed(call) {
  const unit = await call('createUnit', 'Benchmark');
  const employees = [];
  for (let i = 0; i < EMPLOYEES; i++) {
    employees.push(
      await call('addEmployee', unit.id, {
        name: `Ansatt ${String(i + 1).padStart(2, '0')}`,
        competence: ['sykepleier', 'helsefagarbeider', 'helsefagarbeider', 'assistent'][i % 4],
        position: [1, 0.8, 0.75, 0.6, 0.5][i % 5],
        consentsLongShifts: i % 5 !== 4,
        weekendGroup: i % 4,
      }),
    );
  }
  await call('setDemand', unit.id, [
    { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 3 },
    { dayType: 'weekday', shift: 'D', competence: 'any', count: 9 },
    { dayType: 'weekday', shift: 'A', competence: 'any', count: 8 },
    { dayType: 'weekday', shift: 'N', competence: 'any', count: 3 },
    { dayType: 'saturday', shift: 'L', competence: 'any', count: 10 },
    { dayType: 'sunday', shift: 'L', competence: 'any', count: 10 },
    { dayType: 'holiday', shift: 'L', competence: 'any', count: 10 },
  ]);
  const plan = await call('createPlan', unit.id, 'Årsturnus 2027', START, 12);
  const days = Math.round((Date.parse(plan.end) - Date.parse(plan.start)) / DAY_MS) + 1;
  const changes = [];
  employees.forEach((e, i) => {
    for (let k = 0; k < days; k++) {
      const wd = k % 7; // START is a Monday
      const week = Math.floor(k / 7);
      if (wd >= 5) {
        if (week % 4 === i % 4) changes.push({ employeeId: e.id, date: dateAt(k), code: e.consentsLongShifts ? 'L' : 'D' });
        continue;
      }
      const perWeek = Math.round(e.position * 4.5);
      if ((wd - ((i + week) % 5) + 5) % 5 >= perWeek) continue;
      changes.push({ employeeId: e.id, date: dateAt(k), code: i % 10 === 0 ? 'N' : (week + i) % 2 ? 'A' : 'D' });
    }
  });
  for (let i = 0; i < changes.length; i += 5000) await call('setCells', plan.id, changes.slice(i, i + 5000));
  return { plan, days, cells: changes.length };
}

const round = (x) => Math.round(x * 10) / 10;

const host = await startHost();
let browser;
try {
  const t0 = Date.now();
  const { plan, days, cells } = await seed(host.call);
  const seedMs = Date.now() - t0;
  if (process.argv.includes('--serve')) {
    // Keep the seeded host running for a look or a profile; stop with Ctrl+C.
    console.log(`Åpne ${host.link} og deretter #/plan/${plan.id}`);
    await new Promise((resolve) => process.once('SIGINT', resolve));
    process.exit(0);
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--headless', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // Open the link once (the page keeps the token for the tab), then measure the plan.
  await page.goto(host.link);

  // First render, measured twice (cold and warm cache); the second is reported.
  const firstRender = [];
  for (let i = 0; i < 2; i++) {
    await page.goto(new URL(`#/plan/${plan.id}`, host.url).href);
    await page.waitForFunction(() => performance.getEntriesByName('turnus:grid-ready').length > 0, null, { timeout: 60_000 });
    firstRender.push(await page.evaluate(() => performance.getEntriesByName('turnus:grid-ready')[0].startTime));
    if (i === 0) await page.reload();
  }

  const traceFile = process.argv.includes('--trace') ? process.argv[process.argv.indexOf('--trace') + 1] : null;
  const tracePhase = process.argv.includes('--trace-phase') ? process.argv[process.argv.indexOf('--trace-phase') + 1] : 'scroll';
  const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'v8.execute'];
  if (traceFile && tracePhase === 'edit') await browser.startTracing(page, { path: traceFile, categories: TRACE_CATEGORIES });
  // --cpuprofile FILE: a V8 CPU profile of the scroll across the year, or of the edits with
  // --trace-phase edit, or of the scroll down the staff with --trace-phase down.
  const profAt = process.argv.indexOf('--cpuprofile');
  const cdp = profAt > 0 ? await page.context().newCDPSession(page) : null;
  const startProfile = async () => {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  };
  const stopProfile = async () => {
    const { profile } = await cdp.send('Profiler.stop');
    (await import('node:fs')).writeFileSync(process.argv[profAt + 1], JSON.stringify(profile));
  };
  if (cdp && tracePhase === 'edit') await startProfile();
  // Edit-to-paint: type a code into the grid, wait for the frame after it.
  await page.locator('.grid-scroll').focus();
  const edit = await page.evaluate(async (n) => {
    const grid = document.querySelector('.grid-scroll');
    const out = [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (let i = 0; i < n; i++) {
      if (i % 20 === 0) {
        grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
        await frame();
      }
      const t = performance.now();
      grid.dispatchEvent(new KeyboardEvent('keydown', { key: ['d', 'a', 'n'][i % 3], bubbles: true }));
      await frame();
      out.push(performance.now() - t);
    }
    return out;
  }, EDITS);

  if (traceFile && tracePhase === 'edit') await browser.stopTracing();
  if (cdp && tracePhase === 'edit') await stopProfile();

  // Scrolling: move the grid every frame, record the frame intervals.
  const scroll = async (axis, step, frames) =>
    page.evaluate(
      async ({ axis, step, frames }) => {
        const el = document.querySelector('.grid-scroll');
        el.scrollLeft = 0;
        el.scrollTop = 0;
        await new Promise((r) => requestAnimationFrame(r));
        const times = [];
        let last = performance.now();
        for (let i = 0; i < frames; i++) {
          if (axis === 'x') el.scrollLeft += step;
          else el.scrollTop += step;
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        return times;
      },
      { axis, step, frames },
    );
  // --trace FILE: a Chromium trace of the scroll across the year (or of the edits, with
  // --trace-phase edit), for a look at what a frame costs.
  if (cdp && tracePhase === 'scroll') await startProfile();
  if (traceFile && tracePhase === 'scroll') await browser.startTracing(page, { path: traceFile, categories: TRACE_CATEGORIES });
  const across = await scroll('x', 60, 200);
  if (traceFile && tracePhase === 'scroll') await browser.stopTracing();
  if (cdp && tracePhase === 'scroll') await stopProfile();
  if (cdp && tracePhase === 'down') await startProfile();
  const down = await scroll('y', 20, 80);
  if (cdp && tracePhase === 'down') await stopProfile();
  // The floor: the same scrolls of an empty box of the same size in the same browser, so a
  // reader can tell frames the grid drops from frames this machine drops anyway.
  const box = await page.evaluate(() => {
    const el = document.querySelector('.grid-scroll');
    return { w: el.clientWidth, h: el.clientHeight, sw: el.scrollWidth, sh: el.scrollHeight };
  });
  await page.setContent(
    `<!doctype html><div class="grid-scroll" style="width:${box.w}px;height:${box.h}px;overflow:auto;background:#fff"><div style="width:${box.sw}px;height:${box.sh}px"></div></div>`,
  );
  await page.waitForTimeout(300);
  const floorAcross = await scroll('x', 60, 200);
  const floorDown = await scroll('y', 20, 80);
  const frameStats = (xs) => ({
    frames: xs.length,
    medianMs: round(median(xs)),
    p95Ms: round(pct(xs, 0.95)),
    dropped: xs.filter((x) => x > 25).length,
  });

  const result = {
    plan: { employees: EMPLOYEES, days, cells, seedMs },
    firstRenderMs: { cold: round(firstRender[0]), warm: round(firstRender[1]) },
    editToPaintMs: { edits: edit.length, median: round(median(edit)), p95: round(pct(edit, 0.95)) },
    scrollAcrossYear: frameStats(across),
    scrollDownStaff: frameStats(down),
    scrollFloorEmptyBox: { acrossYear: frameStats(floorAcross), downStaff: frameStats(floorDown) },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser?.close();
  host.stop();
}
