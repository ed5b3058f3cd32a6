/** Endringslogg: who changed what and when, newest first. */
import { useState } from 'react';
import type { ChangeLogEntry } from '../../../../shared/api/review';
import { CHANGE_LOG_LIMIT, useReview } from '../../stores/review';
import { fmtDate, fmtTimestamp } from './common';
import { code } from './VersionDiff';

/** Change log rows shown at first and per «Vis flere». */
const LOG_PAGE = 50;

const KIND_LABEL: Record<string, string> = {
  cell: 'Vakt',
  status: 'Status',
  version: 'Versjon',
  comment: 'Kommentar',
  import: 'Import',
  plan: 'Plan',
};

function describe(e: ChangeLogEntry): string {
  if (e.kind === 'cell') {
    const cell = `${e.employeeName ?? 'Ansatt'} · ${fmtDate(e.date, true)}: ${code(e.before)} → ${code(e.after)}`;
    return e.detail ? `${cell} (${e.detail})` : cell;
  }
  const d = e.detail ?? '';
  // The backend's detail may start with the same word as the «Hva» column («Kommentar: …»).
  const label = KIND_LABEL[e.kind];
  return label && d.startsWith(label + ': ') ? d.slice(label.length + 2) : d;
}

/** `scenarioName`: the plan is a scenario's own plan, so this is the scenario's log, never the real plan's. */
export function ChangeLog({ scenarioName }: { scenarioName?: string }) {
  const log = useReview((s) => s.changeLog);
  const [hideCells, setHideCells] = useState(false);
  const [shown, setShown] = useState(LOG_PAGE);
  if (!log) return null;
  const all = hideCells ? log.filter((e) => e.kind !== 'cell') : log;
  const rows = all.slice(0, shown);
  return (
    <section aria-label="Endringslogg">
      <h2>{scenarioName ? `Endringslogg for scenarioet «${scenarioName}»` : 'Endringslogg'}</h2>
      {scenarioName && (
        <p className="muted" data-scenario-log>
          Dette er scenarioets egen logg. Endringer i et scenario kommer ikke i den virkelige planens endringslogg; når scenarioet gjøres
          til gjeldende plan, merkes vaktene det skriver der med «Fra scenarioet «{scenarioName}»».
        </p>
      )}
      <p className="muted">
        Hvem som endret hva, og når. Nyeste først{log.length >= CHANGE_LOG_LIMIT ? `; viser de siste ${CHANGE_LOG_LIMIT}` : ''}.
      </p>
      <label className="check">
        <input type="checkbox" checked={hideCells} onChange={(e) => setHideCells(e.target.checked)} /> Skjul enkeltvakter (vis bare status,
        versjoner og kommentarer)
      </label>
      {rows.length === 0 ? (
        <p className="muted">Ingen endringer er registrert ennå.</p>
      ) : (
        <table className="table rv-log" aria-label="Endringslogg">
          <thead>
            <tr>
              <th>Når</th>
              <th>Hvem</th>
              <th>Hva</th>
              <th>Endring</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="rv-nowrap">{fmtTimestamp(e.at)}</td>
                <td>{e.userName}</td>
                <td>{KIND_LABEL[e.kind] ?? e.kind}</td>
                <td>{describe(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {all.length > shown && (
        <button type="button" className="link" onClick={() => setShown((n) => n + LOG_PAGE)}>
          Vis {Math.min(LOG_PAGE, all.length - shown)} til (viser {shown} av {all.length})
        </button>
      )}
    </section>
  );
}
