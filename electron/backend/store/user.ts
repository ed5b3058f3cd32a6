/**
 * The user name the change log and comments record: the OS user unless overridden in
 * `review_settings`. The cell triggers of m020_review read it from the one-row
 * `review_session` table, which the review section fills when the app starts.
 */
import os from 'node:os';
import type Database from 'better-sqlite3';

/** The OS user (`os.userInfo().username`), unless TURNUS_USER is set. */
export function defaultUserName(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TURNUS_USER?.trim()) return env.TURNUS_USER.trim().slice(0, 100);
  try {
    const n = os.userInfo().username.trim();
    if (n) return n.slice(0, 100);
  } catch {
    // no passwd entry (some containers)
  }
  return 'ukjent';
}

export function userName(db: Database.Database): string {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM review_settings WHERE key = ?').get('userName');
  return row?.value ?? defaultUserName();
}

/** Overrides the user name (null goes back to the OS user) and tells the triggers; returns the name now in use. */
export function setUserName(db: Database.Database, name: string | null): string {
  if (name === null) db.prepare('DELETE FROM review_settings WHERE key = ?').run('userName');
  else
    db.prepare('INSERT INTO review_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      'userName',
      name.trim(),
    );
  return syncSessionUser(db);
}

/** Copies the user name into review_session, where the cell triggers read it; returns it. */
export function syncSessionUser(db: Database.Database): string {
  const n = userName(db);
  db.prepare('UPDATE review_session SET user_name = ? WHERE id = 1').run(n);
  return n;
}
