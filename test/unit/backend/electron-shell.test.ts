/**
 * What can be checked of the Electron shell without an Electron binary (the rest is in
 * test/electron/app.spec.ts, which runs where the binary exists): the compiled preload needs
 * nothing but `electron` (so it runs with sandbox: true), both ends use the same channel, and
 * the window is created with the secure settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateBuild } from './build';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const mainSrc = fs.readFileSync(path.join(ROOT, 'electron', 'main', 'main.ts'), 'utf8');
const preloadSrc = fs.readFileSync(path.join(ROOT, 'electron', 'main', 'preload.ts'), 'utf8');

const builtDir = privateBuild();

describe('electron shell', () => {
  it('the compiled preload requires only electron and exposes only turnusBridge', () => {
    const js = fs.readFileSync(path.join(builtDir(), 'electron', 'main', 'preload.js'), 'utf8');
    const requires = [...js.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect([...js.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1])).toEqual(['turnusBridge']);
  });

  it('preload and main use the same single channel', () => {
    const pre = [...preloadSrc.matchAll(/ipcRenderer\.invoke\(\s*'([^']+)'/g)].map((m) => m[1]);
    expect(pre).toEqual(['turnus:invoke']);
    expect(mainSrc).toContain("export const INVOKE_CHANNEL = 'turnus:invoke';");
    expect(mainSrc.match(/ipcMain\.handle\(/g)).toHaveLength(1);
    expect(preloadSrc).not.toMatch(/ipcRenderer\.(send|on)\b|exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });

  it('the window is isolated and sandboxed, and the shell blocks navigation, windows and permissions', () => {
    for (const s of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webviewTag: false',
      'setWindowOpenHandler',
      "'will-navigate'",
      'setPermissionRequestHandler',
      'requestSingleInstanceLock',
      'isTrustedSender',
    ]) {
      expect(mainSrc, s).toContain(s);
    }
    expect(mainSrc).not.toMatch(/nodeIntegration:\s*true|sandbox:\s*false|contextIsolation:\s*false|webSecurity:\s*false/);
  });

  it('main uses the shared backend start-up (same dispatcher as the browser host)', () => {
    expect(mainSrc).toContain("from '../backend/runtime'");
    const host = fs.readFileSync(path.join(ROOT, 'electron', 'host', 'browser-host.ts'), 'utf8');
    expect(host).toContain("from '../backend/runtime'");
  });
});
