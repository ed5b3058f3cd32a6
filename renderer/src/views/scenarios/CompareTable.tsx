/**
 * The side-by-side table and bar charts of a scenario comparison. Labels, formulas and formats
 * come from shared/scenario COMPARISON_METRICS (the same list the PSU PDF and XLSX use); money
 * is worded «Sparer X kr» / «Koster X kr mer».
 */
import { comparisonMetrics, formatMetric, type ComparisonMetric, type ScenarioComparison } from '../../../../shared/scenario';
import { signed } from '../../components/figures';
import '../metrics/metrics.css';

/** A difference of two percentages in prosentpoeng. */
const pp = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')} pp`;

function deltaClass(m: ComparisonMetric, d: number): string {
  if (Math.abs(d) < 1e-9 || m.better === null) return 'delta';
  return (d > 0 === (m.better === 'up') ? 'pos' : 'neg') + ' delta';
}

export function CompareTable({ cmp, compact = false }: { cmp: ScenarioComparison; compact?: boolean }) {
  const first = cmp.rows[0];
  return (
    <table className={'table cmp' + (compact ? ' compact' : '')} aria-label="Sammenligning">
      <thead>
        <tr>
          <th>Nøkkeltall</th>
          {cmp.rows.map((r, i) => (
            <th key={r.id} className="num sc">
              {r.name}
              {i === 0 && <div className="muted">referanse</div>}
            </th>
          ))}
          {!compact && <th>Forutsetning</th>}
        </tr>
      </thead>
      <tbody>
        {comparisonMetrics(cmp).map((m) => (
          <tr key={m.key} data-metric={m.key}>
            <td>{m.label}</td>
            {cmp.rows.map((r, i) => {
              const v = m.get(r);
              const d = v - m.get(first);
              const saving = m.kind === 'saving';
              return (
                <td key={r.id} className={'num' + (saving && i > 0 ? (Math.round(v) >= 0 ? ' pos' : ' neg') : '')} data-scenario={r.name}>
                  <span className="v">{saving && i === 0 ? 'referanse' : formatMetric(m.kind, v)}</span>
                  {i > 0 && !saving && Math.abs(d) > 1e-9 && (
                    <div className={deltaClass(m, d)}>{signed(d, m.kind === 'pct' ? pp : (x) => formatMetric(m.kind, x))}</div>
                  )}
                </td>
              );
            })}
            {!compact && <td className="assume">{m.note}</td>}
          </tr>
        ))}
        {cmp.rows[0].target.metrics.map((tm, j) => (
          <tr key={'mal-' + tm.metric} data-metric={'mal-' + tm.metric}>
            <td>
              Mål: {tm.label} ({cmp.profile.name}
              {tm.target !== null ? `, mål ${formatMetric('pct', tm.target)}` : ''})
            </td>
            {cmp.rows.map((r) => {
              const x = r.target.metrics[j];
              const reached = x.target !== null && x.value >= x.target - 1e-9;
              return (
                <td key={r.id} className="num">
                  {formatMetric('pct', x.value)}
                  {x.target !== null && (
                    <div className={reached ? 'pos delta' : 'delta'}>
                      {reached ? 'nådd' : `${formatMetric('pct', x.target - x.value)} igjen`}
                    </div>
                  )}
                </td>
              );
            })}
            {!compact && (
              <td className="assume">
                Heltid = stilling ≥ {formatMetric('pct', cmp.profile.heltidThreshold)}; betalt stilling (den største av avtalt og det planen
                gir)
              </td>
            )}
          </tr>
        ))}
        <tr data-metric="tillegg">
          <td>Tillegg: beregnes når satsene er lagt inn</td>
          {cmp.rows.map((r) => (
            <td key={r.id} className="num">
              –
            </td>
          ))}
          {!compact && <td className="assume">Ubekvemstillegg fra vakttidene er ikke med ennå (KS HTA kap. 1 § 5)</td>}
        </tr>
      </tbody>
    </table>
  );
}

/** Horizontal bars as inline SVG, one chart per metric marked `chart` (and the Asker 2030 targets as marks). */
function SvgBars({
  title,
  names,
  values,
  labels,
  target,
}: {
  title: string;
  names: string[];
  values: number[];
  labels: string[];
  target?: number;
}) {
  const max = Math.max(...values.map(Math.abs), target ?? 0, 1e-9);
  const W = 240,
    left = 150,
    row = 24;
  return (
    <figure className="panel" style={{ margin: 0 }} aria-label={title} data-chart={title}>
      <figcaption>
        <b>{title}</b>
      </figcaption>
      <svg width={left + W + 130} height={row * names.length + 8} role="img" aria-label={title}>
        {names.map((n, i) => {
          const w = Math.round((Math.abs(values[i]) / max) * W);
          const y = 4 + i * row;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: one bar per compared scenario in the order asked for; names may repeat
            <g key={n + i}>
              <text x={0} y={y + 15} fontSize={12}>
                {n.length > 22 ? n.slice(0, 21) + '…' : n}
              </text>
              <rect x={left} y={y + 3} width={w} height={16} fill={values[i] < 0 ? '#b45309' : i === 0 ? '#9ca3af' : '#2563eb'} />
              <text x={left + w + 6} y={y + 15} fontSize={12}>
                {labels[i]}
              </text>
            </g>
          );
        })}
        {target !== undefined && (
          <line
            x1={left + (target / max) * W}
            x2={left + (target / max) * W}
            y1={0}
            y2={row * names.length + 8}
            stroke="#15803d"
            strokeDasharray="4 3"
          >
            <title>Mål {formatMetric('pct', target)}</title>
          </line>
        )}
      </svg>
    </figure>
  );
}

export function CompareCharts({ cmp }: { cmp: ScenarioComparison }) {
  const names = cmp.rows.map((r) => r.name);
  const targetOf = (key: string) =>
    cmp.profile.targets[key === 'heltid-r' ? 'heltidsandel' : key === 'snitt-r' ? 'averagePosition' : ('' as never)];
  return (
    <div className="charts">
      {comparisonMetrics(cmp)
        .filter((m) => m.chart)
        .map((m) => {
          const vals = cmp.rows.map((r) => m.get(r));
          const labels = vals.map((v, i) => (m.kind === 'saving' && i === 0 ? 'referanse' : formatMetric(m.kind, v)));
          return <SvgBars key={m.key} title={m.chart!} names={names} values={vals} labels={labels} target={targetOf(m.key)} />;
        })}
    </div>
  );
}
