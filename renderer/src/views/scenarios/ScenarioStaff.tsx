/**
 * «Ansatte og vakttyper i scenarioet»: the scenario's own staff (positions, wanted positions,
 * weekend groups, consent to langvakter, people added or taken out) and shift lengths. Changes
 * here belong to the scenario only; the unit's Ansatte and Vakttyper pages are the real unit,
 * and «Gjør til gjeldende plan» writes these into it.
 */
import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../../api';
import { COMPETENCES, COMPETENCE_LABEL, type Competence, type Employee, type ShiftType } from '../../../../shared/plan/model';
import type { NewEmployee } from '../../../../shared/api';
import type { ScenarioDetail } from '../../../../shared/api/scenario';
import { useScenarios } from '../../stores/scenarios';
import { FormError } from '../../components/Field';
import { fmtHours, parsePercent } from '../../lib/format';
import { pct } from '../../components/figures';
import { paidHours } from '../../../../shared/plan/plan-index';
import { isTime, toDay } from '../../../../shared/calendar';

const pctText = (f: number | undefined) => (f == null ? '' : String(Math.round(f * 1000) / 10).replace('.', ','));
const compLabel = (c: string) => COMPETENCE_LABEL[c as Competence] ?? c;

function show(next: ScenarioDetail) {
  useScenarios.setState({ current: next, assistant: null });
}

interface Draft {
  name: string;
  competence: string;
  position: string;
  wanted: string;
  group: string;
  consents: boolean;
  nightExempt: boolean;
}

const draftOf = (e?: Employee): Draft => ({
  name: e?.name ?? '',
  competence: e?.competence ?? 'helsefagarbeider',
  position: pctText(e?.position),
  wanted: pctText(e?.wantedPosition),
  group: e?.weekendGroup === undefined ? '' : String(e.weekendGroup + 1),
  consents: e?.consentsLongShifts === true,
  nightExempt: e?.nightExempt === true,
});

/** The draft as an employee (the rest of her fields kept), or a Norwegian message naming the field. */
function employeeOf(d: Draft, e?: Employee): NewEmployee | string {
  if (!d.name.trim()) return '«Navn»: skriv inn navnet.';
  const p = parsePercent(d.position);
  if (p == null || p <= 0 || p > 1) return '«Stillingsprosent»: må være et tall mellom 1 og 100.';
  let w = d.wanted.trim() ? parsePercent(d.wanted) : undefined;
  if (w === null || (w !== undefined && (w <= 0 || w > 1))) return '«Ønsket stillingsprosent»: må være et tall mellom 1 og 100, eller tom.';
  // A raise past the wish (the wish field untouched) fulfils it, as «Øk og planlegg» does.
  if (w !== undefined && w < p && e && d.wanted === draftOf(e).wanted) w = p;
  const g = d.group.trim() ? Number(d.group) : undefined;
  if (g !== undefined && !(Number.isInteger(g) && g >= 1 && g <= 12)) return '«Helgegruppe»: må være et helt tall fra 1 til 12, eller tom.';
  const { id: _id, ...rest } = e ?? ({} as Employee);
  const out: NewEmployee = {
    ...rest,
    name: d.name.trim(),
    competence: d.competence,
    position: p,
    consentsLongShifts: d.consents,
    nightExempt: d.nightExempt,
  };
  if (w !== undefined) out.wantedPosition = w;
  else delete out.wantedPosition;
  if (g !== undefined) out.weekendGroup = g - 1;
  else delete out.weekendGroup;
  return out;
}

