/**
 * Opens the data file and builds the API + dispatcher: the common start-up of the Electron
 * main process and the browser host.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TurnusApi } from '../../shared/api';
import { openDatabase, type OpenOptions, type OpenedDb } from './db';
import { createDispatcher, type Dispatcher } from './dispatch';
import { createHandlers } from './handlers';

export interface Backend {
  opened: OpenedDb;
  api: TurnusApi;
  dispatch: Dispatcher;
  close(): void;
}

/** The app version from the nearest package.json named «turnus» above this file. */
export function appVersion(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const p = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'turnus' && pkg.version) return pkg.version;
    } catch {
      // keep looking upward
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

export async function startBackend(dataFile: string, mode: 'electron' | 'browser', options: OpenOptions = {}): Promise<Backend> {
  const opened = await openDatabase(dataFile, options);
  const api = createHandlers(opened.db, { dataFile: opened.file, mode, version: appVersion(), backups: opened.backups });
  // The app may stay open for days: check hourly whether today's daily copy exists.
  // Full integrity check of new copies shortly after start and after each daily copy, in the
  // background (opening itself keeps the fast quick_check). A failed check says the way back.
  const checkCopies = () => {
    for (const bad of opened.backups?.checkAll() ?? []) {
      console.error(`[turnus] Den fulle kontrollen fant feil i sikkerhetskopien «${bad.name}» (${bad.check?.problem}). ` +
        'Velg en annen kopi ved gjenoppretting; er det dagens kopi, kan datafilen også være skadet: gjenopprett den nyeste hele kopien.');
    }
  };
  const firstCheck = setTimeout(checkCopies, 2000);
  firstCheck.unref();
  const timer = setInterval(() => {
    opened.maintainWal();
    opened.backups?.ensureDaily().then(checkCopies, (e: unknown) => console.error(`[turnus] Den daglige sikkerhetskopien feilet: ${(e as Error).message}`));
  }, 60 * 60 * 1000);
  timer.unref();
  const dispatcher = createDispatcher(api);
  return {
    opened,
    api,
    // After each call: keep the WAL bounded (db.ts maintainWal).
    dispatch: async (method, args) => {
      const result = await dispatcher(method, args);
      opened.maintainWal();
      return result;
    },
    close: () => {
      clearInterval(timer);
      clearTimeout(firstCheck);
      opened.close();
    },
  };
}
