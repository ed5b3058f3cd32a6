/** The side-by-side table and bar charts of a scenario comparison (shared/scenario compareScenarios). */
import type { ScenarioComparison, ScenarioRow } from '../../../../shared/scenario';
import { Bar, hrs, kr, pct, signed } from '../../components/figures';
import '../metrics/metrics.css';

type Fmt = (x: number) => string;
interface Metric { key: string; label: string; get(r: ScenarioRow): number; fmt: Fmt; better: 'up' | 'down' | null; note: string }

/** A difference of two percentages in prosentpoeng. */
const pp = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')} pp`;

const n1 = (x: number) => x.toFixed(1).replace('.', ',');
const int = (x: number) => String(Math.round(x));

export const METRICS: Metric[] = [
  { key: 'heltid-a', label: 'Heltidsandel, avtalt', get: (r) => r.heltidsandel.contracted, fmt: pct, better: 'up', note: 'Andel ansatte med avtalt stilling ≥ heltidsgrensen' },
  { key: 'heltid-r', label: 'Heltidsandel, det planen gir', get: (r) => r.heltidsandel.resulting, fmt: pct, better: 'up', note: 'Regnet på planlagte timer' },
  { key: 'snitt-a', label: 'Gjennomsnittlig stilling, avtalt', get: (r) => r.averagePosition.contracted, fmt: pct, better: 'up', note: '' },
  { key: 'snitt-r', label: 'Gjennomsnittlig stilling, det planen gir', get: (r) => r.averagePosition.resulting, fmt: pct, better: 'up', note: '' },
  { key: 'ufrivillig', label: 'Ufrivillig deltid (personer)', get: (r) => r.involuntaryPartTime.count, fmt: int, better: 'down', note: 'Ønsker større stilling enn planen gir' },
  { key: 'hoder', label: 'Personer på jobb per helg', get: (r) => r.weekendHeads, fmt: n1, better: null, note: 'Snitt over helgene' },
  { key: 'helgetimer', label: 'Helgetimer per person', get: (r) => r.weekendHoursPerPerson, fmt: hrs, better: null, note: 'Snitt for ansatte med vakter' },
  { key: 'helger', label: 'Helger jobbet per person', get: (r) => r.weekendsWorkedPerPerson, fmt: n1, better: null, note: '' },
  { key: 'udekket', label: 'Udekkede timer', get: (r) => r.uncoveredHours, fmt: hrs, better: 'down', note: 'Planlagt vikarbehov' },
  { key: 'vikartimer', label: 'Vikartimer', get: (r) => r.vikarHours, fmt: hrs, better: 'down', note: 'Udekket + forventet sykefravær' },
  { key: 'vikarkr', label: 'Vikarkroner', get: (r) => r.vikarKroner, fmt: kr, better: 'down', note: 'Timer × timepris per kanal' },
  { key: 'fastkr', label: 'Faste lønnskostnader', get: (r) => r.fixedSalaryKroner, fmt: kr, better: 'down', note: 'Betalte stillinger × årsverkskostnad × periodens andel av året' },
  { key: 'netto', label: 'Netto besparelse mot første (minus = merkostnad)', get: (r) => r.netSaving, fmt: kr, better: 'up', note: '(fast + vikar) i første − (fast + vikar) her' },
  { key: 'feil', label: 'Regelbrudd (feil)', get: (r) => r.ruleHits.error, fmt: int, better: 'down', note: 'Arbeidsmiljøloven og avtaler' },
  { key: 'advarsler', label: 'Regelbrudd (advarsler)', get: (r) => r.ruleHits.warning, fmt: int, better: 'down', note: '' },
];

function deltaClass(m: Metric, d: number): string {
  if (Math.abs(d) < 1e-9 || m.better === null) return 'delta';
  return ((d > 0) === (m.better === 'up') ? 'pos' : 'neg') + ' delta';
}

export function CompareTable({ cmp, compact = false }: { cmp: ScenarioComparison; compact?: boolean }) {
  const first = cmp.rows[0];
  return (
    <table className={'table cmp' + (compact ? ' compact' : '')} aria-label="Sammenligning">
      <thead>
        <tr><th>Nøkkeltall</th>{cmp.rows.map((r, i) => <th key={r.id} className="num sc">{r.name}{i === 0 && <div className="muted">referanse</div>}</th>)}{!compact && <th>Forklaring</th>}</tr>
      </thead>
      <tbody>
        {METRICS.map((m) => (
          <tr key={m.key} data-metric={m.key}>
            <td>{m.label}</td>
            {cmp.rows.map((r, i) => {
              const v = m.get(r);
              const d = v - m.get(first);
              return (
                <td key={r.id} className="num" data-scenario={r.name}>
                  <span className="v">{m.key === 'netto' && i === 0 ? '–' : m.fmt(v)}</span>
                  {i > 0 && m.key !== 'netto' && Math.abs(d) > 1e-9 && <div className={deltaClass(m, d)}>{signed(d, m.fmt === pct ? pp : m.fmt)}</div>}
                </td>
              );
            })}
            {!compact && <td className="assume">{m.note}</td>}
          </tr>
        ))}
        {cmp.rows[0].target.metrics.map((tm, j) => (
          <tr key={'mal-' + tm.metric} data-metric={'mal-' + tm.metric}>
            <td>Mål: {tm.label} ({cmp.profile.name}{tm.target !== null ? `, mål ${pct(tm.target)}` : ''})</td>
            {cmp.rows.map((r) => {
              const x = r.target.metrics[j];
              return <td key={r.id} className="num">{pct(x.value)}{x.progress !== null && <div className="delta">{pct(x.progress)} av veien</div>}</td>;
            })}
            {!compact && <td className="assume">Betalt stilling (den største av avtalt og det planen gir); fremdrift fra utgangspunkt til mål</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CHARTS: { key: string; title: string }[] = [
  { key: 'heltid-r', title: 'Heltidsandel (det planen gir)' },
  { key: 'snitt-r', title: 'Gjennomsnittlig stilling (det planen gir)' },
  { key: 'vikarkr', title: 'Vikarkroner i perioden' },
  { key: 'helgetimer', title: 'Helgetimer per person' },
];

export function CompareCharts({ cmp }: { cmp: ScenarioComparison }) {
  return (
    <div className="charts">
      {CHARTS.map((c) => {
        const m = METRICS.find((x) => x.key === c.key)!;
        const vals = cmp.rows.map((r) => m.get(r));
        const max = Math.max(...vals, m.fmt === pct ? 1 : 0) || 1;
        return (
          <figure key={c.key} className="panel" style={{ margin: 0 }} aria-label={c.title}>
            <figcaption><b>{c.title}</b></figcaption>
            <div className="hbar-chart">
              {cmp.rows.map((r, i) => (
                <div key={r.id} style={{ display: 'contents' }}>
                  <span>{r.name}</span>
                  <Bar value={vals[i]} max={max} className={i === 0 ? 'b-before' : 'b-after'} />
                  <span className="num">{m.fmt(vals[i])}</span>
                </div>
              ))}
            </div>
          </figure>
        );
      })}
    </div>
  );
}
