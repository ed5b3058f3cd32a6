/** Versjoner og endringer: saved versions, a readable diff between any two, and the change log. */
import { useEffect, useState, type FormEvent } from 'react';
import type { ChangeLogEntry, PlanDiff, VersionRef } from '../../../../shared/api/review';
import { api, messageOf } from '../../api';
import { Field, FormError } from '../../components/Field';
import { fmtHours, fmtPct } from '../../lib/format';
import { STATUS_LABEL } from '../../../../shared/review/pack';
import { CHANGE_LOG_LIMIT, useReview } from '../../stores/review';
import { fmtDate, fmtTimestamp, goToCell } from './common';

const MAX_CELL_ROWS = 500;
/** Change log rows shown at first and per «Vis flere». */
const LOG_PAGE = 50;

const code = (c: string | null) => c ?? 'fri';
const hours = (h: number | null) => (h == null ? '–' : fmtHours(h));
const pct = (p: number | null) => (p == null ? '–' : fmtPct(p));

function Arrow({ before, after }: { before: string; after: string }) {
  if (before === after) return <span>{after}</span>;
  return <span className="rv-change">{before} → <strong>{after}</strong></span>;
}

function NewVersionForm() {
  const createVersion = useReview((s) => s.createVersion);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    if (!name.trim()) {
      setError('Gi versjonen et navn, f.eks. «Før endring av nattevakter».');
      return;
    }
    try {
      await createVersion(name.trim());
      setDone(`Versjonen «${name.trim()}» er lagret.`);
      setName('');
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <form className="form-row rv-newversion" onSubmit={submit} aria-label="Lagre en versjon">
      <Field label="Lagre planen slik den er nå som en versjon" error={error}>
        <input className="rv-wide" value={name} onChange={(e) => setName(e.target.value)} placeholder="Navn på versjonen" />
      </Field>
      <div className="buttons rv-inline-buttons"><button type="submit">Lagre versjon</button></div>
      {done && <p className="ok" role="status">{done}</p>}
    </form>
  );
}

