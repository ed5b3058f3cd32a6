import type { Migration } from './migration';

/**
 * Scenario plans (issue 18): a scenario owns a plan row of its own, so the grid, the steps, the
 * rule check, «Fyll ut» and Nøkkeltall work on it unchanged. `plans.scenario_of` marks such a
 * row (NULL for real plans); it goes with its scenario. The scenario's staff, shift types,
 * bemanningsplan and weekend rhythm stay in `scenarios.plan_json`; its cells live in
 * `assignments` like any plan's. Plan lists show only rows with `scenario_of IS NULL`.
 */
export const m070ScenarioPlans: Migration = {
  version: 70,
  name: 'scenario-plans',
  up(db) {
    db.exec(`
      ALTER TABLE plans ADD COLUMN scenario_of INTEGER REFERENCES scenarios(id) ON DELETE CASCADE;
      CREATE UNIQUE INDEX plans_scenario_of ON plans (scenario_of) WHERE scenario_of IS NOT NULL;
    `);
  },
};
