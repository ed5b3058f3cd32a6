/** Vikarregnskapet: the ledger figures, before/after table and the raise per employee. */
import {
  VIKAR_CHANNELS,
  VIKAR_CHANNEL_LABEL,
  ledgerFigures,
  savingWords,
  type LedgerSplit,
  type VikarLedger,
} from '../../../../shared/metrics';
import { LedgerSplitTable } from '../scenarios/LedgerSplit';
import { fmtInt } from '../../lib/format';
import { AssumptionTable, Kpi, Tag, hrs, kr, pct, signed } from '../../components/figures';

export function Ledger({ ledger: l, split }: { ledger: VikarLedger; split?: LedgerSplit | null }) {
  const figs = ledgerFigures(l);
  const raised = l.employees;
  const total = (f: (e: (typeof raised)[number]) => number) => raised.reduce((s, e) => s + f(e), 0);
  return (
    <>
      <div className="kpis">
        {figs.map((f, i) => {
          // The net effect in words («Sparer X kr» / «Koster X kr mer»); «Sparte …» reads wrongly when negative.
          const net = f.label === 'Netto i perioden';
          const neg = !net && f.value < 0 && /^Sparte /.test(f.label);
          const label = neg ? f.label.replace(/^Sparte (.*)$/, 'Flere $1 (ikke spart)') : f.label;
          const v = neg ? -f.value : f.value;
          return (
            <Kpi
              key={f.label}
              label={label}
              testId={'ledger-' + i}
              value={net ? savingWords(v, fmtInt) : f.unit === 'kr' ? kr(v) : hrs(v)}
              assume={
                <>
                  {f.formula} <Tag tag={f.tag} />
                </>
              }
            />
          );
        })}
      </div>
      <table className="table" aria-label="Vikarregnskap">
        <thead>
          <tr>
            <th />
            <th className="num">{l.before.label}</th>
            <th className="num">{l.after.label}</th>
            <th className="num">Endring</th>
          </tr>
        </thead>
        <tbody>
          {l.after.uncoveredHours !== null && (
            <tr>
              <td>Udekkede timer (planlagt vikarbehov)</td>
              <td className="num">{l.before.uncoveredHours === null ? '–' : hrs(l.before.uncoveredHours)}</td>
              <td className="num">{hrs(l.after.uncoveredHours)}</td>
              <td />
            </tr>
          )}
          <tr>
            <td>Forventet sykefravær (vikartimer)</td>
            <td className="num">{l.before.sickLeaveHours === null ? '–' : hrs(l.before.sickLeaveHours)}</td>
            <td className="num">{hrs(l.after.sickLeaveHours ?? 0)}</td>
            <td />
          </tr>
          {VIKAR_CHANNELS.map((c) => (
            <tr key={c}>
              <td>
                {VIKAR_CHANNEL_LABEL[c]} <span className="muted">({kr(l.vikarHourCost[c])}/t)</span>
              </td>
              <td className="num">
                {hrs(l.before.vikarHours[c])} · {kr(l.before.vikarKroner[c])}
              </td>
              <td className="num">
                {hrs(l.after.vikarHours[c])} · {kr(l.after.vikarKroner[c])}
              </td>
              <td className="num">{signed(l.after.vikarKroner[c] - l.before.vikarKroner[c], kr)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <b>Vikar i alt</b>
            </td>
            <td className="num">
              {hrs(l.before.vikarHoursTotal)} · {kr(l.before.vikarKronerTotal)}
            </td>
            <td className="num">
              {hrs(l.after.vikarHoursTotal)} · {kr(l.after.vikarKronerTotal)}
            </td>
            <td className="num">{signed(l.after.vikarKronerTotal - l.before.vikarKronerTotal, kr)}</td>
          </tr>
          <tr>
            <td>
              <b>Faste lønnskostnader</b> (periodens andel {pct(l.yearShare)} av året)
            </td>
            <td className="num">{kr(l.before.fixedSalaryKroner)}</td>
            <td className="num">{kr(l.after.fixedSalaryKroner)}</td>
            <td className="num">{signed(l.addedFixedSalaryKroner, kr)}</td>
          </tr>
          <tr>
            <td>
              <b>Sum</b>
            </td>
            <td className="num">{kr(l.before.totalKroner)}</td>
            <td className="num">{kr(l.after.totalKroner)}</td>
            <td className={'num ' + (l.netSaving >= 0 ? 'pos' : 'neg')}>{savingWords(l.netSaving, fmtInt)}</td>
          </tr>
        </tbody>
      </table>

      {split && (
        <>
          <h3>Hva nettoen består av</h3>
          <p data-ledger-split-headline>{split.headline}</p>
          <LedgerSplitTable split={split} />
        </>
      )}

      <h3>Per ansatt: økning finansiert av vikarbudsjettet</h3>
      <p className="assume" data-raise-rule>
        {split ? 'De som fikk endret avtalt stilling' : 'De som får større betalt stilling enn i grunnlaget'} godskrives vikartimene deres
        flere planlagte timer kan erstatte (minus sykefravær), høyst de vikartimene som faktisk forsvinner, fordelt på hver etter flere
        planlagte timer{split ? '; summen er linjen «Stillingsøkning» i tabellen over' : ''}.
      </p>
      {raised.length === 0 ? (
        <p className="muted">
          {split
            ? 'Ingen ansatte har fått endret avtalt stilling i denne planen.'
            : 'Ingen ansatte får større betalt stilling i denne planen enn i grunnlaget.'}
        </p>
      ) : (
        <table className="table compact" aria-label="Økning per ansatt">
          <thead>
            <tr>
              <th>Ansatt</th>
              <th className="num">Stilling før → etter</th>
              <th className="num">Flere timer</th>
              <th className="num">Økt fast lønn</th>
              <th className="num">Erstatter vikartimer</th>
              <th className="num">Sparte vikarkroner</th>
              <th className="num">Netto</th>
              <th>Finansiert av vikarbudsjettet?</th>
            </tr>
          </thead>
          <tbody>
            {raised.map((e) => (
              <tr key={e.id} data-raise-person={e.name}>
                <td>{e.name}</td>
                <td className="num">
                  {pct(e.positionBefore)} → {pct(e.positionAfter)}
                </td>
                <td className="num">{hrs(e.addedHours)}</td>
                <td className="num">{kr(e.addedFixedKroner)}</td>
                <td className="num">{hrs(e.replacedVikarHours)}</td>
                <td className="num">{kr(e.replacedVikarKroner)}</td>
                <td className={'num ' + (e.net >= 0 ? 'pos' : 'neg')}>{savingWords(e.net, fmtInt)}</td>
                <td>
                  {e.addedFixedKroner <= 0
                    ? '–'
                    : e.net >= 0
                      ? 'Ja, helt'
                      : e.replacedVikarKroner > 0
                        ? `Delvis (${pct(e.replacedVikarKroner / e.addedFixedKroner)})`
                        : 'Nei'}
                </td>
              </tr>
            ))}
            <tr data-raise-sum>
              <td>
                <b>Sum</b>
              </td>
              <td />
              <td className="num">{hrs(total((e) => e.addedHours))}</td>
              <td className="num">{kr(total((e) => e.addedFixedKroner))}</td>
              <td className="num">{hrs(l.raiseVikarHours)}</td>
              <td className="num">{kr(l.raiseVikarKroner)}</td>
              <td className={'num ' + (total((e) => e.net) >= 0 ? 'pos' : 'neg')}>
                {savingWords(
                  total((e) => e.net),
                  fmtInt,
                )}
              </td>
              <td />
            </tr>
          </tbody>
        </table>
      )}
      <ul className="assume">
        {l.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <p className="assume">Disponible timer: {hrs(l.disponibleHours)} betalte timer som ikke er lagt på behov i bemanningsplanen.</p>
      <AssumptionTable items={l.assumptions} caption="Forutsetninger i vikarregnskapet" />
    </>
  );
}
