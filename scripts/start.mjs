#!/usr/bin/env node
// `npm start`: the Electron app when its binary is installed; otherwise browser mode.
// (`prestart` has already run `npm run build`.) Extra arguments are passed on, e.g.
//   npm start -- --db=/path/to/turnus.sqlite
import { spawn } from 'node:child_process';
import path from 'node:path';
import { electronBinary, ensureNative } from './ensure-native.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const extra = process.argv.slice(2);

function run(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron) {
  if (!ensureNative('electron')) process.exit(1);
  run(electron, ['.', ...extra], { ...process.env, ELECTRON_RUN_AS_NODE: undefined });
} else {
  console.log('Fant ikke Electron-programmet: node_modules/electron er installert uten binærfil');
  console.log('(vanlig der nettverket blokkerer nedlastingen og ELECTRON_SKIP_BINARY_DOWNLOAD=1 er satt).');
  console.log('Starter Turnus i nettlesermodus i stedet. Skrivebordsappen: kjør `npm rebuild electron` med nettilgang.');
  if (!ensureNative('node')) process.exit(1);
  run(process.execPath, [path.join(root, 'dist', 'electron', 'host', 'browser-host.js'), '--open', ...extra]);
}
