/**
 * Backups of the data file (issue 9): a copy before every migration, a rolling daily copy
 * (the newest N are kept), manual copies, and restore. Copies are made with SQLite's online
 * backup API (better-sqlite3 `db.backup`), so they are consistent even while the app runs.
 *
 * Restore never replaces the open file on disk: the chosen copy is checked and migrated as a
 * scratch copy (off the main thread in the app), the current state is saved as a safety copy, and then every table is replaced
 * inside ONE transaction on the live connection. Either all of the backup is restored or
 * nothing changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo, BackupKind } from '../../shared/api';
import { DomainError } from './errors';
import { stampFileIdentity } from './wal-guard';
import { checkCopies, inlineCheck, readChecks, type CopyChecker } from './backup-checks';
import { isAlive } from './process-alive';
import { inlinePrepare, type RestorePreparer } from './restore-prepare';

export interface BackupOptions {
  /** Folder for the copies; default `<folder of the data file>/sikkerhetskopier`. */
  dir?: string;
  /** How many daily copies to keep (default 7, env TURNUS_BACKUP_KEEP). */
  keepDaily?: number;
  /** How many copies of each other kind to keep (default 10). */
  keepOther?: number;
  /** Clock (tests). */
  now?: () => Date;
}

const KINDS: readonly BackupKind[] = ['daglig', 'migrering', 'manuell', 'gjenoppretting'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local date (the machine's time zone, Europe/Oslo for our users). */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function localStamp(d: Date): string {
  return `${localDate(d)}T${pad(d.getHours())}-${pad(d.getMinutes())}-${pad(d.getSeconds())}`;
}

export function defaultKeepDaily(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TURNUS_BACKUP_KEEP);
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : 7;
}

/** Gives a freshly written copy its own file identity (wal-guard.ts). */
async function renewIdentity(file: string): Promise<void> {
  const Sqlite = (await import('better-sqlite3')).default;
  const db = new Sqlite(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    stampFileIdentity(db, true);
  } finally {
    db.close();
  }
}

/** A backup that could not be written, in the user's words (naming the folder). */
export function backupError(dir: string, e: unknown): DomainError {
  if (e instanceof DomainError) return e;
  const code = String((e as { code?: string }).code ?? '');
  const where = `«${dir}»`;
  let why: string;
  if (code === 'EEXIST' || code === 'ENOTDIR') why = `${where} finnes, men er ikke en mappe`;
  else if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN')
  ) {
    why = `mappen ${where} er skrivebeskyttet eller kan ikke opprettes`;
  } else if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') why = `disken med mappen ${where} er full`;
  else why = `uventet feil i mappen ${where}: ${(e as Error).message ?? String(e)}`;
  return new DomainError('BACKUP_FAILED', `Sikkerhetskopien kunne ikke skrives: ${why}. Datafilen er ikke endret.`);
}

/** The backup folder of a data file: `<folder of the data file>/sikkerhetskopier`. */
export function backupDirOf(dataFile: string): string {
  return path.join(path.dirname(dataFile), 'sikkerhetskopier');
}

function baseOf(dataFile: string): string {
  return path.basename(dataFile).replace(/\.(sqlite3?|db)$/i, '');
}

