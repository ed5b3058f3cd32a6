import type { Migration } from './migration';

/**
 * Pilot scenarios (issue 7): one row per scenario of a unit. The scenario's plan is a snapshot
 * (plan file v1 JSON) made from the unit and optionally a plan, with the transforms applied;
 * `base_json` is the starting point it is compared against.
 */
export const m030Scenarios: Migration = {
  version: 30,
  name: 'scenarios',
  up(db) {
    db.exec(`
      CREATE TABLE scenarios (
        id              INTEGER PRIMARY KEY,
        unit_id         INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        base_plan_id    INTEGER REFERENCES plans(id) ON DELETE SET NULL,
        name            TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        description     TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
        transforms      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(transforms) AND json_type(transforms) = 'array'),
        log             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(log) AND json_type(log) = 'array'),
        priority        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(priority) AND json_type(priority) = 'object'),
        base_json       TEXT NOT NULL CHECK (json_valid(base_json) AND json_type(base_json) = 'object'),
        plan_json       TEXT NOT NULL CHECK (json_valid(plan_json) AND json_type(plan_json) = 'object'),
        applied_at      TEXT,
        applied_plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX scenarios_unit ON scenarios (unit_id);
    `);
  },
};
