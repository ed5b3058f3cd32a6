/**
 * Per-employee figures for the grid's right-hand columns, read from the shared plan index
 * (shared/hours.ts, shared/weekends.ts): the grid keeps the index current with `setCell`.
 */
import type { PlanIndex } from '../../../shared/plan/plan-index';
import { plannedHours, resultingPosition, targetHours } from '../../../shared/plan/hours';
import { longShiftCount, workedWeekends } from '../../../shared/plan/weekends';

export interface EmployeeStats {
  plannedHours: number;
  targetHours: number;
  resultingPosition: number;
  weekendsWorked: number;
  longShifts: number;
}

export function employeeStats(index: PlanIndex, employeeId: string): EmployeeStats {
  return {
    plannedHours: plannedHours(index, employeeId),
    targetHours: targetHours(index, employeeId),
    resultingPosition: resultingPosition(index, employeeId),
    weekendsWorked: workedWeekends(index, employeeId).length,
    longShifts: longShiftCount(index, employeeId),
  };
}
