/** What the steps of the guide share. */
import { useMemo } from 'react';
import { usePlan } from '../../../stores/plan';
import { compareNames } from '../../../lib/collate';
import { type Employee } from '../../../../../shared/plan/model';
import type { WishStatus } from '../../../../../shared/api/wishes';

export const WISH_LABEL: Record<WishStatus, string> = { onsket: 'Ønsket', godkjent: 'Godkjent', avslatt: 'Avslått' };

export function useSortedEmployees(): Employee[] {
  const employees = usePlan((s) => s.employees);
  return useMemo(() => [...employees].sort((a, b) => compareNames(a.name, b.name)), [employees]);
}
