/** The grid's days: what a header cell shows, and the week blocks the grid renders by. */
import { holidayName, isoWeek, isoWeekday, toDay, ymd } from '../../../../../shared/calendar';
import { visibleRange } from './gridPaint';

export interface DayInfo {
  date: string;
  weekday: number;
  dayOfMonth: number;
  month: number;
  week: number;
  holiday?: string;
  cls: string;
}

export function dayInfos(days: string[]): DayInfo[] {
  return days.map((date) => {
    const d = toDay(date);
    const wd = isoWeekday(d);
    const h = holidayName(d);
    const { day, month } = ymd(d);
    const cls = [wd >= 5 ? 'we' : '', h ? 'hol' : '', wd === 0 ? 'mon' : ''].filter(Boolean).join(' ');
    return { date, weekday: wd, dayOfMonth: day, month, week: isoWeek(d).week, holiday: h, cls };
  });
}

/** Columns are rendered in blocks of seven days (a week from the plan's first day). */
export const BLOCK = 7;

/** The DOM id of a cell, for the grid's aria-activedescendant (the cursor). */
export const cellId = (r: number, c: number) => `turnus-cell-${r}-${c}`;

/** Rendered rows and week blocks (inclusive). */
export interface Range {
  r0: number;
  r1: number;
  b0: number;
  b1: number;
}
export const sameRange = (a: Range, b: Range) => a.r0 === b.r0 && a.r1 === b.r1 && a.b0 === b.b0 && a.b1 === b.b1;
/** The rows and week blocks in view, plus `rows` rows and `blocks` blocks on each side. */
export function rangeAround(
  x: number,
  y: number,
  w: number,
  h: number,
  rowCount: number,
  days: number,
  rows: number,
  blocks: number,
): Range {
  const v = visibleRange(x, y, Math.max(w, 1), Math.max(h, 1), rowCount, days);
  const blockCount = Math.ceil(days / BLOCK);
  return {
    r0: Math.max(0, v.r0 - rows),
    r1: Math.min(rowCount - 1, v.r1 + rows),
    b0: Math.max(0, Math.floor(v.c0 / BLOCK) - blocks),
    b1: Math.min(blockCount - 1, Math.floor(Math.max(v.c1, 0) / BLOCK) + blocks),
  };
}
export const covers = (a: Range, b: Range) => a.r0 <= b.r0 && a.r1 >= b.r1 && a.b0 <= b.b0 && a.b1 >= b.b1;
