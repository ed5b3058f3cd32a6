#!/usr/bin/env node
// `npm run bench`: every benchmark in sequence, one at a time, with short defaults.
//
//   npm run bench                         core, cli, solver, ui, scale, scenario, pack
//   npm run bench -- core scale           only these (names: core, cli, solver, ui, scale, scenario, pack)
//   npm run bench -- --no-build           use the existing dist/ (default: build first)
//   npm run bench -- --full               the solver's full run (24 instances × {10, 60} s × 5 seeds ≈ 2.3 h,
//                                         instances 13–24 × 600 s × 5 seeds ≈ 10 h, every run on 1 and on
//                                         2 threads (the threads column), plus Norwegian units 15×13,
//                                         30×26, 60×52 × 5 seeds, 20 s each; run it as slices with
//                                         --solver-args and merge them, see bench-solver.mjs)
//   npm run bench -- --solver-args "--seconds 60 --seeds 3 --instances 1-12"
//   npm run bench -- --scale-args "--runs 10"  (also --core-args, --ui-args)
//   npm run bench -- --out DIR            where results go (default .tmp/bench-results/<time>/)
//
// Each benchmark's stdout (a markdown table, or JSON for ui) is shown and saved as
// <out>/<name>.md|.json; the summary at the end says where. Figures belong in docs/benchmarks.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/** The benchmarks, in the order they run. `build` is what each needs in dist/. */
const BENCHES = {
  core: { script: 'bench-core.mjs', args: [], ext: 'md', build: 'node', what: 'regelmotoren (issue 3)' },
  cli: { script: 'bench-cli.mjs', args: [], ext: 'md', build: 'node', what: 'oppstartstid for turnus check/report (issue 13)' },
  solver: {
    script: 'bench-solver.mjs',
    args: ['--seconds', '10', '--seeds', '1', '--instances', '1-7', '--units', '15x13', '--unit-seconds', '10'],
    ext: 'md',
    build: null,
    what: 'plangeneratoren på Curtois-instansene (issue 6)',
  },
  ui: { script: 'bench-ui.mjs', args: [], ext: 'json', build: 'all', what: 'rutenettet i Chromium (issue 5)' },
  scale: { script: 'bench-scale.mjs', args: ['--runs', '3'], ext: 'md', build: 'all', what: 'hel virksomhet, 520 ansatte (issue 9)' },
  scenario: {
    script: 'bench-scenario.mjs',
    args: ['--runs', '3', '--seconds', '5,20'],
    ext: 'md',
    build: 'node',
    what: 'scenarioplaner, 60 ansatte × 12 måneder (issue 18)',
  },
  pack: {
    script: 'bench-pack.mjs',
    args: [],
    ext: 'md',
    build: 'node',
    what: 'drøftingspakke (PDF) og Excel, 60 ansatte × 12 måneder (issue 17)',
  },
};

function usage(msg) {
  if (msg) process.stderr.write(`${msg}\n\n`);
  process.stderr.write(
    `Bruk: npm run bench -- [${Object.keys(BENCHES).join('|')} …] [--no-build] [--full] [--out MAPPE]\n` +
      '                      [--core-args "…"] [--solver-args "…"] [--ui-args "…"] [--scale-args "…"] [--scenario-args "…"]\n',
  );
  process.exit(2);
}

const argv = process.argv.slice(2);
const selected = [];
let build = true;
let out = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const m = /^--(core|cli|solver|ui|scale|scenario|pack)-args$/.exec(a);
  if (m) {
    if (argv[i + 1] === undefined) usage(`${a} mangler en verdi.`);
    BENCHES[m[1]].args = argv[++i].split(/\s+/).filter(Boolean);
  } else if (a === '--no-build') build = false;
  else if (a === '--full') BENCHES.solver.args = ['--long', '600:13-24', '--threads', '1,2', '--units', '15x13,30x26,60x52'];
  else if (a === '--out') {
    if (!argv[i + 1]) usage('--out mangler en mappe.');
    out = path.resolve(argv[++i]);
  } else if (a === '--help' || a === '-h') usage();
  else if (a in BENCHES) {
    if (!selected.includes(a)) selected.push(a);
  } else usage(`Ukjent valg eller måling «${a}» (kjente: ${Object.keys(BENCHES).join(', ')}).`);
}
const names = (selected.length ? selected : Object.keys(BENCHES))
  .sort((a, b) => Object.keys(BENCHES).indexOf(a) - Object.keys(BENCHES).indexOf(b))
  .filter((n) => {
    if (fs.existsSync(path.join(here, BENCHES[n].script))) return true;
    process.stderr.write(`Hopper over «${n}»: fant ikke scripts/${BENCHES[n].script}.\n`);
    return false;
  });

const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
out ??= path.join(root, '.tmp', 'bench-results', stamp);
fs.mkdirSync(out, { recursive: true });
const env = { ...process.env, TZ: 'Europe/Oslo', ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

// Build what the selected benchmarks read from dist/ (core: dist/shared; ui and scale: the
// browser host and the renderer).
const need = names.map((n) => BENCHES[n].build);
const buildScript = need.includes('all') ? 'build' : need.includes('node') ? 'build:node' : null;
if (buildScript && build) {
  process.stderr.write(`\n▶ npm run ${buildScript}\n`);
  const r = spawnSync('npm', ['run', buildScript], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    process.stderr.write(`Byggingen feilet (npm run ${buildScript}, kode ${r.status}); ingen målinger ble kjørt.\n`);
    process.exit(1);
  }
}

const machine = `${os.cpus().length} kjerner (${os.cpus()[0]?.model ?? 'ukjent'}), Node ${process.version}`;
const summary = [];
for (const name of names) {
  const b = BENCHES[name];
  const file = path.join(out, `${name}.${b.ext}`);
  const args = [path.join(here, b.script), ...b.args];
  process.stderr.write(`\n▶ ${name}: ${b.what}\n  node scripts/${b.script} ${b.args.join(' ')}\n`);
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const sink = fs.createWriteStream(file);
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      sink.write(d);
    });
    child.on('close', (c) => sink.end(() => resolve(c ?? 1)));
    child.on('error', () => sink.end(() => resolve(1)));
  });
  const secs = Math.round((Date.now() - started) / 1000);
  summary.push({ name, code, file, secs });
  if (code !== 0) fs.rmSync(file, { force: true });
}

process.stderr.write(`\nMaskin: ${machine}, belastning (1 min) ${os.loadavg()[0].toFixed(1)}\n`);
for (const s of summary) {
  process.stderr.write(
    s.code === 0
      ? `  ${s.name}: ferdig på ${s.secs} s → ${path.relative(process.cwd(), s.file) || s.file}\n`
      : `  ${s.name}: FEILET (kode ${s.code}) etter ${s.secs} s\n`,
  );
}
process.stderr.write(`Resultatene ligger i ${out}. Før tallene inn i docs/benchmarks.md med kommandoen og maskinen.\n`);
process.exit(summary.some((s) => s.code !== 0) ? 1 : 0);
