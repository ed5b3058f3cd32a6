/**
 * The heavy half of a restore (backups.ts): copying the chosen backup to a scratch file,
 * checking it (SQLite, intact, Turnus, not newer) and migrating it to this version. In the app
 * it runs in the job pool's worker thread (jobs/tasks.ts), so a large copy never holds up an
 * API call; the swap into the live data file stays on the main thread, in one transaction.
 * Only the scratch file is ever written here. Node only.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from './errors';
import { futureVersionError, latestVersion, migrate } from './migrate';
import { MIGRATIONS } from './migrations';

/** Copies `source` to `scratch` and prepares it; `name` is the copy's name for the messages. */
export type RestorePreparer = (source: string, scratch: string, name: string) => Promise<void>;

export function prepareRestoreCopy(source: string, scratch: string, name: string): void {
  fs.copyFileSync(source, scratch);
  let db: Database.Database | undefined;
  try {
    db = new Database(scratch, { fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DomainError('DB_DAMAGED', `Sikkerhetskopien «${name}» er skadet og kan ikke gjenopprettes.`, 'name');
    const meta = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'turnus_meta'").get();
    const app = meta ? (db.prepare("SELECT value FROM turnus_meta WHERE key = 'app'").get() as { value: string } | undefined) : undefined;
    if (app?.value !== 'turnus') throw new DomainError('DB_FOREIGN', `«${name}» er ikke en Turnus-sikkerhetskopi.`, 'name');
    const v = db.pragma('user_version', { simple: true }) as number;
    const latest = latestVersion(MIGRATIONS);
    if (v > latest) throw futureVersionError(v, latest);
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS);
    db.pragma('journal_mode = DELETE');
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('DB_DAMAGED', `Sikkerhetskopien «${name}» kan ikke leses: ${(e as Error).message}`, 'name');
  } finally {
    db?.close();
  }
}

/** The preparation on the calling thread (the `turnus` command, tests). */
export const inlinePrepare: RestorePreparer = async (source, scratch, name) => prepareRestoreCopy(source, scratch, name);
