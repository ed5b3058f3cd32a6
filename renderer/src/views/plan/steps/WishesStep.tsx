/** Step 2: ferieønsker, approved wishes laid in as FE. */
import { useState, type FormEvent } from 'react';
import { usePlan, keyOf } from '../../../stores/plan';
import { useWishes } from '../../../stores/wishes';
import { messageOf } from '../../../api';
import { datesInRange } from '../../../lib/steps';
import { compareNames } from '../../../lib/collate';
import { FormError } from '../../../components/Field';
import { formatDateNo, isIsoDate } from '../../../../../shared/calendar';
import type { VacationWish, WishStatus } from '../../../../../shared/api/wishes';
import { WISH_LABEL, useSortedEmployees } from './common';
import { DateField } from '../../../components/DateField';
import { count } from '../../../../../shared/text';

// ------------------------------------------------------------------------------- step 2
export function WishesStep() {
  const plan = usePlan((s) => s.plan)!;
  const employees = useSortedEmployees();
  const wishes = useWishes((s) => s.wishes);
  const loadError = useWishes((s) => s.loadError);
  const { add, setStatus, remove } = useWishes.getState();
  usePlan((s) => s.rev); // re-check the FE cells of approved wishes after every edit
  const cells = usePlan.getState().cells;
  const missingFe = (w: VacationWish) =>
    datesInRange(w.start, w.end, { start: plan.start, end: plan.end }).filter((d) => cells.get(keyOf(w.employeeId, d)) !== 'FE');
  const [employeeId, setEmployeeId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const names = new Map(employees.map((e) => [e.id, e.name]));
  const period = { start: plan.start, end: plan.end };
  // The wish list per employee: grouped by name, each person's wishes in date order.
  const byEmployee = [...wishes].sort((a, b) =>
    compareNames(names.get(a.employeeId) ?? '', names.get(b.employeeId) ?? '') || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!employeeId) errs.employee = 'Velg hvem ønsket gjelder.';
    if (!isIsoDate(start)) errs.start = 'Velg første feriedag.';
    if (!isIsoDate(end)) errs.end = 'Velg siste feriedag.';
    else if (isIsoDate(start) && end < start) errs.end = 'Siste feriedag kan ikke være før første.';
    if (isIsoDate(start) && isIsoDate(end) && (end < plan.start || start > plan.end)) errs.start = `Ønsket må ligge i planperioden (${formatDateNo(plan.start)} – ${formatDateNo(plan.end)}).`;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await add({ employeeId, start, end, note: note.trim() || undefined });
      setStart(''); setEnd(''); setNote('');
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  async function decide(w: VacationWish, status: WishStatus) {
    try {
      await setStatus(w.id, status);
      const dates = datesInRange(w.start, w.end, period);
      const s = usePlan.getState();
      if (status === 'godkjent') s.apply(dates.map((d) => ({ key: keyOf(w.employeeId, d), code: 'FE' })));
      else if (w.status === 'godkjent') {
        s.apply(dates.filter((d) => s.cells.get(keyOf(w.employeeId, d)) === 'FE').map((d) => ({ key: keyOf(w.employeeId, d), code: null })));
      }
      setErrors({});
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  async function del(w: VacationWish) {
    if (w.status === 'godkjent' && !window.confirm('Ønsket er godkjent. Slette det og ta bort ferien (FE) fra planen?')) return;
    try {
      if (w.status === 'godkjent') await decide(w, 'avslatt');
      await remove(w.id);
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  return (
    <div>
      <p className="muted">
        Legg inn hver ansatts ferieønsker. Når du godkjenner et ønske, blir dagene merket <b>FE</b> i turnusen.
        Avslår du et godkjent ønske, fjernes ferien igjen.
      </p>
      <FormError message={loadError} />
      {wishes.length > 0 && (
        <table className="table" aria-label="Ferieønsker">
          <thead><tr><th>Ansatt</th><th>Fra</th><th>Til</th><th>Merknad</th><th>Status</th><th></th></tr></thead>
          <tbody>
            {byEmployee.map((w, i) => (
              <tr key={w.id} data-wish={w.id} className={i > 0 && byEmployee[i - 1].employeeId === w.employeeId ? 'same-emp' : 'group-start'}>
                <td>{i > 0 && byEmployee[i - 1].employeeId === w.employeeId ? '' : names.get(w.employeeId) ?? w.employeeId}</td>
                <td>{formatDateNo(w.start)}</td>
                <td>{formatDateNo(w.end)}</td>
                <td>{w.note}</td>
                <td>
                  <span className={'status wish-' + w.status}>{WISH_LABEL[w.status]}</span>
                  {w.status === 'godkjent' && missingFe(w).length > 0 && (
                    <>
                      {' '}<span className="warn">{count(missingFe(w).length, 'dag', 'dager')} mangler FE i turnusen</span>{' '}
                      <button type="button" className="link" onClick={() => usePlan.getState().apply(missingFe(w).map((d) => ({ key: keyOf(w.employeeId, d), code: 'FE' })))}>
                        Legg inn igjen
                      </button>
                    </>
                  )}
                </td>
                <td className="actions">
                  {w.status !== 'godkjent' && <button type="button" onClick={() => void decide(w, 'godkjent')}>Godkjenn</button>}
                  {w.status !== 'avslatt' && <button type="button" onClick={() => void decide(w, 'avslatt')}>Avslå</button>}
                  <button type="button" className="link danger" onClick={() => void del(w)}>Slett</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form-row" onSubmit={submit} aria-label="Nytt ferieønske">
        <label className="stack">Ansatt
          <select value={employeeId} onChange={(e) => setEmployeeId(e.target.value)} aria-invalid={!!errors.employee}>
            <option value="">Velg …</option>
            {employees.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
          {errors.employee && <span className="field-error" role="alert">{errors.employee}</span>}
        </label>
        <label className="stack">Første feriedag
          <DateField label="Første feriedag" value={start} onChange={setStart} aria-invalid={!!errors.start} />
          {errors.start && <span className="field-error" role="alert">{errors.start}</span>}
        </label>
        <label className="stack">Siste feriedag
          <DateField label="Siste feriedag" value={end} onChange={setEnd} aria-invalid={!!errors.end} />
          {errors.end && <span className="field-error" role="alert">{errors.end}</span>}
          {!errors.end && isIsoDate(start) && isIsoDate(end) && start <= plan.end && end >= plan.start && (start < plan.start || end > plan.end) && (
            <small className="field-hint" role="status">
              Ønsket går utenfor planen ({formatDateNo(plan.start)} – {formatDateNo(plan.end)}): bare dagene i planen får ferie her.
            </small>
          )}
        </label>
        <label className="stack">Merknad
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="valgfritt" />
        </label>
        <button type="submit" className="primary align-end">Legg til ønske</button>
      </form>
      <FormError message={errors.form} />
    </div>
  );
}
