/**
 * «Fyll ut» (issue 6): the button in the plan view's toolbar and its dialog in four steps:
 * choose what to do → progress (with «Avbryt») → preview with reasons → «Bruk endringene» or
 * «Forkast». Nothing is written to the plan before «Bruk endringene»; applying is one undo step.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api';
import { usePlan } from '../../../stores/plan';
import { useRules } from '../../../stores/rules';
import { useGenerate } from '../../../stores/generate';
import { fmtHours, fmtInt } from '../../../lib/format';
import { addDays, formatDateNo, daysBetweenInclusive } from '../../../../../shared/calendar';
import type { GenerateMode, GenerateOptions, GenerateWish } from '../../../../../shared/api/solver';
import type { VacationWish } from '../../../../../shared/api/wishes';
import { currentPlanFile, describeOverTolerance, overToleranceText, parseOverTolerance, protectedCellsOf, summarizePreview } from './summary';
import { PinButton } from './Pinning';
import './generate.css';

const BUDGETS = [
  { seconds: 5, label: '5 sekunder', hint: 'rask prøve' },
  { seconds: 10, label: '10 sekunder', hint: '' },
  { seconds: 30, label: '30 sekunder', hint: 'anbefalt' },
  { seconds: 60, label: '1 minutt', hint: 'best resultat' },
];

const MODES: { mode: GenerateMode; label: string; hint: string }[] = [
  { mode: 'fill', label: 'Fyll tomme ruter', hint: 'Vakter legges bare i ruter som er tomme nå. Alt som allerede står i planen, blir stående.' },
  { mode: 'repair', label: 'Reparer regelbrudd', hint: 'Flytter eller fjerner så få vakter som mulig, slik at brudd på arbeidstidsreglene forsvinner. Tomme ruter kan også fylles.' },
  { mode: 'replan', label: 'Planlegg en periode på nytt', hint: 'Alle vakter mellom fra- og til-dato tas bort og legges på nytt. Utenfor perioden endres ingenting.' },
];

/** Wishes still waiting for an answer, as one «fri» wish per day (at most 10 000 days). */
function pendingOffWishes(wishes: VacationWish[], from: string, to: string): GenerateWish[] {
  const out: GenerateWish[] = [];
  for (const w of wishes) {
    if (w.status !== 'onsket') continue;
    const n = daysBetweenInclusive(w.start, w.end);
    for (let i = 0; i < n && out.length < 10_000; i++) {
      const date = addDays(w.start, i);
      if (date >= from && date <= to) out.push({ employeeId: w.employeeId, date, kind: 'off' });
    }
  }
  return out;
}

function plural(n: number, one: string, many: string) {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}

export function GenerateButton({ planId }: { planId: number }) {
  const phase = useGenerate((s) => s.phase);
  const mine = useGenerate((s) => s.planId === planId);
  const appliedCells = useGenerate((s) => s.appliedCells);
  const open = useGenerate((s) => s.open);
  // Where the applied batch is now: the top undo step, undone (on the redo stack), or gone.
  const where = usePlan((s) => {
    const step = useGenerate.getState().appliedStep;
    if (!step) return 'none';
    if (s.undoStack[s.undoStack.length - 1] === step) return 'top';
    return s.redoStack.includes(step as never) ? 'undone' : 'none';
  });
  useGenerate((s) => s.appliedStep);
  // Leaving the plan stops a running search (nothing has been written to the plan).
  useEffect(() => () => useGenerate.getState().close(), [planId]);
  return (
    <div className="gen-entry">
      <button type="button" className="primary" onClick={() => open(planId)} title="La Turnus lage et forslag til vakter. Du ser forslaget før noe endres.">
        Fyll ut …
      </button>
      <PinButton planId={planId} />
      {mine && phase === 'applied' && where === 'top' && (
        <span className="gen-applied" role="status">
          {plural(appliedCells, 'rute', 'ruter')} fylt ut. Angre med «Angre» eller Ctrl+Z.
        </span>
      )}
      {mine && phase === 'applied' && where === 'undone' && (
        <span className="gen-applied undone" role="status">Utfyllingen er angret. «Gjør om» (Ctrl+Y) legger den inn igjen.</span>
      )}
      {mine && phase !== 'closed' && phase !== 'applied' && <GenerateDialog planId={planId} />}
    </div>
  );
}

