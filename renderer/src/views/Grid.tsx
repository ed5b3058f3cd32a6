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

const CodesContext = createContext<Map<string, CodeInfo>>(new Map());

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

const Cell = memo(function Cell(props: { r: number; c: number; employeeId: string; date: string; cls: string }) {
  const key = keyOf(props.employeeId, props.date);
  // One subscription per cell: code, selected and cursor packed in a string.
  const state = usePlan((s) => {
    const b = selectionBounds(s.anchor, s.cursor);
    const sel = props.r >= b.r0 && props.r <= b.r1 && props.c >= b.c0 && props.c <= b.c1;
    const cur = s.cursor.r === props.r && s.cursor.c === props.c;
    return (sel ? 's' : '-') + (cur ? 'c' : '-') + (s.cells.get(key) ?? '');
  });
  const selected = state[0] === 's';
  const isCursor = state[1] === 'c';
  const code = state.length > 2 ? state.slice(2) : undefined;
  const hits = useRules((s) => s.byCell[key]);
  const info = useContext(CodesContext).get(code ?? '');
  const cls = ['cell', props.cls, selected ? 'sel' : '', isCursor ? 'cur' : '', hits ? 'hit' : ''].filter(Boolean).join(' ');
  return (
    <div
      className={cls}
      role="gridcell"
      aria-selected={selected}
      data-r={props.r}
      data-c={props.c}
      data-cell={key}
      style={info && !selected ? { background: info.color } : undefined}
      title={hits}
    >
      {code ?? ''}
    </div>
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

/** One employee's rendered days. */
const DayRow = memo(function DayRow(props: {
  r: number; top: number; employee: Employee; cols: { index: number; start: number }[]; infos: DayInfo[]; daysW: number;
}) {
  const { employee: e } = props;
  return (
    <div className="grow" role="row" data-name={e.name} style={{ top: props.top, width: props.daysW }}>
      <div className="spacer-x" style={{ width: (props.cols[0]?.start ?? NAME_W) - NAME_W }} />
      {props.cols.map((col) => {
        const d = props.infos[col.index];
        return <Cell key={d.date} r={props.r} c={col.index} employeeId={e.id} date={d.date} cls={d.cls} />;
      })}
    </div>
  );
});

/** Week, weekday and date headers of the rendered columns (in normal flow: cheap to paint). */
const HeaderDays = memo(function HeaderDays(props: { cols: { index: number; start: number }[]; infos: DayInfo[]; onWeek(c: number): void }) {
  const { cols, infos } = props;
  const lead = (cols[0]?.start ?? NAME_W) - NAME_W;
  const weeks: { c: number; n: number }[] = [];
  for (const col of cols) {
    const last = weeks[weeks.length - 1];
    if (last && infos[col.index].weekday !== 0) last.n++;
    else weeks.push({ c: col.index, n: 1 });
  }
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
        {cols.map((col) => {
          const d = infos[col.index];
          return <div key={d.date} className={'hcell wd ' + d.cls} title={d.holiday}>{WEEKDAY_SHORT[d.weekday]}</div>;
        })}
      </div>
      <div className="hrow" style={{ top: HEAD_ROW_H * 2 }}>
        <div className="spacer-x" style={{ width: lead }} />
        {cols.map((col) => {
          const d = infos[col.index];
          return (
            <div key={d.date} className={'hcell dt ' + d.cls} title={d.holiday} data-date={d.date}>
              {d.dayOfMonth === 1 ? `1.${d.month}` : d.dayOfMonth}
            </div>
          );
        })}
      </div>
    </>
  );
});

/** The coverage rows of the header; the only part of the grid that follows every edit. */
const CoverageRows = memo(function CoverageRows(props: { shifts: string[]; cols: { index: number; start: number }[] }) {
  const rows = useCoverage().rows;
  return (
    <>
      {props.shifts.map((shift, i) => {
        const row = rows.find((r) => r.shift === shift);
        return (
          <div key={shift} className="hrow covrow" style={{ top: HEAD_ROW_H * (3 + i) }}>
            <div className="spacer-x" style={{ width: (props.cols[0]?.start ?? NAME_W) - NAME_W }} />
            {row && <CoverageCells row={row} cols={props.cols} />}
          </div>
        );
      })}
    </>
  );
});

function CoverageCells(props: { row: CoverageRow; cols: { index: number; start: number }[] }) {
  return (
    <>
      {props.cols.map((col) => {
        const v = props.row.byDay[col.index];
        if (!v || (v.needed === 0 && v.planned === 0)) return <div key={col.index} className="hcell cov" />;
        return (
          <div key={col.index} className={'hcell cov ' + v.status}
            title={coverageDetail(props.row.shift, v)}>
            {v.planned}/{v.needed}
          </div>
        );
      })}
    </>
  );
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
  const codeMap = useMemo(() => new Map(props.codes.map((c) => [c.code, c])), [props.codes]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerH = HEAD_ROW_H * 3 + HEAD_ROW_H * coverageShifts.length;
  const daysW = days.length * CELL_W;
  const headRef = useRef<HTMLDivElement>(null);
  const namesRef = useRef<HTMLDivElement>(null);
  const statsRef = useRef<HTMLDivElement>(null);
  // The header, the names and the figures sit outside the scrolled area and follow it by a
  // transform: no sticky elements, so scrolling repaints only the day cells.
  const syncPanes = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (headRef.current) headRef.current.style.transform = `translateX(${-el.scrollLeft}px)`;
    const y = `translateY(${-el.scrollTop}px)`;
    if (namesRef.current) namesRef.current.style.transform = y;
    if (statsRef.current) statsRef.current.style.transform = y;
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
  const blocks = Math.ceil(days.length / 7);
  const colV = useVirtualizer({
    horizontal: true,
    count: blocks,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CELL_W * 7,
    overscan: 1,
  });
  const vrows = rowV.getVirtualItems();
  const vblocks = colV.getVirtualItems();
  const firstBlock = vblocks[0]?.index ?? 0;
  const lastBlock = vblocks[vblocks.length - 1]?.index ?? -1;
  const vcols = useMemo(() => {
    const out: { index: number; start: number }[] = [];
    for (let d = firstBlock * 7; d <= Math.min(days.length - 1, lastBlock * 7 + 6); d++) out.push({ index: d, start: NAME_W + d * CELL_W });
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
    <CodesContext.Provider value={codeMap}>
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
            <HeaderDays cols={vcols} infos={infos} onWeek={selectWeek} />
            <CoverageRows shifts={coverageShifts} cols={vcols} />
          </div>
        </div>
        <div className="stats shead">
          {STAT_COLS.map((c) => <span key={c.key} style={{ width: c.w }} title={c.title}>{c.label}</span>)}
        </div>
        <div className="names-pane">
          <div ref={namesRef} style={{ height: employees.length * ROW_H }}>
            {vrows.map((vr) => <NameRow key={employees[vr.index].id} r={vr.index} top={vr.start} employee={employees[vr.index]} />)}
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
            {vrows.map((vr) => (
              <DayRow key={employees[vr.index].id} r={vr.index} top={vr.start} employee={employees[vr.index]} cols={vcols} infos={infos} daysW={daysW} />
            ))}
          </div>
        </div>
        <div className="stats-pane">
          <div ref={statsRef} style={{ height: employees.length * ROW_H }}>
            {vrows.map((vr) => <Stats key={employees[vr.index].id} employee={employees[vr.index]} top={vr.start} />)}
          </div>
        </div>
      </div>
    </CodesContext.Provider>
  );
}
