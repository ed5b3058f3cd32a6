/**
 * CSV writers for a plan, shaped for Norwegian Excel: `;` as separator (the decimal comma
 * takes `,`), CRLF line ends and a UTF-8 byte-order mark so æ, ø and å open correctly.
 *
 * Two forms:
 * - rows: one line per assignment, `AnsattID;Navn;Dato;Kode` (machines, pivot tables);
 * - grid: one line per employee, one column per date (people).
 */
import Papa from 'papaparse';
import { fromDay, toDay } from '../calendar';
import type { TurnusPlan } from '../plan/model';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** Quotes and joins rows the way Norwegian Excel reads them; formula-like cells are escaped. */
export function toNorwegianCsv(rows: (string | number)[][]): string {
  const body = Papa.unparse(rows, {
    delimiter: CSV_SEPARATOR,
    newline: '\r\n',
    quotes: false,
    escapeFormulae: true,
  });
  return CSV_BOM + body + '\r\n';
}

/** A number with a decimal comma, as Norwegian Excel expects in a `;` file. */
export function csvNumber(n: number, decimals = 2): string {
  const fixed = n.toFixed(decimals).replace(/\.?0+$/, '');
  return (fixed === '-0' ? '0' : fixed).replace('.', ',');
}

function employeeOrder(plan: TurnusPlan): Map<string, number> {
  return new Map(plan.employees.map((e, i) => [e.id, i]));
}

/** The plan as one row per assignment: AnsattID;Navn;Dato;Kode, sorted by employee then date. */
export function planToCsvRows(plan: TurnusPlan): string {
  const order = employeeOrder(plan);
  const names = new Map(plan.employees.map((e) => [e.id, e.name]));
  const rows = plan.assignments
    .filter((a) => a.date >= plan.period.start && a.date <= plan.period.end)
    .slice()
    .sort((a, b) =>
      (order.get(a.employee) ?? Infinity) - (order.get(b.employee) ?? Infinity) ||
      a.employee.localeCompare(b.employee) || a.date.localeCompare(b.date));
  return toNorwegianCsv([
    ['AnsattID', 'Navn', 'Dato', 'Kode'],
    ...rows.map((a) => [a.employee, names.get(a.employee) ?? '', a.date, a.code]),
  ]);
}

/** The period's dates, inclusive. */
export function periodDates(plan: Pick<TurnusPlan, 'period'>): string[] {
  const out: string[] = [];
  for (let d = toDay(plan.period.start), end = toDay(plan.period.end); d <= end; d++) out.push(fromDay(d));
  return out;
}

/** The plan as a grid: Navn;Stillingsprosent;<date>…, one row per employee, empty cell = fri. */
export function planToCsvGrid(plan: TurnusPlan): string {
  const dates = periodDates(plan);
  const col = new Map(dates.map((d, i) => [d, i]));
  const cells = new Map<string, string[]>();
  for (const e of plan.employees) cells.set(e.id, dates.map(() => ''));
  for (const a of plan.assignments) {
    const i = col.get(a.date);
    const row = cells.get(a.employee);
    if (i !== undefined && row) row[i] = a.code;
  }
  return toNorwegianCsv([
    ['Navn', 'Stillingsprosent', ...dates],
    ...plan.employees.map((e) => [e.name, csvNumber(e.position * 100, 1), ...(cells.get(e.id) ?? [])]),
  ]);
}
