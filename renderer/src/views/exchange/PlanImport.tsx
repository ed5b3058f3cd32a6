/**
 * Plan file import (.turnus.json) from the units overview: choose a file → preview (unit, period,
 * staff, shifts, errors) → «Importer» creates a new unit with the plan. Nothing is written first.
 */
import { useRef, useState } from 'react';
import type { PlanImportPreview } from '../../../../shared/api/review';
import { formatDateNo } from '../../../../shared/calendar';
import { api, messageOf } from '../../api';
import { Field } from '../../components/Field';
import { navigate } from '../../lib/router';
import { readFileText } from '../../lib/download';
import { useUnits } from '../../stores/units';
import './exchange.css';

export function PlanImport() {
  const loadUnits = useUnits((s) => s.loadUnits);
  const units = useUnits((s) => s.units);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  const [planName, setPlanName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function choose(list: FileList | null) {
    const f = list?.[0];
    setPreview(null);
    setError(null);
    setText(null);
    if (!f) return;
    setName(f.name);
    setBusy(true);
    try {
      const t = await readFileText(f);
      setText(t);
      setPreview(await api.previewPlanImport(t));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!text || !preview?.ok) return;
    setBusy(true);
    setError(null);
    try {
      const plan = await api.commitPlanImport(text, planName.trim() || undefined);
      await loadUnits();
      navigate({ name: 'plan', planId: plan.id });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <div className="ex-open">
        <button type="button" onClick={() => setOpen(true)}>
          Importer en turnusfil (.turnus.json) …
        </button>
      </div>
    );
  }
  return (
    <section className="panel ex-import" aria-label="Importer turnusfil">
      <h2>Importer turnusfil</h2>
      <p className="muted">
        En turnusfil (.turnus.json) er lagret fra Turnus med «Eksport → Turnusfil». Den blir en ny avdeling med vakttyper, ansatte,
        bemanningsplan og planen. Ingenting lagres før du trykker «Importer».
      </p>
      <label className="ex-file">
        <span>Velg turnusfil</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          onChange={(e) => void choose(e.target.files)}
          aria-label="Turnusfil"
        />
      </label>
      {busy && <p className="muted">Leser filen …</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview &&
        (preview.ok ? (
          <section className="ex-summary" aria-label="Innhold i turnusfilen">
            <p className="ok" role="status">
              Filen «{name}» er gyldig.
            </p>
            <dl>
              <dt>Avdeling</dt>
              <dd>{preview.unitName}</dd>
              <dt>Periode</dt>
              <dd>{preview.period ? `${formatDateNo(preview.period.start, false)} – ${formatDateNo(preview.period.end, false)}` : ''}</dd>
              <dt>Ansatte</dt>
              <dd>{preview.employees}</dd>
              <dt>Vakter i planen</dt>
              <dd>{preview.assignments}</dd>
              <dt>Vakttyper</dt>
              <dd>{preview.shiftTypes.join(', ')}</dd>
              <dt>Låste vakter</dt>
              <dd>{preview.pinned}</dd>
              <dt>Avtaler med tillitsvalgte</dt>
              <dd>{preview.agreementRecords}</dd>
              <dt>Møter og kurs</dt>
              <dd>{preview.activities}</dd>
            </dl>
            {preview.warnings.length > 0 && (
              <ul className="ex-warnings" aria-label="Merknader">
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
            {units?.some((u) => u.name === preview.unitName) ? (
              <p className="ex-warnings">
                Det finnes allerede en avdeling som heter «{preview.unitName}». Den blir ikke endret: planen importeres som en ny avdeling
                med et ledig navn, f.eks. «{preview.unitName} (2)».
              </p>
            ) : (
              <p className="muted">Planen importeres som en ny avdeling. Avdelingene du har fra før blir ikke endret.</p>
            )}
            <Field label="Navn på planen (valgfritt)">
              <input value={planName} onChange={(e) => setPlanName(e.target.value)} placeholder="Som i filen" />
            </Field>
          </section>
        ) : (
          <div className="ex-errors" role="alert" aria-label="Feil i turnusfilen">
            <strong>Filen «{name}» kan ikke importeres:</strong>
            <ul>
              {preview.errors.map((e) => (
                <li key={e}>{e.replace(/^\(fil\): /, 'Filen ')}</li>
              ))}
            </ul>
          </div>
        ))}
      <div className="buttons">
        <button type="button" className="primary" disabled={!preview?.ok || busy} onClick={() => void commit()}>
          Importer som ny avdeling
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            setPreview(null);
            setText(null);
            setError(null);
          }}
        >
          Lukk
        </button>
      </div>
    </section>
  );
}
