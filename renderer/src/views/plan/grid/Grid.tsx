/**
 * The planning grid: employees × days for up to 12 months, with day headers (week, weekday,
 * date), coverage rows from the bemanningsplan and per-employee figures on the right.
 *
 * The day cells are painted on a canvas (views/gridPaint.ts) on every scroll frame, so
 * scrolling a year never waits for DOM cells to be built and rasterised. Once scrolling stops,
 * the rows and weeks in view also get DOM cells: transparent, on top of the canvas, carrying the
 * text, roles, tooltips and data attributes for screen readers, keyboard users and tests. Each
 * DOM block selects only its own state from the store, so an edit re-renders what it touched.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Employee } from '../../../../../shared/plan/model';
import { COMPETENCE_LABEL, type Competence } from '../../../../../shared/plan/model';
import { MONTH_LONG, WEEKDAY_SHORT, holidayName, isoWeek, isoWeekday, toDay, ymd } from '../../../../../shared/calendar';
import { keyOf, selectionBounds, usePlan } from '../../../stores/plan';
import { useRules } from '../../../stores/rules';
import { useGridMarks } from '../../../stores/gridMarks';
import { matchTyped, type CodeInfo } from '../../../lib/codes';
import { fmtHours, fmtPct } from '../../../lib/format';
import { coverageDetail, useCoverage, type CoverageRow } from '../../../lib/coverage';
import { CELL_W, ROW_H, cellAtPoint, paintCells, readTheme, visibleRange, type DayLook, type GridTheme } from './gridPaint';

export { CELL_W, ROW_H };
export const NAME_W = 200;
const STAT_COLS = [
  { key: 'planned', label: 'Timer', title: 'Planlagte timer i perioden', w: 62 },
  { key: 'target', label: 'Mål', title: 'Timer stillingen skal ha i perioden (netto)', w: 58 },
  { key: 'pct', label: 'Gir %', title: 'Stillingsprosenten planen faktisk gir', w: 64 },
  { key: 'weekends', label: 'Helger', title: 'Helger med arbeid', w: 48 },
  { key: 'hits', label: 'Brudd', title: 'Regelbrudd for denne ansatte', w: 48 },
] as const;
const STATS_W = STAT_COLS.reduce((s, c) => s + c.w, 0);
const HEAD_ROW_H = 18;

interface DayInfo {
  date: string;
  weekday: number;
  dayOfMonth: number;
  month: number;
  week: number;
  holiday?: string;
  cls: string;
}


function dayInfos(days: string[]): DayInfo[] {
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
const BLOCK = 7;
const SEP = '\u0001';

/** The DOM id of a cell, for the grid's aria-activedescendant (the cursor). */
const cellId = (r: number, c: number) => `turnus-cell-${r}-${c}`;

/**
 * One employee's seven DOM cells of one block (the accessible layer; the canvas paints them).
 * The block selects its own state as one string (codes, selection, cursor, rule hits, marks),
 * so an edit re-renders only the blocks it touched. The cells are plain elements without hooks.
 */
const WeekCells = memo(function WeekCells(props: { r: number; block: number; employeeId: string; infos: DayInfo[] }) {
  const { r, block, employeeId, infos } = props;
  const c0 = block * BLOCK;
  const c1 = Math.min(infos.length - 1, c0 + BLOCK - 1);
  const keys = useMemo(() => {
    const out: string[] = [];
    for (let c = c0; c <= c1; c++) out.push(keyOf(employeeId, infos[c].date));
    return out;
  }, [employeeId, infos, c0, c1]);
  const state = usePlan((s) => {
    const b = selectionBounds(s.anchor, s.cursor);
    const inRows = r >= b.r0 && r <= b.r1;
    const curC = s.cursor.r === r ? s.cursor.c : -1;
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      const c = c0 + i;
      out += (inRows && c >= b.c0 && c <= b.c1 ? 's' : '-') + (curC === c ? 'c' : '-') + (s.cells.get(keys[i]) ?? '') + SEP;
    }
    return out;
  });
  const hits = useRules((s) => {
    let out = '';
    for (const k of keys) out += (s.byCell[k] ?? '') + SEP;
    return out;
  });
  const marks = useGridMarks((s) => {
    let out = '';
    for (const k of keys) out += (s.comment.has(k) ? 'kommentar ' : '') + (s.pinned.has(k) ? 'låst' : '') + SEP;
    return out;
  });
  const states = state.split(SEP);
  const messages = hits.split(SEP);
  const markList = marks.split(SEP);
  return (
    <>
      {keys.map((key, i) => {
        const st = states[i];
        const c = c0 + i;
        const selected = st[0] === 's';
        const code = st.length > 2 ? st.slice(2) : undefined;
        const hit = messages[i] || undefined;
        let cls = 'cell';
        if (selected) cls += ' sel';
        if (st[1] === 'c') cls += ' cur';
        if (hit) cls += ' hit';
        return (
          <div key={c} id={cellId(r, c)} className={cls} role="gridcell" aria-selected={selected} data-r={r} data-c={c} data-cell={key}
            data-marks={markList[i].trim() || undefined} title={hit}>
            {code ?? ''}
          </div>
        );
      })}
    </>
  );
});

