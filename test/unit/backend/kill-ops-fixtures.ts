/**
 * The pieces of the SIGKILL operation tests (kill-ops.test.ts): the child's opening of the
 * data file and its write step (source text for kill-harness.ts `childSource`, with $FILE and
 * $BACKUPS replaced by the test), an old-version file for the migration kills, and the read
 * back of what the writes left.
 */
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/backend/db';
import { MIGRATIONS } from '../../../electron/backend/migrations';

/** Cells each written employee gets in one setCells call. */
export const CELLS = 20;

/** Requires, opens the data file as the app does (backups on) and defines `write`. */
export const OPEN_API = `
  const { openDatabase } = mod('electron/backend/db.js');
  const { createHandlers } = mod('electron/backend/registry.js');
  const { addDays } = mod('shared/calendar/index.js');
  const o = await openDatabase('$FILE', { backups: { dir: '$BACKUPS' } });
  const api = createHandlers(o.db, { dataFile: o.file, mode: 'browser', version: 'drep', backups: o.backups });
  const write = async (unit, plan, name) => {
    const e = await api.addEmployee(unit.id, { name, competence: 'assistent', position: 0.5 });
    const changes = [];
    for (let d = 0; d < ${CELLS}; d++) changes.push({ employeeId: e.id, date: addDays('2026-01-05', d), code: d % 3 === 0 ? 'N' : 'D' });
    await api.setCells(plan.id, changes);
  };
`;

/** One acknowledged write of the loop (`i` is the loop counter). */
export const WRITE = `
    const name = 'W' + process.pid + '-' + i;
    await write(unit, plan, name);
    ack('write', name);`;

/** Employees by name with their cell count in the first plan. */
export function namesWithCells(db: Database.Database): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT e.name AS name, count(a.date) AS n FROM employees e
       LEFT JOIN assignments a ON a.employee_id = e.id AND a.plan_id = (SELECT min(id) FROM plans)
       GROUP BY e.id`,
    )
    .all() as { name: string; n: number }[];
  return new Map(rows.map((r) => [r.name, r.n]));
}

/**
 * A data file at schema version 1 (the first migration only) with one unit, 200 employees and
 * 5 plans of cells: every later migration has real rows to carry. Returns the employee names.
 */
export async function makeOldFile(file: string, cells = CELLS): Promise<Set<string>> {
  const o = await openDatabase(file, { migrations: MIGRATIONS.slice(0, 1), backups: false });
  const db = o.db;
  const names = new Set<string>();
  db.transaction(() => {
    const now = '2026-01-01T00:00:00.000Z';
    const unit = Number(
      db.prepare("INSERT INTO units (name, settings, created_at, updated_at) VALUES ('Gammel', '{}', ?, ?)").run(now, now).lastInsertRowid,
    );
    const st = db.prepare('INSERT INTO shift_types (unit_id, code, start_time, end_time, sort_order) VALUES (?, ?, ?, ?, ?)');
    st.run(unit, 'D', '07:30', '15:00', 1);
    st.run(unit, 'N', '22:15', '07:45', 2);
    const emp = db.prepare(
      "INSERT INTO employees (unit_id, name, competence, position, created_at, updated_at) VALUES (?, ?, 'assistent', 0.5, ?, ?)",
    );
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) {
      names.add(`O-${i}`);
      ids.push(Number(emp.run(unit, `O-${i}`, now, now).lastInsertRowid));
    }
    const plan = db.prepare(
      "INSERT INTO plans (unit_id, name, start_date, end_date, created_at, updated_at) VALUES (?, ?, '2026-01-05', '2027-01-03', ?, ?)",
    );
    const cell = db.prepare('INSERT INTO assignments (plan_id, employee_id, date, code) VALUES (?, ?, ?, ?)');
    for (let p = 0; p < 5; p++) {
      const planId = Number(plan.run(unit, `Plan ${p}`, now, now).lastInsertRowid);
      for (const id of ids) {
        for (let d = 0; d < cells; d++) cell.run(planId, id, `2026-01-${String(5 + d).padStart(2, '0')}`, d % 3 === 0 ? 'N' : 'D');
      }
    }
  })();
  o.close();
  return names;
}
