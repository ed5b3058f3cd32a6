/**
 * Browser mode is bound to the user who started it: another account on the same machine (a
 * terminal server shares 127.0.0.1 between all users) reaches the port but gets nothing. The
 * test runs a real second OS account (`nobody`) as a client process; it needs root to switch
 * user, and is skipped with that reason otherwise.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { tempDir } from './helpers';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

/** What another account tries: read the link file, load the page, call the API with and without a guess. */
const CLIENT = `
const fs = require('node:fs');
const [port, linkFile, dataFile] = process.argv.slice(1);
const out = { uid: process.getuid() };
try { out.link = fs.readFileSync(linkFile, 'utf8'); } catch (e) { out.linkError = e.code; }
try { out.data = fs.readFileSync(dataFile).length; } catch (e) { out.dataError = e.code; }
(async () => {
  const base = 'http://127.0.0.1:' + port + '/';
  const page = await fetch(base);
  out.page = { status: page.status, body: await page.text() };
  out.calls = [];
  for (const [method, args, token] of [['listUnits', [], undefined], ['deleteUnit', [1], undefined], ['listUnits', [], 'gjett'], ['deleteUnit', [1], ''], ['listBackups', [], 'x'.repeat(43)]]) {
    const headers = { 'content-type': 'application/json' };
    if (token !== undefined) headers['x-turnus-token'] = token;
    const res = await fetch(base + 'rpc/' + method, { method: 'POST', headers, body: JSON.stringify(args) });
    out.calls.push({ method, status: res.status, body: await res.text() });
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.log(JSON.stringify({ ...out, error: String(e) })); });
`;

/** What the client script above prints about its attempts as another account. */
interface ClientReport {
  uid: number;
  link?: string;
  linkError?: string;
  dataError?: string;
  page: { body: string };
  calls: { method: string; status: number; body: string }[];
  error?: string;
}

function runAs(uid: number, args: string[]): Promise<ClientReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLIENT, ...args], {
      uid,
      gid: uid,
      cwd: '/',
      env: { PATH: '/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`client output: ${out}\n${err}`));
      }
    });
  });
}

describe('browser mode and a second OS account', () => {
  it.skipIf(!isRoot)(
    'another account cannot read the link or the data and every API call it makes is refused (needs root to switch to uid nobody)',
    async () => {
      const dir = tempDir();
      fs.chmodSync(dir, 0o755); // a folder other accounts may enter, like many home folders
      const staticDir = path.join(dir, 'renderer');
      fs.mkdirSync(staticDir);
      fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
      const host = await startBrowserHost({
        dataFile: path.join(dir, 'turnus.sqlite'),
        port: 0,
        staticDir,
        backups: false,
        linkFile: path.join(dir, 'lenke.txt'),
      });
      hosts.push(host);
      const mine = await fetch(`${host.url}rpc/createUnit`, {
        method: 'POST',
        headers: { 'x-turnus-token': host.token },
        body: '["Solsiden"]',
      });
      expect(((await mine.json()) as { ok: boolean }).ok).toBe(true);

      const r = await runAs(NOBODY, [String(host.port), host.linkFile!, host.backend.opened.file]);
      expect(r.uid).toBe(NOBODY);
      expect(r.link).toBeUndefined();
      expect(r.linkError).toBe('EACCES');
      expect(r.dataError).toBe('EACCES');
      expect(r.page.body).not.toContain(host.token);
      expect(r.calls).toHaveLength(5);
      for (const c of r.calls) {
        expect([401, 403], c.method).toContain(c.status);
        expect(c.body).not.toContain('Solsiden');
      }
      // nothing was deleted
      const after = await host.backend.api.listUnits();
      expect(after.map((u) => u.name)).toEqual(['Solsiden']);
    },
    30_000,
  );
});