const Stats = memo(function Stats({ employee, top }: { employee: Employee; top: number }) {
  const st = usePlan((s) => s.stats[employee.id]);
  const hits = useRules((s) => s.byEmployee[employee.id] ?? 0);
  const engineReady = useRules((s) => s.ready);
  if (!st) return <div className="stats srow" style={{ top }} />;
  const diff = st.plannedHours - st.targetHours;
  const hoursCls = Math.abs(diff) < 0.25 ? 'ok' : diff < 0 ? 'under' : 'over';
  return (
    <div className="stats srow" style={{ top }} data-stats={employee.id} data-name={employee.name}>
      <span style={{ width: STAT_COLS[0].w }} className={'num ' + hoursCls} title={`Planlagt ${fmtHours(st.plannedHours)} t, mål ${fmtHours(st.targetHours)} t (${diff >= 0 ? '+' : ''}${fmtHours(diff)} t)`} data-stat="planned">
        {fmtHours(st.plannedHours)}
      </span>
      <span style={{ width: STAT_COLS[1].w }} className="num" data-stat="target">{fmtHours(st.targetHours)}</span>
      <span style={{ width: STAT_COLS[2].w }} className="num" data-stat="pct" title={`Avtalt stillingsprosent ${fmtPct(employee.position)}`}>{fmtPct(st.resultingPosition)}</span>
      <span style={{ width: STAT_COLS[3].w }} className="num" data-stat="weekends">{st.weekendsWorked}</span>
      <span style={{ width: STAT_COLS[4].w }} className={'num' + (hits ? ' bad' : '')} data-stat="hits">{engineReady ? hits : ''}</span>
    </div>
  );
});

/** The employee's name in the left pane (outside the scrolled area, so it is never repainted on scroll). */
const NameRow = memo(function NameRow(props: { r: number; top: number; employee: Employee }) {
  const { employee: e } = props;
  const isCursorRow = usePlan((s) => s.cursor.r === props.r);
  return (
    <div className={'nrow' + (isCursorRow ? ' currow' : '')} role="rowheader" data-name={e.name} style={{ top: props.top }}
      title={`${e.name}, ${COMPETENCE_LABEL[e.competence as Competence] ?? e.competence}, ${fmtPct(e.position)}`}>
      <span className="ename">{e.name}</span>
      <span className="epos">{Math.round(e.position * 100)} %</span>
    </div>
  );
});

/** One employee's rendered days: the blocks b0..b1 after a spacer. */
const DayRow = memo(function DayRow(props: {
  r: number; employee: Employee; b0: number; b1: number; infos: DayInfo[]; daysW: number;
}) {
  const { employee: e, r, b0, b1, infos } = props;
  const blocks = [];
  for (let b = b0; b <= b1; b++) blocks.push(<WeekCells key={b} r={r} block={b} employeeId={e.id} infos={infos} />);
  return (
    <div className="grow" role="row" data-name={e.name} style={{ top: r * ROW_H, width: props.daysW }}>
      <div className="spacer-x" style={{ width: b0 * BLOCK * CELL_W }} />
      {blocks}
    </div>
  );
});

/**
 * The rendered window of the grid. The virtualisers re-render the grid on every scroll event;
 * these panes re-render only when a row or a week block enters or leaves the window.
 */
