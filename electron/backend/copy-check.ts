/**
 * Integrity checks of files that are not the open data file: backup copies (a full
 * `PRAGMA integrity_check`, which reads every page; opening the data file itself keeps the fast
 * `quick_check`). Read-only: a checked file is never changed. Node only.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { latestVersion } from './migrate';
import { MIGRATIONS } from './migrations';

export type CopyCheck = { ok: true; checkedAt: string } | { ok: false; checkedAt: string; problem: string };

/** Full check of one copy: intact (integrity_check), a Turnus file, not from a newer version. */
export function checkCopyFile(file: string, now: () => Date = () => new Date()): CopyCheck {
  const checkedAt = now().toISOString();
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const size = fs.statSync(file).size;
    if (size % pageSize !== 0 || size < pages * pageSize)
      return { ok: false, checkedAt, problem: `avkortet (${size} byte, ventet ${pages * pageSize})` };
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
    const msgs = rows.map((r) => r.integrity_check);
    if (msgs.length !== 1 || msgs[0] !== 'ok')
      return { ok: false, checkedAt, problem: `skadet: ${msgs.slice(0, 3).join('; ').slice(0, 200)}` };
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'turnus_meta'").get();
    const app = hasMeta
      ? (db.prepare("SELECT value FROM turnus_meta WHERE key = 'app'").get() as { value: string } | undefined)
      : undefined;
    if (app?.value !== 'turnus') return { ok: false, checkedAt, problem: 'ikke en Turnus-fil' };
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v > latestVersion(MIGRATIONS)) return { ok: false, checkedAt, problem: `fra en nyere versjon av Turnus (skjemaversjon ${v})` };
    return { ok: true, checkedAt };
  } catch (e) {
    return { ok: false, checkedAt, problem: `kan ikke leses: ${(e as Error).message}` };
  } finally {
    db?.close();
  }
}
