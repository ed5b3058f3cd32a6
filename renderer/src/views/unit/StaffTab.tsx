import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { NewEmployee, UnitDetail } from '../../../../shared/api';
import { COMPETENCES, COMPETENCE_LABEL, DEFAULT_WEEKLY_HOURS, type Competence, type Employee } from '../../../../shared/plan/model';
import { isIsoDate } from '../../../../shared/calendar';
import { useUnits } from '../../stores/units';
import { Field, FormError } from '../../components/Field';
import { fieldOf, messageOf } from '../../api';
import { fmtPct, parseDecimal, parsePercent } from '../../lib/format';
import { compareNames } from '../../lib/collate';
import { StaffImport } from '../exchange/StaffImport';
import { DateField } from '../../components/DateField';
import { useUnsavedGuard } from '../../lib/unsaved';
import { count } from '../../../../shared/text';

/** «Kari Nordmann (sykepleier, 80 %)»: enough to tell two people of the same name apart. */
function whoIs(e: Employee): string {
  return `${e.name} (${(COMPETENCE_LABEL[e.competence as Competence] ?? e.competence).toLowerCase()}, ${fmtPct(e.position)})`;
}

interface Draft {
  employeeNumber: string;
  name: string;
  competence: string;
  positionPct: string;
  wantedPct: string;
  weeklyHours: string;
  consentsLongShifts: boolean;
  longShiftConsentDate: string;
  nightExempt: boolean;
}

type Errors = Partial<Record<keyof Draft | 'form', string>>;

const pctText = (f: number | undefined) => (f == null ? '' : String(Math.round(f * 1000) / 10).replace('.', ','));

function draftOf(e?: Employee): Draft {
  return {
    employeeNumber: e?.employeeNumber ?? '',
    name: e?.name ?? '',
    competence: e?.competence ?? 'helsefagarbeider',
    positionPct: e ? pctText(e.position) : '',
    wantedPct: pctText(e?.wantedPosition),
    weeklyHours: String(e?.weeklyHours ?? DEFAULT_WEEKLY_HOURS).replace('.', ','),
    consentsLongShifts: e?.consentsLongShifts ?? false,
    longShiftConsentDate: e?.longShiftConsentDate ?? '',
    nightExempt: e?.nightExempt ?? false,
  };
}

/** Validates the draft; returns the employee or the errors by field, in Norwegian. */
function toEmployee(d: Draft): { value?: NewEmployee; errors: Errors } {
  const errors: Errors = {};
  if (!d.name.trim()) errors.name = 'Skriv inn navnet.';
  const p = parsePercent(d.positionPct);
  if (p == null || p <= 0 || p > 1) errors.positionPct = 'Stillingsprosent må være et tall mellom 1 og 100.';
  let wanted: number | undefined;
  if (d.wantedPct.trim()) {
    const w = parsePercent(d.wantedPct);
    if (w == null || w <= 0 || w > 1) errors.wantedPct = 'Ønsket stillingsprosent må være et tall mellom 1 og 100, eller tomt.';
    else wanted = w;
  }
  const wh = parseDecimal(d.weeklyHours);
  if (wh == null || wh < 20 || wh > 40) errors.weeklyHours = 'Timer per uke ved 100 % må være mellom 20 og 40 (vanlig: 35,5 i turnus).';
  if (d.consentsLongShifts && d.longShiftConsentDate && !isIsoDate(d.longShiftConsentDate)) {
    errors.longShiftConsentDate = 'Velg en gyldig dato for samtykket.';
  }
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    value: {
      employeeNumber: d.employeeNumber.trim(),
      name: d.name.trim(),
      competence: d.competence,
      position: p!,
      wantedPosition: wanted,
      weeklyHours: wh!,
      consentsLongShifts: d.consentsLongShifts,
      longShiftConsentDate: d.consentsLongShifts && d.longShiftConsentDate ? d.longShiftConsentDate : undefined,
      nightExempt: d.nightExempt,
    },
  };
}

