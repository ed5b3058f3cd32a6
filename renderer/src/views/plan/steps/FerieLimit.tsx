/** The unit's limit of how many may have ferie on the same day, per competence (shown and changed in step 2). */
import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../../../api';
import { COMPETENCE_LABEL } from '../../../../../shared/plan/model';
import { StackField } from './form-rows';

const labelOf = (c: string) => (c === 'any' ? 'Alle ansatte' : ((COMPETENCE_LABEL as Record<string, string>)[c] ?? c));

export function limitText(maxOff: Record<string, number>): string {
  const entries = Object.entries(maxOff).sort(([a], [b]) => (a === 'any' ? 1 : b === 'any' ? -1 : a < b ? -1 : 1));
  const parts = entries.map(([c, n]) => (c === 'any' ? `totalt høyst ${n}` : `${labelOf(c)} høyst ${n}`));
  return parts.length ? `${parts.join(', ')} på ferie samme dag` : 'ingen grense for hvor mange som har ferie samme dag';
}

export function FerieLimit({
  unitId,
  competences,
  maxOff,
  onSaved,
}: {
  unitId: number;
  competences: string[];
  maxOff: Record<string, number>;
  onSaved: (m: Record<string, number>) => void;
}) {
  const keys = [...new Set([...competences, ...Object.keys(maxOff).filter((c) => c !== 'any'), 'any'])];
  const [open, setOpen] = useState(false);
  const [vals, setVals] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  function start() {
    setVals(Object.fromEntries(keys.map((c) => [c, maxOff[c] === undefined ? '' : String(maxOff[c])])));
    setErrors({});
    setOpen(true);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, number> = {};
    const errs: Record<string, string> = {};
    for (const c of keys) {
      const v = (vals[c] ?? '').trim();
      if (v === '') continue;
      if (!/^\d{1,3}$/.test(v)) errs[c] = `«${labelOf(c)}» må være et helt tall (0 eller mer), eller tomt for ingen grense.`;
      else next[c] = Number(v);
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await api.updateUnitSettings(unitId, { maxOffPerCompetence: next });
      onSaved(next);
      setOpen(false);
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  if (!open) {
    return (
      <p>
        Avdelingens grense: <b>{limitText(maxOff)}</b>.{' '}
        <button type="button" className="link" onClick={start}>
          Endre grensen
        </button>
      </p>
    );
  }
  return (
    <form className="form-row" onSubmit={save} aria-label="Grense for ferie samtidig">
      {keys.map((c) => (
        <StackField key={c} label={`${labelOf(c)}: høyst`} error={errors[c]}>
          <input
            className="num small"
            inputMode="numeric"
            value={vals[c] ?? ''}
            aria-invalid={!!errors[c]}
            onChange={(e) => setVals({ ...vals, [c]: e.target.value })}
            placeholder="ingen grense"
          />
        </StackField>
      ))}
      <button type="submit" className="primary align-end">
        Lagre grensen
      </button>
      <button type="button" className="align-end" onClick={() => setOpen(false)}>
        Avbryt
      </button>
      {errors.form && (
        <span className="field-error" role="alert">
          {errors.form}
        </span>
      )}
    </form>
  );
}