/** All copies of `dataFile` in `dir`, newest first (by file time, then name). */
export function listCopies(dir: string, dataFile: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const checks = readChecks(dir);
  const esc = baseOf(dataFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${esc}-(${KINDS.join('|')})-([0-9T-]+)(?:-[\\w.-]+)?\\.sqlite$`);
  const out: BackupInfo[] = [];
  for (const name of names) {
    const m = re.exec(name);
    if (!m) continue;
    let st: fs.Stats;
    try {
      st = fs.statSync(path.join(dir, name));
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    const known = checks[name];
    const check =
      known && known.size === st.size && known.mtimeMs === st.mtimeMs
        ? { ok: known.ok, checkedAt: known.checkedAt, ...(known.problem ? { problem: known.problem } : {}) }
        : null;
    out.push({ name, kind: m[1] as BackupKind, createdAt: st.mtime.toISOString(), sizeBytes: st.size, check });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)));
}

export class BackupManager {
  readonly dir: string;
  private readonly base: string;
  private readonly keepDaily: number;
  private readonly keepOther: number;
  private readonly now: () => Date;
  private seq = 0;

  constructor(
    private readonly db: Database.Database,
    readonly dataFile: string,
    options: BackupOptions = {},
  ) {
    this.dir = options.dir ?? backupDirOf(dataFile);
    this.base = baseOf(dataFile);
    this.keepDaily = options.keepDaily ?? defaultKeepDaily();
    this.keepOther = options.keepOther ?? 10;
    this.now = options.now ?? (() => new Date());
  }

  /** All copies of this data file, newest first. */
  list(): BackupInfo[] {
    return listCopies(this.dir, this.dataFile);
  }

  /** Writes a consistent copy now; returns its full path. */
  async create(kind: BackupKind, note?: string): Promise<string> {
    let tmp: string | null = null;
    try {
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const now = this.now();
      const stamp = kind === 'daglig' ? localDate(now) : localStamp(now);
      const suffix = note ? `-${note.replace(/[^\w.-]/g, '_')}` : '';
      let name = `${this.base}-${kind}-${stamp}${suffix}.sqlite`;
      while (fs.existsSync(path.join(this.dir, name)) && kind !== 'daglig') {
        name = `${this.base}-${kind}-${stamp}${suffix}-${++this.seq}.sqlite`;
      }
      const target = path.join(this.dir, name);
      tmp = `${target}.tmp-${process.pid}`;
      await this.db.backup(tmp);
      fs.chmodSync(tmp, 0o600); // personal data: the owner only
      await renewIdentity(tmp); // a copy is a file of its own: a -wal of the original never fits it
      fs.renameSync(tmp, target); // a half-written copy never carries a backup name
      tmp = null;
      this.prune(kind, name);
      return target;
    } catch (e) {
      if (tmp) for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
      throw backupError(this.dir, e);
    }
  }

  /**
   * Removes what an interrupted backup or restore left behind (whole copies under temporary
   * names): `<copy>.tmp-<pid>` (with its -journal, -wal or -shm: a kill while the copy got its
   * identity leaves those) and `.gjenoppretting-<pid>-…` scratch files of processes that
   * no longer run. Called at open, while this process holds the data file's lock.
   */
  sweep(): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    const removed: string[] = [];
    const esc = this.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const tmpRe = new RegExp(`^${esc}-.+\\.sqlite\\.tmp-(\\d+)(-journal|-wal|-shm)?$`);
    const scratchRe = /^\.gjenoppretting-(\d+)-\d+\.sqlite(-wal|-shm|-journal)?$/;
    const checksRe = /^\.kontroller\.json\.(\d+)\.tmp$/;
    for (const name of names) {
      const m = tmpRe.exec(name) ?? scratchRe.exec(name) ?? checksRe.exec(name);
      if (!m || isAlive(Number(m[1]))) continue;
      try {
        fs.rmSync(path.join(this.dir, name), { force: true });
        removed.push(name);
      } catch {
        // left for the next start
      }
    }
    return removed;
  }

  /**
   * Full integrity check of every copy not checked yet (or changed since), or of all copies
   * when `all`; `check` runs one (the job pool's worker thread in the app). Results are kept in
   * the folder and shown in list(). Returns the copies that failed.
   */
  checkAll(all = false, check: CopyChecker = inlineCheck): Promise<BackupInfo[]> {
    return checkCopies(this.dir, () => this.list(), check, all, this.now);
  }

  /** Makes today's daily copy unless it exists. Returns its path, or null when it existed. */
  async ensureDaily(): Promise<string | null> {
    const name = `${this.base}-daglig-${localDate(this.now())}.sqlite`;
    if (fs.existsSync(path.join(this.dir, name))) return null;
    return this.create('daglig');
  }

  /**
   * Keeps the copy just written and the newest others of its kind, `keep` in all. Newest by
   * file time (list()'s order), not by name: a name's second can hold several copies
   * («…-10-21-10.sqlite», «…-10-21-10-1.sqlite», «…-10-21-10-10.sqlite»), which do not sort by
   * name in the order they were made.
   */
  private prune(kind: BackupKind, justWritten: string): void {
    const keep = kind === 'daglig' ? this.keepDaily : this.keepOther;
    const others = this.list().filter((b) => b.kind === kind && b.name !== justWritten);
    for (const old of others.slice(Math.max(0, keep - 1))) fs.rmSync(path.join(this.dir, old.name), { force: true });
  }

  /** Resolves a backup name from list() to its path; refuses anything else (no paths). */
  private resolve(name: string): string {
    const found = this.list().find((b) => b.name === name);
    if (!found || name.includes('/') || name.includes('\\')) {
      throw new DomainError('NOT_FOUND', `Fant ingen sikkerhetskopi med navnet «${name}».`, 'name');
    }
    return path.join(this.dir, found.name);
  }

  /**
   * Replaces all data with the content of a backup, in one transaction. The state before the
   * restore is saved first as a 'gjenoppretting' copy (returned), so a restore can be undone.
   * `prepare` copies, checks and migrates the backup as a scratch file (restore-prepare.ts: in
   * the app the job pool's worker thread); the swap itself stays here, on the live connection.
   */
  async restore(name: string, prepare: RestorePreparer = inlinePrepare): Promise<{ restored: string; safetyBackup: string }> {
    const source = this.resolve(name);
    const scratch = path.join(this.dir, `.gjenoppretting-${process.pid}-${Date.now()}.sqlite`);
    try {
      await prepare(source, scratch, name);
      const safety = await this.create('gjenoppretting', 'for');
      this.copyAllTables(
        scratch,
        `Plan: gjenopprettet fra sikkerhetskopien «${name}»; tilstanden før er lagret som «${path.basename(safety)}»`,
      );
      return { restored: name, safetyBackup: path.basename(safety) };
    } finally {
      for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`, `${scratch}-journal`]) fs.rmSync(f, { force: true });
    }
  }

  /**
   * Replaces every table's rows with the copy's, in one transaction. `logDetail` goes into the
   * change log of every restored plan (by the user of this session), so the tillitsvalgte see
   * in the plan's history that it was restored and from what.
   */
  private copyAllTables(scratch: string, logDetail: string): void {
    const db = this.db;
    const tablesOf = (schema: string) =>
      new Set(
        (
          db
            .prepare(
              `SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence')`,
            )
            .all() as { name: string }[]
        ).map((r) => r.name),
      );
    db.prepare('ATTACH DATABASE ? AS restore_src').run(scratch);
    try {
      const mine = tablesOf('main');
      const theirs = tablesOf('restore_src');
      const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
      // Triggers (e.g. the change log of m020) must not fire for a restore: they are dropped
      // and re-created inside the same transaction (SQLite DDL is transactional).
      // Who restores: this session's user (the copy may name someone else).
      const session = mine.has('review_session')
        ? (db.prepare('SELECT user_name FROM main.review_session WHERE id = 1').get() as { user_name: string } | undefined)
        : undefined;
      const userName = session?.user_name ?? 'ukjent';
      const triggers = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL").all() as {
        name: string;
        sql: string;
      }[];
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        for (const tr of triggers) db.exec(`DROP TRIGGER main.${quote(tr.name)}`);
        for (const t of mine) db.prepare(`DELETE FROM main.${quote(t)}`).run();
        for (const t of mine) {
          if (!theirs.has(t)) continue;
          const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(t) as { name: string }[]).map((c) => quote(c.name));
          if (cols.length === 0) continue;
          const list = cols.join(', ');
          db.prepare(`INSERT INTO main.${quote(t)} (${list}) SELECT ${list} FROM restore_src.${quote(t)}`).run();
        }
        for (const tr of triggers) db.exec(tr.sql);
        if (mine.has('plan_changes') && mine.has('plans')) {
          db.prepare(`INSERT INTO plan_changes (plan_id, at, user_name, kind, detail)
            SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, 'plan', ? FROM plans`).run(userName, logDetail);
        }
      })();
    } finally {
      db.prepare('DETACH DATABASE restore_src').run();
    }
  }
}
