/** Helpers shared by the review screens; the pure ones live in ./text. */
import { navigate } from '../../lib/router';
import { usePlan } from '../../stores/plan';
import { CELL_W, ROW_H } from '../plan/grid/Grid';

export { todayIso, fmtTimestamp, fmtDate, joinNames, splitNames, daysUntil } from './text';

/**
 * Opens the plan view with the cursor on one cell and scrolls it into view. The grid is
 * virtualised, so we scroll its container to the cell's position once the plan is loaded.
 */
export function goToCell(planId: number, employeeId: string, date: string): void {
  navigate({ name: 'plan', planId });
  const started = Date.now();
  const tryJump = () => {
    const s = usePlan.getState();
    const ready = s.planId === planId && s.plan !== null && document.querySelector('.grid-scroll');
    if (!ready) {
      if (Date.now() - started < 10_000) setTimeout(tryJump, 50);
      return;
    }
    const r = s.employees.findIndex((e) => e.id === employeeId);
    const c = s.days.indexOf(date);
    if (r < 0 || c < 0) return;
    s.setCursor({ r, c });
    const el = document.querySelector<HTMLElement>('.grid-scroll');
    if (el) {
      el.scrollLeft = Math.max(0, c * CELL_W - el.clientWidth / 3);
      el.scrollTop = Math.max(0, r * ROW_H - el.clientHeight / 3);
      el.focus({ preventScroll: true });
    }
  };
  setTimeout(tryJump, 0);
}
