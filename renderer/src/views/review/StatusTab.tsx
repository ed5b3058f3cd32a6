/** Drøfting og godkjenning: status, the aml § 10-3 deadline, warnings, actions, history, user name. */
import { useState } from 'react';
import type { PlanStatus } from '../../../../shared/api';
import type { ReviewState } from '../../../../shared/api/review';
import { Field } from '../../components/Field';
import { messageOf } from '../../api';
import { STATUS_LABEL } from '../../../../shared/review/pack';
import { hrefOf } from '../../lib/router';
import { useReview } from '../../stores/review';
import { daysUntil, fmtDate, fmtTimestamp, joinNames, todayIso } from './common';
import { Actions } from './StatusForm';

function Deadline({ state, start }: { state: ReviewState; start: string }) {
  const today = todayIso();
  const left = daysUntil(today, state.droftingDeadline);
  const drofted = state.droftingDate !== null;
  const late = drofted ? state.droftingDate! > state.droftingDeadline : left < 0;
  let when: string;
  if (drofted) {
    when = late ? `Drøftet ${fmtDate(state.droftingDate)}, etter fristen.` : `Drøftet ${fmtDate(state.droftingDate)}, innenfor fristen.`;
  } else if (left > 0) when = `Det er ${left} ${left === 1 ? 'dag' : 'dager'} igjen.`;
  else if (left === 0) when = 'Fristen er i dag.';
  else when = `Fristen gikk ut for ${-left} ${left === -1 ? 'dag' : 'dager'} siden.`;
  return (
    <div className={'rv-deadline' + (late ? ' rv-late' : drofted ? ' rv-ok' : '')} data-testid="drofting-deadline">
      <div className="rv-deadline-date">
        <span className="rv-label">Frist for drøfting</span>
        <strong>{fmtDate(state.droftingDeadline, true)}</strong>
      </div>
      <p>
        Planen starter {fmtDate(start, true)}. Etter arbeidsmiljøloven § 10-3 skal turnusen drøftes med de tillitsvalgte senest 14 dager før
        den tas i bruk. {when}
      </p>
    </div>
  );
}

function CurrentStatus({ state }: { state: ReviewState }) {
  const drofting = state.droftingDate ? (
    <>
      Lagt fram for drøfting <strong>{fmtDate(state.droftingDate)}</strong>
      {state.droftingNames.length > 0 && <> med {joinNames(state.droftingNames)}</>}.
    </>
  ) : null;
  return (
    <div className="rv-current">
      <ol className="rv-steps" aria-label="Steg">
        {(['utkast', 'til_drofting', 'godkjent'] as PlanStatus[]).map((s, i) => (
          <li
            key={s}
            className={s === state.status ? 'now' : ['utkast', 'til_drofting', 'godkjent'].indexOf(state.status) > i ? 'done' : ''}
          >
            {i + 1}. {STATUS_LABEL[s]}
          </li>
        ))}
      </ol>
      {state.status === 'utkast' && (
        <p>
          Planen er et <strong>utkast</strong>. Når den er klar, legger du den fram for de tillitsvalgte («Send til drøfting»).
          {state.droftingDate && <> Sist drøftet {fmtDate(state.droftingDate)}, men åpnet igjen for endringer.</>}
        </p>
      )}
      {state.status === 'til_drofting' && <p>{drofting} Når drøftingen er ferdig, registrerer du godkjenningen.</p>}
      {state.status === 'godkjent' && (
        <p>
          <strong>Godkjent {fmtDate(state.godkjentDate)}</strong>
          {state.godkjentNames.length > 0 && <> av {joinNames(state.godkjentNames)}</>}. {drofting}
        </p>
      )}
    </div>
  );
}

function History({ state }: { state: ReviewState }) {
  const versions = new Map(state.versions.map((v) => [v.id, v.name]));
  if (state.history.length === 0) return <p className="muted">Ingen drøfting eller godkjenning er registrert ennå.</p>;
  return (
    <table className="table" aria-label="Historikk">
      <thead>
        <tr>
          <th>Dato</th>
          <th>Status</th>
          <th>Navn</th>
          <th>Merknad</th>
          <th>Versjon</th>
          <th>Registrert av</th>
        </tr>
      </thead>
      <tbody>
        {[...state.history].reverse().map((h) => (
          <tr key={h.id}>
            <td>{fmtDate(h.date)}</td>
            <td>
              <span className={'status status-' + h.status}>{STATUS_LABEL[h.status]}</span>
            </td>
            <td>{h.names.join(', ')}</td>
            <td>{h.note}</td>
            <td>{h.versionId != null ? (versions.get(h.versionId) ?? '') : ''}</td>
            <td>
              {h.userName}
              <br />
              <small className="muted">{fmtTimestamp(h.createdAt)}</small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UserNameForm() {
  const userName = useReview((s) => s.userName);
  const setUserName = useReview((s) => s.setUserName);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function save(name: string | null) {
    setError(null);
    setSaved(false);
    if (name !== null && !name.trim()) {
      setError('Skriv inn navnet ditt, eller velg «Bruk brukernavnet på maskinen».');
      return;
    }
    try {
      await setUserName(name === null ? null : name.trim());
      setDraft(null);
      setSaved(true);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <form
      className="panel rv-user"
      aria-label="Ditt navn i endringsloggen"
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft ?? userName ?? '');
      }}
    >
      <h2>Ditt navn i endringsloggen</h2>
      <p className="muted">Endringer, kommentarer og godkjenninger blir merket med dette navnet.</p>
      <div className="form-row">
        <Field label="Ditt navn" error={error}>
          <input
            value={draft ?? userName ?? ''}
            onChange={(e) => {
              setDraft(e.target.value);
              setSaved(false);
            }}
          />
        </Field>
        <div className="buttons rv-inline-buttons">
          <button type="submit">Lagre navnet</button>
          <button type="button" className="link" onClick={() => void save(null)}>
            Bruk brukernavnet på maskinen
          </button>
        </div>
      </div>
      {saved && (
        <p className="ok" role="status">
          Navnet er lagret.
        </p>
      )}
    </form>
  );
}

export function StatusTab() {
  const state = useReview((s) => s.state!);
  const plan = useReview((s) => s.plan!);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-label="Drøfting og godkjenning">
      <div className="rv-top">
        <CurrentStatus state={state} />
        <Deadline state={state} start={plan.start} />
      </div>
      {state.warnings.length > 0 && (
        <div className="rv-warnings" role="alert" aria-label="Advarsler">
          <strong>Se opp</strong>
          <ul>
            {state.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          {state.versions.length > 0 && (
            <a href={hrefOf({ name: 'review', planId: plan.id, tab: 'versjoner' })}>Se hva som er endret siden siste versjon</a>
          )}
        </div>
      )}
      {notice && (
        <p className="rv-notice" role="status">
          {notice}
        </p>
      )}
      <Actions state={state} onDone={setNotice} />
      <h2>Historikk</h2>
      <History state={state} />
      <UserNameForm />
    </section>
  );
}
