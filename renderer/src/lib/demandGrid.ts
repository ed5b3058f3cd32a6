/**
 * The bemanningsplan as the form edits it: one text per cell (column = day type or a date of its
 * own, shift, competence), checked all at once before saving, with totals per shift and column.
 */
import type { DayType, DemandRow } from '../../../shared/plan/model';
import { dayTypeOf, isIsoDate, toDay } from '../../../shared/calendar';

/** The API's limit on one cell (shared/api/args.ts zDemandRow). */
export const MAX_DEMAND = 200;

export type DemandCells = Record<string, string>;

export const demandKey = (column: string, shift: string, competence: string) => `${column}|${shift}|${competence}`;

export function cellsOf(rows: readonly DemandRow[]): DemandCells {
  const m: DemandCells = {};
  for (const r of rows) m[demandKey(r.dayType ?? r.date ?? '', r.shift, r.competence)] = String(r.count);
  return m;
}

/** The message for one cell's text, or null when it is empty or a whole number 0–200. */
export function cellError(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^-?\d+$/.test(t)) return `Skriv et helt antall personer (0–${MAX_DEMAND}).`;
  const n = Number(t);
  if (n < 0) return 'Antall personer kan ikke være negativt.';
  if (n > MAX_DEMAND) return `Antall personer kan være høyst ${MAX_DEMAND}.`;
  return null;
}

/**
 * Every cell's error at once, or the rows to save with, for each row, the key of its cell (so an
 * error the API reports for `rows[i]` is shown beside that cell).
 */
export function demandRowsOf(
  cells: DemandCells,
  shifts: readonly string[],
  dates: readonly string[],
): { errors: Record<string, string>; rows: DemandRow[]; keys: string[] } {
  const errors: Record<string, string> = {};
  const rows: DemandRow[] = [];
  const keys: string[] = [];
  for (const [key, text] of Object.entries(cells)) {
    const [column, shift, competence] = key.split('|');
    if (!shifts.includes(shift)) continue;
    if (isIsoDate(column) && !dates.includes(column)) continue;
    const e = cellError(text);
    if (e) {
      errors[key] = e;
      continue;
    }
    const count = Number(text.trim() || '0');
    if (count === 0) continue;
    rows.push(isIsoDate(column) ? { date: column, shift, competence, count } : { dayType: column as DayType, shift, competence, count });
    keys.push(key);
  }
  return { errors, rows, keys };
}

/** People needed on a shift in one column: the competence rows added up (a wrong cell counts 0). */
export function shiftTotal(cells: DemandCells, column: string, shift: string, competences: readonly string[]): number {
  let n = 0;
  for (const c of competences) {
    const t = (cells[demandKey(column, shift, c)] ?? '').trim();
    if (t !== '' && cellError(t) === null) n += Number(t);
  }
  return n;
}

/** The day type a date of its own replaces (a holiday wins over a weekend). */
export function dayTypeOfDate(date: string): DayType {
  return dayTypeOf(toDay(date));
}

/** A new date column filled in from the day type it replaces, so it starts as that day is staffed. */
export function prefillDate(cells: DemandCells, date: string): DemandCells {
  const from = dayTypeOfDate(date);
  const out = { ...cells };
  for (const [key, text] of Object.entries(cells)) {
    const [column, shift, competence] = key.split('|');
    if (column === from) out[demandKey(date, shift, competence)] = text;
  }
  return out;
}

/** The cells without a date column (the date removed). */
export function withoutDate(cells: DemandCells, date: string): DemandCells {
  return Object.fromEntries(Object.entries(cells).filter(([key]) => key.split('|')[0] !== date));
}

/** Whether two sets of cells mean the same bemanningsplan (empty and 0 alike). */
export function sameDemand(a: DemandCells, b: DemandCells): boolean {
  const norm = (c: DemandCells) =>
    Object.entries(c)
      .filter(([, v]) => v.trim() !== '' && v.trim() !== '0')
      .map(([k, v]) => `${k}=${v.trim()}`)
      .sort()
      .join(';');
  return norm(a) === norm(b);
}
