/**
 * Module boundaries, read from the source (the folder says which runtime a file may use):
 *  - shared/**        pure: no Node built-ins (node:*, fs, path …), no electron, no react,
 *                     no DOM globals (window, document), nothing from electron/, renderer/, cli/;
 *  - electron/backend/**, electron/host/**, cli/**   Node only: never `electron`
 *                     (it throws under plain Node where no Electron binary exists), never renderer/;
 *  - electron/main/** the only files that may import `electron` (main process and preload);
 *  - renderer/**      browser only: never `electron`, `node:*`/Node built-ins or ../electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BACKEND,
  ROOT,
  backendDirectionViolations,
  domGlobalsOf,
  filesUnder,
  importCircles,
  importsOf,
  isElectron,
  isNodeBuiltin,
  resolveImport,
  resolvesInto,
  sharedFolderOf,
  stripComments,
  violations,
} from './architecture-scan';

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
    const files = [...filesUnder('electron/backend'), ...filesUnder('electron/host'), ...filesUnder('cli')];
    expect(files.length).toBeGreaterThan(0);
    const bad = violations(files, (f, spec) => {
      if (isElectron(spec)) return 'electron';
      if (resolvesInto(f, spec, 'renderer')) return 'imports renderer/';
      if (resolvesInto(f, spec, 'electron/main')) return 'imports the Electron shell';
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
    const preload = filesUnder('electron/main/preload.ts');
    if (preload.length === 0) return;
    const specs = importsOf(fs.readFileSync(preload[0], 'utf8'));
    expect(specs.filter((s) => s !== 'electron')).toEqual([]);
  });
});

/**
 * The layers of shared/, lowest first: a folder may import only folders listed before it (and
 * itself). The API contract (shared/api/) is the top; the domain never imports it.
 */
const SHARED_LAYERS: string[][] = [
  ['calendar', 'text'],
  ['plan'],
  ['rules'],
  ['metrics'],
  ['askermodellen'],
  ['planfile', 'exchange'],
  ['solver/anneal'],
  ['solver/curtois', 'solver/norwegian', 'review', 'scenario'],
  ['api'],
];

