/**
 * Module boundaries, read from the source (the folder says which runtime a file may use):
 *  - shared/**        pure: no Node built-ins (node:*, fs, path …), no electron, no react,
 *                     no DOM globals (window, document), nothing from electron/, renderer/, cli/;
 *  - electron/backend/**, electron/browser-host.ts, cli/**   Node only: never `electron`
 *                     (it throws under plain Node where no Electron binary exists), never renderer/;
 *  - renderer/**      browser only: never `electron`, `node:*`/Node built-ins or ../electron.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

function filesUnder(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [abs];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path.join(ROOT, p));
  }
  return out;
}

/** Removes comments and the contents of string literals (keeps import specifiers apart). */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function importsOf(src: string): string[] {
  const code = stripComments(src);
  const specs: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[1]);
  return specs;
}

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
}

function isElectron(spec: string): boolean {
  return spec === 'electron' || spec.startsWith('electron/');
}

function resolvesInto(file: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), spec);
  const d = path.join(ROOT, dir);
  return target === d || target.startsWith(d + path.sep);
}

/** DOM globals used as globals (a local binding of the same name is allowed). */
function domGlobalsOf(src: string): string[] {
  const code = stripComments(src).replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, '""');
  const found: string[] = [];
  for (const name of ['window', 'document']) {
    const declared = new RegExp(`\\b(const|let|var|function|class)\\s+${name}\\b|[({,]\\s*${name}\\s*[:,)=]`).test(code);
    if (declared) continue;
    if (new RegExp(`(\\btypeof\\s+${name}\\b)|(\\b${name}\\s*(\\?\\.|\\.|\\[))`).test(code)) found.push(name);
  }
  return found;
}

function violations(files: string[], check: (file: string, spec: string) => string | null): string[] {
  const out: string[] = [];
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    for (const spec of importsOf(src)) {
      const why = check(f, spec);
      if (why) out.push(`${path.relative(ROOT, f)}: ${spec} (${why})`);
    }
  }
  return out;
}

describe('architecture boundaries', () => {
  it('the import scanner sees every import form', () => {
    const src = `import a from 'a';\nimport type { B } from "b";\nimport 'c';\nexport { d } from './d';\nconst e = require('e');\nawait import('f');\n// import x from 'commented';\nimport {\n  g,\n} from 'g';`;
    expect(importsOf(src).sort()).toEqual(['./d', 'a', 'b', 'c', 'e', 'f', 'g']);
    expect(domGlobalsOf('const w = window.innerWidth;')).toEqual(['window']);
    expect(domGlobalsOf('const window = 3; window.toFixed();')).toEqual([]);
    expect(domGlobalsOf("const s = 'document.title'; // document.x")).toEqual([]);
  });

  it('shared/ is pure: no Node, electron, react, DOM, or app folders', () => {
    const files = filesUnder('shared');
    expect(files.length).toBeGreaterThan(0);
    const bad = violations(files, (f, spec) => {
      if (isNodeBuiltin(spec)) return 'Node built-in';
      if (isElectron(spec)) return 'electron';
      if (spec === 'react' || spec.startsWith('react/') || spec === 'react-dom' || spec.startsWith('react-dom/')) return 'react';
      for (const dir of ['electron', 'renderer', 'cli']) if (resolvesInto(f, spec, dir)) return `imports ${dir}/`;
      return null;
    });
    for (const f of files) {
      const dom = domGlobalsOf(fs.readFileSync(f, 'utf8'));
      if (dom.length > 0) bad.push(`${path.relative(ROOT, f)}: uses DOM global ${dom.join(', ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('the backend, the browser host and the CLI never import electron or the renderer', () => {
    const files = [...filesUnder('electron/backend'), ...filesUnder('electron/browser-host.ts'), ...filesUnder('cli')];
    expect(files.length).toBeGreaterThan(0);
    const bad = violations(files, (f, spec) => {
      if (isElectron(spec)) return 'electron';
      if (resolvesInto(f, spec, 'renderer')) return 'imports renderer/';
      if (resolvesInto(f, spec, 'electron/main.ts') || resolvesInto(f, spec, 'electron/main') || resolvesInto(f, spec, 'electron/preload')) return 'imports the Electron shell';
      return null;
    });
    expect(bad).toEqual([]);
  });

  it('the renderer never imports electron, Node built-ins or ../electron', () => {
    const bad = violations(filesUnder('renderer'), (f, spec) => {
      if (isElectron(spec)) return 'electron';
      if (isNodeBuiltin(spec)) return 'Node built-in';
      if (resolvesInto(f, spec, 'electron') || resolvesInto(f, spec, 'cli')) return 'imports the backend';
      return null;
    });
    expect(bad).toEqual([]);
  });

  it('the preload requires only electron (it runs sandboxed)', () => {
    const preload = filesUnder('electron/preload.ts');
    if (preload.length === 0) return;
    const specs = importsOf(fs.readFileSync(preload[0], 'utf8'));
    expect(specs.filter((s) => s !== 'electron')).toEqual([]);
  });
});
