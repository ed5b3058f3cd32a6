/**
 * Opening the Turnus data file (one SQLite file, better-sqlite3). Node only: never imports
 * `electron`, so the same code runs in the Electron main process, in the browser host, in the
 * `turnus` command and in the unit tests.
 *
 * What opening promises (docs/data-safety.md):
 *  - A file that is not SQLite, is damaged, or is SQLite but not a Turnus file is reported with
 *    a Norwegian message and never written to.
 *  - A file from a newer Turnus version is refused untouched.
 *  - Before a migration changes an existing file, a complete copy is written (db.backup).
 *  - One process at a time: the connection takes SQLite's EXCLUSIVE lock and keeps it, so a
 *    second app instance (Electron or browser host) gets a clear "in use" message. The OS drops
 *    the lock when a process dies, so a crash never leaves a stale lock behind.
 *  - WAL with synchronous=FULL: a write the API has acknowledged survives a crash of the
 *    process and of the machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from './errors';
import { futureVersionError, latestVersion, migrate, type MigrateResult } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { BackupManager, type BackupOptions } from './backups';
import { guardWal, stampFileIdentity } from './wal-guard';
import { recoveryOffer, RecoveryNeeded, sweepRestoreTemps } from './recovery';
import { changedVersionMessage, changedVersions, registerChecksumFunction } from './store/integrity';

export interface OpenOptions {
  /** Migration steps (tests pass their own lists). */
  migrations?: readonly Migration[];
  /** How long to wait for a lock held by another process (ms). */
  lockTimeoutMs?: number;
  /** Backup folder and retention; `false` turns backups off (scratch files in tests). */
  backups?: BackupOptions | false;
  /**
   * A missing or empty file opens as an empty workspace even though copies of it exist (the
   * user chose «start tom»). Otherwise such a file throws RecoveryNeeded (recovery.ts).
   */
  allowEmpty?: boolean;
}

export interface OpenedDb {
  db: Database.Database;
  file: string;
  migration: MigrateResult;
  backups: BackupManager | null;
  /** Path of the backup written before the migration, if one ran on an existing file. */
  migrationBackup: string | null;
  /** Norwegian notices about what opening did besides opening (a foreign -wal moved aside …). */
  notices: string[];
  /**
   * Checkpoints the WAL into the file (TRUNCATE) and starts the next WAL with a page-1 frame
   * carrying the file identity (wal-guard.ts).
   */
  checkpoint(): void;
  /** After writes: checkpoints when the WAL has grown past 4 MB (automatic checkpoints are off). */
  maintainWal(): void;
  close(): void;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Files this process has open. POSIX file locks belong to the process: closing ANY descriptor
 * of a file drops all of the process's locks on it, including SQLite's EXCLUSIVE lock. So a
 * second open of the same file in this process is refused before anything touches the file.
 */
const openInThisProcess = new Set<string>();

function identity(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function label(file: string): string {
  return `«${file}»`;
}

export function damagedError(file: string, detail?: string): DomainError {
  return new DomainError(
    'DB_DAMAGED',
    `Datafilen ${label(file)} er skadet og kan ikke åpnes${detail ? ` (${detail})` : ''}. Filen er ikke endret. ` +
      `Lukk Turnus, flytt filen (sammen med «${path.basename(file)}-wal» og «${path.basename(file)}-shm» hvis de finnes) til en annen mappe ` +
      'og start Turnus igjen: da får du tilbud om den nyeste hele sikkerhetskopien. Kontakt IT om du trenger hjelp.',
  );
}

export function foreignError(file: string, why: string): DomainError {
  return new DomainError('DB_FOREIGN', `Filen ${label(file)} er ikke en Turnus-datafil (${why}). Filen er ikke endret. Velg en annen fil.`);
}

export function lockedError(file: string): DomainError {
  return new DomainError(
    'DB_LOCKED',
    `Datafilen ${label(file)} er i bruk av et annet Turnus-vindu eller et annet program. ` + 'Lukk det andre vinduet og prøv igjen.',
  );
}

export function readonlyError(file: string): DomainError {
  return new DomainError(
    'DB_READONLY',
    `Datafilen ${label(file)} eller mappen den ligger i er skrivebeskyttet. Turnus må kunne lagre endringer: ` +
      'flytt filen til en mappe du kan skrive i, eller be IT om skrivetilgang.',
  );
}

function cannotOpenError(file: string, detail: string): DomainError {
  return new DomainError('DB_CANNOT_OPEN', `Kan ikke åpne datafilen ${label(file)}: ${detail}.`);
}

/** Maps SQLite and file-system errors met while opening to the user's words. */
function mapOpenError(file: string, e: unknown): DomainError {
  if (e instanceof DomainError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') return lockedError(file);
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') return readonlyError(file);
  if (code === 'SQLITE_NOTADB') return foreignError(file, 'ikke en SQLite-database');
  if (code.startsWith('SQLITE_CORRUPT')) return damagedError(file);
  if (code.startsWith('SQLITE_CANTOPEN')) return cannotOpenError(file, 'filen eller mappen finnes ikke eller kan ikke leses');
  return cannotOpenError(file, (e as Error).message ?? String(e));
}

/** Checks the first bytes before SQLite sees the file, so nothing can be written to it. */
function checkHeader(file: string): 'new' | 'sqlite' {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    throw mapOpenError(file, e);
  }
  if (st.isDirectory()) throw cannotOpenError(file, 'stien er en mappe, ikke en fil');
  if (st.size === 0) return 'new';
  const head = Buffer.alloc(100);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw mapOpenError(file, e);
  }
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (n < 16 || !head.subarray(0, 16).equals(SQLITE_MAGIC)) throw foreignError(file, 'ikke en SQLite-database');
  if (n < 100) throw damagedError(file, 'filhodet er avkortet');
  return 'sqlite';
}

function checkWritable(file: string, exists: boolean): void {
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    if (exists) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw cannotOpenError(file, 'mappen finnes ikke');
    throw readonlyError(file);
  }
}