function GenerateDialog({ planId }: { planId: number }) {
  const ref = useRef<HTMLDialogElement>(null);
  const phase = useGenerate((s) => s.phase);
  const close = useGenerate((s) => s.close);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const title = phase === 'running' ? 'Turnus lager et forslag …' : phase === 'preview' ? 'Forslag fra «Fyll ut»' : 'Fyll ut turnusen';
  return (
    <dialog
      ref={ref}
      className="gen-dialog"
      aria-labelledby="gen-title"
      onKeyDown={(e) => {
        // Ctrl+Z / Ctrl+Y belong to the grid; inside the dialog they must not undo plan edits.
        if ((e.ctrlKey || e.metaKey) && /^[zy]$/i.test(e.key) && !(e.target as HTMLElement).closest('input')) e.preventDefault();
      }}
      onCancel={(e) => {
        // Esc: while running it stops the search (same as «Avbryt»); otherwise it closes.
        e.preventDefault();
        if (useGenerate.getState().phase === 'running') void useGenerate.getState().cancel();
        else close();
      }}
    >
      <h2 id="gen-title">{title}</h2>
      {phase === 'setup' && <SetupStep planId={planId} />}
      {phase === 'running' && <RunningStep />}
      {phase === 'preview' && <PreviewStep />}
      {phase === 'failed' && <FailedStep />}
    </dialog>
  );
}

function ProtectedNote({ pinned, absence }: { pinned: number; absence: number }) {
  return (
    <div className="gen-note" role="note">
      <strong>Dette endres aldri:</strong> låste ruter ({fmtInt(pinned)} i denne planen) og registrert fravær som ferie, kurs og
      permisjon ({fmtInt(absence)} ruter). Turnus lager bare et forslag; ingenting i planen endres før du har sett forslaget og
      trykket «Bruk endringene». Du kan angre hele utfyllingen i ett trykk etterpå.
      <br />
      <span className="muted">
        Slik låser du vakter: lukk dette vinduet, marker vaktene i turnusen og trykk «Lås vakter» i verktøylinjen. Låste ruter har mørk
        ramme. Med «Fyll tomme ruter» blir dessuten alt som allerede står i planen, stående.
      </span>
    </div>
  );
}

