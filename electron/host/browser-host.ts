/**
 * Browser mode: a small loopback HTTP server that serves the built renderer (dist/renderer)
 * and answers `POST /rpc/<method>` through the SAME dispatcher the Electron app uses.
 * Node only: it must never import `electron` (it runs where no Electron binary exists).
 *
 *   node dist/electron/host/browser-host.js [--db PATH] [--port N] [--open]
 *
 * Safety (docs/security.md): bound to 127.0.0.1 only. A random token per start is required in
 * the `x-turnus-token` header of every RPC call (401 otherwise). The token is never served over
 * HTTP: 127.0.0.1 is shared by every account on a terminal server, so the host hands it only to
 * its own user, in the link `http://127.0.0.1:PORT/#token=…` (printed, opened with --open, and
 * written to a file only that user can read, see token-file.ts). The page takes the token from
 * the fragment into sessionStorage and removes it from the address bar. The custom header
 * forces a CORS preflight, which this server never answers; the Host header must be a loopback
 * name (DNS rebinding) and an Origin must be exactly the host's own.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { DomainError } from '../backend/errors';
import { startBackend, type Backend } from '../backend/runtime';
import { DEFAULT_PORT, openInBrowser, parseCli } from './cli-args';
import { isLoopbackHost, isOwnOrigin, MIME, readBody, resolveStatic, sendHtml, sendJson, sendText, tokenMatches } from './http-util';
import { RecoveryNeeded, recoveryMessage, restoreCopyAsDataFile, type RecoveryOffer } from '../backend/recovery';
import { choicePage, parseChoice } from './startup-choice';
import { linkFilePath, linkWithToken, removeLinkFile, writeLinkFile, writeOpenerPage } from './token-file';

export { DEFAULT_PORT, parseCli, openInBrowser } from './cli-args';
export { resolveStatic } from './http-util';

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
  /** Where the link with the token is written (default: linkFilePath); false = not written. */
  linkFile?: string | false;
}

export interface BrowserHost {
  /** The address without the token. */
  url: string;
  /** The address to open: `url#token=…`. */
  link: string;
  /** The file holding `link`, readable only by this user (null when not written). */
  linkFile: string | null;
  port: number;
  token: string;
  /** The open workspace (throws DB_MISSING while the startup choice is pending). */
  readonly backend: Backend;
  /** The pending choice when the data file is missing or empty but copies exist. */
  readonly recovery: RecoveryOffer | null;
  close(): Promise<void>;
}

const UNAUTHORIZED_MESSAGE =
  'Tilgangsnøkkelen mangler eller er feil. Åpne lenken fra Turnus på nytt ' +
  '(den står i vinduet der Turnus ble startet, og i lenkefilen).';

