/**
 * The planning grid: employees × days for up to 12 months, with day headers (week, weekday,
 * date), coverage rows from the bemanningsplan and per-employee figures on the right.
 *
 * The day cells are painted on a canvas (gridPaint.ts) on every scroll frame, so
 * scrolling a year never waits for DOM cells to be built and rasterised. Once scrolling stops,
 * the rows and weeks in view also get DOM cells (cells.tsx): transparent, on top of the canvas,
 * carrying the text, roles, tooltips and data attributes for screen readers, keyboard users and
 * tests. Each DOM block selects only its own state from the store, so an edit re-renders what it
 * touched. The grid owns its scroll container: other screens ask for a cell through
 * `reveal()` (stores/viewport.ts) and the grid brings it into view.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { usePlan } from '../../../stores/plan';
import { REVEAL_WAIT_MS, useViewport } from '../../../stores/viewport';
import type { CodeInfo } from '../../../lib/codes';
import { CELL_W, ROW_H, type DayLook } from './gridPaint';
import { BLOCK, cellId, covers, dayInfos, rangeAround, sameRange, type Range } from './days';
import { BodyRows } from './cells';
import { NameRows, STAT_COLS, STATS_W, StatsRows } from './panes';
import { CoverageRows, HEAD_ROW_H, HeaderDays } from './header';
import { revealOffsets } from './scroll';
import { NAME_W } from './density';
import { useGridClipboard, useGridKeys } from './keyboard';
import { useRememberedView } from './rememberView';
import { useGridPaint } from './painting';
import { useGridPointer } from './pointer';

const applied = new WeakMap<HTMLElement, string>();
function setTransform(el: HTMLElement | null, t: string) {
  if (!el || applied.get(el) === t) return;
  applied.set(el, t);
  el.style.transform = t;
}

/** How long scrolling must have stopped before the DOM cells follow (ms). */
const DOM_SETTLE_MS = 120;

