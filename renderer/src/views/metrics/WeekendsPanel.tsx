import type { PlanDetail } from '../../../../shared/api';
import type { Spread } from '../../../../shared/metrics';
import { fmtHours } from '../../lib/format';
import type { PlanMetrics } from './MetricsView';
import { Bar, Kpi, Tag, hrs, pct } from './ui';

const dec = (x: number, d = 1) => x.toFixed(d).replace('.', ',');

function SpreadText({ s, f }: { s: Spread; f: (x: number) => string }) {
  return <>fra {f(s.min)} til {f(s.max)}, snitt {f(s.mean)} (standardavvik {f(s.std)})</>;
}

export function WeekendsPanel({ plan, m }: { plan: PlanDetail; m: PlanMetrics }) {
  const w = m.wk;
  const k = plan.file.unit.weekendFrequency;
  const active = w.employees.filter((e) => e.weekendsWorked > 0 || e.weekendHours > 0);
  const maxShare = Math.max(0.5, ...w.employees.map((e) => e.weekendShare), k ? 1 / k : 0);
  return (
    <section aria-label="Helg">
      <div className="kpis">
        <Kpi label="Helger i perioden" testId="helger" value={w.weekends.length}
          assume={<>Helg = lørdag 00:00 til mandag 00:00; en helg er jobbet når en vakt ligger mer enn 1 time inne i den <Tag tag="KONFIG" /></>} />
        <Kpi label="Helger jobbet per person" testId="helger-jobbet" value={<SpreadText s={w.fairness.weekendsWorked} f={(x) => dec(x)} />}
          assume="Blant ansatte som har vakter i perioden. Jo mindre spenn, jo jevnere fordeling." />
        <Kpi label="Helgetimer per person" testId="helgetimer" value={<SpreadText s={w.fairness.weekendHours} f={(x) => fmtHours(x)} />}
          assume="Betalte timer som ligger i helgene." />
        <Kpi label="Helgebelastning" testId="helgebelastning" value={<SpreadText s={w.fairness.weekendLoad} f={pct} />}
          assume={<>Helgetimer ÷ alle timer personen jobber <Tag tag="INFERENS" /> (ingen offisiell definisjon finnes)</>} />
      </div>

      <h2>Hvor ofte jobber hver enkelt helg?</h2>
      <div className="legend">
        <span><i className="sw after" />Andel av helgene personen jobber (1 ÷ k)</span>
        {k && <span><i className="sw" style={{ borderLeft: '2px dashed #1e7a3a', width: 2 }} />Avdelingens helgerytme: hver {k}. helg</span>}
      </div>
      <table className="table bars" aria-label="Helg per ansatt">
        <thead><tr><th>Ansatt</th><th className="num">Helger jobbet</th><th className="num">Helgetimer</th><th className="num">Helgebelastning</th><th className="num">Jobber hver … helg</th><th className="num">Langvakter</th><th>Andel helger</th></tr></thead>
        <tbody>
          {w.employees.map((e) => (
            <tr key={e.id} data-employee={e.name}>
              <td>{e.name}</td>
              <td className="num">{e.weekendsWorked} av {e.weekendsInPeriod - e.vacationWeekends}</td>
              <td className="num">{hrs(e.weekendHours)}</td>
              <td className="num">{pct(e.weekendLoad)}</td>
              <td className="num">{e.kEff === null ? 'ingen' : `${dec(e.kEff)}.`}</td>
              <td className="num">{e.longShifts}</td>
              <td className="barcell"><Bar value={e.weekendShare} max={maxShare} marks={k ? [{ at: 1 / k, className: 'b-line', title: `Hver ${k}. helg` }] : []} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="assume">
        «Jobber hver … helg» = effektiv helgefrekvens k = helger i perioden (uten helger i egen ferie) ÷ helger jobbet <Tag tag="INFERENS" />.
        «12 av 13» betyr 12 jobbede helger av 13 mulige. {active.length} av {w.employees.length} ansatte jobber minst én helg.
      </p>
    </section>
  );
}
