/**
 * Worker-scoped browser host: each Playwright worker spawns `node dist/electron/host/browser-host.js`
 * with PORT=0 and its own temp TURNUS_DB, reads the link (`http://127.0.0.1:PORT/#token=…`) from
 * the TURNUS_HOST_READY line and kills the host afterwards. Tests get `baseURL` pointing at it,
 * a `page` that has opened the link first (as a user does: the page keeps the token for the
 * tab), plus a small `api` helper to seed data over the same RPC the renderer uses.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Host {
  url: string;
  /** The address with the token in its fragment, as the host prints it. */
  link: string;
  token: string;
  dbFile: string;
  /** Calls an API method over HTTP, like the renderer does; throws on an error envelope. */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
}

const ROOT = path.resolve(__dirname, '../..');

export async function startHost(): Promise<{ host: Host; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'turnus-e2e-'));
  const dbFile = path.join(dir, 'turnus.sqlite');
  const proc: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist/electron/host/browser-host.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', TURNUS_DB: dbFile, TZ: 'Europe/Oslo' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  const link = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser-host did not start in 20 s.\n${out}\n${stderr}`)), 20_000);
    proc.stdout!.on('data', (d) => {
      out += String(d);
      const m = /TURNUS_HOST_READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser-host exited with ${code}.\n${out}\n${stderr}`));
    });
  });
  const [url, token] = link.split('#token=');
  const host: Host = {
    url,
    link,
    token,
    dbFile,
    async call(method, ...args) {
      const res = await fetch(new URL('rpc/' + method, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-turnus-token': token },
        body: JSON.stringify(args),
      });
      const body = (await res.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.result as never;
    },
  };
  return {
    host,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ waitSaved: (page: Page) => Promise<void> }, { host: Host }>({
  host: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from the first argument's destructuring pattern, so `{}` (no dependencies) is required
    async ({}, use) => {
      const h = await startHost();
      await use(h.host);
      await h.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
  page: async ({ page, host }, use) => {
    // Open the link with the token as the user does; the page moves it to sessionStorage, so
    // later page.goto('/…') in the same tab is authorised.
    await page.goto(host.link);
    await expect(page).toHaveURL(host.url);
    await use(page);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from the first argument's destructuring pattern, so `{}` (no dependencies) is required
  waitSaved: async ({}, use) => {
    await use(async (page: Page) => {
      await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'lagret', { timeout: 10_000 });
    });
  },
});

export { expect };

/** A unique name per test, so tests sharing a worker's database never collide. */
export function uniq(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

const attr = (s: string) => s.replace(/["\\]/g, '\\$&');

/** The grid row (the employee's day cells) of an employee, by exact name. */
export function rowOf(page: Page, name: string) {
  return page.locator(`.grow[data-name="${attr(name)}"]`);
}

/** One grid cell: employee name and day index in the plan (0 = first day). */
export function cellOf(page: Page, name: string, dayIndex: number) {
  return rowOf(page, name).locator(`[data-c="${dayIndex}"]`);
}

/** One of the employee's figures on the right: planned, target, pct, weekends, hits. */
export function statOf(page: Page, name: string, stat: 'planned' | 'target' | 'pct' | 'weekends' | 'hits') {
  return page.locator(`.srow[data-name="${attr(name)}"] [data-stat="${stat}"]`);
}

/** Creates a unit through the UI and returns to its staff page. */
export async function createUnitUI(page: Page, name: string) {
  await page.goto('/');
  await page.getByLabel('Navn på avdelingen').fill(name);
  await page.getByRole('button', { name: 'Opprett avdeling' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function addEmployeeUI(page: Page, e: { name: string; competence?: string; pct: string; longShifts?: boolean }) {
  const form = page.getByRole('form', { name: 'Ny ansatt' });
  await form.getByLabel('Navn', { exact: true }).fill(e.name);
  if (e.competence) await form.getByLabel('Kompetanse').selectOption(e.competence);
  await form.getByLabel('Stillingsprosent', { exact: true }).fill(e.pct);
  if (e.longShifts) await form.getByLabel('Har samtykket til langvakter').check();
  await form.getByRole('button', { name: 'Legg til ansatt' }).click();
  await expect(page.getByRole('table', { name: 'Ansatte' }).getByRole('cell', { name: e.name, exact: true })).toBeVisible();
}

/** Scrolls the grid so a day column is rendered (the grid is virtualised). */
export async function scrollToDay(page: Page, dayIndex: number) {
  await page.locator('.grid-scroll').evaluate(
    (el, x) => {
      el.scrollLeft = Math.max(0, x);
    },
    dayIndex * 34 - 100,
  );
  await page.waitForTimeout(50);
}

/** Scrolls the grid down, from the top, until an employee's row is rendered (the rows are virtualised too). */
export async function scrollToRow(page: Page, name: string) {
  for (let top = 0; top <= 20_000 && !(await rowOf(page, name).count()); top += 150) {
    await page.locator('.grid-scroll').evaluate((el, y) => {
      el.scrollTop = y;
    }, top);
    await page.waitForTimeout(50);
  }
}

/** Scrolls to the day and asserts the cell's text. */
export async function expectCell(page: Page, name: string, dayIndex: number, text: string) {
  const c = cellOf(page, name, dayIndex);
  if (!(await c.count())) await scrollToDay(page, dayIndex);
  await expect(c).toHaveText(text);
}
