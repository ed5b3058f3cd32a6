/** Kommentarer: on the whole plan, a date or one cell (employee + date); resolve, reopen, delete. */
import { useMemo, useState, type FormEvent } from 'react';
import type { PlanComment } from '../../../../shared/api/review';
import { Field, FormError } from '../../components/Field';
import { fieldOf, messageOf } from '../../api';
import { compareNames } from '../../lib/collate';
import { usePlan } from '../../stores/plan';
import { useReview } from '../../stores/review';
import { fmtDate, fmtTimestamp, goToCell } from './common';
import { DateField } from '../../components/DateField';

type Scope = 'cell' | 'date' | 'plan';

function CommentForm() {
  const plan = useReview((s) => s.plan!);
  const addComment = useReview((s) => s.addComment);
  const employees = useMemo(() => [...plan.file.employees].sort((a, b) => compareNames(a.name, b.name)), [plan]);
  // Start from the cell marked in the plan view, when the same plan is open there.
  const initial = useMemo(() => {
    const s = usePlan.getState();
    if (s.planId !== plan.id || !s.plan) return null;
    const e = s.employees[s.cursor.r];
    const d = s.days[s.cursor.c];
    return e && d ? { employeeId: e.id, date: d } : null;
  }, [plan.id]);
  const [scope, setScope] = useState<Scope>('cell');
  const [employeeId, setEmployeeId] = useState(initial?.employeeId ?? '');
  const [date, setDate] = useState(initial?.date ?? '');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (scope === 'cell' && !employeeId) errs.employeeId = 'Velg hvilken ansatt kommentaren gjelder.';
    if (scope !== 'plan') {
      if (!date) errs.date = 'Velg datoen kommentaren gjelder.';
      else if (date < plan.start || date > plan.end)
        errs.date = `Datoen må være i planperioden (${fmtDate(plan.start)}–${fmtDate(plan.end)}).`;
    }
    if (!text.trim()) errs.text = 'Skriv kommentaren.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await addComment({
        text: text.trim(),
        employeeId: scope === 'cell' ? employeeId : undefined,
        date: scope !== 'plan' ? date : undefined,
      });
      setText('');
    } catch (err) {
      const f = fieldOf(err)?.split('.').pop();
      setErrors(f && ['employeeId', 'date', 'text'].includes(f) ? { [f]: messageOf(err) } : { form: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Ny kommentar">
      <h2>Ny kommentar</h2>
      <fieldset className="rv-scope">
        <legend>Kommentaren gjelder</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'cell'} onChange={() => setScope('cell')} /> En vakt (ansatt og dato)
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'date'} onChange={() => setScope('date')} /> En dato (alle ansatte)
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'plan'} onChange={() => setScope('plan')} /> Hele planen
        </label>
      </fieldset>
      <div className="form-row">
        {scope === 'cell' && (
          <Field label="Ansatt" error={errors.employeeId}>
            <select value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
              <option value="">Velg ansatt …</option>
              {employees.map((emp) => (
                <option key={emp.id} value={emp.id}>
                  {emp.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {scope !== 'plan' && (
          <Field label="Dato" error={errors.date}>
            <DateField label="Dato" value={date} onChange={setDate} />
          </Field>
        )}
      </div>
      <Field label="Kommentar" error={errors.text}>
        <textarea
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="F.eks. «Kari har bedt om fri denne helgen – kan vi bytte med Ola?»"
        />
      </Field>
      <FormError message={errors.form} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          Legg til kommentar
        </button>
      </div>
    </form>
  );
}

function CommentItem({ c, names }: { c: PlanComment; names: Map<string, string> }) {
  const planId = useReview((s) => s.planId!);
  const resolve = useReview((s) => s.resolveComment);
  const remove = useReview((s) => s.deleteComment);
  const [error, setError] = useState<string | null>(null);
  const where = c.employeeId
    ? `${names.get(c.employeeId) ?? 'Ansatt som er fjernet'} · ${fmtDate(c.date, true)}`
    : c.date
      ? `Alle ansatte · ${fmtDate(c.date, true)}`
      : 'Hele planen';
  const run = (f: () => Promise<void>) => () => {
    setError(null);
    f().catch((err) => setError(messageOf(err)));
  };
  return (
    <li className={'rv-comment' + (c.resolvedAt ? ' resolved' : '')} data-comment-id={c.id}>
      <div className="rv-comment-head">
        <strong>{where}</strong>
        <span className="muted">
          {c.author}, {fmtTimestamp(c.createdAt)}
        </span>
      </div>
      <p className="rv-comment-text">{c.text}</p>
      {c.resolvedAt && (
        <p className="muted">
          Løst av {c.resolvedBy ?? 'ukjent'}, {fmtTimestamp(c.resolvedAt)}
        </p>
      )}
      <div className="buttons">
        {c.employeeId && c.date && names.has(c.employeeId) && (
          <button type="button" className="link" onClick={() => goToCell(planId, c.employeeId!, c.date!)}>
            Gå til cellen
          </button>
        )}
        <button type="button" onClick={run(() => resolve(c.id, !c.resolvedAt))}>
          {c.resolvedAt ? 'Åpne igjen' : 'Merk som løst'}
        </button>
        <button
          type="button"
          className="link danger"
          onClick={run(async () => {
            if (window.confirm('Slette kommentaren? Dette kan ikke angres.')) await remove(c.id);
          })}
        >
          Slett
        </button>
      </div>
      <FormError message={error} />
    </li>
  );
}

export function CommentsTab() {
  const plan = useReview((s) => s.plan!);
  const comments = useReview((s) => s.comments) ?? [];
  const [showResolved, setShowResolved] = useState(false);
  const names = useMemo(() => new Map(plan.file.employees.map((e) => [e.id, e.name])), [plan]);
  const sortKey = (c: PlanComment) => `${c.date ?? '0000'}|${names.get(c.employeeId ?? '') ?? ''}`;
  const open = comments.filter((c) => !c.resolvedAt).sort((a, b) => compareNames(sortKey(a), sortKey(b)));
  const resolved = comments.filter((c) => c.resolvedAt);
  return (
    <section aria-label="Kommentarer">
      <p className="muted">Kommentarer til drøftingen. Åpne kommentarer til en vakt blir markert i drøftingspakken og listet der.</p>
      <div className="rv-two">
        <div>
          <h2>Åpne kommentarer ({open.length})</h2>
          {open.length === 0 ? (
            <p className="muted">Ingen åpne kommentarer.</p>
          ) : (
            <ul className="rv-comments" aria-label="Åpne kommentarer">
              {open.map((c) => (
                <CommentItem key={c.id} c={c} names={names} />
              ))}
            </ul>
          )}
          {resolved.length > 0 && (
            <>
              <button type="button" className="link" onClick={() => setShowResolved((x) => !x)} aria-expanded={showResolved}>
                {showResolved ? 'Skjul' : 'Vis'} løste kommentarer ({resolved.length})
              </button>
              {showResolved && (
                <ul className="rv-comments" aria-label="Løste kommentarer">
                  {resolved.map((c) => (
                    <CommentItem key={c.id} c={c} names={names} />
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
        <CommentForm />
      </div>
    </section>
  );
}
