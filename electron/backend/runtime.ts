/**
 * Opens the data file and builds the API + dispatcher: the common start-up of the Electron
 * main process and the browser host.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TurnusApi } from '../../shared/api';
import { openDatabase, type OpenOptions, type OpenedDb } from './db';
import { createDispatcher, type Dispatcher } from './dispatch';
import { createJobPool } from './jobs/pool';
import { createHandlers, startSections } from './registry';

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
  // Exports, imports and copy checks build in worker threads (jobs/pool.ts), off the request path.
  const jobs = createJobPool();
  const ctx = { dataFile: opened.file, mode, version: appVersion(), backups: opened.backups, jobs };
  const api = createHandlers(opened.db, ctx);
  // Start-up jobs of the sections (change-log sweep, the hourly daily copy and its full check …).
  const stop = startSections(opened.db, ctx);
  // The app may stay open for days: keep the WAL bounded hourly as well as after calls.
  const walTimer = setInterval(() => opened.maintainWal(), 60 * 60 * 1000);
  walTimer.unref();
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
      stop();
      clearInterval(walTimer);
      void jobs.dispose();
      opened.close();
    },
  };
}