const BodyRows = memo(function BodyRows(props: { employees: Employee[]; r0: number; r1: number; b0: number; b1: number; infos: DayInfo[]; daysW: number }) {
  const rows = [];
  for (let r = props.r0; r <= props.r1; r++) {
    const e = props.employees[r];
    rows.push(<DayRow key={e.id} r={r} employee={e} b0={props.b0} b1={props.b1} infos={props.infos} daysW={props.daysW} />);
  }
  return <>{rows}</>;
});
const NameRows = memo(function NameRows(props: { employees: Employee[]; r0: number; r1: number }) {
  const rows = [];
  for (let r = props.r0; r <= props.r1; r++) rows.push(<NameRow key={props.employees[r].id} r={r} top={r * ROW_H} employee={props.employees[r]} />);
  return <>{rows}</>;
});
const StatsRows = memo(function StatsRows(props: { employees: Employee[]; r0: number; r1: number }) {
  const rows = [];
  for (let r = props.r0; r <= props.r1; r++) rows.push(<Stats key={props.employees[r].id} employee={props.employees[r]} top={r * ROW_H} />);
  return <>{rows}</>;
});

/**
 * Week, weekday and date headers of the rendered columns. The week buttons span the rendered
 * days of each ISO week; the weekday and date cells are rendered per block, so a block that
 * scrolls into view mounts only its own seven days.
 */
const HeaderDays = memo(function HeaderDays(props: { cols: { index: number; start: number }[]; b0: number; b1: number; infos: DayInfo[]; onWeek(c: number): void }) {
  const { cols, infos } = props;
  const lead = props.b0 * BLOCK * CELL_W;
  const weeks: { c: number; n: number }[] = [];
  for (const col of cols) {
    const last = weeks[weeks.length - 1];
    if (last && infos[col.index].weekday !== 0) last.n++;
    else weeks.push({ c: col.index, n: 1 });
  }
  const blocks: number[] = [];
  for (let b = props.b0; b <= props.b1; b++) blocks.push(b);
  return (
    <>
      <div className="hrow" style={{ top: 0 }}>
        <div className="spacer-x" style={{ width: lead }} />
        {weeks.map(({ c, n }) => {
          const d = infos[c];
          return (
            <button key={d.date} type="button" className="hcell week" style={{ width: CELL_W * n }}
              title={`Marker uke ${d.week} for alle (for å kopiere uken)`} onClick={() => props.onWeek(c)}>
              Uke {d.week}{d.dayOfMonth <= 7 && d.weekday === 0 ? ` · ${MONTH_LONG[d.month - 1]}` : ''}
            </button>
          );
        })}
      </div>
      <div className="hrow" style={{ top: HEAD_ROW_H }}>
        <div className="spacer-x" style={{ width: lead }} />
        {blocks.map((b) => <DayHeadBlock key={b} block={b} infos={infos} kind="wd" />)}
      </div>
      <div className="hrow" style={{ top: HEAD_ROW_H * 2 }}>
        <div className="spacer-x" style={{ width: lead }} />
        {blocks.map((b) => <DayHeadBlock key={b} block={b} infos={infos} kind="dt" />)}
      </div>
    </>
  );
});

const DayHeadBlock = memo(function DayHeadBlock(props: { block: number; infos: DayInfo[]; kind: 'wd' | 'dt' }) {
  const out = [];
  const c0 = props.block * BLOCK;
  for (let c = c0; c < Math.min(props.infos.length, c0 + BLOCK); c++) {
    const d = props.infos[c];
    out.push(props.kind === 'wd'
      ? <div key={d.date} className={'hcell wd ' + d.cls} title={d.holiday}>{WEEKDAY_SHORT[d.weekday]}</div>
      : <div key={d.date} className={'hcell dt ' + d.cls} title={d.holiday} data-date={d.date}>{d.dayOfMonth === 1 ? `1.${d.month}` : d.dayOfMonth}</div>);
  }
  return <>{out}</>;
});

/** The coverage rows of the header; the only part of the grid that follows every edit. */
const CoverageRows = memo(function CoverageRows(props: { shifts: string[]; b0: number; b1: number; days: number }) {
  const rows = useCoverage().rows;
  const blocks: number[] = [];
  for (let b = props.b0; b <= props.b1; b++) blocks.push(b);
  return (
    <>
      {props.shifts.map((shift, i) => {
        const row = rows.find((r) => r.shift === shift);
        return (
          <div key={shift} className="hrow covrow" style={{ top: HEAD_ROW_H * (3 + i) }}>
            <div className="spacer-x" style={{ width: props.b0 * BLOCK * CELL_W }} />
            {row && blocks.map((b) => <CoverageBlock key={b} row={row} block={b} days={props.days} />)}
          </div>
        );
      })}
    </>
  );
});

