// The «render» measurement of scripts/bench-scale.mjs: Debian Chromium (Playwright) opens the
// largest unit's plan, and one plan with the whole virksomhet, in the real UI through the browser
// host: navigation → first paint of the grid with cells (performance mark «turnus:grid-ready»).
import fs from 'node:fs';
import path from 'node:path';
import { call, fmt, log, record, results } from './scale-report.mjs';

export async function measureRender({ root, file, runs, v, seeded, largest, startBrowserHost, wholePlanFile, chromiumArgs }) {
  const staticDir = path.join(root, 'dist', 'renderer');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    log('Vise: hoppet over (brukergrensesnittet er ikke bygget; kjør «npm run build:renderer»).');
    return;
  }
  if (!fs.existsSync(chromiumPath)) {
    log(`Vise: hoppet over (fant ikke Chromium på ${chromiumPath}; sett CHROMIUM_PATH).`);
    return;
  }
  log('Vise:');
  const host = await startBrowserHost({ dataFile: file, port: 0, staticDir, backups: false, linkFile: false });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--headless', '--disable-quic'],
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
    record(
      'render-whole',
      `Vise én plan med alle ${whole.employees.length} ansatte i rutenettet: navigasjon → første maling`,
      3000,
      warmWhole,
    );
  } finally {
    await browser.close();
    await host.close();
  }
}
