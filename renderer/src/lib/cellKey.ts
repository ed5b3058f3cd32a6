import type { TurnusPlan } from '../../../shared/plan/model';

/** A grid cell's key, `${employeeId}|${date}`: the one spelling used by stores, grid and marks. */
export type Key = string;
export const keyOf = (employeeId: string, date: string): Key => `${employeeId}|${date}`;
export const splitKey = (k: Key): [string, string] => {
  const i = k.lastIndexOf('|');
  return [k.slice(0, i), k.slice(i + 1)];
};

/**
 * The plan file with the cells as the map holds them (key → code; a key missing clears the
 * cell): unchanged assignments are kept as they are (pins included), changed ones get the new code.
 */
export function planWithCells(file: TurnusPlan, cells: ReadonlyMap<Key, string>): TurnusPlan {
  const assignments: TurnusPlan['assignments'] = [];
  const seen = new Set<Key>();
  for (const a of file.assignments) {
    const k = keyOf(a.employee, a.date);
    seen.add(k);
    const v = cells.get(k);
    if (v) assignments.push(v === a.code ? a : { employee: a.employee, date: a.date, code: v });
  }
  for (const [k, v] of cells) {
    if (seen.has(k)) continue;
    const [employee, date] = splitKey(k);
    assignments.push({ employee, date, code: v });
  }
  return { ...file, assignments };
}
