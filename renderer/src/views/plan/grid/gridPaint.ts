/**
 * Paints the planning grid's day cells on a canvas.
 *
 * Why a canvas: Chromium without a GPU (the browser mode on many municipal PCs, and CI) has to
 * build, lay out and rasterise every DOM cell that scrolls into view; a year of cells scrolled
 * quickly dropped a third of the frames even as plain static HTML. Drawing only the visible
 * cells costs a few milliseconds per frame. The DOM cells still exist for the rows and weeks in
 * view once scrolling stops (they carry the text, the roles and the tooltips for screen readers,
 * keyboard users and tests), but they are transparent: what the user sees is painted here.
 *
 * One function, `paintCells`, and the colours it uses (`GridTheme`) read from the style sheet's
 * custom properties, so the canvas and the rest of the page share one palette.
 */
import { keyOf } from '../../../lib/cellKey';

/**
 * Day column width: 34 px, or 22 px in the compact density (a month on a 1400 px screen with
 * the rules panel open). A live binding: set only through setCellWidth (stores/gridDensity),
 * after which the grid is mounted anew.
 */
export let CELL_W = 34;
export const ROW_H = 26;
export function setCellWidth(w: number): void {
  CELL_W = w;
}

/** The part of a 2D context the painter uses (a recording fake implements it in tests). */
export interface Paint2D {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fill(): void;
}

export interface GridTheme {
  background: string;
  ink: string;
  line: string;
  mondayLine: string;
  weekend: string;
  holiday: string;
  selection: string;
  cursor: string;
  hit: string;
  comment: string;
  pinned: string;
  /** Timed meeting or course mark (optional: older themes have none). */
  activity?: string;
  fontFamily: string;
  /** Cell font size in px (0.72rem) and the smaller one for codes longer than four letters. */
  fontPx: number;
  longFontPx: number;
}

/** The palette of styles.css (:root), read once when the grid mounts. */
export function readTheme(root: Element = document.documentElement): GridTheme {
  const cs = getComputedStyle(root);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const rem = parseFloat(cs.fontSize) || 15;
  return {
    background: '#ffffff',
    ink: v('--ink', '#1d2430'),
    line: '#eef0f3',
    mondayLine: '#aab4c1',
    weekend: v('--weekend', '#eef0f4'),
    holiday: '#fbeaea',
    selection: v('--sel', '#b9d4f5'),
    cursor: v('--accent', '#1f5fa8'),
    hit: v('--red', '#b3261e'),
    comment: '#c98a00',
    pinned: '#18314f',
    activity: '#0f7c7c',
    fontFamily: cs.fontFamily || 'system-ui, sans-serif',
    fontPx: 0.72 * rem,
    longFontPx: 0.58 * rem,
  };
}

/** What a day column looks like without a code in it. */
export interface DayLook {
  date: string;
  weekend: boolean;
  holiday: boolean;
  monday: boolean;
}

import type { CellMarks } from '../../../stores/gridMarks';
export type { CellMarks };

export interface PaintInput {
  /** The visible rectangle in grid coordinates (px from the first day of the first employee). */
  x: number;
  y: number;
  width: number;
  height: number;
  employeeIds: readonly string[];
  days: readonly DayLook[];
  cells: ReadonlyMap<string, string>;
  /** Code → background colour. */
  colors: ReadonlyMap<string, string>;
  selection: { r0: number; r1: number; c0: number; c1: number };
  cursor: { r: number; c: number };
  /** Cell key → rule messages (a cell with any is marked with a red bar). */
  hits: ReadonlyMap<string, string>;
  marks: Omit<CellMarks, 'activity'> & { activity?: ReadonlySet<string> };
}

/** The rows and days a rectangle touches (inclusive; empty when r1 < r0 or c1 < c0). */
export function visibleRange(x: number, y: number, width: number, height: number, rows: number, days: number) {
  return {
    r0: Math.max(0, Math.floor(y / ROW_H)),
    r1: Math.min(rows - 1, Math.floor((y + height - 1) / ROW_H)),
    c0: Math.max(0, Math.floor(x / CELL_W)),
    c1: Math.min(days - 1, Math.floor((x + width - 1) / CELL_W)),
  };
}

/** The cell under a point in grid coordinates, or null outside the cells. */
export function cellAtPoint(x: number, y: number, rows: number, days: number): { r: number; c: number } | null {
  if (x < 0 || y < 0) return null;
  const r = Math.floor(y / ROW_H);
  const c = Math.floor(x / CELL_W);
  return r < rows && c < days ? { r, c } : null;
}

/**
 * Paints the cells of the visible rectangle, in the coordinates of a canvas whose top left is
 * the rectangle's top left. The look follows the former DOM cells exactly: weekend and holiday
 * shading, code colours, a selection colour over everything but the cursor cell, a 1 px line
 * right of every day * and under every row, a darker line before each Monday, a red bar under a cell with rule hits,
 * the cursor's 2 px frame, and the comment and «låst» marks.
 */
