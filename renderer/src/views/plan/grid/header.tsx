/** The grid's header: weeks, weekdays, dates and the coverage rows, for the rendered blocks. */
import { memo } from 'react';
import { MONTH_LONG, WEEKDAY_SHORT } from '../../../../../shared/calendar';
import { coverageDetail, useCoverage, type CoverageRow } from '../../../lib/coverage';
import { CELL_W } from './gridPaint';
import { BLOCK, type DayInfo } from './days';

export const HEAD_ROW_H = 18;

/**
 * Week, weekday and date headers of the rendered columns. The week buttons span the rendered
 * days of each ISO week; the weekday and date cells are rendered per block, so a block that
 * scrolls into view mounts only its own seven days.
 */
export const HeaderDays = memo(function HeaderDays(props: {
  cols: { index: number; start: number }[];
  b0: number;
  b1: number;
  infos: DayInfo[];
  onWeek(c: number): void;
}) {
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
            <button
              key={d.date}
              type="button"
              className="hcell week"
              style={{ width: CELL_W * n }}
              title={`Marker uke ${d.week} for alle (for å kopiere uken)`}
              onClick={() => props.onWeek(c)}
            >
              Uke {d.week}
              {d.dayOfMonth <= 7 && d.weekday === 0 ? ` · ${MONTH_LONG[d.month - 1]}` : ''}
            </button>
          );
        })}
      </div>
      <div className="hrow" style={{ top: HEAD_ROW_H }}>
        <div className="spacer-x" style={{ width: lead }} />
        {blocks.map((b) => (
          <DayHeadBlock key={b} block={b} infos={infos} kind="wd" />
        ))}
      </div>
      <div className="hrow" style={{ top: HEAD_ROW_H * 2 }}>
        <div className="spacer-x" style={{ width: lead }} />
        {blocks.map((b) => (
          <DayHeadBlock key={b} block={b} infos={infos} kind="dt" />
        ))}
      </div>
    </>
  );
});

const DayHeadBlock = memo(function DayHeadBlock(props: { block: number; infos: DayInfo[]; kind: 'wd' | 'dt' }) {
  const out = [];
  const c0 = props.block * BLOCK;
  for (let c = c0; c < Math.min(props.infos.length, c0 + BLOCK); c++) {
    const d = props.infos[c];
    out.push(
      props.kind === 'wd' ? (
        <div key={d.date} className={'hcell wd ' + d.cls} title={d.holiday}>
          {WEEKDAY_SHORT[d.weekday]}
        </div>
      ) : (
        <div key={d.date} className={'hcell dt ' + d.cls} title={d.holiday} data-date={d.date}>
          {d.dayOfMonth === 1 ? `1.${d.month}` : d.dayOfMonth}
        </div>
      ),
    );
  }
  return <>{out}</>;
});

/** The coverage rows of the header; the only part of the grid that follows every edit. */
export const CoverageRows = memo(function CoverageRows(props: { shifts: string[]; b0: number; b1: number; days: number }) {
  const rows = useCoverage().rows;
  const blocks: number[] = [];
  for (let b = props.b0; b <= props.b1; b++) blocks.push(b);
  return (
    <>
      {props.shifts.map((shift, i) => {
        const row = rows.find((r) => r.shift === shift);
        return (
          <div key={shift} className="hrow covrow" data-shift={shift} style={{ top: HEAD_ROW_H * (3 + i) }}>
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
    if (!v || (v.needed === 0 && v.planned === 0)) out.push(<div key={c} className="hcell cov" data-cov-c={c} />);
    else
      out.push(
        <div key={c} className={'hcell cov ' + v.status} data-cov-c={c} title={coverageDetail(props.row.shift, v)}>
          {v.planned}/{v.needed}
        </div>,
      );
  }
  return <>{out}</>;
});
