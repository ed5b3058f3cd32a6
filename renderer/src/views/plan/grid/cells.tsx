/**
 * The accessible layer of the grid body: transparent DOM cells over the canvas, for the rows and
 * week blocks around the view. Each block selects only its own state from the stores.
 */
import { memo, useMemo } from 'react';
import type { Employee } from '../../../../../shared/plan/model';
import { keyOf } from '../../../lib/cellKey';
import { selectionBounds, usePlan } from '../../../stores/plan';
import { useRules } from '../../../stores/rules';
import { useGridMarks } from '../../../stores/gridMarks';
import { CELL_W, ROW_H } from './gridPaint';
import { BLOCK, cellId, type DayInfo } from './days';

const SEP = '\u0001';

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
    for (const k of keys) out += (s.byCell.get(k) ?? '') + SEP;
    return out;
  });
  const marks = useGridMarks((s) => {
    let out = '';
    for (const k of keys)
      out += (s.comment.has(k) ? 'kommentar ' : '') + (s.pinned.has(k) ? 'låst ' : '') + (s.activity.has(k) ? 'møte' : '') + SEP;
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
          // biome-ignore lint/a11y/useFocusableInteractive: the planning grid uses the ARIA grid pattern on divs over a canvas; focus stays on the grid, which points at the cell by aria-activedescendant
          // biome-ignore lint/a11y/useSemanticElements: the planning grid uses the ARIA grid pattern on divs over a canvas; focus stays on the grid, which points at the cell by aria-activedescendant
          <div
            key={c}
            id={cellId(r, c)}
            className={cls}
            role="gridcell"
            aria-selected={selected}
            data-r={r}
            data-c={c}
            data-cell={key}
            data-marks={markList[i].trim() || undefined}
            title={hit}
          >
            {code ?? ''}
          </div>
        );
      })}
    </>
  );
});

/** One employee's rendered days: the blocks b0..b1 after a spacer. */
const DayRow = memo(function DayRow(props: { r: number; employee: Employee; b0: number; b1: number; infos: DayInfo[]; daysW: number }) {
  const { employee: e, r, b0, b1, infos } = props;
  const blocks = [];
  for (let b = b0; b <= b1; b++) blocks.push(<WeekCells key={b} r={r} block={b} employeeId={e.id} infos={infos} />);
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: the planning grid uses the ARIA grid pattern on divs over a canvas; focus stays on the grid, which points at the cell by aria-activedescendant
    // biome-ignore lint/a11y/useSemanticElements: the planning grid uses the ARIA grid pattern on divs over a canvas; focus stays on the grid, which points at the cell by aria-activedescendant
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
export const BodyRows = memo(function BodyRows(props: {
  employees: Employee[];
  r0: number;
  r1: number;
  b0: number;
  b1: number;
  infos: DayInfo[];
  daysW: number;
}) {
  const rows = [];
  for (let r = props.r0; r <= props.r1; r++) {
    const e = props.employees[r];
    rows.push(<DayRow key={e.id} r={r} employee={e} b0={props.b0} b1={props.b1} infos={props.infos} daysW={props.daysW} />);
  }
  return <>{rows}</>;
});