function PersonForm({ scenarioId, person, onDone }: { scenarioId: number; person?: Employee; onDone(): void }) {
  const [d, setD] = useState<Draft>(() => draftOf(person));
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upd = (x: Partial<Draft>) => setD((o) => ({ ...o, ...x }));
  const who = person ? person.name : 'ny ansatt';
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = employeeOf(d, person);
    if (typeof e === 'string') return setErr(e);
    setBusy(true);
    try {
      show(await api.saveScenarioEmployee(scenarioId, person?.id ?? null, e));
      onDone();
    } catch (x) {
      setErr(messageOf(x));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="scenario-person"
      aria-label={person ? `Endre ${person.name} i scenarioet` : 'Ny ansatt i scenarioet'}
      onSubmit={submit}
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1rem', alignItems: 'center', margin: '0.5rem 0' }}
    >
      <label>
        Navn <input value={d.name} onChange={(x) => upd({ name: x.target.value })} aria-label={`Navn (${who})`} />
      </label>
      <label>
        Kompetanse{' '}
        <select value={d.competence} onChange={(x) => upd({ competence: x.target.value })} aria-label={`Kompetanse (${who})`}>
          {[...new Set([...COMPETENCES, d.competence])].map((c) => (
            <option key={c} value={c}>
              {compLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Stilling %{' '}
        <input size={5} value={d.position} onChange={(x) => upd({ position: x.target.value })} aria-label={`Stillingsprosent (${who})`} />
      </label>
      <label>
        Ønsket %{' '}
        <input
          size={5}
          value={d.wanted}
          onChange={(x) => upd({ wanted: x.target.value })}
          aria-label={`Ønsket stillingsprosent (${who})`}
        />
      </label>
      <label>
        Helgegruppe <input size={3} value={d.group} onChange={(x) => upd({ group: x.target.value })} aria-label={`Helgegruppe (${who})`} />
      </label>
      <label className="check">
        <input type="checkbox" checked={d.consents} onChange={(x) => upd({ consents: x.target.checked })} /> Samtykker til langvakter
      </label>
      <label className="check">
        <input type="checkbox" checked={d.nightExempt} onChange={(x) => upd({ nightExempt: x.target.checked })} /> Fritatt for nattarbeid
      </label>
      <span className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {person ? 'Lagre i scenarioet' : 'Legg til i scenarioet'}
        </button>
        <button type="button" onClick={onDone}>
          Avbryt
        </button>
      </span>
      <FormError message={err} />
    </form>
  );
}

function ShiftRow({ scenarioId, st }: { scenarioId: number; st: ShiftType }) {
  const [start, setStart] = useState(st.start);
  const [end, setEnd] = useState(st.end);
  const [pause, setPause] = useState(String(st.unpaidBreakMinutes ?? 0));
  const [err, setErr] = useState<string | null>(null);
  const changed = start !== st.start || end !== st.end || pause !== String(st.unpaidBreakMinutes ?? 0);
  async function save() {
    if (!isTime(start)) return setErr(`«Fra» (${st.code}): skriv tiden som tt:mm, f.eks. 07:30.`);
    if (!isTime(end)) return setErr(`«Til» (${st.code}): skriv tiden som tt:mm, f.eks. 15:00.`);
    const brk = Number(pause);
    if (!Number.isInteger(brk) || brk < 0) return setErr('«Ubetalt pause (minutter)»: må være et helt antall minutter.');
    setErr(null);
    try {
      show(await api.saveScenarioShiftType(scenarioId, { ...st, start, end, ...(brk > 0 ? { unpaidBreakMinutes: brk } : {}) }));
    } catch (x) {
      setErr(messageOf(x));
    }
  }
  return (
    <tr data-shift={st.code}>
      <td>
        <b>{st.code}</b> {st.name ?? ''}
      </td>
      <td>
        <input className="time" size={5} value={start} onChange={(x) => setStart(x.target.value)} aria-label={`Fra (${st.code})`} />
      </td>
      <td>
        <input className="time" size={5} value={end} onChange={(x) => setEnd(x.target.value)} aria-label={`Til (${st.code})`} />
      </td>
      <td>
        <input size={4} value={pause} onChange={(x) => setPause(x.target.value)} aria-label={`Ubetalt pause (${st.code})`} />
      </td>
      <td className="num">{fmtHours(paidHours(st, toDay('2027-01-06')))} t</td>
      <td>
        {changed && (
          <button type="button" onClick={() => void save()}>
            Lagre {st.code}
          </button>
        )}
        <FormError message={err} />
      </td>
    </tr>
  );
}

export function ScenarioStaff() {
  const s = useScenarios((x) => x.current)!;
  const [editing, setEditing] = useState<string | 'ny' | null>(null);
  const [err, setErr] = useState<string | null>(null);
  async function remove(e: Employee) {
    if (!window.confirm(`Ta ${e.name} ut av scenarioet? Vaktene til ${e.name} i scenarioets turnus blir borte. Avdelingen endres ikke.`))
      return;
    try {
      show(await api.removeScenarioEmployee(s.id, e.id));
    } catch (x) {
      setErr(messageOf(x));
    }
  }
  return (
    <section className="panel" aria-label="Ansatte og vakttyper i scenarioet" id="scenario-ansatte">
      <h2>Ansatte og vakttyper i scenarioet</h2>
      <p>
        Endringer her gjelder <b>bare scenarioet</b>: stillinger, ønsket stilling, helgegrupper, samtykke til langvakter, nye stillinger,
        ansatte som tas ut, og vaktlengder. Avdelingens egne sider (Ansatte, Vakttyper) endrer den virkelige avdelingen. «Gjør til gjeldende
        plan» skriver dette inn i avdelingen.
      </p>
      <table className="table compact" aria-label="Ansatte i scenarioet">
        <thead>
          <tr>
            <th>Navn</th>
            <th>Kompetanse</th>
            <th className="num">Stilling</th>
            <th className="num">Ønsket</th>
            <th className="num">Helgegruppe</th>
            <th>Langvakter</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.plan.employees.map((e) =>
            editing === e.id ? (
              <tr key={e.id}>
                <td colSpan={7}>
                  <PersonForm scenarioId={s.id} person={e} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={e.id} data-scenario-person={e.name}>
                <td>{e.name}</td>
                <td>{compLabel(e.competence)}</td>
                <td className="num">{pct(e.position)}</td>
                <td className="num">{e.wantedPosition !== undefined ? pct(e.wantedPosition) : '–'}</td>
                <td className="num">{e.weekendGroup !== undefined ? e.weekendGroup + 1 : '–'}</td>
                <td>{e.consentsLongShifts ? 'Ja' : 'Nei'}</td>
                <td className="buttons">
                  <button type="button" className="link" onClick={() => setEditing(e.id)} aria-label={`Endre ${e.name} i scenarioet`}>
                    Endre
                  </button>
                  <button type="button" className="link" onClick={() => void remove(e)} aria-label={`Ta ${e.name} ut av scenarioet`}>
                    Ta ut
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {s.plan.employees.length === 0 && <p className="muted">Scenarioet har ingen ansatte.</p>}
      {editing === 'ny' ? (
        <PersonForm scenarioId={s.id} onDone={() => setEditing(null)} />
      ) : (
        <p className="buttons">
          <button type="button" onClick={() => setEditing('ny')}>
            Legg til ansatt (ny stilling) i scenarioet
          </button>
        </p>
      )}
      <FormError message={err} />
      <h3>Vaktlengder i scenarioet</h3>
      <table className="table compact" aria-label="Vakttyper i scenarioet">
        <thead>
          <tr>
            <th>Vakt</th>
            <th>Fra</th>
            <th>Til</th>
            <th>Ubetalt pause (min)</th>
            <th className="num">Betalte timer</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.plan.shiftTypes.map((st) => (
            <ShiftRow key={`${st.code}|${st.start}|${st.end}|${st.unpaidBreakMinutes ?? 0}`} scenarioId={s.id} st={st} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
