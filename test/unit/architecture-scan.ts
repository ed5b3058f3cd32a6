/**
 * The source scanner behind architecture.test.ts: lists the repo's source files, reads their
 * import specifiers (every import form, comments stripped), resolves relative imports, finds
 * import circles, DOM globals and imports against the backend's direction. Kept apart from the
 * test so the functions can be reused and are not exported from a test file.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

export function filesUnder(rel: string): string[] {
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
export function stripComments(src: string): string {
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

export function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
}

export function isElectron(spec: string): boolean {
  return spec === 'electron' || spec.startsWith('electron/');
}

export function resolvesInto(file: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), spec);
  const d = path.join(ROOT, dir);
  return target === d || target.startsWith(d + path.sep);
}

/** DOM globals used as globals (a local binding of the same name is allowed). */
export function domGlobalsOf(src: string): string[] {
  const code = stripComments(src).replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, '""');
  const found: string[] = [];
  for (const name of ['window', 'document']) {
    const declared = new RegExp(`\\b(const|let|var|function|class)\\s+${name}\\b|[({,]\\s*${name}\\s*[:,)=]`).test(code);
    if (declared) continue;
    if (new RegExp(`(\\btypeof\\s+${name}\\b)|(\\b${name}\\s*(\\?\\.|\\.|\\[))`).test(code)) found.push(name);
  }
  return found;
}

export function violations(files: string[], check: (file: string, spec: string) => string | null): string[] {
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

/** Resolves a relative import to a source file of the repo (extension or /index added). */
export function resolveImport(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(file), spec);
  for (const ext of ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx']) {
    const p = base + ext;
    if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
  }
  if (spec.endsWith('.js')) {
    const p = base.replace(/\.js$/, '.ts');
    if (fs.existsSync(p)) return p;
  }
  return null;
}

/** Strongly connected components with more than one file (or a file importing itself). */
export function importCircles(files: string[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = importsOf(fs.readFileSync(f, 'utf8'))
      .map((s) => resolveImport(f, s))
      .filter((t): t is string => t !== null);
    graph.set(
      f,
      targets.filter((t) => files.includes(t)),
    );
  }
  // Tarjan's algorithm.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.map((x) => path.relative(ROOT, x)).sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return out;
}

export function sharedFolderOf(abs: string): string | null {
  const rel = path.relative(path.join(ROOT, 'shared'), abs);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(path.sep);
  if (parts[0] === 'solver') return parts.length > 2 ? `solver/${parts[1]}` : 'solver';
  return parts.length > 1 ? parts[0] : rel.replace(/\.tsx?$/, '');
}

/**
 * The backend reads in one direction: dispatcher → registry → section → store → SQLite.
 * A section (electron/backend/sections/<name>/) imports its own folder, the store, shared/ and
 * the backend's infrastructure (errors, context, section type, the file builders of exchange/,
 * the job machinery of solver/, the worker-thread job pool of jobs/, the copy checks of backup-checks.ts), never another section. The store imports only itself,
 * shared/ and errors.ts. Only registry.ts imports the sections.
 */
export const BACKEND = 'electron/backend';
const SECTION_MAY_IMPORT = [
  `${BACKEND}/store`,
  `${BACKEND}/errors.ts`,
  `${BACKEND}/context.ts`,
  `${BACKEND}/section.ts`,
  `${BACKEND}/exchange`,
  `${BACKEND}/solver`,
  `${BACKEND}/jobs`,
  `${BACKEND}/backup-checks.ts`,
  'shared',
];
const STORE_MAY_IMPORT = [`${BACKEND}/store`, `${BACKEND}/errors.ts`, 'shared'];

function inside(abs: string, rel: string): boolean {
  const d = path.join(ROOT, rel);
  return abs === d || abs.startsWith(d + path.sep);
}

function sectionOf(abs: string): string | null {
  const rel = path.relative(path.join(ROOT, BACKEND, 'sections'), abs);
  return rel.startsWith('..') ? null : rel.split(path.sep)[0];
}

/** Imports that break the direction of the backend (relative imports only; packages are free). */
export function backendDirectionViolations(files: string[]): string[] {
  return violations(files, (f, spec) => {
    const target = resolveImport(f, spec);
    if (!target) return null;
    const own = sectionOf(f);
    if (own !== null) {
      if (sectionOf(target) === own) return null;
      if (sectionOf(target) !== null) return `section ${own} imports section ${sectionOf(target)}`;
      return SECTION_MAY_IMPORT.some((p) => inside(target, p)) ? null : `section ${own} imports ${path.relative(ROOT, target)}`;
    }
    if (inside(f, `${BACKEND}/store`)) {
      return STORE_MAY_IMPORT.some((p) => inside(target, p)) ? null : `the store imports ${path.relative(ROOT, target)}`;
    }
    if (sectionOf(target) !== null && path.relative(ROOT, f) !== `${BACKEND}/registry.ts`) {
      return 'only registry.ts imports a section';
    }
    return null;
  });
}