const NOT_BUILT_PAGE = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Turnus</title></head>
<body><h1>Turnus</h1><p>Brukergrensesnittet er ikke bygget ennå. Kjør <code>npm run build</code> og start på nytt.</p></body></html>`;

export async function startBrowserHost(options: HostOptions): Promise<BrowserHost> {
  const staticDir = path.resolve(options.staticDir ?? path.join(__dirname, '..', '..', 'renderer'));
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const dataFile = path.resolve(options.dataFile);
  let backend: Backend | null = null;
  // Missing or empty data file with copies: the user chooses first (startup-choice.ts).
  let offer: RecoveryOffer | null = null;
  try {
    backend = await startBackend(dataFile, 'browser', { backups: options.backups });
  } catch (e) {
    if (!(e instanceof RecoveryNeeded)) throw e;
    offer = e.offer;
  }
  let port = 0;

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
    if (
      offer &&
      (url.pathname === '/' || url.pathname === '/index.html' || url.pathname === '/oppstart' || url.pathname.startsWith('/rpc/'))
    ) {
      void handleChoice(req, res, url.pathname, offer);
      return;
    }
    if (url.pathname.startsWith('/rpc/')) {
      void handleRpc(req, res, url.pathname.slice('/rpc/'.length));
      return;
    }
    serveStatic(req, res, url.pathname);
  });

  /** POST only, our own origin, the token: otherwise answered here and false. */
  function authorized(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'Bruk POST.' } });
      return false;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, port)) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Forespørsler fra andre nettsteder er ikke tillatt.' } });
      return false;
    }
    if (!tokenMatches(req.headers['x-turnus-token'], token)) {
      sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: UNAUTHORIZED_MESSAGE } });
      return false;
    }
    return true;
  }

  async function handleChoice(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, o: RecoveryOffer): Promise<void> {
    if (pathname !== '/oppstart' && !pathname.startsWith('/rpc/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, 'Metoden er ikke tillatt.');
        return;
      }
      const page = choicePage(o);
      sendHtml(res, 200, page.html, req.method === 'HEAD', page.csp);
      return;
    }
    if (!authorized(req, res)) return;
    if (pathname.startsWith('/rpc/')) {
      sendJson(res, 503, { ok: false, error: { code: 'DB_MISSING', message: `${recoveryMessage(o)} Last siden på nytt for å velge.` } });
      return;
    }
    try {
      const body = await readBody(req, 64 * 1024);
      const choice = body && parseChoice(body.toString('utf8'));
      if (!choice) {
        sendJson(res, 400, {
          ok: false,
          error: { code: 'VALIDATION', field: 'valg', message: 'Ugyldig valg: velg å gjenopprette en kopi eller å starte tomt.' },
        });
        return;
      }
      if (offer !== o) {
        sendJson(res, 409, { ok: false, error: { code: 'CONFLICT', message: 'Valget er allerede gjort. Last siden på nytt.' } });
        return;
      }
      if (choice.valg === 'gjenopprett') restoreCopyAsDataFile(o, choice.navn);
      backend = await startBackend(dataFile, 'browser', { backups: options.backups, allowEmpty: choice.valg === 'tom' });
      offer = null;
      console.log(
        choice.valg === 'tom'
          ? 'Startet med tom arbeidsflate (valgt i nettleseren).'
          : `Gjenopprettet «${choice.navn}» som datafil (valgt i nettleseren).`,
      );
      sendJson(res, 200, { ok: true, result: null });
    } catch (e) {
      const message = e instanceof DomainError ? e.message : `Det oppstod en uventet feil: ${(e as Error).message}`;
      sendJson(res, 500, { ok: false, error: { code: e instanceof DomainError ? e.code : 'INTERNAL', message } });
    }
  }

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, rawMethod: string): Promise<void> {
    try {
      if (!authorized(req, res)) return;
      const body = await readBody(req);
      if (body === null) {
        sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', field: 'args', message: 'Forespørselen er for stor (over 50 MB).' } });
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
      sendJson(res, 200, await backend!.dispatch(method, args));
    } catch (e) {
      if (!res.headersSent) {
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: `Det oppstod en uventet feil: ${(e as Error).message}` } });
      }
    }
  }

  /** The renderer's files: public (they hold no data and no token). */
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
    const isHtml = path.extname(file).toLowerCase() === '.html';
    let data: Buffer;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      data = fs.readFileSync(file);
    } catch {
      if (pathname === '/' || pathname === '/index.html') {
        sendHtml(res, 200, NOT_BUILT_PAGE, req.method === 'HEAD');
        return;
      }
      sendText(res, 404, 'Fant ikke filen.');
      return;
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-length': data.length,
      'cache-control': isHtml ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  const listen = (p: number) =>
    new Promise<void>((resolve, reject) => {
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
      server.listen(p, '127.0.0.1');
    });

  try {
    try {
      await listen(options.port ?? DEFAULT_PORT);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && options.portIsDefault) await listen(0);
      else throw e;
    }
  } catch (e) {
    backend?.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new DomainError('PORT_IN_USE', `Porten ${options.port} er allerede i bruk. Velg en annen med --port eller PORT.`);
    }
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  const link = linkWithToken(url, token);
  const linkFile = options.linkFile === false ? null : (options.linkFile ?? linkFilePath(dataFile));
  try {
    if (linkFile) writeLinkFile(linkFile, link);
  } catch (e) {
    server.close();
    backend?.close();
    throw new DomainError('LINK_FILE', `Kunne ikke skrive lenkefilen «${linkFile}»: ${(e as Error).message}`);
  }
  let closed = false;
  return {
    url,
    link,
    linkFile,
    port,
    token,
    get backend(): Backend {
      if (!backend) throw new DomainError('DB_MISSING', 'Turnus venter på at brukeren velger kopi eller tom start.');
      return backend;
    },
    get recovery() {
      return offer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) {
          resolve();
          return;
        }
        closed = true;
        if (linkFile) {
          removeLinkFile(linkFile);
          removeLinkFile(linkFile.replace(/\.txt$/, '') + '.html');
        }
        server.close(() => {
          backend?.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
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
    console.log(`Åpne denne lenken i nettleseren (den gjelder bare denne kjøringen): ${host.link}`);
    if (host.linkFile) console.log(`Lenken står også i ${host.linkFile} (bare du kan lese filen).`);
    if (host.recovery) {
      console.log(`Merk: ${recoveryMessage(host.recovery)} Åpne lenken under for å velge.`);
    } else {
      console.log(`Datafil: ${host.backend.opened.file}`);
      for (const notice of host.backend.opened.notices) console.log(`Merk: ${notice}`);
    }
    console.log('Trykk Ctrl+C for å avslutte.');
    console.log(`TURNUS_HOST_READY ${host.link}`);
    if (cli.open) openInBrowser(host.linkFile ? writeOpenerPage(host.linkFile, host.link) : host.url);
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
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) void main();
