/**
 * Staff import from CSV or XLSX on the unit's staff tab: choose a file → preview with the column
 * mapping (changeable) and every row error in Norwegian → «Importer» only when the file is clean.
 * Nothing is written before the user confirms a clean preview.
 */
import { useRef, useState } from 'react';
import type { UnitDetail } from '../../../../shared/api';
import type { ColumnMapping, ImportFile, StaffImportPreview } from '../../../../shared/api/review';
import { STAFF_FIELDS, STAFF_FIELD_LABEL, parseCsvTable, type StaffField } from '../../../../shared/exchange/staff-import';
import { COMPETENCE_LABEL, DEFAULT_WEEKLY_HOURS, type Competence } from '../../../../shared/plan/model';
import { api, messageOf } from '../../api';
import { fmtPct } from '../../lib/format';
import { bytesToBase64 } from '../../lib/download';
import { useUnits } from '../../stores/units';
import { ModeChoice, UpdateList } from './StaffUpdates';
import type { StaffImportMode } from '../../../../shared/api/exchange';
import './exchange.css';

const yesNo = (b: boolean | undefined) => (b ? 'Ja' : 'Nei');

/**
 * The raw cells of a CSV file by line, so a row with an error can still show whose row it is
 * (the preview only carries the employees it could read). XLSX rows are not shown raw.
 */
function rawCsvRows(file: File, bytes: Uint8Array): Map<number, string[]> {
  if (!/\.(csv|txt)$/i.test(file.name)) return new Map();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return new Map(parseCsvTable(text.replace(/^\ufeff/, '')).table.rows.map((r) => [r.line, r.cells]));
}

