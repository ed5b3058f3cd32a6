/** «Fyll ut», the preview: what would change and why, before «Bruk endringene» or «Forkast». */
import { useMemo, useState } from 'react';
import { usePlan } from '../../../stores/plan';
import { useGenerate } from '../../../stores/generate';
import { fmtHours, fmtInt } from '../../../lib/format';
import { formatDateNo } from '../../../../../shared/calendar';
import { currentPlanFile, describeOverTolerance, summarizePreview } from './summary';
import { MODES, plural } from './options';
import { ModelKept } from './ModelKept';

const codeText = (c: string | null) => c ?? 'fri';
const competenceText = (c: string) => (c === 'any' ? 'uansett kompetanse' : c);
/** «+1,5» / «−0,3»: the sign of the figure as shown, so a tiny shortfall never reads «−0,0». */
const signedHours = (h: number) => {
  const shown = Math.round(h * 10) / 10;
  return (shown >= 0 ? '+' : '−') + fmtHours(Math.abs(shown));
};
/** More than about one shift away from the target is marked in the preview. */
const OFF_TARGET_HOURS = 8;

export function PreviewStep() {
  const status = useGenerate((s) => s.status)!;
  const options = useGenerate((s) => s.options);
  const applyPreview = useGenerate((s) => s.applyPreview);
  const discard = useGenerate((s) => s.discard);
  const plan = usePlan((s) => s.plan);
  const cells = usePlan((s) => s.cells);
  const employees = usePlan((s) => s.employees);
  const preview = status.preview!;
  const summary = useMemo(() => (plan ? summarizePreview(currentPlanFile(plan.file, cells), preview) : null), [plan, cells, preview]);
  const [showAllOpen, setShowAllOpen] = useState(false);
  if (!plan || !summary) return null;
  const nameOf = new Map(employees.map((e) => [e.id, e.name]));
  const changes = preview.cells.length;
  const cancelled = status.state === 'cancelled';
  const open = preview.openShifts;
  const openShown = showAllOpen ? open : open.slice(0, 30);
  const hardOk = summary.after.error === 0;
  const openGroups = (() => {
    const m = new Map<string, { shift: string; competence: string; missing: number }>();
    for (const o of preview.openShifts) {
      const k = `${o.shift}|${o.competence}`;
      const g = m.get(k) ?? { shift: o.shift, competence: o.competence, missing: 0 };
      g.missing += o.missing;
      m.set(k, g);
    }
    return [...m.values()].sort((a, b) => b.missing - a.missing);
  })();
  const overTarget = summary.employees.filter((r) => r.hoursAfter - r.targetHours >= OFF_TARGET_HOURS);
  const modeLabel = MODES.find((m) => m.mode === (options?.mode ?? 'fill'))?.label ?? '';

  return (
    <div className="gen-preview">
      <p>
        {cancelled ? (
          <>
            Du avbrøt søket etter {plural(Math.max(1, Math.round(preview.stats.seconds)), 'sekund', 'sekunder')}. Dette er det beste
            forslaget Turnus fant så langt.
          </>
        ) : (
          <>
            «{modeLabel}» er ferdig etter {plural(Math.max(1, Math.round(preview.stats.seconds)), 'sekund', 'sekunder')}.
          </>
        )}{' '}
        <b>Ingenting er endret i planen ennå.</b>
      </p>

      <div className="gen-kpis" data-testid="gen-kpis">
        <div className="gen-kpi" data-kpi="changes">
          <span>Endrede ruter</span>
          <b>{fmtInt(changes)}</b>
        </div>
        <div className={'gen-kpi ' + (open.length ? 'warnbox' : 'okbox')} data-kpi="open">
          <span>Udekkede vakter</span>
          <b>{fmtInt(preview.stats.uncoveredShifts)}</b>
        </div>
        <div className={'gen-kpi ' + (hardOk ? 'okbox' : 'badbox')} data-kpi="hard">
          <span>Brudd på harde regler</span>
          <b>{fmtInt(summary.after.error)}</b>
        </div>
        <div
          className="gen-kpi"
          data-kpi="hours"
          title="Summen for alle ansatte av avviket mellom planlagte timer og målet (stillingsprosent × heltid)"
        >
          <span>Timer fra mål (alle ansatte)</span>
          <b>{fmtHours(summary.hoursOver + summary.hoursUnder)} t</b>
          <small>
            {fmtHours(summary.hoursOver)} t over · {fmtHours(summary.hoursUnder)} t under
          </small>
        </div>
      </div>

      <p className="gen-hours" data-testid="gen-hours">
        Største avvik fra måltimer: <b>{fmtHours(preview.stats.hoursDeviationMax)} t</b>
        {' · '}Snitt per ansatt: <b>{fmtHours(preview.stats.hoursDeviationMean)} t</b>
        {' · '}Mest over målet: <b>{preview.stats.hoursOverMax > 0 ? `+${fmtHours(preview.stats.hoursOverMax)} t` : 'ingen over målet'}</b>
        <span className="muted"> (tillatt over måltimer: {describeOverTolerance(options?.overTolerance)})</span>
      </p>

      <section aria-labelledby="gen-check">
        <h3 id="gen-check">Regelsjekk av forslaget</h3>
        <p data-testid="gen-rulecheck" className={hardOk ? 'ok' : 'bad'}>
          {hardOk ? (
            <>✓ 0 brudd på harde regler (arbeidsmiljøloven og avtalene) i planen slik den blir.</>
          ) : (
            <>{plural(summary.after.error, 'brudd', 'brudd')} på harde regler i planen slik den blir.</>
          )}
          <span className="muted">
            {' '}
            Før: {plural(summary.before.error, 'brudd', 'brudd')}. Sjekket med de samme reglene som rutenettet bruker.
          </span>
        </p>
        {!hardOk && (
          <>
            <p className="muted">
              Disse bruddene ligger i ruter Turnus ikke har lov å endre (låste ruter, fravær
              {options?.mode === 'replan' ? ', eller utenfor perioden som planlegges på nytt' : ''}). Rett dem for hånd i rutenettet.
            </p>
            <ul className="gen-list">
              {summary.afterErrors.slice(0, 20).map((v, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
                <li key={i}>{v.message}</li>
              ))}
            </ul>
          </>
        )}
        {summary.after.warning > 0 && (
          <p className="muted">
            Varsler (ikke brudd): {fmtInt(summary.before.warning)} før → {fmtInt(summary.after.warning)} etter.
          </p>
        )}
      </section>

      <ModelKept stats={preview.stats} nameOf={nameOf} weekendGroups={employees.some((e) => e.weekendGroup !== undefined)} />

      <section aria-labelledby="gen-emps">
        <h3 id="gen-emps">Endringer per ansatt</h3>
        {summary.employees.length === 0 ? (
          <p className="muted">Forslaget endrer ingen ruter.</p>
        ) : (
          <table className="table gen-table" aria-label="Endringer per ansatt">
            <thead>
              <tr>
                <th>Ansatt</th>
                <th className="num">Nye vakter</th>
                <th className="num">Endret</th>
                <th className="num">Fjernet</th>
                <th className="num">Timer før → etter</th>
                <th className="num">Mål</th>
                <th className="num">Etter − mål</th>
                <th>Rutene</th>
              </tr>
            </thead>
            <tbody>
              {summary.employees.map((r) => (
                <tr key={r.employee.id} data-employee={r.employee.name}>
                  <td>{r.employee.name}</td>
                  <td className="num">{r.added || ''}</td>
                  <td className="num">{r.changed || ''}</td>
                  <td className="num">{r.removed || ''}</td>
                  <td className="num" data-stat="hours">
                    {fmtHours(r.hoursBefore)} → {fmtHours(r.hoursAfter)} t
                  </td>
                  <td className="num">{fmtHours(r.targetHours)} t</td>
                  <td className={'num ' + (Math.abs(r.hoursAfter - r.targetHours) >= OFF_TARGET_HOURS ? 'gen-off' : '')} data-stat="diff">
                    {signedHours(r.hoursAfter - r.targetHours)} t
                  </td>
                  <td>
                    <details>
                      <summary>Vis {plural(r.details.length, 'rute', 'ruter')}</summary>
                      <ul className="gen-cells">
                        {r.details.map((d) => (
                          <li key={d.date}>
                            {formatDateNo(d.date)}: {codeText(d.from)} → <b>{codeText(d.to)}</b>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>Sum</td>
                <td className="num">{summary.totals.added}</td>
                <td className="num">{summary.totals.changed}</td>
                <td className="num">{summary.totals.removed}</td>
                <td />
                <td />
                <td />
                <td />
              </tr>
            </tfoot>
          </table>
        )}
        {overTarget.length > 0 && (
          <p className="gen-warn" data-testid="gen-over">
            {overTarget.length === 1 ? `${overTarget[0].employee.name} får` : `${fmtInt(overTarget.length)} ansatte får`} mer enn{' '}
            {fmtInt(OFF_TARGET_HOURS)} timer over målet sitt ({overTarget.map((r) => r.employee.name).join(', ')}). Det betyr merarbeid
            eller overtid: vurder å øke stillingene, ta bort vakter etterpå, eller senk «Tillatt over måltimer» og fyll ut på nytt, så står
            flere vakter åpne for vikar.
          </p>
        )}
      </section>

      <section aria-labelledby="gen-open">
        <h3 id="gen-open">Vakter som fortsatt mangler folk ({fmtInt(preview.stats.uncoveredShifts)})</h3>
        {open.length === 0 ? (
          <p className="ok">Alle vakter i bemanningsplanen er dekket.</p>
        ) : (
          <>
            <p data-testid="gen-open-sum">
              Mest mangler:{' '}
              {openGroups
                .slice(0, 4)
                .map((g) => `${fmtInt(g.missing)} ${g.shift}-${g.missing === 1 ? 'vakt' : 'vakter'} (${competenceText(g.competence)})`)
                .join(', ')}
              .
            </p>
            <p className="muted">
              Disse må dekkes av vikar, ekstravakter eller endringer i bemanningsplanen. Hver linje sier hvorfor ingen av de ansatte kunne
              ta vakten.
            </p>
            <ul className="gen-list gen-open" aria-label="Udekkede vakter">
              {openShown.map((o) => (
                <li key={`${o.date}|${o.shift}|${o.competence}`}>
                  <b>
                    {formatDateNo(o.date)} · {o.shift}-vakt · {competenceText(o.competence)}
                    {o.missing > 1 ? ` · mangler ${o.missing}` : ''}
                  </b>
                  <br />
                  {o.reason}
                </li>
              ))}
            </ul>
            {open.length > openShown.length && (
              <button type="button" className="link" onClick={() => setShowAllOpen(true)}>
                Vis alle ({fmtInt(open.length)} linjer)
              </button>
            )}
          </>
        )}
      </section>

      {preview.ignoredWishes.length > 0 && (
        <section aria-labelledby="gen-wishes">
          <h3 id="gen-wishes">Ønsker som ikke ble innfridd ({fmtInt(preview.ignoredWishes.length)})</h3>
          <ul className="gen-list" aria-label="Ønsker som ikke ble innfridd">
            {preview.ignoredWishes.slice(0, 50).map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
              <li key={i}>
                <b>{nameOf.get(w.wish.employeeId) ?? w.wish.employeeId}</b>: {w.reason}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="buttons gen-actions">
        <button type="button" className="primary" disabled={changes === 0} onClick={() => applyPreview()}>
          Bruk endringene
        </button>
        <button type="button" onClick={discard}>
          Forkast
        </button>
        <span className="muted small">
          «Bruk endringene» legger forslaget inn i planen og lagrer. Én «Angre» (Ctrl+Z) tar hele utfyllingen bort igjen.
        </span>
      </div>
    </div>
  );
}
