import type { BackupManager } from './backups';
import type { JobPool } from './jobs/pool';

/** What handlers know about their surroundings (set by runtime.ts, the tests). */
export interface HandlerContext {
  /** Absolute path of the open data file. */
  dataFile: string;
  mode: 'electron' | 'browser';
  /** The app version (package.json). */
  version: string;
  /** null when backups are off (scratch files). */
  backups: BackupManager | null;
  /** Worker threads for exports, imports and copy checks (runtime.ts); default: a shared pool. */
  jobs?: JobPool;
}
