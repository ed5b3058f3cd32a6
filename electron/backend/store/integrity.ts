/**
 * Integrity of saved plan versions. Node only; no imports of the migration list (m050 uses this
 * module).
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { DomainError } from '../errors';

// Saved plan versions (plan_versions, m020) carry a checksum over the version and the change-log
// rows of its plan up to the version (m050): a changed approved plan, or a rewritten history
// before it, is detected. It guards against changes by other tools and damage, not against
// someone who edits the file AND recomputes the checksum (there is no secret key).

/** The SQL function the checksum trigger (m050) and the checks use. */
export function registerChecksumFunction(db: Database.Database): void {
  db.function('turnus_sha256', { deterministic: true }, (text: unknown) =>
    crypto
      .createHash('sha256')
      .update(String(text ?? ''), 'utf8')
      .digest('hex'),
  );
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
  return (
    (db.prepare("SELECT count(*) AS n FROM pragma_table_info('plan_versions') WHERE name = 'checksum'").get() as { n: number }).n === 1
  );
}

/** Saved versions whose checksum no longer matches (one version, or all). */
export function changedVersions(db: Database.Database, versionId?: number): ChangedVersion[] {
  if (!hasChecksums(db)) return [];
  const rows = db
    .prepare(`SELECT v.id AS versionId, v.name AS versionName, v.plan_id AS planId, p.name AS planName
    FROM plan_versions v JOIN plans p ON p.id = v.plan_id
    WHERE (? IS NULL OR v.id = ?) AND v.checksum IS NOT ${VERSION_CHECKSUM_SQL}`)
    .all(versionId ?? null, versionId ?? null) as ChangedVersion[];
  return rows;
}

export function changedVersionMessage(c: ChangedVersion): string {
  return (
    `Den lagrede versjonen «${c.versionName}» av planen «${c.planName}» er endret etter at den ble lagret ` +
    '(sjekksummen over versjonen og endringsloggen før den stemmer ikke). Den kan ikke brukes som godkjent grunnlag. ' +
    'Veien tilbake: gjenopprett en sikkerhetskopi fra før endringen (Sikkerhetskopier), eller kontakt IT.'
  );
}

/** Where a version is read: refuses a version whose checksum does not match. */
export function assertVersionIntact(db: Database.Database, versionId: number): void {
  const changed = changedVersions(db, versionId);
  if (changed.length > 0) throw new DomainError('DB_DAMAGED', changedVersionMessage(changed[0]), 'versionId');
}