describe('layers and circles', () => {
  it('every folder of shared/ has a layer', () => {
    const known = new Set(SHARED_LAYERS.flat());
    const unknown = [...new Set(filesUnder('shared').map((f) => sharedFolderOf(f)!))].filter((d) => !known.has(d));
    expect(unknown).toEqual([]);
  });

  it('shared/ imports only downward: each folder only from the layers below it', () => {
    const layerOf = new Map(SHARED_LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)));
    const bad = violations(filesUnder('shared'), (f, spec) => {
      const target = resolveImport(f, spec);
      if (!target) return null;
      const from = sharedFolderOf(f)!;
      const to = sharedFolderOf(target);
      if (to === null || to === from) return null;
      const a = layerOf.get(from)!;
      const b = layerOf.get(to);
      if (b === undefined || b >= a) return `${from} may not import ${to}`;
      return null;
    });
    expect(bad).toEqual([]);
  });

  it('no import circle in shared/, the backend, the CLI or the renderer', () => {
    for (const dir of ['shared', 'electron', 'cli', 'renderer/src']) {
      expect({ dir, circles: importCircles(filesUnder(dir)) }).toEqual({ dir, circles: [] });
    }
  });

  it('the circle finder finds a circle', () => {
    const tmp = fs.mkdtempSync(path.join(ROOT, '.tmp-arch-'));
    try {
      fs.writeFileSync(path.join(tmp, 'a.ts'), "import { b } from './b';\nexport const a = 1;\n");
      fs.writeFileSync(path.join(tmp, 'b.ts'), "import { a } from './a';\nexport const b = 2;\n");
      fs.writeFileSync(path.join(tmp, 'c.ts'), "import { a } from './a';\n");
      const circles = importCircles(['a.ts', 'b.ts', 'c.ts'].map((n) => path.join(tmp, n)));
      expect(circles).toHaveLength(1);
      expect(circles[0].map((p) => path.basename(p))).toEqual(['a.ts', 'b.ts']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

/**
 * Files of the renderer that may look elements up in the document, and why. Everything else
 * reaches the elements it owns through React refs, and other screens' elements not at all: a
 * screen that wants a grid cell shown calls `reveal()` (stores/viewport.ts), the grid scrolls.
 */
const DOM_LOOKUP_ALLOWED: Record<string, string> = {
  'renderer/src/main.tsx': 'mounts the app on #root of index.html',
  'renderer/src/api.ts': 'reads the per-run token the browser host puts in a <meta> of index.html',
};
const DOM_LOOKUP =
  /\b(querySelector|querySelectorAll|getElementById|getElementsByClassName|getElementsByTagName|getElementsByName)\s*(<[^>]*>)?\s*\(/;

describe('renderer structure', () => {
  it('no view, store or helper looks up elements in the document (other screens ask the grid through reveal())', () => {
    const bad: string[] = [];
    for (const f of filesUnder('renderer/src')) {
      const rel = path.relative(ROOT, f).split(path.sep).join('/');
      if (DOM_LOOKUP_ALLOWED[rel]) continue;
      const code = stripComments(fs.readFileSync(f, 'utf8'));
      const m = DOM_LOOKUP.exec(code);
      if (m) bad.push(`${rel}: ${m[1]}`);
    }
    expect(bad).toEqual([]);
    expect(DOM_LOOKUP.test("document.querySelector<HTMLElement>('.grid-scroll')")).toBe(true);
    expect(DOM_LOOKUP.test('el.getElementById("x")')).toBe(true);
  });

  it('no source file of the renderer is over 400 lines', () => {
    const long = filesUnder('renderer')
      .map((f) => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it('stores and helpers never import views; the edit path runs view → store → API client', () => {
    const files = [...filesUnder('renderer/src/stores'), ...filesUnder('renderer/src/lib'), ...filesUnder('renderer/src/components')];
    const bad = violations(files, (f, spec) => (resolvesInto(f, spec, 'renderer/src/views') ? 'imports a view' : null));
    expect(bad).toEqual([]);
  });

  it('the plan store reaches the backend only through the transport it is given', () => {
    const slices = filesUnder('renderer/src/stores/plan').filter((f) => path.basename(f) !== 'index.ts');
    expect(slices.length).toBeGreaterThan(0);
    const client = path.join(ROOT, 'renderer/src/api.ts');
    const bad = violations(slices, (f, spec) => (resolveImport(f, spec) === client ? 'imports the API client' : null));
    expect(bad).toEqual([]);
    expect(resolveImport(path.join(ROOT, 'renderer/src/stores/plan/index.ts'), '../../api')).toBe(client);
  });
});

describe('backend: dispatcher → section → store', () => {
  it('sections import only the store, shared/ and infrastructure; the store never imports a section', () => {
    const files = [...filesUnder(BACKEND), ...filesUnder('electron/host'), ...filesUnder('electron/main'), ...filesUnder('cli')];
    expect(filesUnder(`${BACKEND}/sections`).length).toBeGreaterThan(0);
    expect(filesUnder(`${BACKEND}/store`).length).toBeGreaterThan(0);
    expect(backendDirectionViolations(files)).toEqual([]);
  });

  it('the direction check finds a section importing another section, and the store importing a section', () => {
    const a = path.join(ROOT, BACKEND, 'sections', 'core', 'units.ts');
    const b = path.join(ROOT, BACKEND, 'store', 'units.ts');
    const tmp = fs.mkdtempSync(path.join(ROOT, BACKEND, 'sections', '.tmp-arch-'));
    const storeTmp = path.join(ROOT, BACKEND, 'store', `.tmp-arch-${process.pid}.ts`);
    try {
      const bad = path.join(tmp, 'bad.ts');
      fs.writeFileSync(
        bad,
        `import { x } from '${path.relative(tmp, a).replace(/\.ts$/, '')}';\nimport { y } from '${path.relative(tmp, b).replace(/\.ts$/, '')}';\n`,
      );
      fs.writeFileSync(storeTmp, "import { z } from '../sections/core/units';\n");
      const found = backendDirectionViolations([bad, storeTmp]);
      expect(found).toHaveLength(2);
      expect(found[0]).toMatch(/imports section core/);
      expect(found[1]).toMatch(/the store imports electron\/backend\/sections\/core\/units\.ts/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.rmSync(storeTmp, { force: true });
    }
  });

  it('no backend source file is over 400 lines', () => {
    const long = filesUnder(BACKEND)
      .map((f) => ({ file: path.relative(ROOT, f), lines: fs.readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > 400);
    expect(long).toEqual([]);
  });
});
