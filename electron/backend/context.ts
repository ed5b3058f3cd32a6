import type { BackupManager } from './backups';

/** What handlers know about their surroundings (set by runtime.ts, the tests). */
export interface HandlerContext {
  /** Absolute path of the open data file. */
  dataFile: string;
  mode: 'electron' | 'browser';
  /** The app version (package.json). */
  version: string;
  /** null when backups are off (scratch files). */
  backups: BackupManager | null;
}
