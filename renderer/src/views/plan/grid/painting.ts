/**
 * Painting the grid's day cells on its canvas (gridPaint.ts): the state the painter reads kept
 * in a ref, so a scroll event paints without React, and repaints in the next frame when the
 * plan, the rule hits or the grid marks change.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { selectionBounds, usePlan } from '../../../stores/plan';
import { useRules } from '../../../stores/rules';
import { useGridMarks } from '../../../stores/gridMarks';
import { paintCells, readTheme, type DayLook, type GridTheme } from './gridPaint';
import { cellId } from './days';

/** Everything the painter needs, and the canvas size and pending frame. */
export interface PaintState {
  employeeIds: string[];
  looks: DayLook[];
  colors: Map<string, string>;
  theme: GridTheme | null;
  w: number;
  h: number;
  dpr: number;
  frame: number;
  /** The canvas's 2D context, asked for once (getContext costs ≈ 1 ms a call under load). */
  ctx: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } | null;
}

export function useGridPaint(
  scrollRef: RefObject<HTMLDivElement | null>,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  employees: readonly { id: string }[],
  looks: DayLook[],
  colors: Map<string, string>,
) {
  // Everything the painter needs, kept in a ref so a scroll event paints without React.
  const paintState = useRef<PaintState>({
    employeeIds: [],
    looks: [],
    colors: new Map<string, string>(),
    theme: null,
    w: 0,
    h: 0,
    dpr: 1,
    frame: 0,
    ctx: null,
  });
  paintState.current.employeeIds = useMemo(() => employees.map((e) => e.id), [employees]);
  paintState.current.looks = looks;
  paintState.current.colors = colors;
  const marked = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scroll box and canvas are refs, read when painting, not triggers
  const paint = useCallback(() => {
    const ps = paintState.current;
    // Painting now makes a repaint already asked for in the next frame needless.
    if (ps.frame) cancelAnimationFrame(ps.frame);
    ps.frame = 0;
    const el = scrollRef.current;
    const cv = canvasRef.current;
    if (!el || !cv || ps.w === 0 || ps.h === 0) return;
    if (ps.ctx?.canvas !== cv) {
      const c2d = cv.getContext('2d', { alpha: false });
      ps.ctx = c2d ? { canvas: cv, ctx: c2d } : null;
    }
    const ctx = ps.ctx?.ctx;
    if (!ctx) return;
    ps.theme ??= readTheme();
    const s = usePlan.getState();
    const m = useGridMarks.getState();
    ctx.setTransform(ps.dpr, 0, 0, ps.dpr, 0, 0);
    paintCells(
      ctx,
      {
        x: el.scrollLeft,
        y: el.scrollTop,
        width: ps.w,
        height: ps.h,
        employeeIds: ps.employeeIds,
        days: ps.looks,
        cells: s.cells,
        colors: ps.colors,
        selection: selectionBounds(s.anchor, s.cursor),
        cursor: s.cursor,
        hits: useRules.getState().byCell,
        marks: { comment: m.comment, pinned: m.pinned, activity: m.activity },
      },
      ps.theme,
    );
    // A performance mark for scripts/bench-ui.mjs: the first frame with cells in it.
    if (!marked.current && ps.employeeIds.length > 0 && ps.looks.length > 0) {
      marked.current = true;
      requestAnimationFrame(() => performance.mark('turnus:grid-ready'));
    }
  }, []);
  /** Paints in the next frame (edits, selection, rule hits, marks); several calls paint once. */
  const schedulePaint = useCallback(() => {
    const ps = paintState.current;
    if (!ps.frame) ps.frame = requestAnimationFrame(paint);
  }, [paint]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scroll box is a ref, read when the cursor moves, not a trigger
  useEffect(() => {
    const subs = [
      usePlan.subscribe((s, p) => {
        if (s.rev !== p.rev || s.cursor !== p.cursor || s.anchor !== p.anchor || s.cells !== p.cells) schedulePaint();
        // Screen readers follow the cursor through the grid's active descendant.
        if (s.cursor !== p.cursor) scrollRef.current?.setAttribute('aria-activedescendant', cellId(s.cursor.r, s.cursor.c));
      }),
      useRules.subscribe((s, p) => {
        if (s.cellsRev !== p.cellsRev) schedulePaint();
      }),
      useGridMarks.subscribe(schedulePaint),
    ];
    return () => {
      for (const u of subs) u();
      cancelAnimationFrame(paintState.current.frame);
      paintState.current.frame = 0;
    };
  }, [schedulePaint]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `paint` reads the rows, looks and colours through a ref; these are the triggers to repaint when they change
  useLayoutEffect(() => {
    paint();
  }, [paint, employees, looks, colors]);
  return { paintState, paint };
}
