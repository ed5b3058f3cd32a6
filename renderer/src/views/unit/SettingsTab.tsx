import { useState, type FormEvent } from 'react';
import { useUnsavedGuard } from '../../lib/unsaved';
import type { AgreementRecord, UnitDetail, UnitSettings } from '../../../../shared/api';
import { isIsoDate } from '../../../../shared/calendar';
import type { HolidayReduction } from '../../../../shared/plan/model';
import { LIMITS as BOUNDS } from '../../../../shared/plan/limits';
import { useUnits } from '../../stores/units';
import { Field, FormError } from '../../components/Field';
import { fieldOf, messageOf } from '../../api';
import { navigate } from '../../lib/router';
import { parseDecimal, parsePercent } from '../../lib/format';
import { DateField } from '../../components/DateField';

const num = (n: number) => String(n).replace('.', ',');

interface Limit {
  key: keyof UnitSettings['agreements'];
  label: string;
  min: number;
  max: number;
  hint: string;
}
const LIMITS: Limit[] = [
  {
    key: 'dailyRestMinHours',
    label: 'Daglig hvile (timer)',
    min: 8,
    max: 11,
    hint: 'Lov: 11. Ned til 8 bare med avtale med tillitsvalgte.',
  },
  { key: 'weeklyRestMinHours', label: 'Ukentlig hvile (timer)', min: 28, max: 35, hint: 'Lov: 35. Ned til 28 bare med avtale.' },
  { key: 'maxShiftHours', label: 'Lengste vakt (timer)', min: 6, max: 16, hint: 'Langvakt 12,5 t krever avtale etter aml § 10-5 (2).' },
  { key: 'maxWeekHours', label: 'Mest i én uke (timer)', min: 30, max: 60, hint: 'Ved gjennomsnittsberegning, vanlig 54.' },
  {
    key: 'sundayAveragingWeeks',
    label: 'Søndagsarbeid i snitt over (uker)',
    min: 0,
    max: 52,
    hint: '0 = annenhver søn-/helgedag fri. 26 = avtale om gjennomsnitt.',
  },
];

