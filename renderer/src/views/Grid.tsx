/**
 * The planning grid: employees × days for up to 12 months, virtualised in both directions,
 * with sticky day headers (week, weekday, date), coverage rows from the bemanningsplan and
 * per-employee figures on the right. Every cell selects only its own state from the store,
 * so an edit re-renders the cells it touched and nothing else.
 */
import { createContext, memo, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Employee } from '../../../shared/model';
import { COMPETENCE_LABEL, type Competence } from '../../../shared/model';
import { MONTH_LONG, WEEKDAY_SHORT, holidayName, isoWeek, isoWeekday, toDay, ymd } from '../../../shared/calendar';
import { keyOf, selectionBounds, usePlan } from '../stores/plan';
import { useRules } from '../stores/rules';
import { matchTyped, type CodeInfo } from '../lib/codes';
import { fmtHours, fmtPct } from '../lib/format';
import { coverageDetail, useCoverage, type CoverageRow } from '../lib/coverage';

export const CELL_W = 34;
export const ROW_H = 26;
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

/** Code → the class that colours its cells (one generated style rule per code, no inline styles). */
const CodesContext = createContext<Map<string, string>>(new Map());
/** Only plain colour values go into the generated style sheet. */
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla)\([\d\s.,%/-]+\))$/i;

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