export function Grid(props: { codes: CodeInfo[]; compact?: boolean }) {
  const employees = usePlan((s) => s.employees);
  const days = usePlan((s) => s.days);
  const infos = useMemo(() => dayInfos(days), [days]);
  const looks = useMemo<DayLook[]>(
    () => infos.map((d) => ({ date: d.date, weekend: d.weekday >= 5, holiday: !!d.holiday, monday: d.weekday === 0 })),
    [infos],
  );
  const plan = usePlan((s) => s.plan);
  const coverageShifts = useMemo(() => {
    const f = plan?.file;
    return f ? f.shiftTypes.map((t) => t.code).filter((c) => f.demand.some((r) => r.shift === c)) : [];
  }, [plan]);
  // Only valid CSS colours: the canvas ignores an invalid one and would keep the previous colour.
  const colors = useMemo(
    () => new Map(props.codes.filter((c) => c.color && CSS.supports('color', c.color)).map((c) => [c.code, c.color])),
    [props.codes],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const headerH = HEAD_ROW_H * 3 + HEAD_ROW_H * coverageShifts.length;
  const daysW = days.length * CELL_W;
  const headRef = useRef<HTMLDivElement>(null);
  const namesRef = useRef<HTMLDivElement>(null);
  const statsRef = useRef<HTMLDivElement>(null);

  // ------------------------------------------------------------------ painting
  const { paintState, paint } = useGridPaint(scrollRef, canvasRef, employees, looks, colors);

  // ------------------------------------------------------------------ scrolling
  // The header, the names and the figures sit outside the scrolled area and follow it by a
  // transform. Both offsets are read before anything is written (a read after a write forces a
  // second style pass), and a transform is written only when it changed.
  const [liveState, setLive] = useState<Range>({ r0: 0, r1: -1, b0: 0, b1: -1 });
  const [domState, setDom] = useState<Range>({ r0: 0, r1: -1, b0: 0, b1: -1 });
  // A plan with fewer employees or days renders before the ranges follow (in a layout effect).
  const clampRange = (g: Range): Range => ({
    ...g,
    r1: Math.min(g.r1, employees.length - 1),
    b1: Math.min(g.b1, Math.ceil(days.length / BLOCK) - 1),
  });
  const live = clampRange(liveState);
  const dom = clampRange(domState);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `paintState` is a ref (useGridPaint); its current value is read when called, not a trigger
  const ranges = useCallback((immediate: boolean) => {
    const el = scrollRef.current;
    if (!el) return;
    const ps = paintState.current;
    const x = el.scrollLeft,
      y = el.scrollTop,
      rows = ps.employeeIds.length,
      days = ps.looks.length;
    // Names, figures and day headers: re-rendered only when the view leaves what is rendered,
    // then with a wide margin, so scrolling renders them in batches, not on every row or week.
    const inView = rangeAround(x, y, ps.w, ps.h, rows, days, 0, 0);
    setLive((cur) => {
      if (!immediate && covers(cur, inView)) return cur;
      const wide = rangeAround(x, y, ps.w, ps.h, rows, days, 8, 2);
      return sameRange(cur, wide) ? cur : wide;
    });
    // The transparent DOM cells: just around the view, once scrolling has stopped.
    const next = rangeAround(x, y, ps.w, ps.h, rows, days, 3, 1);
    if (settle.current) clearTimeout(settle.current);
    const commit = () => {
      settle.current = null;
      setDom((cur) => (sameRange(cur, next) ? cur : next));
    };
    if (immediate) commit();
    else settle.current = setTimeout(commit, DOM_SETTLE_MS);
  }, []);
  useEffect(
    () => () => {
      if (settle.current) clearTimeout(settle.current);
    },
    [],
  );
  const rememberView = useRememberedView(scrollRef, days);
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    rememberView();
    const x = el.scrollLeft,
      y = el.scrollTop;
    setTransform(headRef.current, `translateX(${-x}px)`);
    setTransform(namesRef.current, `translateY(${-y}px)`);
    setTransform(statsRef.current, `translateY(${-y}px)`);
    paint();
    ranges(false);
  }, [paint, ranges, rememberView]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ranges` reads the row and day counts through a ref; a new set of employees or days must recompute them
  useLayoutEffect(() => {
    ranges(true);
  }, [ranges, employees, looks]);

  // The panes around the body are overflow: hidden, yet the browser still scrolls them to show
  // an element that takes focus there (a week button, a name). Such a scroll is handed to the
  // body, which the panes follow by transform, so header and body never part.
  const onPaneScroll = useCallback(
    (e: { currentTarget: HTMLDivElement }) => {
      const pane = e.currentTarget,
        el = scrollRef.current;
      if (!el) return;
      const dx = pane.scrollLeft,
        dy = pane.scrollTop;
      if (dx === 0 && dy === 0) return;
      pane.scrollLeft = 0;
      pane.scrollTop = 0;
      el.scrollLeft += dx;
      el.scrollTop += dy;
      onScroll();
    },
    [onScroll],
  );

  // The canvas covers the scroll box's client area (without scroll bars), in device pixels.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `paintState` is a ref (useGridPaint); its current value is read when called, not a trigger
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const cv = canvasRef.current;
    if (!el || !cv) return;
    const fitCanvas = () => {
      const ps = paintState.current;
      const w = el.clientWidth,
        h = el.clientHeight,
        dpr = window.devicePixelRatio || 1;
      if (w === ps.w && h === ps.h && dpr === ps.dpr) return;
      ps.w = w;
      ps.h = h;
      ps.dpr = dpr;
      cv.width = Math.round(w * dpr);
      cv.height = Math.round(h * dpr);
      cv.style.width = `${w}px`;
      cv.style.height = `${h}px`;
      paint();
      ranges(true);
    };
    fitCanvas();
    const ro = new ResizeObserver(fitCanvas);
    ro.observe(el);
    return () => ro.disconnect();
  }, [paint, ranges]);

  const vcols = useMemo(() => {
    const out: { index: number; start: number }[] = [];
    for (let d = live.b0 * BLOCK; d <= Math.min(days.length - 1, live.b1 * BLOCK + BLOCK - 1); d++)
      out.push({ index: d, start: NAME_W + d * CELL_W });
    return out;
  }, [live.b0, live.b1, days.length]);

  // Brings a cell into view (one formula, scroll.ts). Reads the scroll box before React commits
  // the edit, so no forced layout.
  const scrollTo = useCallback((r: number, c: number, how: 'step' | 'jump' = 'step') => {
    const el = scrollRef.current;
    if (!el) return;
    const to = revealOffsets({ left: el.scrollLeft, top: el.scrollTop, width: el.clientWidth, height: el.clientHeight }, r, c, how);
    if (to.left !== el.scrollLeft) el.scrollLeft = to.left;
    if (to.top !== el.scrollTop) el.scrollTop = to.top;
  }, []);

  // A cell another screen asked for (rule hits, comments, step guide, month jump): cursor on it,
  // into view, focus here. A request for a cell this plan does not have yet waits a while.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `show` reads employees and days from the store; a new set of them may make a waiting request showable
  useEffect(() => {
    const show = () => {
      const req = useViewport.getState().request;
      if (!req) return;
      const s = usePlan.getState();
      const r = s.employees.findIndex((e) => e.id === req.employeeId);
      const c = s.days.indexOf(req.date);
      if (r < 0 || c < 0) {
        if (Date.now() - req.at > REVEAL_WAIT_MS) useViewport.getState().settle(req.seq);
        return;
      }
      useViewport.getState().settle(req.seq);
      s.setCursor({ r, c });
      scrollTo(r, c, 'jump');
      scrollRef.current?.focus({ preventScroll: true });
    };
    show();
    const subs = [
      useViewport.subscribe(show),
      usePlan.subscribe((st, prev) => {
        if (st.employees !== prev.employees || st.days !== prev.days) show();
      }),
    ];
    return () => {
      for (const u of subs) u();
    };
  }, [scrollTo, employees, days]);

  // ------------------------------------------------------------------ mouse
  const { onMouseDown, onMouseMove } = useGridPointer(scrollRef, paintState);

  const selectWeek = useCallback(
    (c: number) => {
      const s = usePlan.getState();
      const start = c - infos[c].weekday;
      s.selectRange({ r: 0, c: Math.max(0, start) }, { r: s.employees.length - 1, c: Math.min(days.length - 1, start + 6) });
      scrollRef.current?.focus({ preventScroll: true });
    },
    [infos, days.length],
  );

  const clip = useGridClipboard(props.codes);
  const onKeyDown = useGridKeys(props.codes, scrollTo, clip);

  return (
    <div
      className={'grid-wrap' + (props.compact ? ' compact' : '')}
      style={{
        gridTemplateColumns: `${NAME_W}px minmax(0, 1fr) ${STATS_W}px`,
        gridTemplateRows: `${headerH}px minmax(0, 1fr)`,
        ['--cell-w' as string]: `${CELL_W}px`,
      }}
    >
      <div className="corner">
        <div style={{ height: HEAD_ROW_H }}>Uke</div>
        <div style={{ height: HEAD_ROW_H }}>Dag</div>
        <div style={{ height: HEAD_ROW_H }}>Dato</div>
        {coverageShifts.map((shift) => (
          <div key={shift} style={{ height: HEAD_ROW_H }} className="covlabel" title="Planlagt / trengs etter bemanningsplanen">
            {shift} planlagt/trengs
          </div>
        ))}
      </div>
      <div className="ghead-days" onScroll={onPaneScroll}>
        <div className="days" ref={headRef} style={{ width: daysW, height: headerH }}>
          <HeaderDays cols={vcols} b0={live.b0} b1={live.b1} infos={infos} onWeek={selectWeek} />
          <CoverageRows shifts={coverageShifts} b0={live.b0} b1={live.b1} days={days.length} />
        </div>
      </div>
      <div className="stats shead">
        {STAT_COLS.map((c) => (
          <span key={c.key} style={{ width: c.w }} title={c.title}>
            {c.label}
          </span>
        ))}
      </div>
      <div className="names-pane" onScroll={onPaneScroll}>
        <div ref={namesRef} style={{ height: employees.length * ROW_H }}>
          <NameRows employees={employees} r0={live.r0} r1={live.r1} />
        </div>
      </div>
      <div className="gbody-pane">
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the canvas only paints the grid and never takes focus; the ARIA grid above it carries the content */}
        <canvas ref={canvasRef} className="gcanvas" aria-hidden="true" />
        {/* biome-ignore lint/a11y/useSemanticElements: the planning grid uses the ARIA grid pattern on divs over a canvas; focus stays on the grid, which points at the cell by aria-activedescendant */}
        <div
          className="grid-scroll"
          ref={scrollRef}
          id="rutenett"
          tabIndex={0}
          role="grid"
          aria-label="Turnus: ansatte og dager"
          aria-rowcount={employees.length}
          aria-colcount={days.length}
          aria-activedescendant={cellId(usePlan.getState().cursor.r, usePlan.getState().cursor.c)}
          onKeyDown={onKeyDown}
          onCopy={clip.onCopy}
          onPaste={clip.onPaste}
          onScroll={onScroll}
        >
          {/* biome-ignore lint/a11y/noStaticElementInteractions: mouse selection on the grid body; the keyboard does the same on the focused grid around it */}
          <div
            className="gbody"
            style={{ width: daysW, height: employees.length * ROW_H }}
            onMouseDown={onMouseDown}
            onMouseMove={onMouseMove}
          >
            <BodyRows employees={employees} r0={dom.r0} r1={dom.r1} b0={dom.b0} b1={dom.b1} infos={infos} daysW={daysW} />
          </div>
        </div>
      </div>
      <div className="stats-pane" onScroll={onPaneScroll}>
        <div ref={statsRef} style={{ height: employees.length * ROW_H }}>
          <StatsRows employees={employees} r0={live.r0} r1={live.r1} />
        </div>
      </div>
    </div>
  );
}
