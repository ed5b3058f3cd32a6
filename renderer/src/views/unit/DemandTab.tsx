import { useId, useMemo, useState } from 'react';
import type { UnitDetail } from '../../../../shared/api';
import { COMPETENCES, COMPETENCE_LABEL, type DayType } from '../../../../shared/plan/model';
import { formatDateNo, isIsoDate } from '../../../../shared/calendar';
import { DAY_TYPE_LABEL } from '../../../../shared/metrics/demand';
import { count } from '../../../../shared/text';
import { useUnits } from '../../stores/units';
import { FormError } from '../../components/Field';
import { fieldOf, messageOf } from '../../api';
import { DateField } from '../../components/DateField';
import { useUnsavedGuard } from '../../lib/unsaved';
import {
  cellError,
  cellsOf,
  dayTypeOfDate,
  demandKey,
  demandRowsOf,
  prefillDate,
  sameDemand,
  shiftTotal,
  withoutDate,
  type DemandCells,
} from '../../lib/demandGrid';

const DAY_TYPES: { t: DayType; label: string }[] = (['weekday', 'saturday', 'sunday', 'holiday'] as const).map((t) => ({
  t,
  label: DAY_TYPE_LABEL[t],
}));
const COMPS: { c: string; label: string }[] = [
  ...COMPETENCES.map((c) => ({ c, label: COMPETENCE_LABEL[c] as string })),
  { c: 'any', label: 'Hvem som helst' },
];
const dayTypeLabel = (t: DayType) => DAY_TYPES.find((d) => d.t === t)!.label.toLowerCase();

