import { useState, type FormEvent } from 'react';
import type { UnitDetail } from '../../../../shared/api';
import { useUnits } from '../../stores/units';
import { Field, FormError } from '../../components/Field';
import { fieldOf, messageOf } from '../../api';
import { hrefOf, navigate } from '../../lib/router';
import { nextMonday } from '../../lib/format';
import { STATUS_LABEL } from '../../../../shared/review/pack';
import { formatDateNo, isIsoDate } from '../../../../shared/calendar';
import { DateField } from '../../components/DateField';

/** Puts the caret in the rename field as it appears, so the new name can be typed at once. */
const focusOnMount = (el: HTMLInputElement | null) => {
  el?.focus();
};

export function PlansTab({ unit }: { unit: UnitDetail }) {
  const plans = useUnits((s) => s.plans);
  const createPlan = useUnits((s) => s.createPlan);
  const deletePlan = useUnits((s) => s.deletePlan);
  const renamePlan = useUnits((s) => s.renamePlan);
  const [renaming, setRenaming] = useState<{ id: number; name: string; error?: string } | null>(null);
  const [name, setName] = useState('');
  const [start, setStart] = useState(nextMonday());
  const [months, setMonths] = useState<3 | 6 | 12>(6);
  const [errors, setErrors] = useState<{ name?: string; start?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!name.trim()) errs.name = 'Gi planen et navn, f.eks. «Turnus høst 2026».';
    if (!isIsoDate(start)) errs.start = 'Velg en gyldig startdato.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const id = await createPlan(name.trim(), start, months);
      navigate({ name: 'plan', planId: id });
    } catch (err) {
      const f = fieldOf(err);
      setErrors(f === 'start' ? { start: messageOf(err) } : f === 'name' ? { name: messageOf(err) } : { form: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  async function saveName(e: FormEvent) {
    e.preventDefault();
    if (!renaming) return;
    if (!renaming.name.trim()) {
      setRenaming({ ...renaming, error: 'Planen må ha et navn.' });
      return;
    }
    try {
      await renamePlan(renaming.id, renaming.name.trim());
      setRenaming(null);
    } catch (err) {
      setRenaming({ ...renaming, error: messageOf(err) });
    }
  }

  async function remove(planId: number, planName: string) {
    if (!window.confirm(`Slette turnusplanen «${planName}»? Alle vakter i planen blir borte.`)) return;
    try {
      await deletePlan(planId);
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  return (
    <section>
      {plans && plans.length > 0 && (
        <table className="table" aria-label="Turnusplaner">
          <thead>
            <tr>
              <th>Plan</th>
              <th>Periode</th>
              <th>Status</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                <td>
                  {renaming?.id === p.id ? (
                    <form onSubmit={saveName} className="inline-form" aria-label="Nytt navn på planen">
                      <input
                        aria-label="Nytt navn"
                        value={renaming.name}
                        ref={focusOnMount}
                        aria-invalid={!!renaming.error}
                        onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
                      />
                      <button type="submit">Lagre</button>
                      <button type="button" className="link" onClick={() => setRenaming(null)}>
                        Avbryt
                      </button>
                      {renaming.error && (
                        <span className="field-error" role="alert">
                          {renaming.error}
                        </span>
                      )}
                    </form>
                  ) : (
                    <a href={hrefOf({ name: 'plan', planId: p.id })}>{p.name}</a>
                  )}
                </td>
                <td>
                  {formatDateNo(p.start)} – {formatDateNo(p.end)}
                </td>
                <td>
                  <span className={'status status-' + p.status}>{STATUS_LABEL[p.status] ?? p.status}</span>
                </td>
                <td className="actions">
                  <button
                    type="button"
                    className="link"
                    onClick={() => setRenaming({ id: p.id, name: p.name })}
                    aria-label={`Gi nytt navn til ${p.name}`}
                  >
                    Gi nytt navn
                  </button>
                  <button type="button" className="link danger" onClick={() => void remove(p.id, p.name)} aria-label={`Slett ${p.name}`}>
                    Slett
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plans && plans.length === 0 && (
        <p className="lead">
          Ingen turnusplaner ennå.{' '}
          {unit.employees.length === 0 ? (
            <>
              Legg først inn <a href={hrefOf({ name: 'unit', unitId: unit.id, tab: 'ansatte' })}>de ansatte</a>, så oppretter du planen her.
            </>
          ) : (
            'Opprett den første planen nedenfor.'
          )}
        </p>
      )}
      <form className="panel" onSubmit={submit} aria-label="Ny turnusplan">
        <h2>Ny turnusplan</h2>
        <p className="muted">Askermodellen: en plan for 3, 6 eller 12 måneder med datofestede vakter (årsturnus).</p>
        <div className="form-row">
          <Field label="Navn på planen" error={errors.name}>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="f.eks. Turnus høst 2026" />
          </Field>
          <Field label="Første dag" error={errors.start} hint="Vanligvis en mandag">
            <DateField label="Første dag" value={start} onChange={setStart} />
          </Field>
          <Field label="Lengde">
            <select value={months} onChange={(e) => setMonths(Number(e.target.value) as 3 | 6 | 12)}>
              <option value={3}>3 måneder</option>
              <option value={6}>6 måneder</option>
              <option value={12}>12 måneder</option>
            </select>
          </Field>
        </div>
        <FormError message={errors.form} />
        <button type="submit" className="primary" disabled={busy}>
          Opprett plan
        </button>
      </form>
    </section>
  );
}