/**
 * One employee's seven cells of one block. The block selects its own state as one string
 * (codes, selection, cursor, rule hits), so an edit re-renders only the blocks it touched,
 * and scrolling mounts a block only when its week enters the view. The cells themselves are
 * plain elements without hooks: cheap to mount while scrolling.
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
  const codeClass = useContext(CodesContext);
  const states = state.split(SEP);
  const messages = hits.split(SEP);
  return (
    <>
      {keys.map((key, i) => {
        const st = states[i];
        const c = c0 + i;
        const selected = st[0] === 's';
        const code = st.length > 2 ? st.slice(2) : undefined;
        const hit = messages[i] || undefined;
        let cls = 'cell';
        if (infos[c].cls) cls += ' ' + infos[c].cls;
        if (code) cls += ' ' + (codeClass.get(code) ?? '') + (code.length > 4 ? ' long' : '');
        if (selected) cls += ' sel';
        if (st[1] === 'c') cls += ' cur';
        if (hit) cls += ' hit';
        return (
          <div key={c} className={cls} role="gridcell" aria-selected={selected} data-r={r} data-c={c} data-cell={key} title={hit}>
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

export function Grid(props: { codes: CodeInfo[]; onReady?: (h: GridHandle) => void }) {
  const employees = usePlan((s) => s.employees);
  const days = usePlan((s) => s.days);
  const infos = useMemo(() => dayInfos(days), [days]);
  const plan = usePlan((s) => s.plan);
  const coverageShifts = useMemo(() => {
    const f = plan?.file;
    return f ? f.shiftTypes.map((t) => t.code).filter((c) => f.demand.some((r) => r.shift === c)) : [];
  }, [plan]);
  // Each code colours its cells through a class from one generated style sheet.
  const codeClass = useMemo(() => new Map(props.codes.map((c, i) => [c.code, 'k' + i])), [props.codes]);
  const codeCss = useMemo(() => props.codes.map((c, i) => (SAFE_COLOR.test(c.color) ? `.gbody .cell.k${i} { background: ${c.color}; }` : '')).join('\n'), [props.codes]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerH = HEAD_ROW_H * 3 + HEAD_ROW_H * coverageShifts.length;
  const daysW = days.length * CELL_W;
  const headRef = useRef<HTMLDivElement>(null);
  const namesRef = useRef<HTMLDivElement>(null);
  const statsRef = useRef<HTMLDivElement>(null);
  // The header, the names and the figures sit outside the scrolled area and follow it by a
  // transform: no sticky elements, so scrolling repaints only the day cells. Both offsets are
  // read before anything is written (a read after a write forces a second style pass), and a
  // transform is written only when it changed.
  const syncPanes = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const x = el.scrollLeft, y = el.scrollTop;
    setTransform(headRef.current, `translateX(${-x}px)`);
    setTransform(namesRef.current, `translateY(${-y}px)`);
    setTransform(statsRef.current, `translateY(${-y}px)`);
  }, []);
  useLayoutEffect(syncPanes);

  const rowV = useVirtualizer({
    count: employees.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 3,
  });
  // Columns are virtualised in blocks of seven days: while scrolling, React only has work to
  // do when a whole block enters or leaves the view, not on every frame.
  const blocks = Math.ceil(days.length / BLOCK);
  const colV = useVirtualizer({
    horizontal: true,
    count: blocks,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CELL_W * BLOCK,
    overscan: 1,
  });
  const vrows = rowV.getVirtualItems();
  const r0 = vrows[0]?.index ?? 0;
  const r1 = vrows[vrows.length - 1]?.index ?? -1;
  const vblocks = colV.getVirtualItems();
  const firstBlock = vblocks[0]?.index ?? 0;
  const lastBlock = vblocks[vblocks.length - 1]?.index ?? -1;
  const vcols = useMemo(() => {
    const out: { index: number; start: number }[] = [];
    for (let d = firstBlock * BLOCK; d <= Math.min(days.length - 1, lastBlock * BLOCK + BLOCK - 1); d++) out.push({ index: d, start: NAME_W + d * CELL_W });
    return out;
  }, [firstBlock, lastBlock, days.length]);

  // Brings a cell into view. Reads the scroll box before React commits the edit, so no forced
  // layout (the virtualizer's scrollToIndex measures the whole grid on every keystroke).
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

  // A performance mark for scripts/bench-ui.mjs: the first paint with cells in it.
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || vrows.length === 0 || vcols.length === 0) return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark('turnus:grid-ready'));
  });

  // ------------------------------------------------------------------ mouse
  const drag = useRef<{ active: boolean; painting: boolean }>({ active: false, painting: false });
  const cellAt = (e: MouseEvent): { r: number; c: number } | null => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (!el) return null;
    return { r: Number(el.dataset.r), c: Number(el.dataset.c) };
  };
  const paint = (p: { r: number; c: number }, merge: boolean) => {
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
      paint(p, false);
      drag.current = { active: true, painting: true };
    } else {
      s.setCursor(p, e.shiftKey);
      drag.current = { active: true, painting: false };
    }
  };
  const onMouseOver = (e: MouseEvent) => {
    if (!drag.current.active) return;
    const p = cellAt(e);
    if (!p) return;
    if (drag.current.painting) {
      usePlan.getState().setCursor(p);
      paint(p, true);
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
    <CodesContext.Provider value={codeClass}>
      <style>{codeCss}</style>
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
            <HeaderDays cols={vcols} b0={firstBlock} b1={lastBlock} infos={infos} onWeek={selectWeek} />
            <CoverageRows shifts={coverageShifts} b0={firstBlock} b1={lastBlock} days={days.length} />
          </div>
        </div>
        <div className="stats shead">
          {STAT_COLS.map((c) => <span key={c.key} style={{ width: c.w }} title={c.title}>{c.label}</span>)}
        </div>
        <div className="names-pane">
          <div ref={namesRef} style={{ height: employees.length * ROW_H }}>
            <NameRows employees={employees} r0={r0} r1={r1} />
          </div>
        </div>
        <div
          className="grid-scroll"
          ref={scrollRef}
          tabIndex={0}
          role="grid"
          aria-label="Turnus: ansatte og dager"
          aria-rowcount={employees.length}
          aria-colcount={days.length}
          onKeyDown={onKeyDown}
          onScroll={syncPanes}
        >
          <div className="gbody" style={{ width: daysW, height: employees.length * ROW_H }} onMouseDown={onMouseDown} onMouseOver={onMouseOver}>
            <BodyRows employees={employees} r0={r0} r1={r1} b0={firstBlock} b1={lastBlock} infos={infos} daysW={daysW} />
          </div>
        </div>
        <div className="stats-pane">
          <div ref={statsRef} style={{ height: employees.length * ROW_H }}>
            <StatsRows employees={employees} r0={r0} r1={r1} />
          </div>
        </div>
      </div>
    </CodesContext.Provider>
  );
}
