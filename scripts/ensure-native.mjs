#!/usr/bin/env node
// Makes sure better-sqlite3's native module loads in the runtime that will use it
// (docs/architecture.md, architecture handbook §3.5):
//
//   node scripts/ensure-native.mjs node       # Node (tests, browser host, CLI)
//   node scripts/ensure-native.mjs electron   # the Electron app
//
// Both targets share node_modules/better-sqlite3/build/Release/better_sqlite3.node, built for
// one ABI at a time (Node 20 = 115, Electron 41 = 145). The script first LOADS the module in
// the target runtime; only when that fails it rebuilds, and then it loads it again, because a
// failed rebuild deletes the old binary (pitfall P4). Exit 0 = the module loads; 1 = it does not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const PROBE = "const D = require('better-sqlite3'); const db = new D(':memory:'); db.prepare('select 1').get(); db.close();";

/** The Electron executable, or null when the binary was never downloaded. */
export function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** An environment without this machine's npm `nodedir`, which poisons Electron rebuilds (P3). */
function cleanEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k];
  return env;
}

function loads(target) {
  if (target === 'node') {
    return spawnSync(process.execPath, ['-e', PROBE], { cwd: root, encoding: 'utf8' });
  }
  return spawnSync(electronBinary(), ['-e', PROBE], { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
}

function rebuild(target) {
  if (target === 'node') {
    console.log('Bygger better-sqlite3 for Node (kan ta et par minutter) …');
    return (
      spawnSync('npm', ['rebuild', 'better-sqlite3'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, JOBS: process.env.JOBS ?? '2' },
      }).status === 0
    );
  }
  console.log('Bygger better-sqlite3 for Electron (laster ned Electron-headere) …');
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-rebuild.cmd' : 'electron-rebuild');
  return (
    spawnSync(bin, ['-f', '-w', 'better-sqlite3'], { cwd: root, stdio: 'inherit', env: cleanEnv(), shell: process.platform === 'win32' })
      .status === 0
  );
}

export function ensureNative(target) {
  if (target !== 'node' && target !== 'electron') {
    console.error('Bruk: node scripts/ensure-native.mjs node|electron');
    return false;
  }
  if (target === 'electron' && !electronBinary()) {
    console.error(
      'Electron-programmet mangler (node_modules/electron ble installert uten binærfil, ' +
        'f.eks. med ELECTRON_SKIP_BINARY_DOWNLOAD=1). Kjør `npm rebuild electron` med nettilgang, eller bruk nettlesermodus: npm run browser.',
    );
    return false;
  }
  const first = loads(target);
  if (first.status === 0) {
    console.log(`better-sqlite3 lastes i ${target === 'node' ? 'Node' : 'Electron'}: ok`);
    return true;
  }
  console.log(
    `better-sqlite3 lastes ikke i ${target === 'node' ? 'Node' : 'Electron'}:\n${(first.stderr || '').split('\n').slice(0, 3).join('\n')}`,
  );
  rebuild(target);
  const second = loads(target);
  if (second.status === 0) {
    console.log(`better-sqlite3 er bygget på nytt og lastes i ${target === 'node' ? 'Node' : 'Electron'}: ok`);
    return true;
  }
  console.error(`better-sqlite3 lastes fortsatt ikke i ${target === 'node' ? 'Node' : 'Electron'}:\n${second.stderr}`);
  if (target === 'node') console.error('Prøv `npm rebuild better-sqlite3` selv og se feilmeldingen.');
  return false;
}

if (process.argv[1]?.endsWith('ensure-native.mjs')) {
  process.exit(ensureNative(process.argv[2]) ? 0 : 1);
}
