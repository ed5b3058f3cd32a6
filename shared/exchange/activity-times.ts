/**
 * When a timed absence (a meeting, a course) happens on its day, for the calendar and the CSV
 * list: the code's own times when the plan gives them (`start`/`end` 'HH:mm' on the absence code,
 * for plans with timed activities), otherwise its credited hours from 08:00. Vacation and leave
 * (no credited hours) have no time: they are whole days.
 */
import { isTime, parseTime } from '../calendar';
import type { AbsenceCode } from '../plan/model';

/** The default start of a meeting or course without its own times. */
export const ACTIVITY_DEFAULT_START = '08:00';

export interface ActivityWindow {
  /** Minutes after midnight, local time. */
  start: number;
  end: number;
  /** Norwegian: where the times come from (shown in the event description). */
  basis: string;
}

function hhmm(min: number): string {
  return `${String(Math.floor(min / 60) % 24).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/** The window of a meeting or course, or null for a whole-day absence. */
export function activityWindow(code: AbsenceCode): ActivityWindow | null {
  const own = code as AbsenceCode & { start?: unknown; end?: unknown };
  if (isTime(own.start) && isTime(own.end)) {
    const start = parseTime(own.start);
    let end = parseTime(own.end);
    if (end <= start) end += 1440;
    return { start, end, basis: `tid fra fraværskoden ${code.code}` };
  }
  if ((code.kind === 'meeting' || code.kind === 'training') && (code.creditedHours ?? 0) > 0) {
    const start = parseTime(ACTIVITY_DEFAULT_START);
    const end = start + Math.round(code.creditedHours! * 60);
    return {
      start,
      end,
      basis: `${String(code.creditedHours).replace('.', ',')} godskrevne timer regnet fra ${ACTIVITY_DEFAULT_START}; planen har ikke klokkeslett for ${code.code}`,
    };
  }
  return null;
}

export function windowText(w: ActivityWindow): { start: string; end: string } {
  return { start: hhmm(w.start), end: hhmm(w.end) };
}
