/**
 * Step 2: ferieønsker. Approving shows first what it removes and the coverage it leaves (one
 * wish or several selected); the backend lays FE and remembers the replaced shifts, and
 * rejecting, editing or deleting an approved wish puts them back.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { usePlan, keyOf } from '../../../stores/plan';
import { useWishes } from '../../../stores/wishes';
import { api, messageOf } from '../../../api';
import { compareNames } from '../../../lib/collate';
import { datesInRange } from '../../../lib/steps';
import { FormError } from '../../../components/Field';
import { formatDateNo, isIsoDate } from '../../../../../shared/calendar';
import { DEFAULT_MAX_OFF_PER_COMPETENCE, maxOffPerCompetenceOf } from '../../../../../shared/api/core';
import type { VacationWish, WishStatus } from '../../../../../shared/api/wishes';
import { DateField } from '../../../components/DateField';
import { EmployeeOptions, StackField } from './form-rows';
import { count } from '../../../../../shared/text';
import { WISH_LABEL, currentPlanFile, useSortedEmployees } from './common';
import { FeriePreview } from './FeriePreview';
import { FerieLimit } from './FerieLimit';

/** Writes waiting cell edits first, then the call, then loads the cells the backend changed. */
async function withPlanReload<T>(call: () => Promise<T>): Promise<T> {
  const s = usePlan.getState();
  await s.flush();
  try {
    return await call();
  } finally {
    await usePlan.getState().reloadFile();
  }
}

