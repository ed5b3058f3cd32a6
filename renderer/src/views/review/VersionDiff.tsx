/** A readable diff between two versions of a plan: summary, per employee, rule hits and changed cells. */
import type { PlanDiff } from '../../../../shared/api/review';
import { fmtHours, fmtPct } from '../../lib/format';
import { fmtDate, goToCell } from './common';

const MAX_CELL_ROWS = 500;

/** A cell's shift code as shown to the user; an empty cell is «fri». */
export const code = (c: string | null) => c ?? 'fri';
const hours = (h: number | null) => (h == null ? '–' : fmtHours(h));
const pct = (p: number | null) => (p == null ? '–' : fmtPct(p));

/** Rule hits as a list: the message and its paragraph. */
function HitList({ hits, className }: { hits: PlanDiff['rulesAdded']; className: string }) {
  return (
    <ul className={className}>
      {hits.map((h, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
        <li key={i}>
          {h.message}
          {h.source && <small className="muted"> ({h.source})</small>}
        </li>
      ))}
    </ul>
  );
}

function Arrow({ before, after }: { before: string; after: string }) {
  if (before === after) return <span>{after}</span>;
  return (
    <span className="rv-change">
      {before} → <strong>{after}</strong>
    </span>
  );
}
export function DiffView({ diff, planId }: { diff: PlanDiff; planId: number }) {
  if (diff.identical)
    return (
      <p className="lead" role="status">
        Ingen forskjeller: planene er like.
      </p>
    );
  const s = diff.summary;
  const changedEmployees = diff.employees.filter(
    (e) =>
      e.change !== 'changed' || e.cellsChanged > 0 || e.plannedHoursBefore !== e.plannedHoursAfter || e.positionBefore !== e.positionAfter,
  );
  return (
    <div className="rv-diff" data-testid="diff">
      <p className="lead" role="status">
        <strong>{s.cellsChanged}</strong> {s.cellsChanged === 1 ? 'vakt er endret' : 'vakter er endret'} for {s.employeesChanged}{' '}
        {s.employeesChanged === 1 ? 'ansatt' : 'ansatte'}. Planlagte timer i alt: {fmtHours(s.plannedHoursBefore)} →{' '}
        {fmtHours(s.plannedHoursAfter)}. Regelbrudd: {s.rulesAdded} nye, {s.rulesRemoved} borte.
      </p>
      {(diff.periodBefore.start !== diff.periodAfter.start || diff.periodBefore.end !== diff.periodAfter.end) && (
        <p>
          Perioden er endret: {fmtDate(diff.periodBefore.start)}–{fmtDate(diff.periodBefore.end)} → {fmtDate(diff.periodAfter.start)}–
          {fmtDate(diff.periodAfter.end)}.
        </p>
      )}
      {changedEmployees.length > 0 && (
        <>
          <h3>Per ansatt</h3>
          <table className="table" aria-label="Endringer per ansatt">
            <thead>
              <tr>
                <th>Ansatt</th>
                <th className="num">Endrede vakter</th>
                <th>Planlagte timer</th>
                <th>Stilling etter planen</th>
                <th>Avtalt stilling</th>
              </tr>
            </thead>
            <tbody>
              {changedEmployees.map((e) => (
                <tr key={e.employeeId}>
                  <td>
                    {e.name}
                    {e.change === 'added' && <em className="muted"> (ny)</em>}
                    {e.change === 'removed' && <em className="muted"> (fjernet)</em>}
                  </td>
                  <td className="num">{e.cellsChanged}</td>
                  <td>
                    <Arrow before={hours(e.plannedHoursBefore)} after={hours(e.plannedHoursAfter)} />
                  </td>
                  <td>
                    <Arrow before={pct(e.resultingPositionBefore)} after={pct(e.resultingPositionAfter)} />
                  </td>
                  <td>
                    <Arrow before={pct(e.positionBefore)} after={pct(e.positionAfter)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {(diff.rulesAdded.length > 0 || diff.rulesRemoved.length > 0) && (
        <div className="rv-rules">
          <div>
            <h3>Nye regelbrudd ({diff.rulesAdded.length})</h3>
            {diff.rulesAdded.length === 0 ? (
              <p className="muted">Ingen.</p>
            ) : (
              <HitList hits={diff.rulesAdded} className="rv-hits bad-list" />
            )}
          </div>
          <div>
            <h3>Regelbrudd som er borte ({diff.rulesRemoved.length})</h3>
            {diff.rulesRemoved.length === 0 ? (
              <p className="muted">Ingen.</p>
            ) : (
              <HitList hits={diff.rulesRemoved} className="rv-hits good-list" />
            )}
          </div>
        </div>
      )}
      {diff.cells.length > 0 && (
        <>
          <h3>Endrede vakter</h3>
          <table className="table rv-cells" aria-label="Endrede vakter">
            <thead>
              <tr>
                <th>Ansatt</th>
                <th>Dato</th>
                <th>Før</th>
                <th>Etter</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {diff.cells.slice(0, MAX_CELL_ROWS).map((c) => (
                <tr key={c.employeeId + c.date}>
                  <td>{c.employeeName}</td>
                  <td>{fmtDate(c.date, true)}</td>
                  <td>
                    <span className="rv-code">{code(c.before)}</span>
                  </td>
                  <td>
                    <span className="rv-code rv-code-new">{code(c.after)}</span>
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => goToCell(planId, c.employeeId, c.date)}>
                      Gå til cellen
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {diff.cells.length > MAX_CELL_ROWS && (
            <p className="muted">
              Viser de første {MAX_CELL_ROWS} av {diff.cells.length} endrede vakter. Hele listen står i Excel-eksporten og drøftingspakken.
            </p>
          )}
        </>
      )}
    </div>
  );
}
