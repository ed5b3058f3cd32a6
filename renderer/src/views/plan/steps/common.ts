/** What the steps of the guide share. */
import { useMemo } from 'react';
import { usePlan } from '../../../stores/plan';
import { planWithCells } from '../../../lib/cellKey';
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
  return planWithCells(file, s.cells);
}
