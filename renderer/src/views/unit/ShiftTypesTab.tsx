import { useState, type FormEvent } from 'react';
import type { UnitDetail } from '../../../../shared/api';
import { DEFAULT_ABSENCE_CODES, type ShiftType } from '../../../../shared/plan/model';
import { typingClashes } from '../../lib/codes';
import { useUnsavedGuard } from '../../lib/unsaved';
import { isTime, shiftLocalSpan } from '../../../../shared/calendar';
import { useUnits } from '../../stores/units';
import { FormError } from '../../components/Field';
import { fieldOf, messageOf } from '../../api';
import { fmtHours } from '../../lib/format';

interface Draft {
  code: string;
  name: string;
  start: string;
  end: string;
  breakMin: string;
  long: boolean;
  color: string;
}
type Errors = Partial<Record<keyof Draft | 'form', string>>;

const draftOf = (s?: ShiftType): Draft => ({
  code: s?.code ?? '',
  name: s?.name ?? '',
  start: s?.start ?? '',
  end: s?.end ?? '',
  breakMin: String(s?.unpaidBreakMinutes ?? 0),
  long: s?.long ?? false,
  color: s?.color ?? '#dde7f0',
});

/** Paid hours on an ordinary day (no daylight-saving change). */
function paidHours(d: Draft): number | null {
  if (!isTime(d.start) || !isTime(d.end)) return null;
  const span = shiftLocalSpan(d.start, d.end);
  return (span.end - span.start - (Number(d.breakMin) || 0)) / 60;
}

function validate(d: Draft, others: ShiftType[]): { value?: ShiftType; errors: Errors } {
  const errors: Errors = {};
  const code = d.code.trim().toUpperCase();
  if (!/^[A-ZÆØÅ][A-ZÆØÅ0-9]{0,3}$/.test(code))
    errors.code = 'Koden må være 1–4 bokstaver eller tall og begynne med en bokstav, f.eks. D eller K2.';
  else if (others.some((o) => o.code === code)) errors.code = `Koden ${code} er allerede i bruk.`;
  else if (['FE', 'KURS', 'MØTE', 'PERM'].includes(code)) errors.code = `${code} er en fraværskode og kan ikke brukes som vakt.`;
  if (!isTime(d.start)) errors.start = 'Skriv start som tt:mm, f.eks. 07:30.';
  if (!isTime(d.end)) errors.end = 'Skriv slutt som tt:mm, f.eks. 15:00.';
  const br = Number(d.breakMin);
  if (!/^\d+$/.test(d.breakMin.trim()) || br > 120) errors.breakMin = 'Ubetalt pause i hele minutter (0–120).';
  if (!errors.start && !errors.end && d.start === d.end)
    errors.end = 'Slutt kan ikke være lik start: en vakt må vare mer enn 0 og under 24 timer.';
  if (!errors.start && !errors.end && !errors.breakMin) {
    const h = paidHours(d);
    if (h != null && h <= 0) errors.end = 'Vakten må vare lenger enn pausen.';
  }
  if (Object.keys(errors).length) return { errors };
  const value: ShiftType = { code, start: d.start, end: d.end, color: d.color };
  if (d.name.trim()) value.name = d.name.trim();
  if (br) value.unpaidBreakMinutes = br;
  if (d.long) value.long = true;
  return { errors, value };
}

