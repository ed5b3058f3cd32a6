import { useEffect, useState, type FormEvent } from 'react';
import { useUnits } from '../../stores/units';
import { Field, FormError } from '../../components/Field';
import { messageOf } from '../../api';
import { navigate, hrefOf } from '../../lib/router';
import { PlanImport } from '../exchange/PlanImport';
import { count } from '../../../../shared/text';

export function UnitsView() {
  const units = useUnits((s) => s.units);
  const loadError = useUnits((s) => s.loadError);
  const loadUnits = useUnits((s) => s.loadUnits);
  const createUnit = useUnits((s) => s.createUnit);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadUnits();
  }, [loadUnits]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Skriv inn navnet på avdelingen.');
      return;
    }
    setBusy(true);
    try {
      const unit = await createUnit(name.trim());
      setName('');
      setError(null);
      navigate({ name: 'unit', unitId: unit.id, tab: 'ansatte' });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <h1>Avdelinger</h1>
      <FormError message={loadError} />
      {units && units.length === 0 && (
        <p className="lead">Du har ingen avdelinger ennå. Start med å opprette avdelingen du skal lage turnus for.</p>
      )}
      {units && units.length > 0 && (
        <ul className="card-list" aria-label="Avdelinger">
          {units.map((u) => (
            <li key={u.id} className="card">
              <a href={hrefOf({ name: 'unit', unitId: u.id, tab: 'planer' })} className="card-title">
                {u.name}
              </a>
              <span className="muted">
                {count(u.employeeCount, 'ansatt', 'ansatte')} · {u.planCount} {u.planCount === 1 ? 'turnusplan' : 'turnusplaner'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form className="panel form-inline" onSubmit={submit} aria-label="Ny avdeling">
        <h2>Ny avdeling</h2>
        <p className="muted">Avdelingen får vaktene D (dag), A (aften), N (natt) og L (langvakt). Du kan endre dem etterpå.</p>
        <Field label="Navn på avdelingen" error={error}>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="f.eks. Avdeling Solsiden" />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          Opprett avdeling
        </button>
      </form>
      <PlanImport />
    </div>
  );
}
