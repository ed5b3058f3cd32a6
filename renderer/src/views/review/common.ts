/** Helpers shared by the review screens; the pure ones live in ./text. */
import { navigate } from '../../lib/router';
import { reveal } from '../../stores/viewport';

export { todayIso, fmtTimestamp, fmtDate, joinNames, splitNames, daysUntil } from './text';

/** Opens the plan view with the cursor on one cell, in view (the grid shows it once loaded). */
export function goToCell(planId: number, employeeId: string, date: string): void {
  navigate({ name: 'plan', planId });
  reveal({ employeeId, date });
}