function SetupStep({ planId }: { planId: number }) {
  const plan = usePlan((s) => s.plan);
  const errorsNow = useRules((s) => s.counts.error);
  const start = useGenerate((s) => s.start);
  const close = useGenerate((s) => s.close);
  const last = useGenerate((s) => s.options);
  const [mode, setMode] = useState<GenerateMode>(last?.mode ?? 'fill');
  const [seconds, setSeconds] = useState<number>(last?.seconds ?? 30);
  const [from, setFrom] = useState(last?.from ?? plan?.start ?? '');
  const [to, setTo] = useState(last?.to ?? (plan ? (addDays(plan.start, 27) < plan.end ? addDays(plan.start, 27) : plan.end) : ''));
  const [wishes, setWishes] = useState<VacationWish[]>([]);
  const [useWishes, setUseWishes] = useState(true);
  const [tolPct, setTolPct] = useState(() => overToleranceText(last?.overTolerance).pct);
  const [tolHours, setTolHours] = useState(() => overToleranceText(last?.overTolerance).hours);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  useEffect(() => {
    let live = true;
    api.listWishes(planId).then((w) => { if (live) setWishes(w); }, () => undefined);
    return () => { live = false; };
  }, [planId]);

  const rev = usePlan((s) => s.rev);
  // Counted on the grid's current cells (absence typed since the plan was opened included).
  const prot = useMemo(
    () => (plan ? protectedCellsOf(currentPlanFile(plan.file, usePlan.getState().cells)) : { pinned: 0, absence: 0 }),
    [plan, rev],
  );
  if (!plan) return null;
  const pending = wishes.filter((w) => w.status === 'onsket');

  const submit = () => {
    const o: GenerateOptions = { mode, seconds };
    if (mode === 'replan') {
      if (!from) return setError({ field: 'from', message: 'Fra-dato mangler. Velg første dag som skal planlegges på nytt.' });
      if (!to) return setError({ field: 'to', message: 'Til-dato mangler. Velg siste dag som skal planlegges på nytt.' });
      if (to < from) return setError({ field: 'to', message: 'Til-dato kan ikke være før fra-dato.' });
      if (from > plan.end || to < plan.start) {
        return setError({ field: 'from', message: `Datoene må ligge i planperioden (${formatDateNo(plan.start)} – ${formatDateNo(plan.end)}).` });
      }
      o.from = from;
      o.to = to;
    }
    const tol = parseOverTolerance(tolPct, tolHours);
    if (!tol.ok) return setError({ field: tol.field, message: tol.message });
    o.overTolerance = tol.value;
    if (useWishes && pending.length) o.wishes = pendingOffWishes(pending, plan.start, plan.end);
    setError(null);
    void start(o);
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Innstillinger for utfylling">
      <fieldset className="gen-modes">
        <legend>Hva skal Turnus gjøre?</legend>
        {MODES.map((m) => (
          <label key={m.mode} className={'gen-choice' + (mode === m.mode ? ' on' : '')}>
            <input type="radio" name="gen-mode" value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} />
            <span>
              <b>{m.label}</b>
              <span className="muted">
                {m.hint}
                {m.mode === 'repair' && <> Planen har nå {plural(errorsNow, 'regelbrudd', 'regelbrudd')}.</>}
              </span>
            </span>
          </label>
        ))}
        {mode === 'replan' && (
          <div className="form-row gen-dates">
            <label className="field">
              <span>Fra og med</span>
              <input type="date" value={from} min={plan.start} max={plan.end} aria-invalid={error?.field === 'from'} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label className="field">
              <span>Til og med</span>
              <input type="date" value={to} min={plan.start} max={plan.end} aria-invalid={error?.field === 'to'} onChange={(e) => setTo(e.target.value)} />
            </label>
          </div>
        )}
      </fieldset>

      <fieldset className="gen-budget">
        <legend>Hvor lenge skal Turnus lete?</legend>
        <div className="gen-budget-row">
          {BUDGETS.map((b) => (
            <label key={b.seconds} className={'gen-pill' + (seconds === b.seconds ? ' on' : '')}>
              <input type="radio" name="gen-seconds" value={b.seconds} checked={seconds === b.seconds} onChange={() => setSeconds(b.seconds)} />
              {b.label}{b.hint && <span className="muted"> ({b.hint})</span>}
            </label>
          ))}
        </div>
        <p className="muted small">Lengre tid gir som regel færre udekkede vakter. Du kan avbryte underveis og likevel se det beste forslaget så langt.</p>
      </fieldset>

      <fieldset className="gen-tolerance">
        <legend>Tillatt over måltimer</legend>
        <div className="gen-tolerance-row">
          <label className="field">
            <span>Prosent av måltimene</span>
            <span className="gen-unit">
              <input type="text" inputMode="decimal" size={5} value={tolPct} aria-invalid={error?.field === 'tolPct'} onChange={(e) => setTolPct(e.target.value)} />
              %
            </span>
          </label>
          <label className="field">
            <span>Minst antall timer</span>
            <span className="gen-unit">
              <input type="text" inputMode="decimal" size={5} value={tolHours} aria-invalid={error?.field === 'tolHours'} onChange={(e) => setTolHours(e.target.value)} />
              t
            </span>
          </label>
        </div>
        <p className="muted small">
          Så mange timer over stillingen sin kan en ansatt få i perioden. Trengs det mer, lar Turnus vakten stå åpen for vikar og
          sier hvorfor. Standard er {describeOverTolerance(undefined)}.
        </p>
      </fieldset>

      {pending.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={useWishes} onChange={(e) => setUseWishes(e.target.checked)} />
          Prøv å gi fri der ansatte har ferieønsker som ikke er behandlet ennå ({plural(pending.length, 'ønske', 'ønsker')})
        </label>
      )}

      <ProtectedNote {...prot} />
      {error && <p className="form-error" role="alert">{error.message}</p>}
      <div className="buttons">
        <button type="submit" className="primary">Start utfylling</button>
        <button type="button" onClick={close}>Lukk</button>
      </div>
    </form>
  );
}

