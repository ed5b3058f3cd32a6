import type { PlanDetail } from '../../../../shared/api';
import type { Spread } from '../../../../shared/metrics';
import type { PlanMetrics } from './compute';
import { Bar, Kpi, Tag, hrs, pct } from '../../components/figures';
import { count } from '../../../../shared/text';

const dec = (x: number, d = 1) => x.toFixed(d).replace('.', ',');

function spreadSub(s: Spread, f: (x: number) => string) {
  return `Fra ${f(s.min)} til ${f(s.max)} (standardavvik ${f(s.std)})`;
}

export function WeekendsPanel({ plan, m }: { plan: PlanDetail; m: PlanMetrics }) {
  const w = m.wk;
  const k = plan.file.unit.weekendFrequency;
  const active = w.employees.filter((e) => e.weekendsWorked > 0 || e.weekendHours > 0);
  const maxShare = Math.max(0.5, ...w.employees.map((e) => e.weekendShare), k ? 1 / k : 0);
  return (
    <section aria-label="Helg">
      <div className="kpis">
        <Kpi
          label="Helger i perioden"
          testId="helger"
          value={w.weekends.length}
          assume={
            <>
              Helg = lørdag 00:00 til mandag 00:00; en helg er jobbet når en vakt ligger mer enn 1 time inne i den <Tag tag="KONFIG" />
            </>
          }
        />
        <Kpi
          label="Helger jobbet per person (snitt)"
          testId="helger-jobbet"
          value={dec(w.fairness.weekendsWorked.mean)}
          sub={spreadSub(w.fairness.weekendsWorked, (x) => dec(x))}
          assume="Blant ansatte som har vakter i perioden. Jo mindre spenn, jo jevnere fordeling."
        />
        <Kpi
          label="Helgetimer per person (snitt)"
          testId="helgetimer"
          value={hrs(w.fairness.weekendHours.mean)}
          sub={spreadSub(w.fairness.weekendHours, hrs)}
          assume="Betalte timer som ligger i helgene."
        />
        <Kpi
          label="Helgebelastning (snitt)"
          testId="helgebelastning"
          value={pct(w.fairness.weekendLoad.mean)}
          sub={spreadSub(w.fairness.weekendLoad, pct)}
          assume={
            <>
              Helgetimer ÷ alle timer personen jobber <Tag tag="INFERENS" /> (ingen offisiell definisjon finnes)
            </>
          }
        />
      </div>

      <h2>Hvor ofte jobber hver enkelt helg?</h2>
      <div className="legend">
        <span>
          <i className="sw after" />
          Andel av helgene personen jobber (1 ÷ k)
        </span>
        {k && (
          <span>
            <i className="sw" style={{ borderLeft: '2px dashed #1e7a3a', width: 2 }} />
            Avdelingens helgerytme: hver {k}. helg
          </span>
        )}
      </div>
      <table className="table bars" aria-label="Helg per ansatt">
        <thead>
          <tr>
            <th>Ansatt</th>
            <th className="num">Helger jobbet</th>
            <th className="num">Helgetimer</th>
            <th className="num">Helgebelastning</th>
            <th className="num">Jobber hver k-te helg (k)</th>
            <th className="num">Langvakter</th>
            <th>Andel helger</th>
          </tr>
        </thead>
        <tbody>
          {w.employees.map((e) => (
            <tr key={e.id} data-employee={e.name}>
              <td>{e.name}</td>
              <td className="num">
                {e.weekendsWorked} av {e.weekendsInPeriod - e.vacationWeekends}
              </td>
              <td className="num">{hrs(e.weekendHours)}</td>
              <td className="num">{pct(e.weekendLoad)}</td>
              <td className="num">{e.kEff === null ? 'ingen' : dec(e.kEff)}</td>
              <td className="num">{e.longShifts}</td>
              <td className="barcell">
                <Bar
                  value={e.weekendShare}
                  max={maxShare}
                  marks={k ? [{ at: 1 / k, className: 'b-line', title: `Hver ${k}. helg` }] : []}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="assume">
        k = helger i perioden (uten helger i egen ferie) ÷ helger jobbet <Tag tag="INFERENS" />; k = 4 betyr hver 4. helg. «Helger jobbet»
        viser jobbede helger av mulige helger. {active.length} av {count(w.employees.length, 'ansatt', 'ansatte')} jobber minst én helg.
      </p>
    </section>
  );
}
