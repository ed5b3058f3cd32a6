/**
 * Integrity checks of files that are not the open data file: backup copies (a full
 * `PRAGMA integrity_check`, which reads every page; opening the data file itself keeps the fast
 * `quick_check`). Read-only: a checked file is never changed. Node only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from './errors';
import { latestVersion } from './migrate';
import { MIGRATIONS } from './migrations';

export type CopyCheck =
  | { ok: true; checkedAt: string }
  | { ok: false; checkedAt: string; problem: string };

/** Full check of one copy: intact (integrity_check), a Turnus file, not from a newer version. */
export function checkCopyFile(file: string, now: () => Date = () => new Date()): CopyCheck {
  const checkedAt = now().toISOString();
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const size = fs.statSync(file).size;
    if (size % pageSize !== 0 || size < pages * pageSize) return { ok: false, checkedAt, problem: `avkortet (${size} byte, ventet ${pages * pageSize})` };
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
    const msgs = rows.map((r) => r.integrity_check);
    if (msgs.length !== 1 || msgs[0] !== 'ok') return { ok: false, checkedAt, problem: `skadet: ${msgs.slice(0, 3).join('; ').slice(0, 200)}` };
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'turnus_meta'").get();
    const app = hasMeta ? (db.prepare("SELECT value FROM turnus_meta WHERE key = 'app'").get() as { value: string } | undefined) : undefined;
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

// ---------------------------------------------------------------------------------------------
// Saved plan versions (plan_versions, m020) carry a checksum over the version and the change-log
// rows of its plan up to the version (m050): a changed approved plan, or a rewritten history
// before it, is detected. It guards against changes by other tools and damage, not against
// someone who edits the file AND recomputes the checksum (there is no secret key).

/** The SQL function the checksum trigger (m050) and the checks use. */
export function registerChecksumFunction(db: Database.Database): void {
  db.function('turnus_sha256', { deterministic: true }, (text: unknown) =>
    crypto.createHash('sha256').update(String(text ?? ''), 'utf8').digest('hex'));
}

/** The checksum of the version row `v` (SQL expression; `v` is the plan_versions alias). */
export const VERSION_CHECKSUM_SQL = `turnus_sha256(json_array(v.plan_id, v.name, v.status, v.file, v.created_by, v.created_at,
  (SELECT json_group_array(json_array(c.id, c.at, c.user_name, c.kind, c.employee_id, c.date, c.before, c.after, c.detail))
     FROM (SELECT * FROM plan_changes c WHERE c.plan_id = v.plan_id AND c.id <= coalesce(v.changes_upto, 0) ORDER BY c.id) c)))`;

export interface ChangedVersion {
  versionId: number;
  versionName: string;
  planId: number;
  planName: string;
}

function hasChecksums(db: Database.Database): boolean {
  return (db.prepare("SELECT count(*) AS n FROM pragma_table_info('plan_versions') WHERE name = 'checksum'").get() as { n: number }).n === 1;
}

/** Saved versions whose checksum no longer matches (one version, or all). */
export function changedVersions(db: Database.Database, versionId?: number): ChangedVersion[] {
  if (!hasChecksums(db)) return [];
  const rows = db.prepare(`SELECT v.id AS versionId, v.name AS versionName, v.plan_id AS planId, p.name AS planName
    FROM plan_versions v JOIN plans p ON p.id = v.plan_id
    WHERE (? IS NULL OR v.id = ?) AND v.checksum IS NOT ${VERSION_CHECKSUM_SQL}`).all(versionId ?? null, versionId ?? null) as ChangedVersion[];
  return rows;
}

export function changedVersionMessage(c: ChangedVersion): string {
  return `Den lagrede versjonen «${c.versionName}» av planen «${c.planName}» er endret etter at den ble lagret ` +
    '(sjekksummen over versjonen og endringsloggen før den stemmer ikke). Den kan ikke brukes som godkjent grunnlag. ' +
    'Veien tilbake: gjenopprett en sikkerhetskopi fra før endringen (Sikkerhetskopier), eller kontakt IT.';
}

/** Where a version is read: refuses a version whose checksum does not match. */
export function assertVersionIntact(db: Database.Database, versionId: number): void {
  const changed = changedVersions(db, versionId);
  if (changed.length > 0) throw new DomainError('DB_DAMAGED', changedVersionMessage(changed[0]), 'versionId');
}
