import type { Migration } from './migration';

/**
 * Askermodellen (issue 14):
 *  - `vacation_wishes.restore_cells`: the cells an approval replaced (JSON list of
 *    {employeeId, date, code|null, pinned?}), so rejecting, editing or deleting the approved
 *    wish puts the planned shifts back exactly. NULL while the wish is not approved.
 *  - `plan_activities`: timed meetings and courses (MØTE, KURS) of a plan, a time window on one
 *    date for some employees or all; carried into the plan file as `activities`.
 */
export const m080WishRestore: Migration = {
  version: 80,
  name: 'wish restore and activities',
  up(db) {
    db.exec(`
      ALTER TABLE vacation_wishes ADD COLUMN restore_cells TEXT
        CHECK (restore_cells IS NULL OR (json_valid(restore_cells) AND json_type(restore_cells) = 'array'));
      CREATE TABLE plan_activities (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        code        TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 12),
        date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        start_time  TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        end_time    TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        employees   TEXT NOT NULL CHECK (employees = 'all' OR (json_valid(employees) AND json_type(employees) = 'array')),
        note        TEXT CHECK (note IS NULL OR length(note) <= 200),
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_activities_plan ON plan_activities (plan_id, date);
    `);
  },
};