interface Probe {
  userVersion: number;
  tables: string[];
  isTurnus: boolean;
}

/** Reads what the file is, through a read-only connection (nothing is written). */
function probe(file: string, lockTimeoutMs: number): Probe {
  // A read-only connection to a WAL file may create empty -wal/-shm files; remove the ones
  // this probe created so a refused file's folder is left exactly as it was.
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let ro: Database.Database | undefined;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true, timeout: lockTimeoutMs });
    const userVersion = ro.pragma('user_version', { simple: true }) as number;
    const tables = (
      ro.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    ).map((r) => r.name);
    let isTurnus = false;
    if (tables.includes('turnus_meta')) {
      const row = ro.prepare("SELECT value FROM turnus_meta WHERE key = 'app'").get() as { value: string } | undefined;
      isTurnus = row?.value === 'turnus';
    }
    const check = ro.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw damagedError(file, `integritetssjekken sa: ${String(check).slice(0, 120)}`);
    // A cut-off file (copy or disk trouble) is not always caught by quick_check.
    const pageSize = ro.pragma('page_size', { simple: true }) as number;
    const size = fs.statSync(file).size;
    const walEmpty = !fs.existsSync(`${file}-wal`) || fs.statSync(`${file}-wal`).size === 0;
    if (size % pageSize !== 0 || (walEmpty && size < (ro.pragma('page_count', { simple: true }) as number) * pageSize)) {
      throw damagedError(file, 'filen er avkortet');
    }
    return { userVersion, tables, isTurnus };
  } catch (e) {
    throw mapOpenError(file, e);
  } finally {
    ro?.close();
    for (const f of sidecars) {
      try {
        if (fs.statSync(f).size === 0 || f.endsWith('-shm')) fs.rmSync(f, { force: true });
      } catch {
        // not created
      }
    }
  }
}

/** Classifies a probed file; throws for foreign and future files. */
function assertOpenable(file: string, p: Probe, latest: number): void {
  if (p.userVersion > latest && p.isTurnus) throw futureVersionError(p.userVersion, latest);
  if (p.userVersion === 0 && p.tables.length > 0) throw foreignError(file, 'den inneholder andre tabeller enn Turnus sine');
  if (p.userVersion > 0 && !p.isTurnus) throw foreignError(file, 'den mangler Turnus-merket');
}

