/**
 * The scenario's ledger against its starting point (shared/scenario scenarioLedger): paid,
 * planned and paid-not-planned hours, vikar hours and kroner, overtime and extra shifts, the
 * tillegg line, and the net effect per period, half year and year, each with its assumption.
 */
import { formatMetric, savingWords, type ScenarioLedger } from '../../../../shared/scenario';

const h = (x: number) => formatMetric('hours', x);
const k = (x: number) => formatMetric('kr', x);

export function LedgerPanel({ ledger }: { ledger: ScenarioLedger }) {
  const net = (x: number) => <b className={Math.round(x) >= 0 ? 'ok' : 'bad'}>{savingWords(x)}</b>;
  return (
    <section className="panel" aria-label="Regnskap for scenarioet">
      <h2>Regnskap: lønner det seg?</h2>
      <p data-ledger-net>
        I perioden ({ledger.periodDays} dager): {net(ledger.net.period)}. Per halvår: {net(ledger.net.halfYear)}. Per år:{' '}
        {net(ledger.net.year)}.
      </p>
      <table className="table" aria-label="Regnskapslinjer">
        <thead>
          <tr>
            <th>Linje</th>
            <th className="num">Timer før → etter</th>
            <th className="num">Kroner før → etter</th>
            <th>Forutsetning og kilde</th>
          </tr>
        </thead>
        <tbody>
          {ledger.lines.map((l) => (
            <tr key={l.key} data-ledger={l.key}>
              <td>{l.label}</td>
              <td className="num">{l.hours ? `${h(l.hours.before)} → ${h(l.hours.after)}` : '–'}</td>
              <td className="num">{l.kroner ? `${k(l.kroner.before)} → ${k(l.kroner.after)}` : '–'}</td>
              <td className="assume">
                {l.assumption}. Kilde: {l.source}
              </td>
            </tr>
          ))}
          <tr data-ledger="sum">
            <td>Sum: vikar og fast lønn</td>
            <td className="num">
              {ledger.vikarHoursRemoved >= 0
                ? `${h(ledger.vikarHoursRemoved)} færre vikartimer`
                : `${h(-ledger.vikarHoursRemoved)} flere vikartimer`}
            </td>
            <td className="num">
              {ledger.vikarKronerRemoved >= 0
                ? `${k(ledger.vikarKronerRemoved)} mindre til vikar`
                : `${k(-ledger.vikarKronerRemoved)} mer til vikar`}
              ,{' '}
              {ledger.addedFixedKroner >= 0
                ? `${k(ledger.addedFixedKroner)} mer i fast lønn`
                : `${k(-ledger.addedFixedKroner)} mindre i fast lønn`}
            </td>
            <td className="assume">= netto i perioden: {savingWords(ledger.net.period)}</td>
          </tr>
        </tbody>
      </table>
      {ledger.paidNotPlannedHours.after > ledger.paidNotPlannedHours.before + 0.5 && (
        <p className="bad" data-ledger-warning>
          Betalt, ikke planlagt: {h(ledger.paidNotPlannedHours.after - ledger.paidNotPlannedHours.before)} mer enn i utgangspunktet. Økte
          stillinger koster full lønn også for timer planen ikke gir vakter; planlegg økningene for å få dem brukt.
        </p>
      )}
    </section>
  );
}