function RunningStep() {
  const status = useGenerate((s) => s.status);
  const options = useGenerate((s) => s.options);
  const cancelling = useGenerate((s) => s.cancelling);
  const cancel = useGenerate((s) => s.cancel);
  const jobId = useGenerate((s) => s.jobId);
  const budget = options?.seconds ?? 20;
  const p = status?.progress;
  const elapsed = p?.elapsedSeconds ?? 0;
  const pct = Math.min(100, Math.round((elapsed / budget) * 100));
  return (
    <div className="gen-running">
      <p>Turnus prøver ut mange tusen varianter og tar vare på den beste. Planen endres ikke mens dette pågår.</p>
      <div className="gen-bar" role="progressbar" aria-label="Tid brukt" aria-valuemin={0} aria-valuemax={budget} aria-valuenow={Math.round(elapsed)}>
        <div style={{ width: pct + '%' }} />
      </div>
      <p className="gen-time" data-testid="gen-elapsed">
        Tid brukt: {fmtInt(Math.floor(elapsed))} av {fmtInt(budget)} sekunder
      </p>
      <div className="gen-score" role="status" aria-live="polite" data-testid="gen-progress">
        {p && p.moves > 0 ? (
          <>
            <span>Beste forslag så langt:</span>{' '}
            <b>Udekkede vakter: {fmtInt(p.openShifts)}</b> · <b className={p.hardViolations ? 'bad' : 'ok'}>Regelbrudd: {fmtInt(p.hardViolations)}</b>
            <span className="muted"> · {fmtInt(p.moves)} varianter prøvd</span>
          </>
        ) : (
          <span className="muted">{jobId ? 'Starter søket …' : 'Lagrer planen og starter …'}</span>
        )}
      </div>
      <div className="buttons">
        <button type="button" className="danger" disabled={!jobId || cancelling} onClick={() => void cancel()}>
          {cancelling ? 'Avbryter …' : 'Avbryt'}
        </button>
        <span className="muted small">«Avbryt» stopper søket og viser det beste forslaget så langt. Ingenting endres før du velger «Bruk endringene».</span>
      </div>
    </div>
  );
}

function FailedStep() {
  const error = useGenerate((s) => s.error);
  const planId = useGenerate((s) => s.planId);
  const open = useGenerate((s) => s.open);
  const close = useGenerate((s) => s.close);
  return (
    <div>
      <p className="form-error" role="alert">Utfyllingen stoppet: {error}</p>
      <p>Ingenting i planen er endret.</p>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => planId != null && open(planId)}>Tilbake</button>
        <button type="button" onClick={close}>Lukk</button>
      </div>
    </div>
  );
}

const codeText = (c: string | null) => c ?? 'fri';
const competenceText = (c: string) => (c === 'any' ? 'uansett kompetanse' : c);
/** More than about one shift away from the target is marked in the preview. */
const OFF_TARGET_HOURS = 8;