function DiffView({ diff, planId }: { diff: PlanDiff; planId: number }) {
  if (diff.identical) return <p className="lead" role="status">Ingen forskjeller: planene er like.</p>;
  const s = diff.summary;
  const changedEmployees = diff.employees.filter((e) => e.change !== 'changed' || e.cellsChanged > 0
    || e.plannedHoursBefore !== e.plannedHoursAfter || e.positionBefore !== e.positionAfter);
  return (
    <div className="rv-diff" data-testid="diff">
      <p className="lead" role="status">
        <strong>{s.cellsChanged}</strong> {s.cellsChanged === 1 ? 'vakt er endret' : 'vakter er endret'} for {s.employeesChanged} {s.employeesChanged === 1 ? 'ansatt' : 'ansatte'}.
        {' '}Planlagte timer i alt: {fmtHours(s.plannedHoursBefore)} → {fmtHours(s.plannedHoursAfter)}.
        {' '}Regelbrudd: {s.rulesAdded} nye, {s.rulesRemoved} borte.
      </p>
      {(diff.periodBefore.start !== diff.periodAfter.start || diff.periodBefore.end !== diff.periodAfter.end) && (
        <p>Perioden er endret: {fmtDate(diff.periodBefore.start)}–{fmtDate(diff.periodBefore.end)} → {fmtDate(diff.periodAfter.start)}–{fmtDate(diff.periodAfter.end)}.</p>
      )}
      {changedEmployees.length > 0 && (
        <>
          <h3>Per ansatt</h3>
          <table className="table" aria-label="Endringer per ansatt">
            <thead>
              <tr><th>Ansatt</th><th className="num">Endrede vakter</th><th>Planlagte timer</th><th>Stilling etter planen</th><th>Avtalt stilling</th></tr>
            </thead>
            <tbody>
              {changedEmployees.map((e) => (
                <tr key={e.employeeId}>
                  <td>{e.name}{e.change === 'added' && <em className="muted"> (ny)</em>}{e.change === 'removed' && <em className="muted"> (fjernet)</em>}</td>
                  <td className="num">{e.cellsChanged}</td>
                  <td><Arrow before={hours(e.plannedHoursBefore)} after={hours(e.plannedHoursAfter)} /></td>
                  <td><Arrow before={pct(e.resultingPositionBefore)} after={pct(e.resultingPositionAfter)} /></td>
                  <td><Arrow before={pct(e.positionBefore)} after={pct(e.positionAfter)} /></td>
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
            {diff.rulesAdded.length === 0 ? <p className="muted">Ingen.</p> : (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
              <ul className="rv-hits bad-list">{diff.rulesAdded.map((h, i) => <li key={i}>{h.message}{h.source && <small className="muted"> ({h.source})</small>}</li>)}</ul>
            )}
          </div>
          <div>
            <h3>Regelbrudd som er borte ({diff.rulesRemoved.length})</h3>
            {diff.rulesRemoved.length === 0 ? <p className="muted">Ingen.</p> : (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
              <ul className="rv-hits good-list">{diff.rulesRemoved.map((h, i) => <li key={i}>{h.message}{h.source && <small className="muted"> ({h.source})</small>}</li>)}</ul>
            )}
          </div>
        </div>
      )}
      {diff.cells.length > 0 && (
        <>
          <h3>Endrede vakter</h3>
          <table className="table rv-cells" aria-label="Endrede vakter">
            <thead><tr><th>Ansatt</th><th>Dato</th><th>Før</th><th>Etter</th><th></th></tr></thead>
            <tbody>
              {diff.cells.slice(0, MAX_CELL_ROWS).map((c) => (
                <tr key={c.employeeId + c.date}>
                  <td>{c.employeeName}</td>
                  <td>{fmtDate(c.date, true)}</td>
                  <td><span className="rv-code">{code(c.before)}</span></td>
                  <td><span className="rv-code rv-code-new">{code(c.after)}</span></td>
                  <td><button type="button" className="link" onClick={() => goToCell(planId, c.employeeId, c.date)}>Gå til cellen</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          {diff.cells.length > MAX_CELL_ROWS && <p className="muted">Viser de første {MAX_CELL_ROWS} av {diff.cells.length} endrede vakter. Hele listen står i Excel-eksporten og drøftingspakken.</p>}
        </>
      )}
    </div>
  );
}

const KIND_LABEL: Record<string, string> = {
  cell: 'Vakt', status: 'Status', version: 'Versjon', comment: 'Kommentar', import: 'Import', plan: 'Plan',
};

function describe(e: ChangeLogEntry): string {
  if (e.kind === 'cell') {
    return `${e.employeeName ?? 'Ansatt'} · ${fmtDate(e.date, true)}: ${code(e.before)} → ${code(e.after)}`;
  }
  const d = e.detail ?? '';
  // The backend's detail may start with the same word as the «Hva» column («Kommentar: …»).
  const label = KIND_LABEL[e.kind];
  return label && d.startsWith(label + ': ') ? d.slice(label.length + 2) : d;
}


function ChangeLog() {
  const log = useReview((s) => s.changeLog);
  const [hideCells, setHideCells] = useState(false);
  const [shown, setShown] = useState(LOG_PAGE);
  if (!log) return null;
  const all = hideCells ? log.filter((e) => e.kind !== 'cell') : log;
  const rows = all.slice(0, shown);
  return (
    <section aria-label="Endringslogg">
      <h2>Endringslogg</h2>
      <p className="muted">Hvem som endret hva, og når. Nyeste først{log.length >= CHANGE_LOG_LIMIT ? `; viser de siste ${CHANGE_LOG_LIMIT}` : ''}.</p>
      <label className="check"><input type="checkbox" checked={hideCells} onChange={(e) => setHideCells(e.target.checked)} /> Skjul enkeltvakter (vis bare status, versjoner og kommentarer)</label>
      {rows.length === 0 ? <p className="muted">Ingen endringer er registrert ennå.</p> : (
        <table className="table rv-log" aria-label="Endringslogg">
          <thead><tr><th>Når</th><th>Hvem</th><th>Hva</th><th>Endring</th></tr></thead>
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

export function VersionsTab() {
  const planId = useReview((s) => s.planId!);
  const state = useReview((s) => s.state!);
  const refreshLog = useReview((s) => s.refreshLog);
  const versions = state.versions;
  // The backend lists versions newest first.
  const newest = versions.length ? versions[0].id : null;
  const [from, setFrom] = useState<VersionRef | null>(newest);
  const [to, setTo] = useState<VersionRef>('current');
  const [diff, setDiff] = useState<PlanDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => { void refreshLog(); }, [refreshLog]);
  useEffect(() => {
    if (from === null && newest !== null) setFrom(newest);
  }, [from, newest]);

  const parseRef = (v: string): VersionRef => (v === 'current' ? 'current' : Number(v));
  const nameOf = (r: VersionRef) => (r === 'current' ? 'planen slik den er nå' : `«${versions.find((v) => v.id === r)?.name ?? r}»`);

  async function compare(e?: FormEvent) {
    e?.preventDefault();
    if (from === null) return;
    setBusy(true);
    setError(null);
    try {
      setDiff(await api.diffPlan(planId, from, to));
    } catch (err) {
      setError(messageOf(err));
      setDiff(null);
    } finally {
      setBusy(false);
    }
  }

  const options = (
    <>
      <option value="current">Planen slik den er nå</option>
      {versions.map((v) => <option key={v.id} value={v.id}>{v.name} ({fmtTimestamp(v.createdAt)})</option>)}
    </>
  );

  return (
    <section aria-label="Versjoner og endringer">
      <h2>Versjoner</h2>
      <p className="muted">En versjon er en låst kopi av hele planen. Versjoner lagres automatisk når planen sendes til drøfting eller godkjennes, og kan ikke endres.</p>
      {versions.length === 0 ? <p className="lead">Ingen versjoner ennå.</p> : (
        <table className="table" aria-label="Versjoner">
          <thead><tr><th>Navn</th><th>Status da</th><th>Lagret</th><th>Av</th><th></th></tr></thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>{v.name}{v.id === state.lastApprovedVersionId && <span className="status status-godkjent rv-badge">Sist godkjente</span>}</td>
                <td><span className={'status status-' + v.status}>{STATUS_LABEL[v.status]}</span></td>
                <td>{fmtTimestamp(v.createdAt)}</td>
                <td>{v.createdBy}</td>
                <td>
                  <button type="button" className="link" onClick={() => { setFrom(v.id); setTo('current'); setDiff(null); }}
                    aria-label={`Sammenlign ${v.name} med planen nå`}>Sammenlign med nå</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewVersionForm />

      <h2>Hva er endret?</h2>
      {versions.length === 0 ? (
        <p className="muted">Når det finnes en versjon, kan du se hva som er endret siden.</p>
      ) : (
        <form className="panel form-row rv-compare" onSubmit={compare} aria-label="Sammenlign versjoner">
          <Field label="Fra">
            <select value={from ?? ''} onChange={(e) => { setFrom(parseRef(e.target.value)); setDiff(null); }}>{options}</select>
          </Field>
          <Field label="Til">
            <select value={to} onChange={(e) => { setTo(parseRef(e.target.value)); setDiff(null); }}>{options}</select>
          </Field>
          <div className="buttons rv-inline-buttons"><button type="submit" className="primary" disabled={busy || from === null}>Vis forskjeller</button></div>
        </form>
      )}
      <FormError message={error} />
      {diff && from !== null && (
        <>
          <p className="muted">Fra {nameOf(from)} til {nameOf(to)}.</p>
          <DiffView diff={diff} planId={planId} />
        </>
      )}
      <ChangeLog />
    </section>
  );
}
