/**
 * What the packaged app loads at run time is in the package, and what must live outside the
 * asar archive is unpacked (electron-builder.yml). The worker threads (the job pool, the
 * generator, the Curtois search) are started by their path beside the compiled module
 * (`path.join(__dirname, '<name>.js')`), i.e. inside app.asar; Electron reads app.asar in worker
 * threads since version 18 (electron/electron#33216), and their imports resolve inside the
 * archive, so the scripts stay packed (unpacking a worker script alone would not unpack its
 * imports). What cannot be read from the archive is better-sqlite3's native module, which the
 * main thread and the workers load (copy checks, restore preparation): it must be unpacked.
 * Electron's binary cannot be downloaded here, so this reads the configuration and the code.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const text = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');

/** The items of a top-level list in the YAML file («key:» then «  - item» lines; comments skipped). */
function topList(key: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (at < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (/^\s*#/.test(l) || l.trim() === '') continue;
    const m = /^\s+-\s+(.+?)\s*$/.exec(l);
    if (!m) break;
    out.push(m[1].replace(/^(["'])(.*)\1$/, '$2'));
  }
  return out;
}

/** electron-builder's globs as used here: `**`, `*`, `{a,b}`. */
function globRe(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map((s) => s.replace(/[.+?^$()|[\]\\]/g, '\\$&'))
        .join('|')})`;
      i = end;
    } else re += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const matches = (file: string, globs: string[]) => globs.some((g) => globRe(g).test(file));

/** Whether `file` (relative to the app folder) ends up in the package: node_modules always, dist by `files`, minus the negations. */
function packaged(file: string): boolean {
  const files = topList('files');
  const include = files.filter((g) => !g.startsWith('!'));
  const exclude = files.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  return (file.startsWith('node_modules/') || matches(file, include)) && !matches(file, exclude);
}

/** Every worker script the backend starts by default: `path.join(__dirname, '<name>.js')` beside a module that starts workers. */
function workerScripts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.ts')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/path\.join\(__dirname, '([\w-]+\.js)'\)/g)) {
          const rel = path
            .relative(ROOT, path.join(path.dirname(p), m[1]))
            .split(path.sep)
            .join('/');
          out.push(`dist/${rel}`);
        }
      }
    }
  };
  walk(path.join(ROOT, 'electron', 'backend'));
  return out.sort();
}

describe('packaging: what the app loads is in the package', () => {
  it('the glob reading agrees with electron-builder on the patterns this file uses', () => {
    expect(globRe('**/*.node').test('node_modules/a/b.node')).toBe(true);
    expect(globRe('**/*.node').test('b.node')).toBe(true);
    expect(globRe('dist/**').test('dist/electron/backend/jobs/worker.js')).toBe(true);
    expect(globRe('!dist/electron/host/**'.slice(1)).test('dist/electron/host/browser-host.js')).toBe(true);
    expect(globRe('node_modules/x/{a,b.node}').test('node_modules/x/b.node')).toBe(true);
    expect(globRe('node_modules/x/{a,b.node}').test('node_modules/x/c.node')).toBe(false);
  });

  it('the worker scripts the backend starts are packed into the app, beside the modules that start them', () => {
    const scripts = workerScripts();
    // The job pool (exports, imports, copy checks, restores), the generator, the Curtois search.
    expect(scripts).toEqual([
      'dist/electron/backend/jobs/worker.js',
      'dist/electron/backend/solver/curtois-worker.js',
      'dist/electron/backend/solver/worker.js',
    ]);
    for (const s of scripts) {
      expect(packaged(s), `${s} is in the package`).toBe(true);
      expect(
        fs.existsSync(path.join(ROOT, 'electron', s.slice('dist/electron/'.length).replace(/\.js$/, '.ts'))),
        `${s} has its source`,
      ).toBe(true);
    }
    // Started from inside app.asar: Electron reads the archive in worker threads from version 18 on.
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Number(/(\d+)/.exec(pkg.devDependencies.electron)?.[1])).toBeGreaterThanOrEqual(18);
    expect(text).toMatch(/^asar: true$/m);
  });

  it("better-sqlite3's native module, loaded by the main thread and the workers, is packed and unpacked from the archive", () => {
    const require = createRequire(__filename);
    const pkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
    // What the package loads: bindings('better_sqlite3.node') from its build folder.
    expect(fs.readFileSync(path.join(pkgDir, 'lib', 'database.js'), 'utf8')).toContain("require('bindings')('better_sqlite3.node')");
    const native = path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
    expect(fs.existsSync(native)).toBe(true);
    const rel = `node_modules/better-sqlite3/${path.relative(pkgDir, native).split(path.sep).join('/')}`;
    expect(rel).toBe('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(packaged(rel), 'the native module is in the package').toBe(true);
    expect(matches(rel, topList('asarUnpack')), 'the native module is unpacked (asarUnpack)').toBe(true);
    // The workers open SQLite files themselves (copy checks, restore preparation).
    for (const f of ['electron/backend/copy-check.ts', 'electron/backend/restore-prepare.ts']) {
      expect(fs.readFileSync(path.join(ROOT, f), 'utf8')).toMatch(/^import Database from 'better-sqlite3';$/m);
    }
    // The browser host never ships; the test extension and build leftovers stay out.
    expect(packaged('dist/electron/host/browser-host.js')).toBe(false);
    expect(packaged('node_modules/better-sqlite3/build/Release/test_extension.node')).toBe(false);
  });
});
