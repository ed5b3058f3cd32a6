import type Database from 'better-sqlite3';
import { DomainError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrateResult {
  from: number;
  to: number;
}

/** The newest schema version in a list of steps (0 for none). */
export function latestVersion(steps: readonly Migration[] = MIGRATIONS): number {
  return steps.length === 0 ? 0 : steps[steps.length - 1].version;
}

/** Throws when the step list is not strictly increasing (a programming error). */
export function assertOrdered(steps: readonly Migration[]): void {
  let prev = 0;
  for (const s of steps) {
    if (!Number.isInteger(s.version) || s.version <= prev) {
      throw new Error(`Migration versions must strictly increase: ${s.name} has ${s.version} after ${prev}`);
    }
    prev = s.version;
  }
}

export function futureVersionError(fileVersion: number, latest: number): DomainError {
  return new DomainError(
    'DB_FROM_FUTURE',
    `Datafilen er laget av en nyere versjon av Turnus (skjemaversjon ${fileVersion}, denne versjonen kjenner ` +
      `bare til versjon ${latest}). Filen er ikke endret. Oppdater Turnus for å åpne den.`,
  );
}

/**
 * Brings the schema to the newest version: all pending steps in ONE transaction, then
 * `PRAGMA user_version`. A file from a newer version is refused before anything is written.
 * Running it again is a no-op.
 */
export function migrate(db: Database.Database, steps: readonly Migration[] = MIGRATIONS): MigrateResult {
  assertOrdered(steps);
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(steps);
  if (from > latest) throw futureVersionError(from, latest);
  const pending = steps.filter((s) => s.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const step of pending) step.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest };
}
