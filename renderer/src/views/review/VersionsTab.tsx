/** Versjoner og endringer: saved versions, a readable diff between any two, and the change log. */
import { useEffect, useState, type FormEvent } from 'react';
import type { PlanDiff, VersionRef } from '../../../../shared/api/review';
import { api, messageOf } from '../../api';
import { Field, FormError } from '../../components/Field';
import { STATUS_LABEL } from '../../../../shared/review/pack';
import { useReview } from '../../stores/review';
import { fmtTimestamp } from './common';
import { ChangeLog } from './ChangeLog';
import { useScenarioOfPlan } from '../plan/ScenarioBanner';
import { DiffView } from './VersionDiff';

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
      <div className="buttons rv-inline-buttons">
        <button type="submit">Lagre versjon</button>
      </div>
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
export function VersionsTab() {
  const planId = useReview((s) => s.planId!);
  const state = useReview((s) => s.state!);
  const refreshLog = useReview((s) => s.refreshLog);
  const scenario = useScenarioOfPlan(planId);
  const versions = state.versions;
  // The backend lists versions newest first.
  const newest = versions.length ? versions[0].id : null;
  const [from, setFrom] = useState<VersionRef | null>(newest);
  const [to, setTo] = useState<VersionRef>('current');
  const [diff, setDiff] = useState<PlanDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void refreshLog();
  }, [refreshLog]);
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
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name} ({fmtTimestamp(v.createdAt)})
        </option>
      ))}
    </>
  );

  return (
    <section aria-label="Versjoner og endringer">
      <h2>Versjoner</h2>
      <p className="muted">
        En versjon er en låst kopi av hele planen. Versjoner lagres automatisk når planen sendes til drøfting eller godkjennes, og kan ikke
        endres.
      </p>
      {versions.length === 0 ? (
        <p className="lead">Ingen versjoner ennå.</p>
      ) : (
        <table className="table" aria-label="Versjoner">
          <thead>
            <tr>
              <th>Navn</th>
              <th>Status da</th>
              <th>Lagret</th>
              <th>Av</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>
                  {v.name}
                  {v.id === state.lastApprovedVersionId && <span className="status status-godkjent rv-badge">Sist godkjente</span>}
                </td>
                <td>
                  <span className={'status status-' + v.status}>{STATUS_LABEL[v.status]}</span>
                </td>
                <td>{fmtTimestamp(v.createdAt)}</td>
                <td>{v.createdBy}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setFrom(v.id);
                      setTo('current');
                      setDiff(null);
                    }}
                    aria-label={`Sammenlign ${v.name} med planen nå`}
                  >
                    Sammenlign med nå
                  </button>
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
            <select
              value={from ?? ''}
              onChange={(e) => {
                setFrom(parseRef(e.target.value));
                setDiff(null);
              }}
            >
              {options}
            </select>
          </Field>
          <Field label="Til">
            <select
              value={to}
              onChange={(e) => {
                setTo(parseRef(e.target.value));
                setDiff(null);
              }}
            >
              {options}
            </select>
          </Field>
          <div className="buttons rv-inline-buttons">
            <button type="submit" className="primary" disabled={busy || from === null}>
              Vis forskjeller
            </button>
          </div>
        </form>
      )}
      <FormError message={error} />
      {diff && from !== null && (
        <>
          <p className="muted">
            Fra {nameOf(from)} til {nameOf(to)}.
          </p>
          <DiffView diff={diff} planId={planId} />
        </>
      )}
      <ChangeLog scenarioName={scenario?.name} />
    </section>
  );
}
