import { registerChecksumFunction, VERSION_CHECKSUM_SQL } from '../store/integrity';
import type { Migration } from './migration';

/**
 * A checksum over each saved plan version and the change-log rows of its plan up to it
 * (integrity.ts), written by a trigger when the version is saved; existing versions get theirs
 * now (covering the log as it is today). The immutability trigger now guards every column but
 * the two new ones, and a checksum, once written, cannot be changed either.
 */
export const m050Integrity: Migration = {
  version: 50,
  name: 'integrity',
  up(db) {
    registerChecksumFunction(db);
    db.exec(`
      ALTER TABLE plan_versions ADD COLUMN changes_upto INTEGER;
      ALTER TABLE plan_versions ADD COLUMN checksum TEXT;
      DROP TRIGGER plan_versions_immutable;
      UPDATE plan_versions SET changes_upto = (SELECT max(id) FROM plan_changes c WHERE c.plan_id = plan_versions.plan_id);
      UPDATE plan_versions AS v SET checksum = ${VERSION_CHECKSUM_SQL};
      CREATE TRIGGER plan_versions_immutable BEFORE UPDATE OF id, plan_id, name, status, file, created_by, created_at ON plan_versions
      BEGIN
        SELECT RAISE(ABORT, 'En lagret versjon kan ikke endres.');
      END;
      CREATE TRIGGER plan_versions_checksum_fixed BEFORE UPDATE OF changes_upto, checksum ON plan_versions
        WHEN OLD.checksum IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'Sjekksummen til en lagret versjon kan ikke endres.');
      END;
      CREATE TRIGGER plan_versions_checksum AFTER INSERT ON plan_versions
      BEGIN
        UPDATE plan_versions SET changes_upto = (SELECT max(id) FROM plan_changes c WHERE c.plan_id = NEW.plan_id) WHERE id = NEW.id;
        UPDATE plan_versions AS v SET checksum = ${VERSION_CHECKSUM_SQL} WHERE v.id = NEW.id;
      END;
    `);
  },
};
