import { useMemo, useState } from 'react';
import type { UnitDetail } from '../../../../shared/api';
import { COMPETENCES, COMPETENCE_LABEL, type DayType, type DemandRow } from '../../../../shared/plan/model';
import { formatDateNo, isIsoDate } from '../../../../shared/calendar';
import { useUnits } from '../../stores/units';
import { FormError } from '../../components/Field';
import { messageOf } from '../../api';
import { DateField } from '../../components/DateField';

const DAY_TYPES: { t: DayType; label: string }[] = [
  { t: 'weekday', label: 'Hverdag' },
  { t: 'saturday', label: 'Lørdag' },
  { t: 'sunday', label: 'Søndag' },
  { t: 'holiday', label: 'Helligdag' },
];
const COMPS: { c: string; label: string }[] = [
  ...COMPETENCES.map((c) => ({ c, label: COMPETENCE_LABEL[c] as string })),
  { c: 'any', label: 'Hvem som helst' },
];

const k = (day: string, shift: string, comp: string) => `${day}|${shift}|${comp}`;

export function DemandTab({ unit }: { unit: UnitDetail }) {
  const setDemand = useUnits((s) => s.setDemand);
  const initial = useMemo(() => {
    const m: Record<string, string> = {};
    for (const r of unit.demand) m[k(r.dayType ?? r.date ?? '', r.shift, r.competence)] = String(r.count);
    return m;
  }, [unit.demand]);
  const [vals, setVals] = useState<Record<string, string>>(initial);
  const [dates, setDates] = useState<string[]>(() => [...new Set(unit.demand.filter((r) => r.date).map((r) => r.date!))].sort());
  const [newDate, setNewDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);

  const columns = [...DAY_TYPES.map((d) => ({ key: d.t as string, label: d.label })), ...dates.map((d) => ({ key: d, label: formatDateNo(d) }))];

  async function save() {
    const rows: DemandRow[] = [];
    const errs: Record<string, string> = {};
    for (const [key, v] of Object.entries(vals)) {
      if (!v.trim()) continue;
      const [day, shift, comp] = key.split('|');
      if (!unit.shiftTypes.some((s) => s.code === shift)) continue;
      if (!/^\d{1,3}$/.test(v.trim())) {
        errs[key] = 'Antall personer må være et helt tall.';
        continue;
      }
      const count = Number(v);
      if (count === 0) continue;
      if (isIsoDate(day)) {
        if (dates.includes(day)) rows.push({ date: day, shift, competence: comp, count });
      } else rows.push({ dayType: day as DayType, shift, competence: comp, count });
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      setStatus(null);
      return;
    }
    try {
      await setDemand(rows);
      setStatus('Bemanningsplanen er lagret.');
    } catch (e) {
      setErrors({ form: messageOf(e) });
      setStatus(null);
    }
  }

  return (
    <section className="panel">
      <h2>Bemanningsplan</h2>
      <p className="muted">
        Hvor mange personer trengs på hver vakt? Tallene legges sammen: 1 sykepleier + 3 «hvem som helst» betyr 4 personer,
        og minst én av dem må være sykepleier. Helligdager har egen kolonne. En egen dato (f.eks. julaften) erstatter alt annet den dagen.
      </p>
      <table className="table demand" aria-label="Bemanningsplan">
        <thead>
          <tr>
            <th>Vakt</th><th>Kompetanse</th>
            {columns.map((c) => <th key={c.key} className="num">{c.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {unit.shiftTypes.map((s) =>
            COMPS.map((comp, i) => (
              <tr key={s.code + comp.c} className={i === 0 ? 'group-start' : 'sub'}>
                <td>{i === 0 ? <strong>{s.code}</strong> : ''}{i === 0 && s.name ? ` ${s.name}` : ''}</td>
                <td>{comp.label}</td>
                {columns.map((c) => {
                  const key = k(c.key, s.code, comp.c);
                  return (
                    <td key={c.key} className="num">
                      <input
                        className="num small"
                        inputMode="numeric"
                        aria-label={`${s.code} ${comp.label} ${c.label}`}
                        aria-invalid={!!errors[key]}
                        title={errors[key]}
                        value={vals[key] ?? ''}
                        onChange={(e) => { setVals((v) => ({ ...v, [key]: e.target.value })); setStatus(null); }}
                      />
                    </td>
                  );
                })}
              </tr>
            )),
          )}
        </tbody>
      </table>
      {Object.entries(errors).filter(([key]) => key !== 'form').slice(0, 1).map(([key, m]) => (
        <p key={key} className="form-error" role="alert">{key.split('|').slice(1, 2)} {COMPS.find((c) => c.c === key.split('|')[2])?.label} ({columns.find((c) => c.key === key.split('|')[0])?.label}): {m}</p>
      ))}
      <FormError message={errors.form} />
      <div className="form-row">
        <label>Egen dato
          <DateField label="Egen dato" value={newDate} onChange={setNewDate} />
        </label>
        <button type="button" onClick={() => { if (isIsoDate(newDate) && !dates.includes(newDate)) setDates([...dates, newDate].sort()); setNewDate(''); }}>
          Legg til dato
        </button>
      </div>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => void save()}>Lagre bemanningsplan</button>
        {status && <span className="ok" role="status">{status}</span>}
      </div>
    </section>
  );
}
