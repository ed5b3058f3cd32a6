/** Update mode of the staff import: the mode choice and what changes per matched employee. */
import type { StaffImportMode, StaffImportPreview } from '../../../../shared/api/exchange';

export function ModeChoice({ mode, onChange }: { mode: StaffImportMode; onChange(m: StaffImportMode): void }) {
  return (
    <fieldset className="ex-mode">
      <legend>Hva skal importen gjøre?</legend>
      <label>
        <input type="radio" name="ex-mode" checked={mode === 'create'} onChange={() => onChange('create')} /> Legge til nye ansatte
      </label>
      <label>
        <input type="radio" name="ex-mode" checked={mode === 'update'} onChange={() => onChange('update')} /> Oppdatere avdelingen fra
        personalsystemet (finner ansatte på ansattnr, ellers navn; nye legges til)
      </label>
    </fieldset>
  );
}

export function UpdateList({ preview }: { preview: StaffImportPreview }) {
  const updates = preview.updates ?? [];
  return (
    <section aria-label="Endringer">
      <p className="ok" role="status">
        {updates.length} {updates.length === 1 ? 'ansatt endres' : 'ansatte endres'}, {preview.employees.length} nye,{' '}
        {preview.unchanged ?? 0} uten endringer.
      </p>
      {updates.length > 0 && (
        <table className="table ex-updates" aria-label="Endringer per ansatt">
          <thead>
            <tr>
              <th className="num">Linje</th>
              <th>Ansatt</th>
              <th>Funnet på</th>
              <th>Felt</th>
              <th>Før</th>
              <th>Etter</th>
            </tr>
          </thead>
          <tbody>
            {updates.flatMap((u) =>
              u.changes.map((c, i) => (
                <tr key={`${u.employeeId}-${c.field}`}>
                  <td className="num">{i === 0 ? u.line : ''}</td>
                  <td>{i === 0 ? u.name : ''}</td>
                  <td>{i === 0 ? (u.matchedBy === 'employeeNumber' ? 'ansattnr' : 'navn') : ''}</td>
                  <td>{c.label}</td>
                  <td>{c.before}</td>
                  <td>{c.after}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