/**
 * Opens (creating if needed) and migrates a Turnus data file. Throws a DomainError with a
 * Norwegian message (codes DB_*) when the file cannot be used; the file is then left as it was.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDb> {
  const steps = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(steps);
  const lockTimeoutMs = options.lockTimeoutMs ?? 2000;
  const abs = path.resolve(file);
  if (openInThisProcess.has(identity(abs))) throw lockedError(abs);

  // A -wal of another file must never be replayed into this one (wal-guard.ts).
  let notices: string[];
  try {
    notices = guardWal(abs);
  } catch (e) {
    throw mapOpenError(abs, e);
  }
  const kind = checkHeader(abs);
  if (kind === 'new' && !options.allowEmpty && options.backups !== false) {
    const offer = recoveryOffer(abs, options.backups?.dir);
    if (offer) throw new RecoveryNeeded(offer);
  }
  checkWritable(abs, kind === 'sqlite');
  let before: Probe = { userVersion: 0, tables: [], isTurnus: false };
  if (kind === 'sqlite') {
    before = probe(abs, lockTimeoutMs);
    assertOpenable(abs, before, latest);
  }

  if (kind === 'new') {
    // Personal data: a new file is readable by its owner only (SQLite gives -wal the same mode).
    try {
      fs.closeSync(fs.openSync(abs, 'a', 0o600));
      fs.chmodSync(abs, 0o600);
    } catch (e) {
      throw mapOpenError(abs, e);
    }
  }
  let db: Database.Database;
  try {
    db = new Database(abs, { timeout: lockTimeoutMs });
  } catch (e) {
    throw mapOpenError(abs, e);
  }
  try {
    // EXCLUSIVE before WAL: no shared-memory index, and the lock is kept until close.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw cannotOpenError(abs, `kunne ikke slå på WAL (fikk ${String(mode)})`);
    db.pragma('synchronous = FULL');
    // Checkpoints only through checkpoint() below, so every new WAL starts with the identity.
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(lockTimeoutMs, 5000)}`);
    registerChecksumFunction(db); // used by the plan_versions checksum trigger (m050)

    // Re-check under the lock (another process could have changed the file in between).
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== before.userVersion) {
      const again = probe(abs, lockTimeoutMs);
      assertOpenable(abs, again, latest);
    }

    const backups = options.backups === false ? null : new BackupManager(db, abs, options.backups ?? {});
    let migrationBackup: string | null = null;
    if (version > 0 && version < latest && backups) {
      migrationBackup = await backups.create('migrering', `v${version}-til-v${latest}`);
    }
    const migration = migrate(db, steps);
    stampFileIdentity(db);
    for (const c of changedVersions(db)) notices.push(changedVersionMessage(c));
    sweepRestoreTemps(abs); // we hold the lock: no restore of this file is running
    if (backups) {
      backups.sweep();
      // The daily copy never stops a healthy file from opening: a failure is a warning.
      try {
        await backups.ensureDaily();
      } catch (e) {
        notices.push(
          `${(e as Error).message} Turnus virker som vanlig, men uten dagens sikkerhetskopi; ` + 'sjekk mappen eller be IT om hjelp.',
        );
      }
    }

    const id = identity(abs);
    openInThisProcess.add(id);
    let closed = false;
    const checkpoint = () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      stampFileIdentity(db);
    };
    return {
      db,
      file: abs,
      migration,
      backups,
      migrationBackup,
      notices,
      checkpoint,
      maintainWal() {
        if (closed) return;
        let size = 0;
        try {
          size = fs.statSync(`${abs}-wal`).size;
        } catch {
          return;
        }
        if (size > 4 * 1024 * 1024) checkpoint();
      },
      close() {
        if (closed) return;
        closed = true;
        try {
          db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // closing still checkpoints; a failure here loses nothing (the WAL stays valid)
        }
        db.close();
        openInThisProcess.delete(id);
      },
    };
  } catch (e) {
    db.close();
    throw mapOpenError(abs, e);
  }
}

/**
 * The default data file outside Electron (browser mode, CLI): the same per-user folder that
 * Electron's app.getPath('userData') gives the app named «Turnus», so both modes share one file
 * (never at the same time: see the EXCLUSIVE lock above).
 */
export function defaultDataFile(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Turnus', 'turnus.sqlite');
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Turnus', 'turnus.sqlite');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Turnus', 'turnus.sqlite');
}
