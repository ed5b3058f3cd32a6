/**
 * The migration list: append-only, one file per feature, assembled here in version order.
 *
 *   m001_core.ts      core tables (backend engineer)
 *   m020_review.ts    plan status history, versions, comments, change log (review engineer)
 *   m030_*.ts         pilot scenarios (scenario work)
 *   m050_integrity.ts checksums of saved plan versions (integrity.ts)
 *   m060_employee_number.ts  HR employee number (ansattnr) on employees (exchange)
 *   m070_*.ts         scenario plans: a scenario owns a plan row (scenario work)
 *   m080_wish_restore  ferie approvals that can be undone; timed activities (Askermodellen UI)
 *   m093_scenario_staff  people added in a scenario (employees.scenario_of; scenario work)
 *
 * Rules for adding a step:
 *  - Create `mNNN_<feature>.ts` exporting a `Migration` whose `version` is NNN (the file
 *    number; gaps are fine, so engineers working in parallel never collide), then append ONE
 *    import line and ONE entry to MIGRATIONS below. Versions must strictly increase along the
 *    list (a unit test checks it).
 *  - Never edit or reorder a step that has been committed: users' files already ran it.
 *    Fix mistakes with a new step.
 *  - Use STRICT tables and CHECK constraints; no transactions, VACUUM or PRAGMA journal_mode
 *    inside `up` (all pending steps run in ONE transaction, see ../migrate.ts).
 *  - Update test/unit/backend/schema-snapshot.json (the snapshot test prints the new one).
 */
import type { Migration } from './migration';
import { m001Core } from './m001_core';
import { m020Review } from './m020_review';
import { m030Scenarios } from './m030_scenarios';
import { m040Wishes } from './m040_wishes';
import { m050Integrity } from './m050_integrity';
import { m060EmployeeNumber } from './m060_employee_number';
import { m070ScenarioPlans } from './m070_scenario_plans';
import { m080WishRestore } from './m080_wish_restore';
import { m093ScenarioStaff } from './m093_scenario_staff';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  m001Core,
  m020Review,
  m030Scenarios,
  m040Wishes,
  m050Integrity,
  m060EmployeeNumber,
  m070ScenarioPlans,
  m080WishRestore,
  m093ScenarioStaff,
];
