/**
 * The Electron shell on a developer machine (needs the Electron binary and `npm run build`;
 * better-sqlite3 must be built for Electron: `node scripts/ensure-native.mjs electron`).
 * Where the binary is missing (ELECTRON_SKIP_BINARY_DOWNLOAD=1), every test is SKIPPED and
 * the reason is printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test, expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..', '..');
const require = createRequire(path.join(ROOT, 'package.json'));

function electronBinary(): { path: string | null; reason: string } {
  try {
    const p = require('electron') as unknown as string;
    if (typeof p === 'string' && fs.existsSync(p)) return { path: p, reason: '' };
    return { path: null, reason: `Electron-binærfilen finnes ikke (${String(p)})` };
  } catch (e) {
    return { path: null, reason: `Electron-binærfilen mangler: ${(e as Error).message}` };
  }
}

const bin = electronBinary();
const built =
  fs.existsSync(path.join(ROOT, 'dist', 'electron', 'main', 'main.js')) && fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'));
const skipReason = !bin.path
  ? `${bin.reason}. Installer Electron med nettilgang (npm rebuild electron) for å kjøre disse testene.`
  : !built
    ? 'dist/ er ikke bygget: kjør npm run build først.'
    : '';
if (skipReason) console.log(`[test/electron] HOPPER OVER: ${skipReason}`);

test.skip(!!skipReason, skipReason);

let dir: string;
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnus-electron-'));
});
test.afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The environment for the app: our data file, and never ELECTRON_RUN_AS_NODE. */
function appEnv(dbFile: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env.TURNUS_DB = dbFile;
  return env;
}

async function launch(dbFile: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: bin.path!,
    args: [ROOT, ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: appEnv(dbFile),
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test('starts, exposes only turnusBridge and no Node in the page', async () => {
  const { app, page } = await launch(path.join(dir, 'turnus.sqlite'));
  try {
    expect(await page.title()).toBeTruthy();
    expect(await page.evaluate(() => typeof (window as unknown as { turnusBridge?: { invoke?: unknown } }).turnusBridge?.invoke)).toBe(
      'function',
    );
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0].webContents;
      return { url: wc.getURL() };
    });
    expect(prefs.url).toMatch(/^file:.*\/dist\/renderer\/index\.html/);
  } finally {
    await app.close();
  }
});

test('navigation away from the app and new windows are blocked', async () => {
  const { app, page } = await launch(path.join(dir, 'turnus.sqlite'));
  try {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    await page.evaluate(() => {
      window.open('https://example.com/');
    });
    await page.waitForTimeout(500);
    expect(app.windows().length).toBe(1);
  } finally {
    await app.close();
  }
});

test('an IPC round trip persists after a relaunch; bad calls get the error envelope', async () => {
  const file = path.join(dir, 'turnus.sqlite');
  type Bridge = { turnusBridge: { invoke(m: string, a: unknown[]): Promise<{ ok: boolean; result?: unknown; error?: unknown }> } };
  let { app, page } = await launch(file);
  try {
    const created = await page.evaluate(() => (window as unknown as Bridge).turnusBridge.invoke('createUnit', ['Solsiden']));
    expect(created).toMatchObject({ ok: true, result: { name: 'Solsiden' } });
    const bad = await page.evaluate(() => (window as unknown as Bridge).turnusBridge.invoke('constructor', []));
    expect(bad).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const info = await page.evaluate(() => (window as unknown as Bridge).turnusBridge.invoke('appInfo', []));
    expect(info).toMatchObject({ ok: true, result: { mode: 'electron', dataFile: file } });
  } finally {
    await app.close();
  }
  ({ app, page } = await launch(file));
  try {
    const units = await page.evaluate(() => (window as unknown as Bridge).turnusBridge.invoke('listUnits', []));
    expect(units).toMatchObject({ ok: true, result: [{ name: 'Solsiden' }] });
  } finally {
    await app.close();
  }
});

test('a second instance on the same data file does not start a second window', async () => {
  const file = path.join(dir, 'turnus.sqlite');
  const { app } = await launch(file);
  try {
    const second = await electron
      .launch({
        executablePath: bin.path!,
        args: [ROOT, ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        env: appEnv(file),
      })
      .catch(() => null);
    if (second) {
      await new Promise<void>((resolve) => {
        second.process().once('exit', () => resolve());
        setTimeout(resolve, 10_000);
      });
      expect(second.process().exitCode).not.toBeNull();
    }
    expect(app.windows().length).toBe(1);
  } finally {
    await app.close();
  }
});