const FIELD_MAP: Record<string, keyof Draft> = {
  employeeNumber: 'employeeNumber',
  name: 'name',
  competence: 'competence',
  position: 'positionPct',
  wantedPosition: 'wantedPct',
  weeklyHours: 'weeklyHours',
  longShiftConsentDate: 'longShiftConsentDate',
};

function EmployeeForm(props: { initial?: Employee; others: Employee[]; onDone(): void }) {
  const addEmployee = useUnits((s) => s.addEmployee);
  const updateEmployee = useUnits((s) => s.updateEmployee);
  const [d, setD] = useState<Draft>(() => draftOf(props.initial));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const upd = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const editing = !!props.initial;
  useUnsavedGuard(
    editing ? `skjemaet for ${props.initial!.name}` : 'skjemaet for ny ansatt',
    JSON.stringify(d) !== JSON.stringify(draftOf(props.initial)),
  );
  const sameName = props.others.filter(
    (o) =>
      o.id !== props.initial?.id && o.name.trim().toLocaleLowerCase('nb') === d.name.trim().toLocaleLowerCase('nb') && d.name.trim() !== '',
  );
  // «Endre» below a long table: the form comes into view with the name field focused.
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!editing) return;
    formRef.current?.scrollIntoView({ block: 'start', behavior: 'auto' });
    nameRef.current?.focus({ preventScroll: true });
  }, [editing]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { value, errors } = toEmployee(d);
    setErrors(errors);
    if (!value) return;
    setBusy(true);
    try {
      if (props.initial) await updateEmployee(props.initial.id, value);
      else await addEmployee(value);
      setD(draftOf());
      props.onDone();
    } catch (err) {
      const f = FIELD_MAP[fieldOf(err)?.split('.').pop() ?? ''];
      setErrors(f ? { [f]: messageOf(err) } : { form: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" ref={formRef} onSubmit={submit} aria-label={editing ? 'Endre ansatt' : 'Ny ansatt'}>
      <h2>{editing ? `Endre ${props.initial!.name}` : 'Ny ansatt'}</h2>
      <div className="form-row">
        <Field
          label="Navn"
          error={errors.name}
          hint={
            sameName.length
              ? `Obs: ${sameName.map(whoIs).join(' og ')} heter det samme. Skill dem gjerne med mellomnavn eller forbokstav.`
              : undefined
          }
        >
          <input ref={nameRef} value={d.name} onChange={(e) => upd({ name: e.target.value })} />
        </Field>
        <Field label="Ansattnr" error={errors.employeeNumber} hint="Fra personalsystemet, valgfritt">
          <input value={d.employeeNumber} onChange={(e) => upd({ employeeNumber: e.target.value })} className="num" />
        </Field>
        <Field label="Kompetanse">
          <select value={d.competence} onChange={(e) => upd({ competence: e.target.value })}>
            {COMPETENCES.map((c) => (
              <option key={c} value={c}>
                {COMPETENCE_LABEL[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Stillingsprosent" error={errors.positionPct} hint="I prosent, f.eks. 75">
          <input inputMode="decimal" value={d.positionPct} onChange={(e) => upd({ positionPct: e.target.value })} className="num" />
        </Field>
        <Field label="Ønsket stillingsprosent" error={errors.wantedPct} hint="Tomt hvis fornøyd">
          <input inputMode="decimal" value={d.wantedPct} onChange={(e) => upd({ wantedPct: e.target.value })} className="num" />
        </Field>
        <Field label="Timer per uke ved 100 %" error={errors.weeklyHours}>
          <input inputMode="decimal" value={d.weeklyHours} onChange={(e) => upd({ weeklyHours: e.target.value })} className="num" />
        </Field>
      </div>
      <div className="form-row">
        <label className="check">
          <input type="checkbox" checked={d.consentsLongShifts} onChange={(e) => upd({ consentsLongShifts: e.target.checked })} />
          Har samtykket til langvakter
        </label>
        {d.consentsLongShifts && (
          <Field
            label="Dato for samtykke"
            error={errors.longShiftConsentDate}
            hint={d.longShiftConsentDate ? undefined : 'Mangler: skriv datoen samtykket ble gitt (dd.mm.åååå), så det er dokumentert.'}
          >
            <DateField label="Dato for samtykke" value={d.longShiftConsentDate} onChange={(v) => upd({ longShiftConsentDate: v })} />
          </Field>
        )}
        <label className="check">
          <input type="checkbox" checked={d.nightExempt} onChange={(e) => upd({ nightExempt: e.target.checked })} />
          Fritatt for nattarbeid
        </label>
      </div>
      <FormError message={errors.form} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {editing ? 'Lagre endringer' : 'Legg til ansatt'}
        </button>
        {editing && (
          <button type="button" onClick={props.onDone}>
            Avbryt
          </button>
        )}
      </div>
    </form>
  );
}

export function StaffTab({ unit }: { unit: UnitDetail }) {
  const deleteEmployee = useUnits((s) => s.deleteEmployee);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const staff = [...unit.employees].sort((a, b) => compareNames(a.name, b.name));
  const total = staff.reduce((s, e) => s + e.position, 0);

  async function remove(e: Employee) {
    const twin = staff.some((o) => o.id !== e.id && o.name === e.name);
    if (
      !window.confirm(
        `Fjerne ${whoIs(e)}${twin && e.longShiftConsentDate ? `, samtykke ${e.longShiftConsentDate.split('-').reverse().join('.')}` : ''} fra avdelingen? Vaktene til ${e.name} i planene blir også borte.`,
      )
    )
      return;
    try {
      await deleteEmployee(e.id);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const editEmp = staff.find((e) => e.id === editing);
  return (
    <section>
      {staff.length > 0 ? (
        <table className="table" aria-label="Ansatte">
          <thead>
            <tr>
              <th>Navn</th>
              <th>Ansattnr</th>
              <th>Kompetanse</th>
              <th className="num">Stillingsprosent</th>
              <th className="num">Ønsket</th>
              <th>Samtykke til langvakt</th>
              <th>Natt</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {staff.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td>{e.employeeNumber ?? ''}</td>
                <td>{COMPETENCE_LABEL[e.competence as Competence] ?? e.competence}</td>
                <td className="num">{fmtPct(e.position)}</td>
                <td className="num">{e.wantedPosition != null ? fmtPct(e.wantedPosition) : ''}</td>
                <td>
                  {e.consentsLongShifts
                    ? 'Ja' + (e.longShiftConsentDate ? ` (${e.longShiftConsentDate.split('-').reverse().join('.')})` : '')
                    : 'Nei'}
                </td>
                <td>{e.nightExempt ? 'Fritatt' : ''}</td>
                <td className="actions">
                  <button type="button" className="link" onClick={() => setEditing(e.id)} aria-label={`Endre ${e.name}`}>
                    Endre
                  </button>
                  <button type="button" className="link danger" onClick={() => void remove(e)} aria-label={`Fjern ${e.name}`}>
                    Fjern
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>{count(staff.length, 'ansatt', 'ansatte')}</td>
              <td className="num">{(Math.round(total * 100) / 100).toString().replace('.', ',')} årsverk</td>
              <td colSpan={4}></td>
            </tr>
          </tfoot>
        </table>
      ) : (
        <p className="lead">Ingen ansatte ennå. Legg inn hver ansatt med navn, kompetanse og stillingsprosent.</p>
      )}
      <StaffImport unit={unit} />
      <FormError message={error} />
      {editEmp ? (
        <EmployeeForm key={editEmp.id} initial={editEmp} others={staff} onDone={() => setEditing(null)} />
      ) : (
        <EmployeeForm key="new" others={staff} onDone={() => undefined} />
      )}
    </section>
  );
}