function PreviewStep() {
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
        {cancelled
          ? <>Du avbrøt søket etter {plural(Math.max(1, Math.round(preview.stats.seconds)), 'sekund', 'sekunder')}. Dette er det beste forslaget Turnus fant så langt.</>
          : <>«{modeLabel}» er ferdig etter {plural(Math.max(1, Math.round(preview.stats.seconds)), 'sekund', 'sekunder')}.</>}
        {' '}<b>Ingenting er endret i planen ennå.</b>
      </p>

      <div className="gen-kpis" data-testid="gen-kpis">
        <div className="gen-kpi" data-kpi="changes"><span>Endrede ruter</span><b>{fmtInt(changes)}</b></div>
        <div className={'gen-kpi ' + (open.length ? 'warnbox' : 'okbox')} data-kpi="open"><span>Udekkede vakter</span><b>{fmtInt(preview.stats.uncoveredShifts)}</b></div>
        <div className={'gen-kpi ' + (hardOk ? 'okbox' : 'badbox')} data-kpi="hard"><span>Brudd på harde regler</span><b>{fmtInt(summary.after.error)}</b></div>
        <div className="gen-kpi" data-kpi="hours" title="Summen for alle ansatte av avviket mellom planlagte timer og målet (stillingsprosent × heltid)">
          <span>Timer fra mål (alle ansatte)</span><b>{fmtHours(summary.hoursOver + summary.hoursUnder)} t</b>
          <small>{fmtHours(summary.hoursOver)} t over · {fmtHours(summary.hoursUnder)} t under</small>
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
          {hardOk
            ? <>✓ 0 brudd på harde regler (arbeidsmiljøloven og avtalene) i planen slik den blir.</>
            : <>{plural(summary.after.error, 'brudd', 'brudd')} på harde regler i planen slik den blir.</>}
          <span className="muted"> Før: {plural(summary.before.error, 'brudd', 'brudd')}. Sjekket med de samme reglene som rutenettet bruker.</span>
        </p>
        {!hardOk && (
          <>
            <p className="muted">Disse bruddene ligger i ruter Turnus ikke har lov å endre (låste ruter, fravær{options?.mode === 'replan' ? ', eller utenfor perioden som planlegges på nytt' : ''}). Rett dem for hånd i rutenettet.</p>
            <ul className="gen-list">
              {summary.afterErrors.slice(0, 20).map((v, i) => <li key={i}>{v.message}</li>)}
            </ul>
          </>
        )}
        {summary.after.warning > 0 && <p className="muted">Varsler (ikke brudd): {fmtInt(summary.before.warning)} før → {fmtInt(summary.after.warning)} etter.</p>}
      </section>

      <section aria-labelledby="gen-emps">
        <h3 id="gen-emps">Endringer per ansatt</h3>
        {summary.employees.length === 0 ? (
          <p className="muted">Forslaget endrer ingen ruter.</p>
        ) : (
          <table className="table gen-table" aria-label="Endringer per ansatt">
            <thead>
              <tr><th>Ansatt</th><th className="num">Nye vakter</th><th className="num">Endret</th><th className="num">Fjernet</th><th className="num">Timer før → etter</th><th className="num">Mål</th><th className="num">Etter − mål</th><th>Rutene</th></tr>
            </thead>
            <tbody>
              {summary.employees.map((r) => (
                <tr key={r.employee.id} data-employee={r.employee.name}>
                  <td>{r.employee.name}</td>
                  <td className="num">{r.added || ''}</td>
                  <td className="num">{r.changed || ''}</td>
                  <td className="num">{r.removed || ''}</td>
                  <td className="num" data-stat="hours">{fmtHours(r.hoursBefore)} → {fmtHours(r.hoursAfter)} t</td>
                  <td className="num">{fmtHours(r.targetHours)} t</td>
                  <td className={'num ' + (Math.abs(r.hoursAfter - r.targetHours) >= OFF_TARGET_HOURS ? 'gen-off' : '')} data-stat="diff">
                    {r.hoursAfter - r.targetHours >= 0 ? '+' : '−'}{fmtHours(Math.abs(r.hoursAfter - r.targetHours))} t
                  </td>
                  <td>
                    <details>
                      <summary>Vis {plural(r.details.length, 'rute', 'ruter')}</summary>
                      <ul className="gen-cells">
                        {r.details.map((d) => <li key={d.date}>{formatDateNo(d.date)}: {codeText(d.from)} → <b>{codeText(d.to)}</b></li>)}
                      </ul>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr><td>Sum</td><td className="num">{summary.totals.added}</td><td className="num">{summary.totals.changed}</td><td className="num">{summary.totals.removed}</td><td /><td /><td /><td /></tr>
            </tfoot>
          </table>
        )}
        {overTarget.length > 0 && (
          <p className="gen-warn" data-testid="gen-over">
            {overTarget.length === 1 ? `${overTarget[0].employee.name} får` : `${fmtInt(overTarget.length)} ansatte får`} mer enn {fmtInt(OFF_TARGET_HOURS)} timer over
            målet sitt ({overTarget.map((r) => r.employee.name).join(', ')}). Det betyr merarbeid eller overtid: vurder å øke
            stillingene, ta bort vakter etterpå, eller senk «Tillatt over måltimer» og fyll ut på nytt, så står flere vakter åpne for vikar.
          </p>
        )}
      </section>

      <section aria-labelledby="gen-open">
        <h3 id="gen-open">Vakter som fortsatt mangler folk ({fmtInt(preview.stats.uncoveredShifts)})</h3>
        {open.length === 0 ? (
          <p className="ok">Alle vakter i bemanningsplanen er dekket.</p>
        ) : (
          <>
            <p data-testid="gen-open-sum">Mest mangler: {openGroups.slice(0, 4).map((g) => `${fmtInt(g.missing)} ${g.shift}-${g.missing === 1 ? 'vakt' : 'vakter'} (${competenceText(g.competence)})`).join(', ')}.</p>
            <p className="muted">Disse må dekkes av vikar, ekstravakter eller endringer i bemanningsplanen. Hver linje sier hvorfor ingen av de ansatte kunne ta vakten.</p>
            <ul className="gen-list gen-open" aria-label="Udekkede vakter">
              {openShown.map((o, i) => (
                <li key={i}>
                  <b>{formatDateNo(o.date)} · {o.shift}-vakt · {competenceText(o.competence)}{o.missing > 1 ? ` · mangler ${o.missing}` : ''}</b>
                  <br />{o.reason}
                </li>
              ))}
            </ul>
            {open.length > openShown.length && (
              <button type="button" className="link" onClick={() => setShowAllOpen(true)}>Vis alle ({fmtInt(open.length)} linjer)</button>
            )}
          </>
        )}
      </section>

      {preview.ignoredWishes.length > 0 && (
        <section aria-labelledby="gen-wishes">
          <h3 id="gen-wishes">Ønsker som ikke ble innfridd ({fmtInt(preview.ignoredWishes.length)})</h3>
          <ul className="gen-list" aria-label="Ønsker som ikke ble innfridd">
            {preview.ignoredWishes.slice(0, 50).map((w, i) => (
              <li key={i}><b>{nameOf.get(w.wish.employeeId) ?? w.wish.employeeId}</b>: {w.reason}</li>
            ))}
          </ul>
        </section>
      )}

      <div className="buttons gen-actions">
        <button type="button" className="primary" disabled={changes === 0} onClick={() => applyPreview()}>Bruk endringene</button>
        <button type="button" onClick={discard}>Forkast</button>
        <span className="muted small">«Bruk endringene» legger forslaget inn i planen og lagrer. Én «Angre» (Ctrl+Z) tar hele utfyllingen bort igjen.</span>
      </div>
    </div>
  );
}
