import type { Migration } from './migration';

/**
 * The core schema (issue 2): units, shift types, employees, bemanningsplan (demand), plans and
 * their cells. STRICT tables; CHECK constraints mirror the zod schemas in shared/api-args.ts so
 * that even a bug in a handler cannot store a value the app could not read back.
 */
export const m001Core: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      -- Marks the file as a Turnus data file (a foreign SQLite file is refused on open).
      CREATE TABLE turnus_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO turnus_meta (key, value) VALUES ('app', 'turnus');

      CREATE TABLE units (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        settings   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings) AND json_type(settings) = 'object'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE shift_types (
        id                   INTEGER PRIMARY KEY,
        unit_id              INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        code                 TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 8),
        name                 TEXT,
        start_time           TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time < '24:00'),
        end_time             TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time < '24:00'),
        unpaid_break_minutes INTEGER NOT NULL DEFAULT 0 CHECK (unpaid_break_minutes BETWEEN 0 AND 240),
        long                 INTEGER NOT NULL DEFAULT 0 CHECK (long IN (0, 1)),
        color                TEXT,
        counts_toward        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(counts_toward) AND json_type(counts_toward) = 'array'),
        sort_order           INTEGER NOT NULL,
        UNIQUE (unit_id, code)
      ) STRICT;

      CREATE TABLE employees (
        id                      INTEGER PRIMARY KEY,
        unit_id                 INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        name                    TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        competence              TEXT NOT NULL CHECK (length(competence) BETWEEN 1 AND 60),
        position                REAL NOT NULL CHECK (position > 0 AND position <= 1),
        wanted_position         REAL CHECK (wanted_position IS NULL OR (wanted_position > 0 AND wanted_position <= 1)),
        weekly_hours            REAL CHECK (weekly_hours IS NULL OR (weekly_hours > 0 AND weekly_hours <= 48)),
        consents_long_shifts    INTEGER NOT NULL DEFAULT 0 CHECK (consents_long_shifts IN (0, 1)),
        long_shift_consent_date TEXT CHECK (long_shift_consent_date IS NULL OR long_shift_consent_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        night_exempt            INTEGER NOT NULL DEFAULT 0 CHECK (night_exempt IN (0, 1)),
        age60plus               INTEGER NOT NULL DEFAULT 0 CHECK (age60plus IN (0, 1)),
        wants_hovedferie        INTEGER NOT NULL DEFAULT 0 CHECK (wants_hovedferie IN (0, 1)),
        weekend_group           INTEGER CHECK (weekend_group IS NULL OR weekend_group BETWEEN 0 AND 12),
        created_at              TEXT NOT NULL,
        updated_at              TEXT NOT NULL
      ) STRICT;
      CREATE INDEX employees_unit ON employees (unit_id);

      -- Bemanningsplan: either a day type or an explicit date per row.
      CREATE TABLE demand_rows (
        id         INTEGER PRIMARY KEY,
        unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        day_type   TEXT CHECK (day_type IS NULL OR day_type IN ('weekday', 'saturday', 'sunday', 'holiday')),
        date       TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        shift      TEXT NOT NULL CHECK (length(shift) BETWEEN 1 AND 8),
        competence TEXT NOT NULL CHECK (length(competence) BETWEEN 1 AND 60),
        count      INTEGER NOT NULL CHECK (count BETWEEN 0 AND 200),
        sort_order INTEGER NOT NULL,
        CHECK ((day_type IS NULL) <> (date IS NULL))
      ) STRICT;
      CREATE INDEX demand_rows_unit ON demand_rows (unit_id);

      CREATE TABLE plans (
        id         INTEGER PRIMARY KEY,
        unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        end_date   TEXT NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        status     TEXT NOT NULL DEFAULT 'utkast' CHECK (status IN ('utkast', 'til_drofting', 'godkjent')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_date >= start_date)
      ) STRICT;
      CREATE INDEX plans_unit ON plans (unit_id);

      -- One cell per employee per date; the code is a shift or an absence code of the unit.
      CREATE TABLE assignments (
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        code        TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 8),
        pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        PRIMARY KEY (plan_id, employee_id, date)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX assignments_employee ON assignments (employee_id);
    `);
  },
};
