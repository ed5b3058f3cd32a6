/**
 * The scenario's ledger against its starting point (shared/scenario scenarioLedger): first what
 * the raise alone does and what the whole scenario (raise + re-plan of the others) does, split by
 * cause (LedgerSplitTable); then paid, planned and paid-not-planned hours, vikar hours and kroner,
 * overtime and extra shifts, the tillegg line, each with its assumption.
 */
import { formatMetric, savingWords, type ScenarioLedger } from '../../../../shared/scenario';
import { LedgerSplitTable } from './LedgerSplit';

const h = (x: number) => formatMetric('hours', x);
const k = (x: number) => formatMetric('kr', x);

const WHAT = { raise: 'stillingsøkning', others: 'omplanlegging av de andre', staff: 'endret bemanning' } as const;

export function LedgerPanel({ ledger }: { ledger: ScenarioLedger }) {
  const net = (x: number) => <b className={Math.round(x) >= 0 ? 'ok' : 'bad'}>{savingWords(x)}</b>;
  const split = ledger.split;
  const raise = split.parts[0];
  return (
    <section className="panel" aria-label="Regnskap for scenarioet">
      <h2>Regnskap: lønner det seg?</h2>
      <p data-ledger-raise>
        Stillingsøkningen alene ({raise.people} {raise.people === 1 ? 'person' : 'personer'}): {net(raise.net.period)} i perioden (
        {ledger.periodDays} dager). Per halvår: {net(raise.net.halfYear)}. Per år: {net(raise.net.year)}.
      </p>
      <p data-ledger-net>
        Hele scenarioet ({split.parts.map((p) => WHAT[p.key]).join(', ')}): {net(ledger.net.period)} i perioden. Per halvår:{' '}
        {net(ledger.net.halfYear)}. Per år: {net(ledger.net.year)}.
      </p>
      <LedgerSplitTable split={split} />
      <h3>Timer og kroner før → etter</h3>
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
