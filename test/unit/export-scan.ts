/**
 * The export scanner behind unused-exports.test.ts: reads every export and import of the repo's
 * source (the same comment-stripped text the architecture scanner reads), follows re-exports
 * (`export { a } from`, `export * from`) and reports the exports that no file imports and their
 * own file never uses: dead code. Scripts load the built JavaScript (`require(dist('…'))`), so
 * every identifier named in a script counts as a use of a source export of that name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, filesUnder, resolveImport, stripComments } from './architecture-scan';

const IDENT = /^[A-Za-z_$][\w$]*$/;
const DECLARATION =
  /\bexport\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\s*\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/g;
const EXPORT_LIST = /\bexport\s+(?:type\s+)?\{([^}]*)\}(?:\s*from\s*['"]([^'"]+)['"])?/g;
const EXPORT_STAR = /\bexport\s+\*\s+(?:as\s+([A-Za-z_$][\w$]*)\s+)?from\s*['"]([^'"]+)['"]/g;
const IMPORT = /\bimport\s+(?:type\s+)?([^'"`;]*?)\s*from\s*['"]([^'"]+)['"]/g;
const WHOLE_MODULE = [/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];

interface ModuleInfo {
  /** Exported name → line (local declarations and `export { a as b }` of local names). */
  local: Map<string, number>;
  /** Exported name → [target file, name there] for `export { a as b } from`. */
  forwards: Map<string, [string, string]>;
  /** Targets of `export * from`. */
  stars: string[];
  /** `export * as ns from`: ns → target. */
  starAs: Map<string, string>;
  /** Code without comments, string literals and export lists (for uses inside the file). */
  body: string;
}

const lineAt = (src: string, i: number) => src.slice(0, i).split('\n').length;
const blankStrings = (code: string) => code.replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, '""');

/** `a`, `type a`, `a as b` → [name in the source, name exported or imported]. */
function specifiers(list: string): [string, string][] {
  return list
    .split(',')
    .map((s) => s.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((s) => {
      const [from, as] = s.split(/\s+as\s+/);
      return [from.trim(), (as ?? from).trim()] as [string, string];
    });
}

function readModule(file: string): ModuleInfo {
  const code = stripComments(fs.readFileSync(file, 'utf8'));
  const info: ModuleInfo = { local: new Map(), forwards: new Map(), stars: [], starAs: new Map(), body: '' };
  for (const m of code.matchAll(DECLARATION)) info.local.set(m[1], lineAt(code, m.index));
  for (const m of code.matchAll(EXPORT_LIST)) {
    const target = m[2] ? resolveImport(file, m[2]) : null;
    for (const [from, as] of specifiers(m[1])) {
      if (!IDENT.test(as)) continue;
      if (!m[2]) info.local.set(as, lineAt(code, m.index));
      else if (target) info.forwards.set(as, [target, from]);
    }
  }
  for (const m of code.matchAll(EXPORT_STAR)) {
    const target = resolveImport(file, m[2]);
    if (!target) continue;
    if (m[1]) info.starAs.set(m[1], target);
    else info.stars.push(target);
  }
  info.body = blankStrings(code.replace(EXPORT_LIST, ' ')).replace(/\.\.\./g, ' ');
  return info;
}

/** Every (file, name) some file imports; '*' marks a whole module (namespace or dynamic import). */
function importsOfFile(file: string): [string, string][] {
  const code = stripComments(fs.readFileSync(file, 'utf8'));
  const out: [string, string][] = [];
  for (const m of code.matchAll(IMPORT)) {
    const target = resolveImport(file, m[2]);
    if (!target) continue;
    const clause = m[1];
    if (/\*\s*as\s/.test(clause)) out.push([target, '*']);
    const braces = /\{([^}]*)\}/.exec(clause);
    if (braces) for (const [from] of specifiers(braces[1])) out.push([target, from]);
    if (/^[A-Za-z_$][\w$]*\s*(,|$)/.test(clause.trim())) out.push([target, 'default']);
  }
  for (const re of WHOLE_MODULE)
    for (const m of code.matchAll(re)) {
      const target = resolveImport(file, m[1]);
      if (target) out.push([target, '*']);
    }
  return out;
}

export interface UnusedExport {
  file: string;
  name: string;
  line: number;
}

/**
 * Exports of the files under `checked` that no file under `importers` imports (directly or
 * through re-exports) and that their own file never uses. `scripts` name built modules, so
 * their identifiers count as uses by name.
 */
export function unusedExports(opts: {
  checked: string[];
  importers: string[];
  scripts: string[];
  keep: (rel: string, name: string) => boolean;
}): UnusedExport[] {
  const files = [...new Set([...opts.checked, ...opts.importers].flatMap(filesUnder))];
  const modules = new Map<string, ModuleInfo>();
  const moduleOf = (f: string) => {
    let m = modules.get(f);
    if (!m) {
      m = readModule(f);
      modules.set(f, m);
    }
    return m;
  };
  const used = new Map<string, Set<string>>();
  const mark = (file: string, name: string): void => {
    const set = used.get(file) ?? new Set<string>();
    used.set(file, set);
    if (set.has(name)) return;
    set.add(name);
    const m = moduleOf(file);
    if (name === '*') {
      for (const n of [...m.local.keys(), ...m.forwards.keys(), ...m.starAs.keys()]) mark(file, n);
      for (const t of m.stars) mark(t, '*');
      return;
    }
    const fwd = m.forwards.get(name);
    if (fwd) mark(fwd[0], fwd[1]);
    const ns = m.starAs.get(name);
    if (ns) mark(ns, '*');
    if (!m.local.has(name)) for (const t of m.stars) mark(t, name);
  };
  const known = new Set(files);
  for (const f of files) for (const [target, name] of importsOfFile(f)) if (known.has(target)) mark(target, name);

  // Name → the script files that mention it.
  const byScripts = new Map<string, Set<string>>();
  for (const f of opts.scripts.flatMap(filesUnder))
    for (const m of blankStrings(stripComments(fs.readFileSync(f, 'utf8'))).matchAll(/[A-Za-z_$][\w$]*/g)) {
      const set = byScripts.get(m[0]) ?? new Set<string>();
      byScripts.set(m[0], set.add(f));
    }

  const out: UnusedExport[] = [];
  for (const f of [...new Set(opts.checked.flatMap(filesUnder))]) {
    const rel = path.relative(ROOT, f).split(path.sep).join('/');
    const m = moduleOf(f);
    for (const [name, line] of m.local) {
      if (used.get(f)?.has(name) || opts.keep(rel, name)) continue;
      if ([...(byScripts.get(name) ?? [])].some((s) => s !== f)) continue;
      const inFile = m.body.match(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
      if (inFile < 2) out.push({ file: rel, name, line });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