export function WishesStep() {
  const startId = useId();
  const endId = useId();
  const plan = usePlan((s) => s.plan)!;
  const employees = useSortedEmployees();
  const wishes = useWishes((s) => s.wishes);
  const loadError = useWishes((s) => s.loadError);
  const { add, setStatus, approveMany, update, remove } = useWishes.getState();
  const [maxOff, setMaxOff] = useState<Record<string, number>>({ ...DEFAULT_MAX_OFF_PER_COMPETENCE });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [preview, setPreview] = useState<VacationWish[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<VacationWish | null>(null);
  const [employeeId, setEmployeeId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  usePlan((s) => s.rev); // re-check the FE cells of approved wishes after every edit
  const cells = usePlan.getState().cells;
  const missingFe = (w: VacationWish) =>
    datesInRange(w.start, w.end, { start: plan.start, end: plan.end }).filter((d) => cells.get(keyOf(w.employeeId, d)) !== 'FE');
  const names = new Map(employees.map((e) => [e.id, e.name]));
  const byEmployee = [...wishes].sort(
    (a, b) =>
      compareNames(names.get(a.employeeId) ?? '', names.get(b.employeeId) ?? '') || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0),
  );
  const previewPlan = useMemo(() => (preview ? currentPlanFile() : null), [preview]);

  useEffect(() => {
    let live = true;
    api.getUnit(plan.unitId).then(
      (u) => {
        if (live) setMaxOff(maxOffPerCompetenceOf(u.settings));
      },
      () => {
        /* the defaults stand */
      },
    );
    return () => {
      live = false;
    };
  }, [plan.unitId]);

  function resetForm() {
    setEditing(null);
    setEmployeeId('');
    setStart('');
    setEnd('');
    setNote('');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!employeeId) errs.employee = 'Velg hvem ønsket gjelder.';
    if (!isIsoDate(start)) errs.start = 'Velg første feriedag.';
    if (!isIsoDate(end)) errs.end = 'Velg siste feriedag.';
    else if (isIsoDate(start) && end < start) errs.end = 'Siste feriedag kan ikke være før første.';
    if (isIsoDate(start) && isIsoDate(end) && (end < plan.start || start > plan.end))
      errs.start = `Ønsket må berøre planperioden (${formatDateNo(plan.start)} – ${formatDateNo(plan.end)}).`;
    setErrors(errs);
    setDone(null);
    if (Object.keys(errs).length) return;
    try {
      const wish = { employeeId, start, end, note: note.trim() || undefined };
      if (editing) {
        const approved = editing.status === 'godkjent';
        await (approved ? withPlanReload(() => update(editing.id, wish)) : update(editing.id, wish));
        setDone(approved ? 'Ønsket er endret, og ferien er flyttet i turnusen.' : 'Ønsket er endret.');
      } else {
        await add(wish);
      }
      resetForm();
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  async function approve(list: VacationWish[]) {
    setBusy(true);
    try {
      await withPlanReload(() =>
        list.length === 1 ? setStatus(list[0].id, 'godkjent').then((w) => [w]) : approveMany(list.map((w) => w.id)),
      );
      setDone(list.length === 1 ? 'Ønsket er godkjent og lagt inn som FE.' : `${list.length} ønsker er godkjent og lagt inn som FE.`);
      setPreview(null);
      setSelected(new Set());
      setErrors({});
    } catch (err) {
      setErrors({ form: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  async function decide(w: VacationWish, status: WishStatus) {
    try {
      const back = w.status === 'godkjent' ? (w.replacedCells ?? 0) : 0;
      await (w.status === 'godkjent' ? withPlanReload(() => setStatus(w.id, status)) : setStatus(w.id, status));
      setDone(w.status === 'godkjent' ? `Ferien er tatt ut av turnusen; det som var planlagt de ${back} dagene er lagt tilbake.` : null);
      setErrors({});
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  async function del(w: VacationWish) {
    if (
      w.status === 'godkjent' &&
      !window.confirm('Ønsket er godkjent. Slette det, ta bort ferien (FE) og legge tilbake vaktene som var planlagt?')
    )
      return;
    try {
      await (w.status === 'godkjent' ? withPlanReload(() => remove(w.id)) : remove(w.id));
      if (editing?.id === w.id) resetForm();
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  function edit(w: VacationWish) {
    setEditing(w);
    setEmployeeId(w.employeeId);
    setStart(w.start);
    setEnd(w.end);
    setNote(w.note ?? '');
    setErrors({});
    setDone(null);
  }

  const selectable = byEmployee.filter((w) => w.status !== 'godkjent');
  const chosen = selectable.filter((w) => selected.has(w.id));
  const competences = [...new Set(employees.map((e) => e.competence))].sort();

  return (
    <div>
      <p className="muted">
        Legg inn hver ansatts ferieønsker. Før du godkjenner, ser du hvilke planlagte vakter ferien tar bort og om for mange er borte samme
        dag. Avslår du et godkjent ønske senere, kommer vaktene tilbake.
      </p>
      <FerieLimit unitId={plan.unitId} competences={competences} maxOff={maxOff} onSaved={setMaxOff} />
      <FormError message={loadError} />
      {wishes.length > 0 && (
        <table className="table" aria-label="Ferieønsker">
          <thead>
            <tr>
              <th>
                <span className="sr-only">Velg</span>
              </th>
              <th>Ansatt</th>
              <th>Fra</th>
              <th>Til</th>
              <th>Merknad</th>
              <th>Status</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {byEmployee.map((w, i) => (
              <tr
                key={w.id}
                data-wish={w.id}
                className={i > 0 && byEmployee[i - 1].employeeId === w.employeeId ? 'same-emp' : 'group-start'}
              >
                <td>
                  {w.status !== 'godkjent' && (
                    <input
                      type="checkbox"
                      aria-label={`Velg ønsket til ${names.get(w.employeeId)} ${formatDateNo(w.start, false)}`}
                      checked={selected.has(w.id)}
                      onChange={(e) => {
                        const s = new Set(selected);
                        if (e.target.checked) s.add(w.id);
                        else s.delete(w.id);
                        setSelected(s);
                      }}
                    />
                  )}
                </td>
                <td>{i > 0 && byEmployee[i - 1].employeeId === w.employeeId ? '' : (names.get(w.employeeId) ?? w.employeeId)}</td>
                <td>{formatDateNo(w.start)}</td>
                <td>{formatDateNo(w.end)}</td>
                <td>
                  {w.note}
                  {w.clipped && <div className="warn">{w.clipped}</div>}
                </td>
                <td>
                  <span className={'status wish-' + w.status}>{WISH_LABEL[w.status]}</span>
                  {w.status === 'godkjent' && missingFe(w).length > 0 && (
                    <>
                      {' '}
                      <span className="warn">{count(missingFe(w).length, 'dag', 'dager')} mangler FE i turnusen</span>{' '}
                      <button
                        type="button"
                        className="link"
                        onClick={() => usePlan.getState().apply(missingFe(w).map((d) => ({ key: keyOf(w.employeeId, d), code: 'FE' })))}
                      >
                        Legg inn igjen
                      </button>
                    </>
                  )}
                </td>
                <td className="actions">
                  {w.status !== 'godkjent' && (
                    <button type="button" onClick={() => setPreview([w])}>
                      Godkjenn …
                    </button>
                  )}
                  {w.status !== 'avslatt' && (
                    <button type="button" onClick={() => void decide(w, 'avslatt')}>
                      Avslå
                    </button>
                  )}
                  <button type="button" className="link" onClick={() => edit(w)}>
                    Endre
                  </button>
                  <button type="button" className="link danger" onClick={() => void del(w)}>
                    Slett
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selectable.length > 1 && (
        <div className="buttons">
          <button type="button" onClick={() => setSelected(new Set(selectable.map((w) => w.id)))}>
            Velg alle som venter
          </button>
          <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => setPreview(chosen)}>
            Godkjenn valgte ({chosen.length}) …
          </button>
        </div>
      )}
      {preview && previewPlan && (
        <FeriePreview
          plan={previewPlan}
          wishes={preview}
          maxOff={maxOff}
          busy={busy}
          onApprove={() => void approve(preview)}
          onCancel={() => setPreview(null)}
        />
      )}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <form className="form-row" onSubmit={submit} aria-label={editing ? 'Endre ferieønske' : 'Nytt ferieønske'}>
        <StackField label="Ansatt" error={errors.employee}>
          <select value={employeeId} onChange={(e) => setEmployeeId(e.target.value)} aria-invalid={!!errors.employee}>
            <EmployeeOptions employees={employees} choose />
          </select>
        </StackField>
        <StackField label="Første feriedag" htmlFor={startId} error={errors.start}>
          <DateField id={startId} label="Første feriedag" value={start} onChange={setStart} aria-invalid={!!errors.start} />
        </StackField>
        <StackField
          label="Siste feriedag"
          htmlFor={endId}
          error={errors.end}
          after={
            !errors.end &&
            isIsoDate(start) &&
            isIsoDate(end) &&
            start <= plan.end &&
            end >= plan.start &&
            (start < plan.start || end > plan.end) && (
              <small className="field-hint" role="status">
                Ønsket går utenfor planen ({formatDateNo(plan.start)} – {formatDateNo(plan.end)}): bare dagene i planen får ferie her.
              </small>
            )
          }
        >
          <DateField id={endId} label="Siste feriedag" value={end} onChange={setEnd} aria-invalid={!!errors.end} />
        </StackField>
        <StackField label="Merknad">
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="valgfritt" />
        </StackField>
        <button type="submit" className="primary align-end">
          {editing ? 'Lagre endringen' : 'Legg til ønske'}
        </button>
        {editing && (
          <button type="button" className="align-end" onClick={resetForm}>
            Avbryt endring
          </button>
        )}
      </form>
      <FormError message={errors.form} />
    </div>
  );
}
