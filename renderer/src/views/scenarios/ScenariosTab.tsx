/** The unit's pilot scenarios: make one from a plan with a few changes, open, copy, rename, delete, compare 2–4. */
import { useEffect, useState, type FormEvent } from 'react';
import type { UnitDetail } from '../../../../shared/api';
import type { Transform } from '../../../../shared/scenario';
import { TRANSFORM_LABEL } from '../../../../shared/scenario';
import { formatDateNo } from '../../../../shared/calendar';
import { useScenarios } from '../../stores/scenarios';
import { useUnits } from '../../stores/units';
import { hrefOf, navigate } from '../../lib/router';
import { messageOf } from '../../api';
import { FormError } from '../../components/Field';
import { nextMonday } from '../../lib/format';
import '../metrics/metrics.css';
import { DateField } from '../../components/DateField';

export function describeTransform(t: Transform): string {
  switch (t.kind) {
    case 'raisePositions':
      return `${TRANSFORM_LABEL[t.kind]} ${t.employees === 'wantsMore' ? 'for alle som ønsker mer' : `for ${t.employees.length} ansatte`} til ${t.level === 'wanted' ? 'ønsket stilling' : `${Math.round(t.level * 100)} %`}`;
    case 'setWeekendFrequency':
      return t.frequency === null ? 'Fjern fast helgerytme' : `Helgerytme hver ${t.frequency}. helg`;
    case 'adjustDemand':
      return `${TRANSFORM_LABEL[t.kind]}: ${t.shift} ${t.dayType ?? t.date ?? ''} ${t.count !== undefined ? `= ${t.count}` : `${(t.delta ?? 0) >= 0 ? '+' : ''}${t.delta}`}`;
    default:
      return TRANSFORM_LABEL[t.kind];
  }
}

/** What a scenario changed, in one line. */
export function describeScenario(s: { transforms: Transform[]; acceptedOffers: number }): string {
  const parts = s.transforms.map(describeTransform);
  if (s.acceptedOffers > 0) parts.push(`Stillingsøkning: ${s.acceptedOffers} ekstravakter godtatt`);
  return parts.length ? parts.join('; ') : 'ingen endringer (utgangspunktet)';
}