/** One block of a coverage row (re-renders when coverage changes, mounts when it scrolls in). */
const CoverageBlock = memo(function CoverageBlock(props: { row: CoverageRow; block: number; days: number }) {
  const out = [];
  const c0 = props.block * BLOCK;
  for (let c = c0; c < Math.min(props.days, c0 + BLOCK); c++) {
    const v = props.row.byDay[c];
    if (!v || (v.needed === 0 && v.planned === 0)) out.push(<div key={c} className="hcell cov" />);
    else out.push(
      <div key={c} className={'hcell cov ' + v.status} title={coverageDetail(props.row.shift, v)}>
        {v.planned}/{v.needed}
      </div>,
    );
  }
  return <>{out}</>;
});

const applied = new WeakMap<HTMLElement, string>();
function setTransform(el: HTMLElement | null, t: string) {
  if (!el || applied.get(el) === t) return;
  applied.set(el, t);
  el.style.transform = t;
}

export interface GridHandle {
  scrollTo(r: number, c: number): void;
}

/** Rendered rows and week blocks (inclusive). */
interface Range { r0: number; r1: number; b0: number; b1: number }
const sameRange = (a: Range, b: Range) => a.r0 === b.r0 && a.r1 === b.r1 && a.b0 === b.b0 && a.b1 === b.b1;
/** The rows and week blocks in view, plus `rows` rows and `blocks` blocks on each side. */
function rangeAround(x: number, y: number, w: number, h: number, rowCount: number, days: number, rows: number, blocks: number): Range {
  const v = visibleRange(x, y, Math.max(w, 1), Math.max(h, 1), rowCount, days);
  const blockCount = Math.ceil(days / BLOCK);
  return {
    r0: Math.max(0, v.r0 - rows), r1: Math.min(rowCount - 1, v.r1 + rows),
    b0: Math.max(0, Math.floor(v.c0 / BLOCK) - blocks), b1: Math.min(blockCount - 1, Math.floor(Math.max(v.c1, 0) / BLOCK) + blocks),
  };
}
const covers = (a: Range, b: Range) => a.r0 <= b.r0 && a.r1 >= b.r1 && a.b0 <= b.b0 && a.b1 >= b.b1;
/** How long scrolling must have stopped before the DOM cells follow (ms). */
const DOM_SETTLE_MS = 120;