export function StaffImport({ unit }: { unit: UnitDetail }) {
  const loadUnit = useUnits((s) => s.loadUnit);
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<ImportFile | null>(null);
  const [preview, setPreview] = useState<StaffImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<StaffImportMode>('create');
  const [raw, setRaw] = useState<Map<number, string[]>>(new Map());
  const input = useRef<HTMLInputElement>(null);

  async function runPreview(f: ImportFile, m: ColumnMapping | undefined, md: StaffImportMode = mode) {
    setBusy(true);
    setError(null);
    try {
      const p = await api.previewStaffImport(unit.id, f, m, { mode: md });
      setPreview(p);
      setMapping(p.mapping);
    } catch (err) {
      setPreview(null);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function choose(list: FileList | null) {
    const chosen = list?.[0];
    setDone(null);
    setPreview(null);
    setMapping(undefined);
    if (!chosen) {
      setFile(null);
      return;
    }
    if (!/\.(csv|txt|xlsx)$/i.test(chosen.name)) {
      setFile(null);
      setError(
        `«${chosen.name}» er verken en CSV-fil eller en Excel-fil (.xlsx). Lagre lista som «CSV (semikolondelt)» eller .xlsx i Excel.`,
      );
      return;
    }
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    setRaw(rawCsvRows(chosen, bytes));
    const f = { name: chosen.name, base64: bytesToBase64(bytes) };
    setFile(f);
    await runPreview(f, undefined);
  }

  function remap(column: number, field: StaffField | '') {
    if (!file || !mapping) return;
    const next: ColumnMapping = {};
    for (const k of STAFF_FIELDS) {
      const idx = mapping[k];
      if (idx !== undefined && idx !== column && k !== field) next[k] = idx;
    }
    if (field) next[field] = column;
    setMapping(next);
    void runPreview(file, next);
  }

  async function commit() {
    if (!file || !preview?.ok) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.commitStaffImport(unit.id, file, mapping, { mode });
      await loadUnit(unit.id);
      setDone(
        `${res.created.length} ${res.created.length === 1 ? 'ansatt er' : 'ansatte er'} importert` +
          `${mode === 'update' ? ` og ${res.updated.length} oppdatert` : ''} fra «${file.name}».`,
      );
      reset(false);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  function reset(clearDone = true) {
    setFile(null);
    setPreview(null);
    setMapping(undefined);
    setError(null);
    if (clearDone) setDone(null);
    if (input.current) input.current.value = '';
  }

  const fieldOfColumn = (i: number): StaffField | '' => STAFF_FIELDS.find((k) => mapping?.[k] === i) ?? '';
  const errorCount = preview?.errors.length ?? 0;

  if (!open) {
    return (
      <div className="ex-open">
        <button type="button" onClick={() => setOpen(true)}>
          Importer ansatte fra CSV eller Excel …
        </button>
        {done && (
          <p className="ok" role="status">
            {done}
          </p>
        )}
      </div>
    );
  }

  return (
    <section className="panel ex-import" aria-label="Importer ansatte">
      <h2>Importer ansatte fra CSV eller Excel</h2>
      <p className="muted">
        Første rad må være overskrifter, f.eks.{' '}
        <code>Ansattnr; Navn; Stillingstittel; Stillingsprosent; Ønsket stilling; Langvakt; Samtykkedato</code>. Kompetanse er sykepleier,
        helsefagarbeider eller assistent. Ingenting lagres før du trykker «Importer».
      </p>
      <ModeChoice
        mode={mode}
        onChange={(m) => {
          setMode(m);
          if (file) void runPreview(file, mapping, m);
        }}
      />
      <label className="ex-file">
        <span>Velg fil (.csv eller .xlsx)</span>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void choose(e.target.files)}
          aria-label="Fil med ansatte"
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {busy && <p className="muted">Leser filen …</p>}
      {preview && file && (
        <>
          <h3>Kolonner i «{file.name}»</h3>
          <p className="muted">Sjekk at hver kolonne leses riktig. Endre valget hvis en kolonne er tolket feil.</p>
          <table className="table ex-mapping" aria-label="Kolonner">
            <thead>
              <tr>
                <th>Kolonne i filen</th>
                <th>Leses som</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((c) => (
                <tr key={c.index}>
                  <td>{c.header || <em className="muted">(uten overskrift, kolonne {c.index + 1})</em>}</td>
                  <td>
                    <select
                      value={fieldOfColumn(c.index)}
                      onChange={(e) => remap(c.index, e.target.value as StaffField | '')}
                      aria-label={`Kolonnen ${c.header || c.index + 1} leses som`}
                    >
                      <option value="">Ikke i bruk</option>
                      {STAFF_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {STAFF_FIELD_LABEL[f]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {errorCount > 0 ? (
            <div className="ex-errors" role="alert" aria-label="Feil i filen">
              <strong>
                {errorCount} {errorCount === 1 ? 'feil må' : 'feil må'} rettes før du kan importere.
              </strong>
              <span> Rett filen (i Excel) og velg den på nytt, eller endre kolonnevalget over.</span>
              <ul>
                {preview.errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            </div>
          ) : mode === 'update' ? (
            <UpdateList preview={preview} />
          ) : (
            <p className="ok" role="status">
              Ingen feil. {preview.employees.length} {preview.employees.length === 1 ? 'ansatt' : 'ansatte'} kan importeres.
            </p>
          )}
          {preview.warnings.length > 0 && (
            <ul className="ex-warnings" aria-label="Merknader">
              {preview.warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}

          <table className="table ex-rows" aria-label="Forhåndsvisning">
            <thead>
              <tr>
                <th className="num">Linje</th>
                <th>Navn</th>
                <th>Kompetanse</th>
                <th className="num">Stilling</th>
                <th className="num">Ønsket</th>
                <th className="num">Timer/uke</th>
                <th>Langvakt</th>
                <th>Fritatt natt</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => {
                const e = r.employee;
                return (
                  <tr key={r.line} className={r.errors.length ? 'ex-bad' : ''}>
                    <td className="num">{r.line}</td>
                    <td>
                      {e?.name ??
                        (mapping?.name !== undefined ? <span className="muted">{raw.get(r.line)?.[mapping.name] ?? ''}</span> : '')}
                    </td>
                    <td>{e ? (COMPETENCE_LABEL[e.competence as Competence] ?? e.competence) : ''}</td>
                    <td className="num">{e ? fmtPct(e.position) : ''}</td>
                    <td className="num">{e?.wantedPosition != null ? fmtPct(e.wantedPosition) : ''}</td>
                    <td className="num">
                      {e ? (
                        e.weeklyHours != null ? (
                          String(e.weeklyHours).replace('.', ',')
                        ) : (
                          <span className="muted" title="Ikke i filen: standard arbeidstid i turnus">
                            {String(DEFAULT_WEEKLY_HOURS).replace('.', ',')}
                          </span>
                        )
                      ) : (
                        ''
                      )}
                    </td>
                    <td>{e ? yesNo(e.consentsLongShifts) : ''}</td>
                    <td>{e ? yesNo(e.nightExempt) : ''}</td>
                    <td>
                      {r.errors.length ? (
                        <span className="bad">
                          {r.errors
                            .map((x) => (x.field ? `${x.field}: ${x.message.replace(/^Linje \d+, [^:]+: /, '')}` : x.message))
                            .join(' · ')}
                        </span>
                      ) : (
                        <span className="ok">OK</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <div className="buttons">
        <button type="button" className="primary" disabled={!preview?.ok || busy} onClick={() => void commit()}>
          {preview?.ok
            ? mode === 'update'
              ? `Oppdater (${preview.updates?.length ?? 0} endret, ${preview.employees.length} nye)`
              : `Importer ${preview.employees.length} ${preview.employees.length === 1 ? 'ansatt' : 'ansatte'}`
            : 'Importer'}
        </button>
        <button
          type="button"
          onClick={() => {
            reset();
            setOpen(false);
          }}
        >
          Lukk
        </button>
        {preview && !preview.ok && <span className="muted">«Importer» blir tilgjengelig når filen er uten feil.</span>}
      </div>
    </section>
  );
}