export function SettingsTab({ unit }: { unit: UnitDetail }) {
  const update = useUnits((s) => s.updateSettings);
  const rename = useUnits((s) => s.renameUnit);
  const deleteUnit = useUnits((s) => s.deleteUnit);
  const s = unit.settings;
  const [name, setName] = useState(unit.name);
  const [limits, setLimits] = useState<Record<string, string>>(() =>
    Object.fromEntries(LIMITS.map((l) => [l.key, num(s.agreements[l.key])])),
  );
  const [weekendFrequency, setWeekendFrequency] = useState(s.weekendFrequency == null ? '' : String(s.weekendFrequency));
  const [holidayReduction, setHolidayReduction] = useState<HolidayReduction>(s.holidayReduction);
  const [heltid, setHeltid] = useState(num(Math.round(s.heltidThreshold * 1000) / 10));
  const [maxConsecutive, setMaxConsecutive] = useState(String(s.maxConsecutiveDays));
  const [records, setRecords] = useState<Record<string, { signedDate: string; parties: string }>>(() =>
    Object.fromEntries((s.agreementRecords ?? []).map((r) => [r.key, { signedDate: r.signedDate, parties: r.parties }])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  // Unsaved edits: what the form holds now against what was last loaded or saved.
  const snapshot = JSON.stringify([name, limits, weekendFrequency, holidayReduction, heltid, maxConsecutive, records]);
  const [savedSnapshot, setSavedSnapshot] = useState(snapshot);
  useUnsavedGuard('avtaler og regler', snapshot !== savedSnapshot);
  const rec = (key: string) => records[key] ?? { signedDate: '', parties: '' };
  const setRec = (key: string, patch: Partial<{ signedDate: string; parties: string }>) =>
    setRecords({ ...records, [key]: { ...rec(key), ...patch } });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const agreements = { ...s.agreements };
    for (const l of LIMITS) {
      const v = parseDecimal(limits[l.key]);
      if (v == null || v < l.min || v > l.max) errs[l.key] = `${l.label} må være mellom ${l.min} og ${l.max}.`;
      else agreements[l.key] = v;
    }
    // Records this form does not show (delt vakt, a second record of a limit, «gjelder til»,
    // e.g. from an imported plan file) are kept as they are unless the shown one was edited.
    const shown = new Set<string>(LIMITS.map((l) => l.key));
    const agreementRecords: AgreementRecord[] = (s.agreementRecords ?? []).filter((r) => !shown.has(r.key));
    for (const l of LIMITS) {
      const r = rec(l.key);
      const before = (s.agreementRecords ?? []).filter((x) => x.key === l.key);
      if (!r.signedDate && !r.parties.trim()) continue;
      if (!isIsoDate(r.signedDate)) errs[l.key + '.signedDate'] = 'Velg datoen avtalen ble inngått.';
      else if (!r.parties.trim()) errs[l.key + '.parties'] = 'Skriv hvem som inngikk avtalen.';
      else if (before.length > 0 && before[0].signedDate === r.signedDate && before[0].parties === r.parties.trim())
        agreementRecords.push(...before);
      else agreementRecords.push({ key: l.key, signedDate: r.signedDate, parties: r.parties.trim() });
    }
    const h = parsePercent(heltid);
    if (h == null || h <= 0 || h > 1) errs.heltidThreshold = 'Heltid må være en prosent mellom 1 og 100, f.eks. 80.';
    const mc = Number(maxConsecutive);
    const mcMax = BOUNDS.maxConsecutiveDaysMax;
    if (!/^\d+$/.test(maxConsecutive) || mc < 1 || mc > mcMax) errs.maxConsecutiveDays = `Skriv et helt tall mellom 1 og ${mcMax}.`;
    if (!name.trim()) errs.name = 'Avdelingen må ha et navn.';
    setErrors(errs);
    setStatus(null);
    if (Object.keys(errs).length) return;
    try {
      if (name.trim() !== unit.name) await rename(name.trim());
      await update({
        agreements,
        weekendFrequency: weekendFrequency ? Number(weekendFrequency) : null,
        holidayReduction,
        heltidThreshold: h!,
        maxConsecutiveDays: mc,
        agreementRecords,
      });
      setStatus('Innstillingene er lagret.');
      setSavedSnapshot(snapshot);
    } catch (err) {
      const f = fieldOf(err)?.split('.').pop();
      setErrors(f ? { [f]: messageOf(err) } : { form: messageOf(err) });
    }
  }

  async function remove() {
    if (!window.confirm(`Slette avdelingen «${unit.name}» med alle ansatte og planer? Dette kan ikke angres.`)) return;
    try {
      await deleteUnit(unit.id);
      navigate({ name: 'units' });
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Avtaler og regler">
      <h2>Avdelingen</h2>
      <div className="form-row">
        <Field label="Navn på avdelingen" error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Heltid fra (stillingsprosent)" error={errors.heltidThreshold} hint="Asker: 80. KS-statistikk: 100.">
          <input value={heltid} onChange={(e) => setHeltid(e.target.value)} className="num" />
        </Field>
      </div>
      <h2>Helg</h2>
      <div className="form-row">
        <Field label="Helgerytme">
          <select value={weekendFrequency} onChange={(e) => setWeekendFrequency(e.target.value)}>
            <option value="">Ingen fast rytme</option>
            <option value="2">Annenhver helg</option>
            <option value="3">Hver 3. helg</option>
            <option value="4">Hver 4. helg (Askermodellen)</option>
          </select>
        </Field>
        <Field label="Flest arbeidsdager på rad" error={errors.maxConsecutiveDays}>
          <input value={maxConsecutive} onChange={(e) => setMaxConsecutive(e.target.value)} className="num" />
        </Field>
      </div>
      <h2>Avtaler med tillitsvalgte</h2>
      <p className="muted">
        Grensene nedenfor følger arbeidsmiljøloven. Endre dem bare når dere har en skriftlig avtale, og skriv da inn når avtalen ble inngått
        og med hvem.
      </p>
      <table className="table agreements" aria-label="Avtalegrenser">
        <thead>
          <tr>
            <th>Grense</th>
            <th>Verdi</th>
            <th>Avtalt dato</th>
            <th>Avtalt med</th>
          </tr>
        </thead>
        <tbody>
          {LIMITS.map((l) => (
            <tr key={l.key}>
              <td>
                <b>{l.label}</b>
                <br />
                <small className="muted">{l.hint}</small>
              </td>
              <td>
                <input
                  aria-label={l.label}
                  value={limits[l.key]}
                  onChange={(e) => setLimits({ ...limits, [l.key]: e.target.value })}
                  className="num"
                  aria-invalid={!!errors[l.key]}
                />
                {errors[l.key] && (
                  <p className="field-error" role="alert">
                    {errors[l.key]}
                  </p>
                )}
              </td>
              <td>
                <DateField
                  label={`Avtalt dato: ${l.label}`}
                  aria-label={`Avtalt dato: ${l.label}`}
                  value={rec(l.key).signedDate}
                  onChange={(v) => setRec(l.key, { signedDate: v })}
                  aria-invalid={!!errors[l.key + '.signedDate']}
                />
                {errors[l.key + '.signedDate'] && (
                  <p className="field-error" role="alert">
                    {errors[l.key + '.signedDate']}
                  </p>
                )}
              </td>
              <td>
                <input
                  aria-label={`Avtalt med: ${l.label}`}
                  value={rec(l.key).parties}
                  placeholder="f.eks. NSF og Fagforbundet"
                  onChange={(e) => setRec(l.key, { parties: e.target.value })}
                  aria-invalid={!!errors[l.key + '.parties']}
                />
                {errors[l.key + '.parties'] && (
                  <p className="field-error" role="alert">
                    {errors[l.key + '.parties']}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Helligdager i timeregnskapet</h2>
      <Field label="Reduksjon for helligdager og ferie">
        <select value={holidayReduction} onChange={(e) => setHolidayReduction(e.target.value as HolidayReduction)}>
          <option value="MONSAT_T_OVER_6">Mandag–lørdag, ukens timer ÷ 6 (vanlig i turnus)</option>
          <option value="MONFRI_T_OVER_5">Mandag–fredag, ukens timer ÷ 5</option>
          <option value="NONE">Ingen reduksjon for helligdager</option>
        </select>
      </Field>
      <FormError message={errors.form} />
      <div className="buttons">
        <button type="submit" className="primary">
          Lagre innstillinger
        </button>
        {status && (
          <span className="ok" role="status">
            {status}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="danger" onClick={() => void remove()}>
          Slett avdelingen
        </button>
      </div>
    </form>
  );
}