export function DemandTab({ unit }: { unit: UnitDetail }) {
  const dateId = useId();
  const setDemand = useUnits((s) => s.setDemand);
  const saved = useMemo(() => cellsOf(unit.demand), [unit.demand]);
  const savedDates = useMemo(() => [...new Set(unit.demand.filter((r) => r.date).map((r) => r.date!))].sort(), [unit.demand]);
  const [vals, setVals] = useState<DemandCells>(saved);
  const [dates, setDates] = useState<string[]>(savedDates);
  const [newDate, setNewDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const dirty = !sameDemand(vals, saved) || dates.join() !== savedDates.join();
  useUnsavedGuard('bemanningsplanen', dirty);

  const columns = [
    ...DAY_TYPES.map((d) => ({ key: d.t as string, label: d.label, date: false })),
    ...dates.map((d) => ({ key: d, label: formatDateNo(d), date: true })),
  ];
  const shifts = unit.shiftTypes.map((s) => s.code);
  const comps = COMPS.map((c) => c.c);

  function edit(key: string, text: string) {
    setVals((v) => ({ ...v, [key]: text }));
    setStatus(null);
    // Checked as typed, so every wrong cell shows its message beside it at once.
    setErrors((e) => {
      const { [key]: _old, form: _form, ...rest } = e;
      const m = cellError(text);
      return m ? { ...rest, [key]: m } : rest;
    });
  }

  function addDate() {
    if (!isIsoDate(newDate)) {
      setDateError('Skriv datoen som dd.mm.åååå, for eksempel 24.12.2027.');
      return;
    }
    if (dates.includes(newDate)) {
      setDateError(`${formatDateNo(newDate)} har allerede egen kolonne.`);
      return;
    }
    setDates([...dates, newDate].sort());
    setVals((v) => prefillDate(v, newDate));
    setNewDate('');
    setDateError(null);
    setNote(`${formatDateNo(newDate)} er fylt ut som en ${dayTypeLabel(dayTypeOfDate(newDate))}; endre tallene for den dagen og lagre.`);
  }

  async function save() {
    const { errors: errs, rows, keys } = demandRowsOf(vals, shifts, dates);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setStatus(null);
      return;
    }
    try {
      await setDemand(rows);
      setStatus('Bemanningsplanen er lagret.');
      setNote(null);
    } catch (e) {
      // The API names the row (rows[3].count): the message goes beside that cell.
      const m = /^rows\[(\d+)\]/.exec(fieldOf(e) ?? '');
      const key = m ? keys[Number(m[1])] : undefined;
      setErrors(key ? { [key]: messageOf(e) } : { form: messageOf(e) });
      setStatus(null);
    }
  }
  const wrong = Object.keys(errors).filter((k) => k !== 'form').length;

  return (
    <section className="panel">
      <h2>Bemanningsplan</h2>
      <p className="muted">
        Hvor mange personer trengs på hver vakt? Tallene legges sammen: 1 sykepleier + 3 «hvem som helst» betyr 4 personer, og minst én av
        dem må være sykepleier. Helligdager har egen kolonne. En egen dato (f.eks. julaften) erstatter alt annet den dagen, og begynner med
        tallene for dagtypen den erstatter.
      </p>
      <table className="table demand" aria-label="Bemanningsplan">
        <thead>
          <tr>
            <th>Vakt</th>
            <th>Kompetanse</th>
            {columns.map((c) => (
              <th key={c.key} className="num">
                {c.label}
                {c.date && (
                  <button
                    type="button"
                    className="link danger small"
                    aria-label={`Fjern ${c.label}`}
                    title="Fjern denne datoen (dagen følger dagtypen igjen)"
                    onClick={() => {
                      setDates(dates.filter((d) => d !== c.key));
                      setVals((v) => withoutDate(v, c.key));
                    }}
                  >
                    ×
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {unit.shiftTypes.map((s) => [
            ...COMPS.map((comp, i) => (
              <tr key={s.code + comp.c} className={i === 0 ? 'group-start' : 'sub'}>
                <td>
                  {i === 0 ? <strong>{s.code}</strong> : ''}
                  {i === 0 && s.name ? ` ${s.name}` : ''}
                </td>
                <td>{comp.label}</td>
                {columns.map((c) => {
                  const key = demandKey(c.key, s.code, comp.c);
                  return (
                    <td key={c.key} className="num">
                      <input
                        className="num small"
                        inputMode="numeric"
                        aria-label={`${s.code} ${comp.label} ${c.label}`}
                        aria-invalid={!!errors[key]}
                        aria-describedby={errors[key] ? `err-${key}` : undefined}
                        value={vals[key] ?? ''}
                        onChange={(e) => edit(key, e.target.value)}
                      />
                      {errors[key] && (
                        <span id={`err-${key}`} className="field-error cell-error" role="alert">
                          {errors[key]}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            )),
            <tr key={s.code + '-sum'} className="sum">
              <td />
              <td>I alt {s.code}</td>
              {columns.map((c) => (
                <td key={c.key} className="num" data-total={`${s.code} ${c.label}`}>
                  {shiftTotal(vals, c.key, s.code, comps)}
                </td>
              ))}
            </tr>,
          ])}
        </tbody>
      </table>
      {wrong > 0 && (
        <p className="form-error" role="alert">
          {count(wrong, 'celle', 'celler')} må rettes før bemanningsplanen kan lagres.
        </p>
      )}
      <FormError message={errors.form} />
      <div className="form-row">
        <label htmlFor={dateId}>
          Egen dato
          <DateField
            id={dateId}
            label="Egen dato"
            value={newDate}
            onChange={(v) => {
              setNewDate(v);
              setDateError(null);
            }}
            aria-invalid={!!dateError}
          />
          {dateError && (
            <span className="field-error" role="alert">
              {dateError}
            </span>
          )}
        </label>
        <button type="button" onClick={addDate}>
          Legg til dato
        </button>
      </div>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => void save()}>
          Lagre bemanningsplan
        </button>
        {dirty && !status && (
          <span className="muted" role="status">
            {note ?? 'Endringer ikke lagret'}
          </span>
        )}
        {status && (
          <span className="ok" role="status">
            {status}
          </span>
        )}
      </div>
    </section>
  );
}
