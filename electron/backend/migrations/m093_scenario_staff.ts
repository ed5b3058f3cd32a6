import type { Migration } from './migration';

/**
 * Scenario staff (issue 18): a person added in a scenario (e.g. a new 80 % position) needs an
 * `employees` row, since the scenario's cells live in `assignments` (m070), which refer to
 * employees. `employees.scenario_of` marks such a row as the scenario's own: the unit's staff
 * lists, counts and checks never see it, it goes with its scenario, and «Gjør til gjeldende plan»
 * makes it a real employee of the unit (scenario_of = NULL). NULL for every real employee.
 */
export const m093ScenarioStaff: Migration = {
  version: 93,
  name: 'scenario-staff',
  up(db) {
    db.exec(`
      ALTER TABLE employees ADD COLUMN scenario_of INTEGER REFERENCES scenarios(id) ON DELETE CASCADE;
      CREATE INDEX employees_scenario_of ON employees (scenario_of) WHERE scenario_of IS NOT NULL;
    `);
  },
};
