/**
 * What the net consists of (shared/metrics ledgerSplit): the raise, the re-plan of the others and
 * staff who joined or left, each with its change in paid and planned hours, fixed salary and
 * vikar, and its net; the parts add up to the net. The scenario page and the Økonomi tab (against
 * a baseline plan) show the same table.
 */
import { savingWords, type LedgerSplit } from '../../../../shared/metrics';
import { hrs, kr, signed } from '../../components/figures';

export function LedgerSplitTable({ split }: { split: LedgerSplit }) {
  const net = (x: number) => <b className={Math.round(x) >= 0 ? 'ok' : 'bad'}>{savingWords(x)}</b>;
  const total = (of: (p: LedgerSplit['parts'][number]) => number) => split.parts.reduce((s, p) => s + of(p), 0);
  return (
    <>
      {split.warning && (
        <p className="warn" data-ledger-replan-warning>
          {split.warning}
        </p>
      )}
      <table className="table" aria-label="Hva nettoen består av">
        <thead>
          <tr>
            <th>Del</th>
            <th className="num">Betalte timer</th>
            <th className="num">Planlagte timer</th>
            <th className="num">Fast lønn</th>
            <th className="num">Vikar</th>
            <th className="num">Netto i perioden</th>
            <th>Forutsetning</th>
          </tr>
        </thead>
        <tbody>
          {split.parts.map((p) => (
            <tr key={p.key} data-ledger-part={p.key}>
              <td>{p.label}</td>
              <td className="num">{signed(p.paidHours, hrs)}</td>
              <td className="num">{signed(p.plannedHours, hrs)}</td>
              <td className="num">{signed(p.fixedKroner, kr)}</td>
              <td className="num">
                {signed(-p.vikarHoursRemoved, hrs)} · {signed(-p.vikarKronerRemoved, kr)}
              </td>
              <td className="num">{net(p.net.period)}</td>
              <td className="assume">{p.assumption}.</td>
            </tr>
          ))}
          <tr data-ledger-part="sum">
            <td>
              <b>Sum = netto for hele scenarioet</b>
            </td>
            <td className="num">
              {signed(
                total((p) => p.paidHours),
                hrs,
              )}
            </td>
            <td className="num">
              {signed(
                total((p) => p.plannedHours),
                hrs,
              )}
            </td>
            <td className="num">
              {signed(
                total((p) => p.fixedKroner),
                kr,
              )}
            </td>
            <td className="num">
              {signed(-total((p) => p.vikarHoursRemoved), hrs)} · {signed(-total((p) => p.vikarKronerRemoved), kr)}
            </td>
            <td className="num">{net(split.net.period)}</td>
            <td className="assume">Endring etter − før; vikar med minus = færre vikartimer og -kroner.</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
