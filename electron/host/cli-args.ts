/** The browser host's command line and the system browser. Node only. */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { defaultDataFile } from '../backend/db';
import { DomainError } from '../backend/errors';

export const DEFAULT_PORT = 4173;

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
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new DomainError('VALIDATION', `${flag} mangler en verdi.`, flag);
      return v;
    };
    if (flag === '--db') db = value();
    else if (flag === '--port') port = value();
    else if (flag === '--open') open = true;
    else if (flag === '--help' || flag === '-h') {
      throw new DomainError(
        'HELP',
        'Bruk: node dist/electron/host/browser-host.js [--db FIL] [--port N] [--open]\n' +
          '  --db FIL   datafilen (standard: TURNUS_DB, ellers Turnus-mappen i brukerprofilen)\n' +
          '  --port N   porten på 127.0.0.1 (standard: PORT, ellers 4173; 0 = tilfeldig ledig port)\n' +
          '  --open     åpne nettleseren automatisk',
      );
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
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => console.log(`Kunne ikke åpne nettleseren automatisk. Åpne ${url} selv.`));
    child.unref();
  } catch {
    console.log(`Kunne ikke åpne nettleseren automatisk. Åpne ${url} selv.`);
  }
}
