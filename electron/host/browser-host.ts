/**
 * Browser mode: a small loopback HTTP server that serves the built renderer (dist/renderer)
 * and answers `POST /rpc/<method>` through the SAME dispatcher the Electron app uses.
 * Node only: it must never import `electron` (it runs where no Electron binary exists).
 *
 *   node dist/electron/host/browser-host.js [--db PATH] [--port N] [--open]
 *
 * Safety: bound to 127.0.0.1 only; a random token per start is put into the served
 * index.html (<meta name="turnus-token">) and required in the `x-turnus-token` header of every
 * RPC call (403 otherwise). That non-simple header forces a CORS preflight, which this server
 * never answers, so other web sites cannot call the API; the Host header must be a loopback
 * name (blocks DNS rebinding); cross-origin Origin headers are refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { defaultDataFile } from '../backend/db';
import { DomainError } from '../backend/errors';
import { startBackend, type Backend } from '../backend/runtime';

export const DEFAULT_PORT = 4173;
const MAX_BODY_BYTES = 50 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export interface HostOptions {
  dataFile: string;
  /** 0 = a free port chosen by the OS. */
  port?: number;
  /** When the port was not chosen by the user, a busy port falls back to a random one. */
  portIsDefault?: boolean;
  staticDir?: string;
  /** Fixed token (dev setups); default: 32 random bytes per start. */
  token?: string;
  backups?: import('../backend/backups').BackupOptions | false;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Puts the token meta tag first in <head> (or at the top when there is no head). */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="turnus-token" content="${escapeAttr(token)}">`;
  const m = /<head(\s[^>]*)?>/i.exec(html);
  if (m) return html.slice(0, m.index + m[0].length) + meta + html.slice(m.index + m[0].length);
  return meta + html;
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Turnus</title></head>
<body><h1>Turnus</h1><p>Brukergrensesnittet er ikke bygget ennå. Kjør <code>npm run build</code> og start på nytt.</p></body></html>`;

