/**
 * `node dist/electron/host/browser-host.js` as a user starts it: the ready lines, graceful shutdown
 * (the data file is closed cleanly), and a Norwegian error with exit code 2 when the file
 * cannot be used.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateBuild } from './build';
import { tempDir } from './helpers';

const builtDir = privateBuild();

function startHost(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(builtDir(), 'electron', 'host', 'browser-host.js'), ...args], {
    env: { ...process.env, ...env },
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
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${out}\n${err}`)), 20_000);
    child.stdout.on('data', () => {
      const m = /TURNUS_HOST_READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited:\n${out}\n${err}`));
    });
  });
  return { child, ready, exited, output: () => ({ out, err }) };
}

describe('browser host command', () => {
  it('prints the Norwegian and the machine-readable ready lines, serves, and shuts down cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'data', 'turnus.sqlite');
    const host = startHost(['--db', db, '--port', '0'], {});
    const link = await host.ready;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    const [url, token] = link.split('#token=');
    expect(host.output().out).toContain(`Turnus kjører i nettlesermodus på ${url}`);
    expect(host.output().out).toContain(`Åpne denne lenken i nettleseren (den gjelder bare denne kjøringen): ${link}`);
    const html = await (await fetch(url)).text();
    expect(html).not.toContain(token); // the page itself never carries the token
    const res = await fetch(`${url}rpc/createUnit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-turnus-token': token! },
      body: '["Solsiden"]',
    });
    expect(await res.json()).toMatchObject({ ok: true, result: { name: 'Solsiden' } });
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    // closed cleanly: WAL checkpointed away, and the data is there for the next start
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
    const again = startHost([], { TURNUS_DB: db, PORT: '0' });
    const [url2, token2] = (await again.ready).split('#token=');
    expect(token2).not.toBe(token); // a new token per start
    const list = await fetch(`${url2}rpc/listUnits`, { method: 'POST', headers: { 'x-turnus-token': token2! }, body: '[]' });
    expect(await list.json()).toMatchObject({ ok: true, result: [{ name: 'Solsiden' }] });
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 60_000);

  it('a file in use by another Turnus: Norwegian message and exit code 2', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'turnus.sqlite');
    const first = startHost(['--port=0', `--db=${db}`], {});
    await first.ready;
    const second = startHost(['--port=0', `--db=${db}`], {});
    await expect(second.ready).rejects.toThrow();
    expect(await second.exited).toBe(2);
    expect(second.output().err).toContain('er i bruk av et annet Turnus-vindu');
    first.child.kill('SIGTERM');
    await first.exited;
  }, 60_000);

  it('a foreign file: Norwegian message, exit code 2, file untouched', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'regneark.sqlite');
    fs.writeFileSync(db, 'ikke en database');
    const host = startHost(['--port=0', `--db=${db}`], {});
    await expect(host.ready).rejects.toThrow();
    expect(await host.exited).toBe(2);
    expect(host.output().err).toContain('er ikke en Turnus-datafil');
    expect(fs.readFileSync(db, 'utf8')).toBe('ikke en database');
  }, 60_000);
});
