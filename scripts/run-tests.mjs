#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint (Biome), unit tests (vitest), end-to-end
// tests in browser mode (Playwright + Debian Chromium) and the Electron suite (skipped where no
// Electron binary exists). Each suite writes a JSON report; the closing line sums them all:
//   N passed, N failed, N skipped
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'test-results');
mkdirSync(out, { recursive: true });
const env = { ...process.env, TZ: 'Europe/Oslo', ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const wanted = (name) => only.length === 0 || only.includes(name);

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

function step(name, cmd, args) {
  const status = run(cmd, args);
  if (status === 0) {
    totals.passed += 1;
    lines.push(`${name}: ok`);
  } else {
    totals.failed += 1;
    lines.push(`${name}: FAILED (exit ${status})`);
  }
  return status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitestSuite() {
  const file = path.join(out, 'unit.json');
  rmSync(file, { force: true });
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
  const j = readJson(file);
  if (!j) {
    totals.failed += 1;
    lines.push(`unit: no report (exit ${status})`);
    return;
  }
  const passed = j.numPassedTests ?? 0;
  const failed = (j.numFailedTests ?? 0) + (status !== 0 && !j.numFailedTests ? 1 : 0);
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`unit (vitest): ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

function playwrightSuite(name, config) {
  const file = path.join(out, `${name}.json`);
  rmSync(file, { force: true });
  const args = ['playwright', 'test', '--reporter=list,json'];
  if (config) args.push('-c', config);
  const status = run('npx', args, { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const j = readJson(file);
  if (!j?.stats) {
    totals.failed += 1;
    lines.push(`${name}: no report (exit ${status})`);
    return;
  }
  const s = j.stats;
  const passed = (s.expected ?? 0) + (s.flaky ?? 0);
  const failed = (s.unexpected ?? 0) + (status !== 0 && !s.unexpected ? 1 : 0);
  const skipped = s.skipped ?? 0;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${name} (playwright): ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

const t0 = Date.now();
if (wanted('typecheck')) step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
// Warnings fail the step too: the code base is kept at zero diagnostics (docs/development.md, «Lint»).
if (wanted('lint')) step('lint', 'npm', ['run', '--silent', 'lint', '--', '--error-on-warnings']);
if (wanted('unit')) {
  run('node', ['scripts/ensure-native.mjs', 'node']);
  // The CLI tests spawn bin/turnus.js, which runs the compiled dist/.
  // After a good build the tests use dist/ instead of compiling the backend again each
  // (test/unit/backend/build.ts).
  if (step('build', 'npm', ['run', '--silent', 'build'])) env.TURNUS_TEST_NODE_BUILD = path.join(root, 'dist');
  else console.error('Bygget feilet; CLI- og e2e-testene vil feile.');
  vitestSuite();
}
if (wanted('e2e')) {
  if (!wanted('unit') && !existsSync(path.join(root, 'dist/renderer/index.html'))) step('build', 'npm', ['run', '--silent', 'build']);
  playwrightSuite('e2e');
}
if (wanted('electron') && existsSync(path.join(root, 'playwright.electron.config.ts')))
  playwrightSuite('electron', 'playwright.electron.config.ts');

const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
console.log(`\n── Testoppsummering (${Math.round((Date.now() - t0) / 1000)} s) ──`);
for (const l of lines) console.log(`  ${l}`);
writeFileSync(path.join(out, 'summary.txt'), summary + '\n');
console.log(summary);
process.exit(totals.failed > 0 ? 1 : 0);
