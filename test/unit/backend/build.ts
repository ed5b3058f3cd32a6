import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Set by `npm test` (scripts/run-tests.mjs) to dist/ right after its build succeeded: the
 * compiled backend and CLI are then fresh, and no test compiles them again.
 */
export const PREBUILT = process.env.TURNUS_TEST_NODE_BUILD;

/** tsc -p tsconfig.node.json into dist/ unless `npm test` has just done it (for the CLI tests). */
export function buildDist(): void {
  if (PREBUILT && path.resolve(PREBUILT) === path.join(ROOT, 'dist')) return;
  // Other areas' in-progress type errors do not stop the emit.
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.node.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/**
 * Compiles shared/ + electron/ + cli/ with tsc (tsconfig.node.json) into a private folder
 * under .tmp/ (so tests never race the real dist/), for tests that need plain JS: child
 * processes and the compiled preload. Type errors elsewhere do not block emitting.
 * Under `npm test` the build it has just made is used instead (see PREBUILT).
 */
export function buildNode(): { dir: string; cleanup(): void } {
  if (PREBUILT && fs.existsSync(path.join(PREBUILT, 'electron', 'backend', 'db.js'))) return { dir: PREBUILT, cleanup: () => {} };
  const dir = path.join(ROOT, '.tmp', `vitest-build-${process.pid}-${Date.now()}`);
  const tsc = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');
  spawnSync(tsc, ['-p', path.join(ROOT, 'tsconfig.node.json'), '--outDir', dir, '--sourceMap', 'false'], { cwd: ROOT, encoding: 'utf8' });
  if (!fs.existsSync(path.join(dir, 'electron', 'backend', 'db.js'))) {
    throw new Error(`tsc did not emit electron/backend/db.js into ${dir}`);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A private build for the calling test file: `buildNode()` before its tests, cleaned up after. Returns the folder. */
export function privateBuild(): () => string {
  let build: ReturnType<typeof buildNode> | undefined;
  beforeAll(() => {
    build = buildNode();
  }, 60_000);
  afterAll(() => build?.cleanup());
  return () => {
    if (!build) throw new Error('privateBuild: used before the build ran');
    return build.dir;
  };
}
