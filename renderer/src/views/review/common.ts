/** Small formatting helpers shared by the review screens. */
import { formatDateNo } from '../../../../shared/calendar';
import { navigate } from '../../lib/router';
import { usePlan } from '../../stores/plan';
import { CELL_W, ROW_H } from '../Grid';

/** Today in local time as yyyy-mm-dd. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** An ISO timestamp (UTC or local) shown as «12.03.2027 kl. 14:05». */
export function fmtTimestamp(iso: string): string {
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso.replace(' ', 'T') + 'Z');
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} kl. ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const fmtDate = (date: string | null | undefined, withWeekday = false) => (date ? formatDateNo(date, withWeekday) : '');

/** «Kari, Ola og Per» */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

/** Splits «Kari Nordmann, Ola Hansen» (comma, semicolon or new line) into names. */
export function splitNames(text: string): string[] {
  return text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
}

/** Days from `from` to `to` (both yyyy-mm-dd). */
export function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

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
