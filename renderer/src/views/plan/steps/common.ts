/** What the steps of the guide share. */
import { useMemo } from 'react';
import { usePlan, splitKey, type Key } from '../../../stores/plan';
import { compareNames } from '../../../lib/collate';
import type { Employee, TurnusPlan } from '../../../../../shared/plan/model';
import type { WishStatus } from '../../../../../shared/api/wishes';

export const WISH_LABEL: Record<WishStatus, string> = { onsket: 'Ønsket', godkjent: 'Godkjent', avslatt: 'Avslått' };

export function useSortedEmployees(): Employee[] {
  const employees = usePlan((s) => s.employees);
  return useMemo(() => [...employees].sort((a, b) => compareNames(a.name, b.name)), [employees]);
}

/**
 * The open plan as a plan file with the cells as they are now (edits not yet saved included);
 * pins of unchanged cells are kept. What the shared Askermodellen functions take.
 */
export function currentPlanFile(): TurnusPlan | null {
  const s = usePlan.getState();
  if (!s.plan) return null;
  const file = s.plan.file;
  const cells: ReadonlyMap<Key, string> = s.cells;
  const assignments: TurnusPlan['assignments'] = [];
  const seen = new Set<Key>();
  for (const a of file.assignments) {
    const k = `${a.employee}|${a.date}` as Key;
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
