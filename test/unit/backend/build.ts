import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Compiles shared/ + electron/ + cli/ with tsc (tsconfig.node.json) into a private folder
 * under .tmp/ (so tests never race the real dist/), for tests that need plain JS: child
 * processes and the compiled preload. Type errors elsewhere do not block emitting.
 */
export function buildNode(): { dir: string; cleanup(): void } {
  const dir = path.join(ROOT, '.tmp', `vitest-build-${process.pid}-${Date.now()}`);
  const tsc = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');
  spawnSync(tsc, ['-p', path.join(ROOT, 'tsconfig.node.json'), '--outDir', dir, '--sourceMap', 'false'], { cwd: ROOT, encoding: 'utf8' });
  if (!fs.existsSync(path.join(dir, 'electron', 'backend', 'db.js'))) {
    throw new Error(`tsc did not emit electron/backend/db.js into ${dir}`);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
