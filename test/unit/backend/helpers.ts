import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type OpenOptions, type OpenedDb } from '../../../electron/backend/db';
import { createHandlers, startSections } from '../../../electron/backend/registry';
import { createDispatcher } from '../../../electron/backend/dispatch';
import type { TurnusApi } from '../../../shared/api';

const dirs: string[] = [];
const opened: OpenedDb[] = [];
const stops: (() => void)[] = [];

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'turnus-test-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const o of opened.splice(0)) o.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export interface TestBackend {
  file: string;
  dir: string;
  opened: OpenedDb;
  api: TurnusApi;
  dispatch: ReturnType<typeof createDispatcher>;
  close(): void;
  /** Closes and opens the same file again (persistence checks). */
  reopen(): Promise<TestBackend>;
}

export async function openTestBackend(file?: string, options: OpenOptions = {}): Promise<TestBackend> {
  const f = file ?? path.join(tempDir(), 'turnus.sqlite');
  const o = await openDatabase(f, options);
  opened.push(o);
  const ctx = { dataFile: o.file, mode: 'browser' as const, version: 'test', backups: o.backups };
  const api = createHandlers(o.db, ctx);
  // The sections' start-up jobs, as runtime.ts runs them when the app opens a file.
  const stop = startSections(o.db, ctx);
  stops.push(stop);
  const tb: TestBackend = {
    file: f,
    dir: path.dirname(f),
    opened: o,
    api,
    dispatch: createDispatcher(api),
    close: () => {
      stop();
      o.close();
    },
    reopen: async () => {
      stop();
      o.close();
      return openTestBackend(f, options);
    },
  };
  return tb;
}
