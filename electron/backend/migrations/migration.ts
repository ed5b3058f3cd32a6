import type Database from 'better-sqlite3';

/**
 * One schema step. `up` runs inside the single transaction that applies all pending steps, so
 * it must not open its own transaction, VACUUM or change journal_mode.
 */
export interface Migration {
  /** The file number (m001 → 1, m020 → 20); strictly increasing along the list; never reused. */
  readonly version: number;
  /** Short English name for logs and backup file names. */
  readonly name: string;
  up(db: Database.Database): void;
}
