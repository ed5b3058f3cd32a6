import type { Migration } from './migration';

/**
 * The employee number of the HR and payroll system (ansattnr), optional. Exports use it as the
 * key (the internal id never leaves the app) and the staff import matches on it in update mode,
 * so it is unique within a unit.
 */
export const m060EmployeeNumber: Migration = {
  version: 60,
  name: 'employee_number',
  up(db) {
    db.exec(`
      ALTER TABLE employees ADD COLUMN employee_number TEXT
        CHECK (employee_number IS NULL OR (length(employee_number) BETWEEN 1 AND 30));
      CREATE UNIQUE INDEX employees_unit_number ON employees (unit_id, employee_number) WHERE employee_number IS NOT NULL;
    `);
  },
};
