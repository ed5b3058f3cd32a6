import type { Migration } from './migration';

/**
 * Review (issue 8): status history (utkast → til drøfting → godkjent with dates and names),
 * named immutable versions (a snapshot of the whole plan file), comments on cells and on the
 * plan, and a change log of who changed what.
 *
 * Cell changes are logged by triggers on `assignments`, so every writer (the grid, the
 * generator, imports) is covered without calling the review code. The user name the triggers
 * write comes from the one-row `review_session` table, which the backend fills on start
 * (OS user, overridable).
 */
export const m020Review: Migration = {
  version: 20,
  name: 'review',
  up(db) {
    db.exec(`
      CREATE TABLE review_session (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        user_name TEXT NOT NULL CHECK (length(user_name) BETWEEN 1 AND 100)
      ) STRICT;
      INSERT INTO review_session (id, user_name) VALUES (1, 'ukjent');

      CREATE TABLE review_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE plan_status_events (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        status     TEXT NOT NULL CHECK (status IN ('utkast', 'til_drofting', 'godkjent')),
        date       TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        names      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(names) AND json_type(names) = 'array'),
        note       TEXT CHECK (note IS NULL OR length(note) <= 2000),
        version_id INTEGER REFERENCES plan_versions(id) ON DELETE SET NULL,
        user_name  TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_status_events_plan ON plan_status_events (plan_id);

      -- Immutable snapshots of the whole plan file v1.
      CREATE TABLE plan_versions (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        status     TEXT NOT NULL CHECK (status IN ('utkast', 'til_drofting', 'godkjent')),
        file       TEXT NOT NULL CHECK (json_valid(file)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_versions_plan ON plan_versions (plan_id);
      CREATE TRIGGER plan_versions_immutable BEFORE UPDATE ON plan_versions
      BEGIN
        SELECT RAISE(ABORT, 'En lagret versjon kan ikke endres.');
      END;

      CREATE TABLE plan_comments (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        employee_id TEXT,
        date        TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        text        TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 4000),
        author      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT
      ) STRICT;
      CREATE INDEX plan_comments_plan ON plan_comments (plan_id);

      -- The change log. No foreign key on plan_id: rows are written by triggers while a plan's
      -- cells are deleted in cascade; the plans trigger below removes a deleted plan's log.
      CREATE TABLE plan_changes (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL,
        at          TEXT NOT NULL,
        user_name   TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('cell', 'status', 'version', 'comment', 'import', 'plan')),
        employee_id TEXT,
        date        TEXT,
        before      TEXT,
        after       TEXT,
        detail      TEXT
      ) STRICT;
      CREATE INDEX plan_changes_plan ON plan_changes (plan_id, id);

      CREATE TRIGGER plan_changes_cell_insert AFTER INSERT ON assignments
      BEGIN
        INSERT INTO plan_changes (plan_id, at, user_name, kind, employee_id, date, before, after)
        VALUES (NEW.plan_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                (SELECT user_name FROM review_session WHERE id = 1), 'cell',
                CAST(NEW.employee_id AS TEXT), NEW.date, NULL, NEW.code);
      END;
      CREATE TRIGGER plan_changes_cell_update AFTER UPDATE OF code ON assignments
      WHEN OLD.code IS NOT NEW.code
      BEGIN
        INSERT INTO plan_changes (plan_id, at, user_name, kind, employee_id, date, before, after)
        VALUES (NEW.plan_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                (SELECT user_name FROM review_session WHERE id = 1), 'cell',
                CAST(NEW.employee_id AS TEXT), NEW.date, OLD.code, NEW.code);
      END;
      CREATE TRIGGER plan_changes_cell_delete AFTER DELETE ON assignments
      WHEN EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id)
      BEGIN
        INSERT INTO plan_changes (plan_id, at, user_name, kind, employee_id, date, before, after)
        VALUES (OLD.plan_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                (SELECT user_name FROM review_session WHERE id = 1), 'cell',
                CAST(OLD.employee_id AS TEXT), OLD.date, OLD.code, NULL);
      END;
      CREATE TRIGGER plan_changes_plan_delete AFTER DELETE ON plans
      BEGIN
        DELETE FROM plan_changes WHERE plan_id = OLD.id;
      END;
    `);
  },
};