export function paintCells(ctx: Paint2D, p: PaintInput, t: GridTheme): void {
  const { r0, r1, c0, c1 } = visibleRange(p.x, p.y, p.width, p.height, p.employeeIds.length, p.days.length);
  ctx.fillStyle = t.background;
  ctx.fillRect(0, 0, p.width, p.height);
  if (r1 < r0 || c1 < c0) return;
  const ox = -p.x;
  const oy = -p.y;
  const s = p.selection;
  const normalFont = `600 ${t.fontPx}px ${t.fontFamily}`;
  const longFont = `600 ${t.longFontPx}px ${t.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';

  // Backgrounds, then text (one font switch per kind, not per cell).
  const texts: { code: string; x: number; y: number }[] = [];
  const hits: { x: number; y: number; left: number }[] = [];
  for (let r = r0; r <= r1; r++) {
    const y = oy + r * ROW_H;
    const id = p.employeeIds[r];
    const rowSelected = r >= s.r0 && r <= s.r1;
    for (let c = c0; c <= c1; c++) {
      const x = ox + c * CELL_W;
      const day = p.days[c];
      const key = keyOf(id, day.date);
      const code = p.cells.get(key);
      let bg: string | undefined;
      // The marked range is tinted; the cursor cell in it keeps its own colour (as in a
      // spreadsheet), so the shift under the cursor is always visible.
      const isCursor = r === p.cursor.r && c === p.cursor.c;
      if (rowSelected && c >= s.c0 && c <= s.c1 && !isCursor) bg = t.selection;
      else if (code && p.colors.has(code)) bg = p.colors.get(code);
      else if (day.holiday) bg = t.holiday;
      else if (day.weekend) bg = t.weekend;
      if (bg) {
        ctx.fillStyle = bg;
        ctx.fillRect(x, y, CELL_W - 1, ROW_H - 1);
      }
      if (code) texts.push({ code, x: x + (CELL_W - 1) / 2 + (day.monday ? 0.5 : 0), y: y + (ROW_H - 1) / 2 + 0.5 });
      if (p.hits.has(key)) hits.push({ x, y, left: day.monday ? 1 : 0 });
      if (p.marks.pinned.has(key)) {
        ctx.fillStyle = t.pinned;
        ctx.fillRect(x, y, CELL_W - 1, 2);
        ctx.fillRect(x, y + ROW_H - 3, CELL_W - 1, 2);
        ctx.fillRect(x, y, 2, ROW_H - 1);
        ctx.fillRect(x + CELL_W - 3, y, 2, ROW_H - 1);
        triangle(ctx, x, y + ROW_H - 1, 13, 'bottom-left');
      }
      if (p.marks.activity?.has(key)) {
        ctx.fillStyle = t.activity ?? '#0f7c7c';
        ctx.fillRect(x + 2, y + 2, 6, 6);
      }
      if (p.marks.comment.has(key)) {
        ctx.fillStyle = t.comment;
        triangle(ctx, x + CELL_W - 1, y, 8.5, 'top-right');
      }
    }
  }

  // Grid lines: right of every day, under every row, and before each Monday.
  ctx.fillStyle = t.line;
  for (let c = c0; c <= c1; c++) ctx.fillRect(ox + c * CELL_W + CELL_W - 1, oy + r0 * ROW_H, 1, (r1 - r0 + 1) * ROW_H);
  for (let r = r0; r <= r1; r++) ctx.fillRect(ox + c0 * CELL_W, oy + r * ROW_H + ROW_H - 1, (c1 - c0 + 1) * CELL_W, 1);
  ctx.fillStyle = t.mondayLine;
  for (let c = c0; c <= c1; c++) if (p.days[c].monday) ctx.fillRect(ox + c * CELL_W, oy + r0 * ROW_H, 1, (r1 - r0 + 1) * ROW_H);

  ctx.fillStyle = t.hit;
  for (const h of hits) ctx.fillRect(h.x + h.left, h.y + ROW_H - 5, CELL_W - 1 - h.left, 4);

  ctx.fillStyle = t.ink;
  ctx.font = normalFont;
  for (const tx of texts) if (tx.code.length <= 4) ctx.fillText(tx.code, tx.x, tx.y, CELL_W - 3);
  ctx.font = longFont;
  for (const tx of texts) if (tx.code.length > 4) ctx.fillText(tx.code, tx.x, tx.y, CELL_W - 3);

  // The cursor: a 2 px frame just inside the cell.
  const cur = p.cursor;
  if (cur.r >= r0 && cur.r <= r1 && cur.c >= c0 && cur.c <= c1) {
    ctx.strokeStyle = t.cursor;
    ctx.lineWidth = 2;
    ctx.strokeRect(ox + cur.c * CELL_W + 1, oy + cur.r * ROW_H + 1, CELL_W - 2, ROW_H - 3);
  }
}

function triangle(ctx: Paint2D, x: number, y: number, leg: number, corner: 'top-right' | 'bottom-left') {
  ctx.beginPath();
  ctx.moveTo(x, y);
  if (corner === 'top-right') {
    ctx.lineTo(x - leg, y);
    ctx.lineTo(x, y + leg);
  } else {
    ctx.lineTo(x + leg, y);
    ctx.lineTo(x, y - leg);
  }
  ctx.closePath();
  ctx.fill();
}
