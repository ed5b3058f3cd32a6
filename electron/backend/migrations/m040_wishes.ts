import type { Migration } from './migration';

/**
 * Ferieønsker (step 2 of the Askermodellen order of work): one row per wish of an employee in a
 * plan, with its status. Approved wishes are laid as FE cells by the renderer via setCells.
 */
export const m040Wishes: Migration = {
  version: 40,
  name: 'wishes',
  up(db) {
    db.exec(`
      CREATE TABLE vacation_wishes (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        start_date  TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        end_date    TEXT NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        status      TEXT NOT NULL DEFAULT 'onsket' CHECK (status IN ('onsket', 'godkjent', 'avslatt')),
        note        TEXT CHECK (note IS NULL OR length(note) <= 200),
        created_at  TEXT NOT NULL,
        CHECK (end_date >= start_date)
      ) STRICT;
      CREATE INDEX vacation_wishes_plan ON vacation_wishes (plan_id);
    `);
  },
};