export function ScenariosTab({ unit }: { unit: UnitDetail }) {
  const list = useScenarios((s) => (s.unitId === unit.id ? s.list : null));
  const error = useScenarios((s) => s.error);
  const st = useScenarios.getState;
  const plans = useUnits((s) => s.plans) ?? [];
  const [selected, setSelected] = useState<number[]>([]);
  const [name, setName] = useState('');
  const [planId, setPlanId] = useState<string>('');
  const [start, setStart] = useState(nextMonday());
  const [months, setMonths] = useState<3 | 6 | 12>(12);
  const [raise, setRaise] = useState(false);
  const [merge, setMerge] = useState(false);
  const [longWeekends, setLongWeekends] = useState(false);
  const [freq, setFreq] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void st().loadList(unit.id);
  }, [unit.id]);
  useEffect(() => {
    if (!planId && plans.length) setPlanId(String(plans[0].id));
  }, [plans, planId]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!name.trim()) {
      setFormError('Gi scenarioet et navn, f.eks. «Langvakter hver 4. helg».');
      return;
    }
    const transforms: Transform[] = [];
    if (merge) transforms.push({ kind: 'mergeWeekendOnly' });
    if (longWeekends) transforms.push({ kind: 'switchToLongWeekends' });
    if (freq) transforms.push({ kind: 'setWeekendFrequency', frequency: Number(freq) });
    if (raise) transforms.push({ kind: 'raisePositions', employees: 'wantsMore', level: 'wanted' });
    setBusy(true);
    try {
      const s = await st().create(
        planId
          ? { unitId: unit.id, planId: Number(planId), name: name.trim(), transforms }
          : { unitId: unit.id, name: name.trim(), transforms, start, months },
      );
      navigate({ name: 'scenario', scenarioId: s.id });
    } catch (err) {
      setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 4 ? s : [...s, id]));

  return (
    <div>
      <p className="lead">
        Et scenario er en kopi av avdelingens ansatte, bemanningsplan og en turnus, der du prøver ut endringer uten å røre den ekte planen:
        større stillinger, langvakter i helgene, annen helgerytme. Sammenlign 2–4 scenarioer side om side, og gjør det beste til gjeldende
        plan.
      </p>
      <FormError message={error} />
      <section className="panel" aria-label="Scenarioer">
        <h2>Scenarioer</h2>
        {list === null ? (
          <p className="muted">Henter …</p>
        ) : list.length === 0 ? (
          <p className="muted">Ingen scenarioer ennå. Lag det første under.</p>
        ) : (
          <table className="table" aria-label="Scenarioliste">
            <thead>
              <tr>
                <th>Sammenlign</th>
                <th>Navn</th>
                <th>Periode</th>
                <th>Endringer</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Velg ${s.name} for sammenligning`}
                      checked={selected.includes(s.id)}
                      onChange={() => toggle(s.id)}
                    />
                  </td>
                  <td>
                    <a href={hrefOf({ name: 'scenario', scenarioId: s.id })}>{s.name}</a>
                    {s.description && <div className="muted">{s.description}</div>}
                  </td>
                  <td>
                    {formatDateNo(s.period.start, false)} – {formatDateNo(s.period.end, false)}
                  </td>
                  <td>{describeScenario(s)}</td>
                  <td>
                    {s.appliedAt ? <span className="ok">Gjort gjeldende {formatDateNo(s.appliedAt.slice(0, 10), false)}</span> : 'Utkast'}
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="link"
                      onClick={async () => {
                        const c = await st().copy(s.id);
                        navigate({ name: 'scenario', scenarioId: c.id });
                      }}
                    >
                      Kopier
                    </button>
                    <button
                      type="button"
                      className="link"
                      onClick={async () => {
                        const n = window.prompt('Nytt navn på scenarioet', s.name);
                        if (n?.trim()) await st().rename(s.id, n.trim());
                      }}
                    >
                      Gi nytt navn
                    </button>
                    <button
                      type="button"
                      className="link danger"
                      onClick={async () => {
                        if (window.confirm(`Slette scenarioet «${s.name}»? Den ekte turnusen påvirkes ikke.`)) {
                          await st().remove(s.id);
                          setSelected((x) => x.filter((i) => i !== s.id));
                        }
                      }}
                    >
                      Slett
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="buttons">
          <button
            type="button"
            className="primary"
            disabled={selected.length < 2}
            onClick={() => navigate({ name: 'compare', unitId: unit.id, ids: selected, psu: false })}
          >
            Sammenlign valgte ({selected.length})
          </button>
          <span className="muted">Velg 2–4. Det første du velger er referansen.</span>
        </div>
      </section>

      <form className="panel" onSubmit={create} aria-label="Nytt scenario">
        <h2>Nytt scenario</h2>
        <div className="form-row">
          <div className="field">
            <label htmlFor="sc-name">Navn</label>
            <input
              id="sc-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="F.eks. Langvakter hver 4. helg"
              style={{ width: '20rem' }}
            />
          </div>
          <div className="field">
            <label htmlFor="sc-plan">Start fra turnusplan</label>
            <select id="sc-plan" value={planId} onChange={(e) => setPlanId(e.target.value)}>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({formatDateNo(p.start, false)} – {formatDateNo(p.end, false)})
                </option>
              ))}
              <option value="">Ingen plan: tom turnus</option>
            </select>
          </div>
          {!planId && (
            <>
              <div className="field">
                <label htmlFor="sc-start">Første dag</label>
                <DateField id="sc-start" label="Første dag" value={start} onChange={setStart} />
              </div>
              <div className="field">
                <label htmlFor="sc-months">Lengde</label>
                <select id="sc-months" value={months} onChange={(e) => setMonths(Number(e.target.value) as 3 | 6 | 12)}>
                  <option value={3}>3 måneder</option>
                  <option value={6}>6 måneder</option>
                  <option value={12}>12 måneder</option>
                </select>
              </div>
            </>
          )}
        </div>
        <fieldset style={{ border: 'none', padding: 0 }}>
          <legend className="kpi-label">Endringer (gjøres i denne rekkefølgen)</legend>
          <label className="chk">
            <input type="checkbox" checked={merge} onChange={(e) => setMerge(e.target.checked)} /> Slå sammen rene helgestillinger med samme
            kompetanse til én stilling
          </label>
          <label className="chk">
            <input type="checkbox" checked={longWeekends} onChange={(e) => setLongWeekends(e.target.checked)} /> Langvakter i helgene: D/A
            blir L (12,5 t) hver 4. helg for dem som har samtykket
          </label>
          <label className="chk">
            Helgerytme:
            <select value={freq} onChange={(e) => setFreq(e.target.value)} aria-label="Helgerytme i scenarioet">
              <option value="">uendret</option>
              <option value="2">annenhver helg</option>
              <option value="3">hver 3. helg</option>
              <option value="4">hver 4. helg</option>
            </select>
          </label>
          <label className="chk">
            <input type="checkbox" checked={raise} onChange={(e) => setRaise(e.target.checked)} /> Øk stillingen til ønsket stilling for
            alle som ønsker større stilling
          </label>
        </fieldset>
        <p className="assume">
          Endringene flytter ikke vakter mellom personer. Bruk stillingsøkning i scenarioet for å legge udekkede vakter til deltidsansatte.
        </p>
        <FormError message={formError} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            Lag scenario
          </button>
        </div>
      </form>
    </div>
  );
}
