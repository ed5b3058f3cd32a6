import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function hasElectronBinary(): boolean {
  try {
    const p = createRequire(path.join(ROOT, 'package.json'))('electron') as unknown as string;
    return fs.existsSync(p);
  } catch {
    return false;
  }
}

describe('scripts/ensure-native.mjs', () => {
  it('node: better-sqlite3 loads in this Node (nothing to rebuild) and it says so', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-native.mjs'), 'node'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('better-sqlite3 lastes i Node: ok');
  });

  it('refuses an unknown target with usage in Norwegian', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-native.mjs'), 'toaster'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Bruk: node scripts/ensure-native.mjs node|electron');
  });

  it.skipIf(hasElectronBinary())('electron without the Electron binary: a clear message, exit 1, nothing rebuilt', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-native.mjs'), 'electron'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Electron-programmet mangler');
    // the Node build is untouched
    const n = spawnSync(process.execPath, ['-e', "require('better-sqlite3')(':memory:')"], { cwd: ROOT, encoding: 'utf8' });
    expect(n.status).toBe(0);
  });
});
