/**
 * The pieces of the SIGKILL tests (kill-ops.test.ts, crash.test.ts, power-cut.test.ts): the
 * child's opening of the data file and its write step (source text for kill-harness.ts
 * `childSource`, with $FILE and $BACKUPS replaced by the test), an old-version file for the
 * migration kills, and the read back of what the writes left.
 */
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/backend/db';
import { MIGRATIONS } from '../../../electron/backend/migrations';
import type { Ack } from './kill-harness';

/** Cells each written employee gets in one setCells call (kill-ops.test.ts). */
export const CELLS = 20;

export interface OpenApiOptions {
  /** Open with backups in $BACKUPS (as the app does) or with backups off. */
  backups: boolean;
  /** Cells each written employee gets in one setCells call. */
  cells: number;
  /** A JavaScript expression: the code of the cell at offset `d`. */
  codeOf: string;
}

/**
 * Requires, opens the data file and defines `write(unit, plan, name, shift = 0)`: one new
 * employee plus one setCells of `cells` cells from 2026-01-05 + `shift` days.
 */
export function openApi(o: OpenApiOptions): string {
  return `
  const { openDatabase } = mod('electron/backend/db.js');
  const { createHandlers } = mod('electron/backend/registry.js');
  const { addDays } = mod('shared/calendar/index.js');
  const o = await openDatabase('$FILE', { backups: ${o.backups ? "{ dir: '$BACKUPS' }" : 'false'} });
  const api = createHandlers(o.db, { dataFile: o.file, mode: 'browser', version: 'drep', backups: o.backups });
  const write = async (unit, plan, name, shift = 0) => {
    const e = await api.addEmployee(unit.id, { name, competence: 'assistent', position: 0.5 });
    const changes = [];
    for (let d = 0; d < ${o.cells}; d++) changes.push({ employeeId: e.id, date: addDays('2026-01-05', d + shift), code: ${o.codeOf} });
    await api.setCells(plan.id, changes);
  };
`;
}

/** Opens the data file as the app does (backups on) and defines `write` (kill-ops.test.ts). */
export const OPEN_API = openApi({ backups: true, cells: CELLS, codeOf: "d % 3 === 0 ? 'N' : 'D'" });

/**
 * The writer child of crash.test.ts and power-cut.test.ts: finds or makes the unit and plan
 * named `label`, runs `beforeReady` (JavaScript), calls ready(), then writes employees
 * `<prefix>-<i>` as fast as it can and acknowledges each as `write <name>`; `beforeAck`
 * (JavaScript) runs between a write and its acknowledgement.
 */
export function writerBody(w: OpenApiOptions & { label: string; prefix: string; beforeReady?: string; beforeAck?: string }): string {
  const label = JSON.stringify(w.label);
  return `${openApi(w)}
  const unit = (await api.listUnits())[0] ?? (await api.createUnit(${label}));
  const plan = (await api.listPlans(unit.id))[0] ?? (await api.createPlan(unit.id, ${label}, '2026-01-05', 12));
  ${w.beforeReady ?? ''}
  ready();
  for (let i = 0; ; i++) {
    const name = ${JSON.stringify(w.prefix)} + '-' + i;
    await write(unit, plan, name, i % 100);
    ${w.beforeAck ?? ''}
    ack('write', name);
  }
`;
}

/** One acknowledged write of the loop (`i` is the loop counter). */
export const WRITE = `
    const name = 'W' + process.pid + '-' + i;
    await write(unit, plan, name);
    ack('write', name);`;

/** The names of the acknowledged writes, in order. */
export const writesOf = (acks: readonly Ack[]): string[] => acks.filter((a) => a.kind === 'write').map((a) => a.value);

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