export function Grid(props: { codes: CodeInfo[]; onReady?: (h: GridHandle) => void }) {
  const employees = usePlan((s) => s.employees);
  const days = usePlan((s) => s.days);
  const infos = useMemo(() => dayInfos(days), [days]);
  const looks = useMemo<DayLook[]>(() => infos.map((d) => ({ date: d.date, weekend: d.weekday >= 5, holiday: !!d.holiday, monday: d.weekday === 0 })), [infos]);
  const plan = usePlan((s) => s.plan);
  const coverageShifts = useMemo(() => {
    const f = plan?.file;
    return f ? f.shiftTypes.map((t) => t.code).filter((c) => f.demand.some((r) => r.shift === c)) : [];
  }, [plan]);
  // Only valid CSS colours: the canvas ignores an invalid one and would keep the previous colour.
  const colors = useMemo(() => new Map(props.codes.filter((c) => c.color && CSS.supports('color', c.color)).map((c) => [c.code, c.color])), [props.codes]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const headerH = HEAD_ROW_H * 3 + HEAD_ROW_H * coverageShifts.length;
  const daysW = days.length * CELL_W;
  const headRef = useRef<HTMLDivElement>(null);
  const namesRef = useRef<HTMLDivElement>(null);
  const statsRef = useRef<HTMLDivElement>(null);

  // ------------------------------------------------------------------ painting
  // Everything the painter needs, kept in a ref so a scroll event paints without React.
  const paintState = useRef({ employeeIds: [] as string[], looks: [] as DayLook[], colors: new Map<string, string>(), theme: null as GridTheme | null, w: 0, h: 0, dpr: 1, frame: 0 });
  paintState.current.employeeIds = useMemo(() => employees.map((e) => e.id), [employees]);
  paintState.current.looks = looks;
  paintState.current.colors = colors;
  const marked = useRef(false);
  const paint = useCallback(() => {
    const ps = paintState.current;
    // Painting now makes a repaint already asked for in the next frame needless.
    if (ps.frame) cancelAnimationFrame(ps.frame);
    ps.frame = 0;
    const el = scrollRef.current;
    const cv = canvasRef.current;
    if (!el || !cv || ps.w === 0 || ps.h === 0) return;
    const ctx = cv.getContext('2d', { alpha: false });
    if (!ctx) return;
    ps.theme ??= readTheme();
    const s = usePlan.getState();
    const m = useGridMarks.getState();
    ctx.setTransform(ps.dpr, 0, 0, ps.dpr, 0, 0);
    paintCells(ctx, {
      x: el.scrollLeft, y: el.scrollTop, width: ps.w, height: ps.h,
      employeeIds: ps.employeeIds, days: ps.looks, cells: s.cells, colors: ps.colors,
      selection: selectionBounds(s.anchor, s.cursor), cursor: s.cursor, hits: useRules.getState().byCell,
      marks: { comment: m.comment, pinned: m.pinned },
    }, ps.theme);
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
  useEffect(() => {
    const subs = [
      usePlan.subscribe((s, p) => {
        if (s.rev !== p.rev || s.cursor !== p.cursor || s.anchor !== p.anchor || s.cells !== p.cells) schedulePaint();
        // Screen readers follow the cursor through the grid's active descendant.
        if (s.cursor !== p.cursor) scrollRef.current?.setAttribute('aria-activedescendant', cellId(s.cursor.r, s.cursor.c));
      }),
      useRules.subscribe((s, p) => { if (s.byCell !== p.byCell) schedulePaint(); }),
      useGridMarks.subscribe(schedulePaint),
    ];
    return () => { subs.forEach((u) => u()); cancelAnimationFrame(paintState.current.frame); paintState.current.frame = 0; };
  }, [schedulePaint]);
  useLayoutEffect(() => { paint(); }, [paint, employees, looks, colors]);

  // ------------------------------------------------------------------ scrolling
  // The header, the names and the figures sit outside the scrolled area and follow it by a
  // transform. Both offsets are read before anything is written (a read after a write forces a
  // second style pass), and a transform is written only when it changed.
  const [liveState, setLive] = useState<Range>({ r0: 0, r1: -1, b0: 0, b1: -1 });
  const [domState, setDom] = useState<Range>({ r0: 0, r1: -1, b0: 0, b1: -1 });
  // A plan with fewer employees or days renders before the ranges follow (in a layout effect).
  const clampRange = (g: Range): Range => ({ ...g, r1: Math.min(g.r1, employees.length - 1), b1: Math.min(g.b1, Math.ceil(days.length / BLOCK) - 1) });
  const live = clampRange(liveState);
  const dom = clampRange(domState);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ranges = useCallback((immediate: boolean) => {
    const el = scrollRef.current;
    if (!el) return;
    const ps = paintState.current;
    const x = el.scrollLeft, y = el.scrollTop, rows = ps.employeeIds.length, days = ps.looks.length;
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
    const commit = () => { settle.current = null; setDom((cur) => (sameRange(cur, next) ? cur : next)); };
    if (immediate) commit();
    else settle.current = setTimeout(commit, DOM_SETTLE_MS);
  }, []);
  useEffect(() => () => { if (settle.current) clearTimeout(settle.current); }, []);
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const x = el.scrollLeft, y = el.scrollTop;
    setTransform(headRef.current, `translateX(${-x}px)`);
    setTransform(namesRef.current, `translateY(${-y}px)`);
    setTransform(statsRef.current, `translateY(${-y}px)`);
    paint();
    ranges(false);
  }, [paint, ranges]);
  useLayoutEffect(() => { ranges(true); }, [ranges, employees, looks]);

  // The canvas covers the scroll box's client area (without scroll bars), in device pixels.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const cv = canvasRef.current;
    if (!el || !cv) return;
    const fit = () => {
      const ps = paintState.current;
      const w = el.clientWidth, h = el.clientHeight, dpr = window.devicePixelRatio || 1;
      if (w === ps.w && h === ps.h && dpr === ps.dpr) return;
      ps.w = w; ps.h = h; ps.dpr = dpr;
      cv.width = Math.round(w * dpr);
      cv.height = Math.round(h * dpr);
      cv.style.width = `${w}px`;
      cv.style.height = `${h}px`;
      paint();
      ranges(true);
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [paint, ranges]);

  const vcols = useMemo(() => {
    const out: { index: number; start: number }[] = [];
    for (let d = live.b0 * BLOCK; d <= Math.min(days.length - 1, live.b1 * BLOCK + BLOCK - 1); d++) out.push({ index: d, start: NAME_W + d * CELL_W });
    return out;
  }, [live.b0, live.b1, days.length]);

  // Brings a cell into view. Reads the scroll box before React commits the edit, so no forced
  // layout.
  const scrollTo = useCallback((r: number, c: number) => {
    const el = scrollRef.current;
    if (!el) return;
    const x = c * CELL_W, y = r * ROW_H;
    const viewW = el.clientWidth, viewH = el.clientHeight;
    if (x < el.scrollLeft) el.scrollLeft = x;
    else if (x + CELL_W > el.scrollLeft + viewW) el.scrollLeft = x + CELL_W - viewW;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + ROW_H > el.scrollTop + viewH) el.scrollTop = y + ROW_H - viewH;
  }, []);

  useEffect(() => {
    props.onReady?.({ scrollTo });
  }, [props, scrollTo]);

  // ------------------------------------------------------------------ mouse
  const drag = useRef<{ active: boolean; painting: boolean }>({ active: false, painting: false });
  // The cell under the pointer, from coordinates (the DOM cells lag behind while scrolling).
  const cellAt = (e: MouseEvent): { r: number; c: number } | null => {
    const el = scrollRef.current;
    if (!el) return null;
    const box = el.getBoundingClientRect();
    const x = e.clientX - box.left - el.clientLeft, y = e.clientY - box.top - el.clientTop;
    if (x >= el.clientWidth || y >= el.clientHeight) return null;
    return cellAtPoint(x + el.scrollLeft, y + el.scrollTop, paintState.current.employeeIds.length, paintState.current.looks.length);
  };
  const paintCode = (p: { r: number; c: number }, merge: boolean) => {
    const s = usePlan.getState();
    if (s.tool === null) return;
    s.apply([{ key: keyOf(s.employees[p.r].id, s.days[p.c]), code: s.tool || null }], merge);
  };
  const onMouseDown = (e: MouseEvent) => {
    const p = cellAt(e);
    if (!p || e.button !== 0) return;
    e.preventDefault();
    scrollRef.current?.focus({ preventScroll: true });
    const s = usePlan.getState();
    if (s.tool !== null && !e.shiftKey) {
      s.setCursor(p);
      paintCode(p, false);
      drag.current = { active: true, painting: true };
    } else {
      s.setCursor(p, e.shiftKey);
      drag.current = { active: true, painting: false };
    }
  };
  const onMouseMove = (e: MouseEvent) => {
    if (!drag.current.active) return;
    const p = cellAt(e);
    if (!p) return;
    const cur = usePlan.getState().cursor;
    if (p.r === cur.r && p.c === cur.c) return;
    if (drag.current.painting) {
      usePlan.getState().setCursor(p);
      paintCode(p, true);
    } else usePlan.getState().setCursor(p, true);
  };
  useEffect(() => {
    const up = () => { drag.current.active = false; };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  const selectWeek = useCallback((c: number) => {
    const s = usePlan.getState();
    const start = c - infos[c].weekday;
    s.selectRange({ r: 0, c: Math.max(0, start) }, { r: s.employees.length - 1, c: Math.min(days.length - 1, start + 6) });
    scrollRef.current?.focus({ preventScroll: true });
  }, [infos, days.length]);

  // ------------------------------------------------------------------ keyboard
  const typed = useRef<{ text: string; timer: ReturnType<typeof setTimeout> | null }>({ text: '', timer: null });
  const commitCode = (code: string) => {
    const s = usePlan.getState();
    const b = selectionBounds(s.anchor, s.cursor);
    const single = b.r0 === b.r1 && b.c0 === b.c1;
    s.fillSelection(code);
    if (single) {
      s.moveCursor(0, 1);
      const n = usePlan.getState().cursor;
      scrollTo(n.r, n.c);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const s = usePlan.getState();
    const ctrl = e.ctrlKey || e.metaKey;
    const move = (dr: number, dc: number) => {
      e.preventDefault();
      s.moveCursor(dr, dc, e.shiftKey);
      const n = usePlan.getState().cursor;
      scrollTo(n.r, n.c);
    };
    switch (e.key) {
      case 'ArrowUp': return move(-1, 0);
      case 'ArrowDown': return move(1, 0);
      case 'ArrowLeft': return move(0, ctrl ? -7 : -1);
      case 'ArrowRight': return move(0, ctrl ? 7 : 1);
      case 'Enter': return move(e.shiftKey ? -1 : 1, 0);
      case 'Home': return move(0, -s.cursor.c);
      case 'End': return move(0, s.days.length - 1 - s.cursor.c);
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        s.fillSelection(null);
        return;
      case 'Escape':
        e.preventDefault();
        s.setCursor(s.cursor);
        s.setTool(null);
        return;
    }
    if (ctrl) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) { e.preventDefault(); s.undo(); return; }
      if (k === 'y' || (k === 'z' && e.shiftKey)) { e.preventDefault(); s.redo(); return; }
      if (k === 'c') { e.preventDefault(); s.copySelection(); return; }
      if (k === 'v') { e.preventDefault(); s.paste(); return; }
      if (k === 'a') { e.preventDefault(); s.selectRange({ r: 0, c: 0 }, { r: s.employees.length - 1, c: s.days.length - 1 }); return; }
      return;
    }
    if (e.key.length === 1 && /\p{L}|\d/u.test(e.key) && !e.altKey) {
      e.preventDefault();
      const t = typed.current;
      if (t.timer) clearTimeout(t.timer);
      const all = props.codes.map((c) => c.code);
      let text = t.text + e.key;
      let m = matchTyped(text, all);
      if (!m.code && !m.wait) {
        text = e.key;
        m = matchTyped(text, all);
      }
      if (m.code && !m.wait) {
        t.text = '';
        commitCode(m.code);
        return;
      }
      if (!m.code && !m.wait) {
        t.text = '';
        return;
      }
      t.text = text;
      t.timer = setTimeout(() => {
        const exact = matchTyped(t.text, all);
        t.text = '';
        if (exact.code) commitCode(exact.code);
      }, 700);
    }
  };

  return (
    <div className="grid-wrap" style={{ gridTemplateColumns: `${NAME_W}px minmax(0, 1fr) ${STATS_W}px`, gridTemplateRows: `${headerH}px minmax(0, 1fr)` }}>
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
      <div className="ghead-days">
        <div className="days" ref={headRef} style={{ width: daysW, height: headerH }}>
          <HeaderDays cols={vcols} b0={live.b0} b1={live.b1} infos={infos} onWeek={selectWeek} />
          <CoverageRows shifts={coverageShifts} b0={live.b0} b1={live.b1} days={days.length} />
        </div>
      </div>
      <div className="stats shead">
        {STAT_COLS.map((c) => <span key={c.key} style={{ width: c.w }} title={c.title}>{c.label}</span>)}
      </div>
      <div className="names-pane">
        <div ref={namesRef} style={{ height: employees.length * ROW_H }}>
          <NameRows employees={employees} r0={live.r0} r1={live.r1} />
        </div>
      </div>
      <div className="gbody-pane">
        <canvas ref={canvasRef} className="gcanvas" aria-hidden="true" />
        <div
          className="grid-scroll"
          ref={scrollRef}
          tabIndex={0}
          role="grid"
          aria-label="Turnus: ansatte og dager"
          aria-rowcount={employees.length}
          aria-colcount={days.length}
          aria-activedescendant={cellId(usePlan.getState().cursor.r, usePlan.getState().cursor.c)}
          onKeyDown={onKeyDown}
          onScroll={onScroll}
        >
          <div className="gbody" style={{ width: daysW, height: employees.length * ROW_H }} onMouseDown={onMouseDown} onMouseMove={onMouseMove}>
            <BodyRows employees={employees} r0={dom.r0} r1={dom.r1} b0={dom.b0} b1={dom.b1} infos={infos} daysW={daysW} />
          </div>
        </div>
      </div>
      <div className="stats-pane">
        <div ref={statsRef} style={{ height: employees.length * ROW_H }}>
          <StatsRows employees={employees} r0={live.r0} r1={live.r1} />
        </div>
      </div>
    </div>
  );
}
