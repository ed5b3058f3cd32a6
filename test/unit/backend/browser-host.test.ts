import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCli, resolveStatic, startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { openTestBackend, tempDir } from './helpers';

const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

async function start(): Promise<{ host: BrowserHost; staticDir: string }> {
  const dir = tempDir();
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>T</title></head><body></body></html>',
  );
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'hemmelig');
  const host = await startBrowserHost({ dataFile: path.join(dir, 'data', 'turnus.sqlite'), port: 0, staticDir, backups: false }).catch(
    async (e) => {
      fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
      if ((e as { code?: string }).code !== 'DB_CANNOT_OPEN') throw e;
      return startBrowserHost({ dataFile: path.join(dir, 'data', 'turnus.sqlite'), port: 0, staticDir, backups: false });
    },
  );
  hosts.push(host);
  return { host, staticDir };
}

/** Raw HTTP (fetch would normalise paths and forbid some headers). */
function request(port: number, method: string, p: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('browser host over real HTTP', () => {
  it('serves index.html WITHOUT the token, and assets with correct MIME types', async () => {
    const { host } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.link).toBe(`${host.url}#token=${host.token}`);
    const index = await request(host.port, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).not.toContain(host.token);
    expect((await request(host.port, 'GET', '/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request(host.port, 'GET', '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await request(host.port, 'GET', '/assets/nope.js')).status).toBe(404);
  });

  it('refuses directory traversal', async () => {
    const { host } = await start();
    for (const p of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%5c..%5csecret.txt',
      '/%00',
    ]) {
      const res = await request(host.port, 'GET', p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('hemmelig');
    }
  });

  it('requires the token on /rpc (401 otherwise) and refuses foreign hosts and origins', async () => {
    const { host } = await start();
    const json = { 'content-type': 'application/json' };
    const none = await request(host.port, 'POST', '/rpc/listUnits', json, '[]');
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.message).toContain('Åpne lenken fra Turnus');
    expect((await request(host.port, 'POST', '/rpc/listUnits', { ...json, 'x-turnus-token': 'feil' }, '[]')).status).toBe(401);
    const ok = await request(host.port, 'POST', '/rpc/listUnits', { ...json, 'x-turnus-token': host.token }, '[]');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, result: [] });
    expect(
      (await request(host.port, 'POST', '/rpc/listUnits', { ...json, 'x-turnus-token': host.token, host: 'evil.example:80' }, '[]')).status,
    ).toBe(403);
    for (const origin of [
      'https://evil.example',
      `http://127.0.0.1:${host.port + 1}`,
      'http://localhost:1',
      `https://127.0.0.1:${host.port}`,
      'null',
    ]) {
      expect(
        (await request(host.port, 'POST', '/rpc/listUnits', { ...json, 'x-turnus-token': host.token, origin }, '[]')).status,
        origin,
      ).toBe(403);
    }
    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      expect(
        (await request(host.port, 'POST', '/rpc/listUnits', { ...json, 'x-turnus-token': host.token, origin }, '[]')).status,
        origin,
      ).toBe(200);
    }
    // CORS preflight is never answered with permission
    const pre = await request(host.port, 'OPTIONS', '/rpc/listUnits', {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect((await request(host.port, 'GET', '/rpc/listUnits', { 'x-turnus-token': host.token })).status).toBe(405);
  });

  it('gives the same result as calling dispatch directly', async () => {
    const { host } = await start();
    const direct = await openTestBackend();
    const calls: [string, unknown[]][] = [
      ['createUnit', ['Solsiden']],
      ['getUnit', [1]],
      ['getUnit', ['x']],
      ['addEmployee', [1, { name: 'Kari', competence: 'sykepleier', position: 2 }]],
      ['constructor', []],
      ['listUnits', []],
    ];
    for (const [m, a] of calls) {
      const res = await request(
        host.port,
        'POST',
        `/rpc/${m}`,
        { 'content-type': 'application/json', 'x-turnus-token': host.token },
        JSON.stringify(a),
      );
      const expected = await direct.dispatch(m, JSON.parse(JSON.stringify(a)));
      expect(JSON.parse(res.body), m).toEqual(expected);
    }
    const bad = await request(host.port, 'POST', '/rpc/listUnits', { 'x-turnus-token': host.token }, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('does not follow links out of the renderer folder', async () => {
    const { host, staticDir } = await start();
    fs.symlinkSync(path.join(staticDir, '..', 'secret.txt'), path.join(staticDir, 'assets', 'lenke.txt'));
    fs.symlinkSync(path.join(staticDir, '..'), path.join(staticDir, 'opp'));
    for (const p of ['/assets/lenke.txt', '/opp/secret.txt']) {
      const res = await request(host.port, 'GET', p);
      expect(res.status, p).toBe(403);
      expect(res.body).not.toContain('hemmelig');
    }
  });

  it('answers a body over 50 MB with 413 and the Norwegian message (not a reset)', async () => {
    const { host } = await start();
    const big = '[' + JSON.stringify('x'.repeat(51 * 1024 * 1024)) + ']';
    const res = await request(
      host.port,
      'POST',
      '/rpc/createUnit',
      { 'content-type': 'application/json', 'x-turnus-token': host.token },
      big,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toContain('for stor');
  }, 30_000);

  it('writes the link only its owner can read, and removes it on close', async () => {
    const { host } = await start();
    expect(host.linkFile).toBeTruthy();
    const st = fs.statSync(host.linkFile!);
    expect(st.mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(host.linkFile!, 'utf8').trim()).toBe(host.link);
    await host.close();
    expect(fs.existsSync(host.linkFile!)).toBe(false);
  });

  it('helpers: static resolution and command line', () => {
    expect(resolveStatic('/srv/r', '/')).toBe(path.resolve('/srv/r/index.html'));
    expect(resolveStatic('/srv/r', '/../x')).toBeNull();
    const cli = parseCli(['--db', 'x.sqlite', '--port=0', '--open'], {});
    expect(cli).toMatchObject({ dataFile: path.resolve('x.sqlite'), port: 0, portIsDefault: false, open: true });
    expect(parseCli([], { PORT: '5000', TURNUS_DB: '/tmp/a.sqlite' })).toMatchObject({ dataFile: '/tmp/a.sqlite', port: 5000 });
    expect(() => parseCli(['--port', 'abc'], {})).toThrow(/Ugyldig port/);
    expect(() => parseCli(['--bogus'], {})).toThrow(/Ukjent valg/);
  });
});
