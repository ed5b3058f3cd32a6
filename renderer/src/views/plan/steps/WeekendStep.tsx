/** Step 4: the weekend rhythm (groups) and the langvakter on the groups' weekends. */
import { useState } from 'react';
import { usePlan, keyOf } from '../../../stores/plan';
import { messageOf } from '../../../api';
import { balancedGroups, weekendPlacement } from '../../../lib/steps';
import { FormError } from '../../../components/Field';
import { COMPETENCE_LABEL, type Competence } from '../../../../../shared/plan/model';
import { formatDateNo, fromDay, toDay, weekendsIn } from '../../../../../shared/calendar';
import { useSortedEmployees } from './common';
import { api } from '../../../api';
import { useScenarioOfPlan } from '../ScenarioBanner';

// ------------------------------------------------------------------------------- step 4
export function WeekendStep() {
  const plan = usePlan((s) => s.plan)!;
  const employees = useSortedEmployees();
  const saveUnitWeekendSetup = usePlan((s) => s.saveWeekendSetup);
  // In a scenario's plan the rhythm and groups belong to the scenario, never to the unit.
  const scenario = useScenarioOfPlan(plan.id);
  const saveWeekendSetup = async (freq: number, g: ReadonlyMap<string, number>) => {
    if (!scenario) return saveUnitWeekendSetup(freq, g);
    await api.saveScenarioWeekendSetup(scenario.scenarioId, { weekendFrequency: freq, groups: [...g].map(([employeeId, weekendGroup]) => ({ employeeId, weekendGroup })) });
    await usePlan.getState().reloadFile();
  };
  const [k, setK] = useState<number>(plan.file.unit.weekendFrequency ?? 4);
  const [groups, setGroups] = useState<Map<string, number>>(() =>
    new Map(employees.filter((e) => e.weekendGroup !== undefined).map((e) => [e.id, e.weekendGroup!])));
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const longShift = plan.file.shiftTypes.find((s) => s.long);
  const nWeekends = weekendsIn(toDay(plan.start), toDay(plan.end)).length;

  const missing = employees.filter((e) => groups.get(e.id) === undefined || groups.get(e.id)! >= k);

  async function save() {
    setError(null);
    try {
      await saveWeekendSetup(k, groups);
      setMsg('Helgerytme og grupper er lagret.');
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function layLongShifts() {
    setError(null);
    if (!longShift) {
      setError('Avdelingen har ingen vakttype merket som langvakt. Merk L som langvakt under «Vakttyper».');
      return;
    }
    if (missing.length) {
      setError(`Gi alle en helgegruppe først (mangler: ${missing.map((e) => e.name).join(', ')}).`);
      return;
    }
    try {
      await saveWeekendSetup(k, groups);
      const s = usePlan.getState();
      const p = weekendPlacement(s.employees, groups, k, { start: plan.start, end: plan.end }, (id, d) => !!s.cells.get(keyOf(id, d)));
      s.apply(p.changes.map((c) => ({ key: keyOf(c.employeeId, c.date), code: longShift.code })));
      setMsg(
        `${p.changes.length} langvakter (${longShift.code}) lagt inn.` +
        (p.skipped ? ` ${p.skipped} helgedager hadde allerede noe og ble ikke endret.` : '') +
        (p.withoutConsent.length ? ` Uten samtykke til langvakt (legg inn helgevakter selv): ${p.withoutConsent.map((e) => e.name).join(', ')}.` : ''),
      );
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <div>
      <p className="muted">
        Askermodellen: langvakter lørdag og søndag, hver {k}. helg. Perioden har {nWeekends} helger. Del de ansatte i {k} grupper;
        gruppe 1 tar første helg, gruppe 2 den neste, osv. Langvakter legges bare på dem som har samtykket.
      </p>
      <div className="form-row">
        <label className="stack">Hver ansatt jobber
          <select value={k} onChange={(e) => { setK(Number(e.target.value)); setMsg(null); }}>
            <option value={2}>annenhver helg</option>
            <option value={3}>hver 3. helg</option>
            <option value={4}>hver 4. helg</option>
          </select>
        </label>
        <button type="button" className="align-end" onClick={() => { setGroups(balancedGroups(employees, k)); setMsg(null); }}>Fordel grupper jevnt</button>
      </div>
      <ul className="group-dates" aria-label="Helgene til hver gruppe">
        {Array.from({ length: k }, (_, g) => {
          const sats = weekendsIn(toDay(plan.start), toDay(plan.end)).filter((_, i) => i % k === g);
          const fmt = (d: number) => { const x = formatDateNo(fromDay(d), false); return x.slice(0, 5); };
          return (
            <li key={g}>
              <b>Gruppe {g + 1}</b>: {sats.slice(0, 4).map((d) => `${fmt(d)}–${fmt(d + 1)}`).join(', ')}
              {sats.length > 4 ? ` og ${sats.length - 4} helger til` : ''}
            </li>
          );
        })}
      </ul>
      <table className="table compact" aria-label="Helgegrupper">
        <thead><tr><th>Ansatt</th><th>Kompetanse</th><th>Langvakt</th><th>Helgegruppe</th></tr></thead>
        <tbody>
          {employees.map((e) => (
            <tr key={e.id}>
              <td>{e.name}</td>
              <td>{COMPETENCE_LABEL[e.competence as Competence] ?? e.competence}</td>
              <td>{e.consentsLongShifts ? 'Samtykket' : <span className="warn">Ikke samtykket</span>}</td>
              <td>
                <select aria-label={`Helgegruppe for ${e.name}`} value={groups.get(e.id) ?? ''}
                  onChange={(ev) => { const m = new Map(groups); if (ev.target.value === '') m.delete(e.id); else m.set(e.id, Number(ev.target.value)); setGroups(m); setMsg(null); }}>
                  <option value="">Ingen</option>
                  {Array.from({ length: k }, (_, g) => <option key={g} value={g}>Gruppe {g + 1}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" onClick={() => void save()}>Lagre grupper</button>
        <button type="button" className="primary" onClick={() => void layLongShifts()}>Legg langvakter på gruppenes helger</button>
      </div>
      {msg && <p className="ok" role="status">{msg}</p>}
      <FormError message={error} />
    </div>
  );
}