/** Maps a URL path to a file inside root, or null for anything that could leave it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((seg) => seg === '..')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  const full = path.resolve(root, rel);
  const rootAbs = path.resolve(root);
  if (full !== rootAbs && !full.startsWith(rootAbs + path.sep)) return null;
  return full;
}

function isLoopbackHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0];
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname === '::1' ? '[::1]' : u.hostname);
  } catch {
    return false;
  }
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startBrowserHost(options: HostOptions): Promise<BrowserHost> {
  const staticDir = path.resolve(options.staticDir ?? path.join(__dirname, '..', '..', 'renderer'));
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const backend = await startBackend(options.dataFile, 'browser', { backups: options.backups });

  const server = http.createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('content-security-policy', "frame-ancestors 'none'");
    res.setHeader('x-frame-options', 'DENY');
    if (!isLoopbackHost(req.headers.host)) {
      sendText(res, 403, 'Ukjent vertsnavn. Åpne Turnus på http://127.0.0.1.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/rpc/')) {
      void handleRpc(req, res, url.pathname.slice('/rpc/'.length));
      return;
    }
    serveStatic(req, res, url.pathname);
  });

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, rawMethod: string): Promise<void> {
    try {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'Bruk POST for /rpc.' } });
        return;
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !isLoopbackOrigin(origin)) {
        sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Forespørsler fra andre nettsteder er ikke tillatt.' } });
        return;
      }
      if (!tokenMatches(req.headers['x-turnus-token'], token)) {
        sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Mangler eller feil tilgangsnøkkel (x-turnus-token). Last siden på nytt.' } });
        return;
      }
      const body = await readBody(req);
      if (body === null) {
        sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', field: 'args', message: 'Forespørselen er for stor.' } });
        return;
      }
      let args: unknown;
      try {
        args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', field: 'args', message: 'Forespørselen er ikke gyldig JSON.' } });
        return;
      }
      let method: string;
      try {
        method = decodeURIComponent(rawMethod);
      } catch {
        method = rawMethod;
      }
      sendJson(res, 200, await backend.dispatch(method, args));
    } catch (e) {
      if (!res.headersSent) {
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: `Det oppstod en uventet feil: ${(e as Error).message}` } });
      }
    }
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendText(res, 405, 'Metoden er ikke tillatt.');
      return;
    }
    const file = resolveStatic(staticDir, pathname);
    if (file === null) {
      sendText(res, 403, 'Ugyldig sti.');
      return;
    }
    const isIndex = file === path.join(staticDir, 'index.html');
    let data: Buffer;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      data = fs.readFileSync(file);
    } catch {
      if (isIndex) {
        const page = injectToken(NOT_BUILT_PAGE, token);
        res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : page);
        return;
      }
      sendText(res, 404, 'Fant ikke filen.');
      return;
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (isIndex) data = Buffer.from(injectToken(data.toString('utf8'), token), 'utf8');
    res.writeHead(200, {
      'content-type': type,
      'content-length': data.length,
      'cache-control': isIndex ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });

  try {
    try {
      await listen(options.port ?? DEFAULT_PORT);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && options.portIsDefault) await listen(0);
      else throw e;
    }
  } catch (e) {
    backend.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new DomainError('PORT_IN_USE', `Porten ${options.port} er allerede i bruk. Velg en annen med --port eller PORT.`);
    }
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    backend,
    close: () => new Promise<void>((resolve) => {
      if (closed) {
        resolve();
        return;
      }
      closed = true;
      server.close(() => {
        backend.close();
        resolve();
      });
      server.closeAllConnections();
    }),
  };
}

export interface CliArgs {
  dataFile: string;
  port: number;
  portIsDefault: boolean;
  open: boolean;
}

/** Reads --db/--port/--open (also --db=PATH) and the TURNUS_DB / PORT variables. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  let db: string | undefined;
  let port: string | undefined;
  let open = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new DomainError('VALIDATION', `${flag} mangler en verdi.`, flag);
      return v;
    };
    if (flag === '--db') db = value();
    else if (flag === '--port') port = value();
    else if (flag === '--open') open = true;
    else if (flag === '--help' || flag === '-h') {
      throw new DomainError('HELP', 'Bruk: node dist/electron/host/browser-host.js [--db FIL] [--port N] [--open]\n' +
        '  --db FIL   datafilen (standard: TURNUS_DB, ellers Turnus-mappen i brukerprofilen)\n' +
        '  --port N   porten på 127.0.0.1 (standard: PORT, ellers 4173; 0 = tilfeldig ledig port)\n' +
        '  --open     åpne nettleseren automatisk');
    } else throw new DomainError('VALIDATION', `Ukjent valg: ${a}. Bruk --help for hjelp.`, a);
  }
  const portText = port ?? env.PORT;
  let portNum = DEFAULT_PORT;
  if (portText !== undefined && portText !== '') {
    portNum = Number(portText);
    if (!Number.isInteger(portNum) || portNum < 0 || portNum > 65535) {
      throw new DomainError('VALIDATION', `Ugyldig port «${portText}»: bruk et heltall fra 0 til 65535.`, 'port');
    }
  }
  return {
    dataFile: path.resolve(db ?? (env.TURNUS_DB || defaultDataFile(env))),
    port: portNum,
    portIsDefault: portText === undefined || portText === '',
    open,
  };
}

/** Tries the system browser; never fails. */
export function openInBrowser(url: string): void {
  const [cmd, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]]
    : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => console.log(`Kunne ikke åpne nettleseren automatisk. Åpne ${url} selv.`));
    child.unref();
  } catch {
    console.log(`Kunne ikke åpne nettleseren automatisk. Åpne ${url} selv.`);
  }
}

async function main(): Promise<void> {
  let host: BrowserHost;
  try {
    const cli = parseCli(process.argv.slice(2));
    fs.mkdirSync(path.dirname(cli.dataFile), { recursive: true });
    host = await startBrowserHost({
      dataFile: cli.dataFile,
      port: cli.port,
      portIsDefault: cli.portIsDefault,
      token: process.env.TURNUS_TOKEN || undefined,
    });
    console.log(`Turnus kjører i nettlesermodus på ${host.url}`);
    console.log(`Datafil: ${host.backend.opened.file}`);
    console.log('Trykk Ctrl+C for å avslutte.');
    console.log(`TURNUS_HOST_READY ${host.url}`);
    if (cli.open) openInBrowser(host.url);
  } catch (e) {
    if (e instanceof DomainError) {
      if (e.code === 'HELP') {
        console.log(e.message);
        process.exit(0);
      }
      console.error(`Turnus kunne ikke starte: ${e.message}`);
      process.exit(2);
    }
    console.error('Turnus kunne ikke starte:', e);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Avslutter (${signal}) …`);
    host.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) void main();
