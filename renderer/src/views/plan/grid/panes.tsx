/** The grid's left and right panes: employee names and the per-employee figures. */
import { memo } from 'react';
import { COMPETENCE_LABEL, type Competence, type Employee } from '../../../../../shared/plan/model';
import { usePlan } from '../../../stores/plan';
import { useRules } from '../../../stores/rules';
import { fmtHours, fmtPct } from '../../../lib/format';
import { count } from '../../../../../shared/text';
import type { ViolationCounts } from '../../../../../shared/rules/engine';
import { DEFAULT_OVER_TOLERANCE, overToleranceMinutes } from '../../../../../shared/solver/norwegian/weights';
import { ROW_H } from './gridPaint';

const BASE_COLS = [
  { key: 'planned', label: 'Timer', title: 'Planlagte timer i perioden', w: 62 },
  { key: 'target', label: 'Mål', title: 'Timer stillingen skal ha i perioden (netto)', w: 58 },
  { key: 'pct', label: 'Gir %', title: 'Stillingsprosenten planen faktisk gir', w: 64 },
  { key: 'weekends', label: 'Helger', title: 'Helger med arbeid', w: 48 },
  { key: 'hits', label: 'Brudd', title: 'Regelbrudd for denne ansatte', w: 48 },
] as const;
/** The figure columns at the grid's density (live bindings, set through setStatScale). */
export let STAT_COLS: { key: string; label: string; title: string; w: number }[] = BASE_COLS.map((c) => ({ ...c }));
export let STATS_W = STAT_COLS.reduce((s, c) => s + c.w, 0);
export function setStatScale(k: number): void {
  STAT_COLS = BASE_COLS.map((c) => ({ ...c, w: Math.round(c.w * k) }));
  STATS_W = STAT_COLS.reduce((s, c) => s + c.w, 0);
}

const Stats = memo(function Stats({ employee, top }: { employee: Employee; top: number }) {
  const st = usePlan((s) => s.stats[employee.id]);
  const hits = useRules((s) => s.byEmployee[employee.id]);
  const engineReady = useRules((s) => s.ready);
  if (!st) return <div className="stats srow" style={{ top }} />;
  const diff = st.plannedHours - st.targetHours;
  // Above target but inside the default band of «Fyll ut» (+5 %) is allowed: amber, as under
  // target; red only beyond the band.
  const band = overToleranceMinutes(st.targetHours * 60, DEFAULT_OVER_TOLERANCE) / 60;
  const hoursCls = Math.abs(diff) < 0.25 ? 'ok' : diff < 0 ? 'under' : diff <= band + 1e-6 ? 'within' : 'over';
  const bandNote = diff > 0 ? (hoursCls === 'over' ? ', over båndet på +5 %' : ', innenfor båndet på +5 %') : '';
  return (
    <div className="stats srow" style={{ top }} data-stats={employee.id} data-name={employee.name}>
      <span
        style={{ width: STAT_COLS[0].w }}
        className={'num ' + hoursCls}
        title={`Planlagt ${fmtHours(st.plannedHours)} t, mål ${fmtHours(st.targetHours)} t (${diff >= 0 ? '+' : ''}${fmtHours(diff)} t${bandNote})`}
        data-stat="planned"
      >
        {fmtHours(st.plannedHours)}
      </span>
      <span style={{ width: STAT_COLS[1].w }} className="num" data-stat="target">
        {fmtHours(st.targetHours)}
      </span>
      <span
        style={{ width: STAT_COLS[2].w }}
        className="num"
        data-stat="pct"
        title={`Avtalt stillingsprosent ${fmtPct(employee.position)}`}
      >
        {fmtPct(st.resultingPosition)}
      </span>
      <span style={{ width: STAT_COLS[3].w }} className="num" data-stat="weekends">
        {st.weekendsWorked}
      </span>
      <HitsCell hits={hits} ready={engineReady} />
    </div>
  );
});

/**
 * The «Brudd» column counts what the rules panel counts as brudd (errors, red); advarsler and
 * merknader (e.g. a ferie note) are told apart beside it, never in red.
 */
function HitsCell({ hits, ready }: { hits?: ViolationCounts; ready: boolean }) {
  const h = hits ?? { error: 0, warning: 0, info: 0 };
  const title = [count(h.error, 'brudd', 'brudd'), count(h.warning, 'advarsel', 'advarsler'), count(h.info, 'merknad', 'merknader')].join(
    ', ',
  );
  return (
    <span style={{ width: STAT_COLS[4].w }} className={'num' + (h.error ? ' bad' : '')} data-stat="hits" title={ready ? title : undefined}>
      {ready ? h.error : ''}
      {ready && h.warning + h.info > 0 && (
        <small className={h.warning ? 'warn-note' : 'info-note'} role="img" aria-label={title}>
          {' '}
          +{h.warning + h.info}
        </small>
      )}
    </span>
  );
}

/** The employee's name in the left pane (outside the scrolled area, so it is never repainted on scroll). */
const NameRow = memo(function NameRow(props: { r: number; top: number; employee: Employee }) {
  const { employee: e } = props;
  const isCursorRow = usePlan((s) => s.cursor.r === props.r);
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: the planning grid uses the ARIA grid pattern on divs over a canvas; focus stays on the grid, which points at the cell by aria-activedescendant
    // biome-ignore lint/a11y/useSemanticElements: the planning grid uses the ARIA grid pattern on divs over a canvas; focus stays on the grid, which points at the cell by aria-activedescendant
    <div
      className={'nrow' + (isCursorRow ? ' currow' : '')}
      role="rowheader"
      data-name={e.name}
      style={{ top: props.top }}
      title={`${e.name}, ${COMPETENCE_LABEL[e.competence as Competence] ?? e.competence}, ${fmtPct(e.position)}`}
    >
      <span className="ename">{e.name}</span>
      <span className="epos">{Math.round(e.position * 100)} %</span>
    </div>
  );
});

export const NameRows = memo(function NameRows(props: { employees: Employee[]; r0: number; r1: number }) {
  const rows = [];
  for (let r = props.r0; r <= props.r1; r++)
    rows.push(<NameRow key={props.employees[r].id} r={r} top={r * ROW_H} employee={props.employees[r]} />);
  return <>{rows}</>;
});
export const StatsRows = memo(function StatsRows(props: { employees: Employee[]; r0: number; r1: number }) {
  const rows = [];
  for (let r = props.r0; r <= props.r1; r++) rows.push(<Stats key={props.employees[r].id} employee={props.employees[r]} top={r * ROW_H} />);
  return <>{rows}</>;
});