function ShiftRow(props: { shift?: ShiftType; all: ShiftType[] }) {
  const save = useUnits((s) => s.saveShiftType);
  const del = useUnits((s) => s.deleteShiftType);
  const [d, setD] = useState(() => draftOf(props.shift));
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const upd = (p: Partial<Draft>) => {
    setD((x) => ({ ...x, ...p }));
    setSaved(false);
  };
  const [base, setBase] = useState(() => JSON.stringify(draftOf(props.shift)));
  useUnsavedGuard('vakttypene', JSON.stringify(d) !== base);
  const others = props.all.filter((s) => s.code !== props.shift?.code);
  const h = paidHours(d);
  // A code that starts another (K beside KURS) changes the letters the other is typed with.
  const draftCode = d.code.trim().toUpperCase();
  const clashes =
    /^[A-ZÆØÅ][A-ZÆØÅ0-9]{0,3}$/.test(draftCode) && draftCode !== props.shift?.code
      ? typingClashes(draftCode, [...others.map((o) => o.code), ...DEFAULT_ABSENCE_CODES.map((a) => a.code)])
      : [];
  const label = props.shift ? `vakt ${props.shift.code}` : 'ny vakt';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { value, errors } = validate(d, others);
    setErrors(errors);
    if (!value) return;
    try {
      await save(value, props.shift?.code);
      setSaved(true);
      if (!props.shift) setD(draftOf());
      else setBase(JSON.stringify(d));
    } catch (err) {
      const f = fieldOf(err)?.split('.').pop();
      // Beside its field the message needs no «label» in front (the API says «Til» for «Slutt»).
      const beside = messageOf(err).replace(/^«[^»]+»(?: \([^)]*\))?: (.)/, (_m, c: string) => c.toUpperCase());
      setErrors(f && f in d ? { [f]: beside } : { form: messageOf(err) });
    }
  }
  async function remove() {
    if (!props.shift || !window.confirm(`Slette vakttypen ${props.shift.code}?`)) return;
    try {
      await del(props.shift.code);
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }
  const err = (k: keyof Draft) =>
    errors[k] && (
      <span className="field-error" role="alert">
        {errors[k]}
      </span>
    );
  return (
    <form className="shift-row" onSubmit={submit} aria-label={label}>
      <label>
        Kode
        <input value={d.code} onChange={(e) => upd({ code: e.target.value })} className="code" aria-invalid={!!errors.code} />
        {err('code')}
      </label>
      <label>
        Navn
        <input value={d.name} onChange={(e) => upd({ name: e.target.value })} placeholder="f.eks. Dagvakt" />
      </label>
      <label>
        Start
        <input
          value={d.start}
          onChange={(e) => upd({ start: e.target.value })}
          placeholder="07:30"
          className="time"
          aria-invalid={!!errors.start}
        />
        {err('start')}
      </label>
      <label>
        Slutt
        <input
          value={d.end}
          onChange={(e) => upd({ end: e.target.value })}
          placeholder="15:00"
          className="time"
          aria-invalid={!!errors.end}
        />
        {err('end')}
      </label>
      <label>
        Ubetalt pause (min)
        <input value={d.breakMin} onChange={(e) => upd({ breakMin: e.target.value })} className="num" aria-invalid={!!errors.breakMin} />
        {err('breakMin')}
      </label>
      <label className="check">
        <input type="checkbox" checked={d.long} onChange={(e) => upd({ long: e.target.checked })} />
        Langvakt
      </label>
      <label>
        Farge
        <input type="color" value={d.color} onChange={(e) => upd({ color: e.target.value })} />
      </label>
      <span className="paid" title="Betalte timer: varighet minus ubetalt pause">
        {h != null && h > 0 ? fmtHours(h) + ' t' : ''}
      </span>
      <span className="buttons">
        <button type="submit" className={props.shift ? '' : 'primary'}>
          {props.shift ? 'Lagre' : 'Legg til vakt'}
        </button>
        {props.shift && (
          <button type="button" className="link danger" onClick={() => void remove()}>
            Slett
          </button>
        )}
        {saved && (
          <span className="ok" role="status">
            Lagret
          </span>
        )}
      </span>
      {clashes.length > 0 && (
        <p className="field-warning" role="status">
          Koden {draftCode} tar bokstaver som er i bruk i rutenettet:{' '}
          {clashes.map((c) => `${c.code} skrives da ${c.after} (nå ${c.before})`).join('; ')}.
          {draftCode.length < 4 && ' Velg gjerne en kode som ikke begynner som en annen.'}
        </p>
      )}
      <FormError message={errors.form} />
    </form>
  );
}

export function ShiftTypesTab({ unit }: { unit: UnitDetail }) {
  return (
    <section className="panel">
      <h2>Vakttyper</h2>
      <p className="muted">
        En vakt som slutter før den starter, går over midnatt (nattvakt). Betalte timer er varigheten minus ubetalt pause. Langvakter krever
        at den ansatte har samtykket.
      </p>
      {unit.shiftTypes.map((s) => (
        <ShiftRow key={s.code} shift={s} all={unit.shiftTypes} />
      ))}
      <h3>Ny vakttype</h3>
      <ShiftRow all={unit.shiftTypes} />
    </section>
  );
}
