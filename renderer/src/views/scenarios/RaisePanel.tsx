/**
 * «Øk og planlegg»: raise the chosen positions in the legal order (aml § 14-3, § 14-4 a), then
 * re-plan the scenario's own plan with the generator («Fyll ut», re-plan mode, within the time
 * the leader chose) so the raised people get shifts they can legally take; the generator may
 * move others to free suitable shifts. The outcome per person comes from the backend
 * (ScenarioDetail.raises): raised to, planned to, and why any gap remains.
 */
import { useState } from 'react';
import { api, messageOf } from '../../api';
import type { PriorityInfo } from '../../../../shared/scenario';
import { useScenarios } from '../../stores/scenarios';
import { FormError } from '../../components/Field';
import { hrs, pct } from '../../components/figures';
import { hrefOf } from '../../lib/router';
import { involuntaryGap } from '../../../../shared/metrics/positions';

const SECONDS = [10, 30, 60, 120] as const;

export function RaisePanel({ priority }: { priority: Record<string, PriorityInfo> }) {
  const s = useScenarios((x) => x.current)!;
  const candidates = s.plan.employees.filter((e) => e.position < 1);
  const [levels, setLevels] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      s.plan.employees
        .filter((e) => involuntaryGap(e.wantedPosition, e.position) > 0)
        .map((e) => [e.id, String(Math.round(e.wantedPosition! * 100))]),
    ),
  );
  const [seconds, setSeconds] = useState<number>(30);
  const [busy, setBusy] = useState<string | null>(null);
  const [err, setErr] = useState<string | null>(null);

  async function go() {
    const raises = Object.entries(levels)
      .filter(([, v]) => v.trim() !== '')
      .map(([employee, v]) => ({ employee, level: Number(v.replace(',', '.')) / 100 }));
    if (raises.length === 0) {
      setErr('Skriv inn ny stillingsprosent for minst én ansatt.');
      return;
    }
    const bad = raises.find((r) => !(r.level > 0 && r.level <= 1));
    if (bad) {
      setErr(`Ny stillingsprosent for ${s.plan.employees.find((e) => e.id === bad.employee)?.name}: må være mellom 1 og 100 %.`);
      return;
    }
    setErr(null);
    try {
      setBusy('Øker stillingene i lovlig rekkefølge …');
      const res = await api.raiseScenarioPositions(s.id, raises, priority);
      const planId = res.detail.planId!;
      const started = Date.now();
      const { jobId } = await api.startGenerate(planId, { mode: 'replan', from: s.period.start, to: s.period.end, seconds });
      let stopped = false;
      for (;;) {
        // At the chosen time the search stops and keeps the best plan found so far.
        if (!stopped && Date.now() - started > seconds * 1000) {
          stopped = true;
          await api.cancelGenerate(jobId);
        }
        const st = await api.getGenerateStatus(jobId);
        if (st.state === 'failed') throw new Error(st.error ?? 'Planleggingen feilet.');
        if (st.state !== 'running') {
          setBusy('Lagrer den nye planen …');
          if (st.preview && st.preview.cells.length > 0) await api.setCells(planId, st.preview.cells);
          break;
        }
        setBusy(
          `Planlegger scenarioet på nytt … ${Math.round(st.progress.elapsedSeconds)} av ${seconds} s, ${st.progress.openShifts} åpne vakter`,
        );
        await new Promise((r) => setTimeout(r, 500));
      }
      await useScenarios.getState().open(s.id);
    } catch (e) {
      setErr(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-label="Øk og planlegg">
      <h2>Øk stillinger og planlegg dem</h2>
      <p>
        Stillingene økes i rekkefølgen over (fortrinnsrett, jevnlig merarbeid, største gap). Deretter planlegges hele scenarioet på nytt,
        slik at de som får større stilling, får vakter de lovlig kan ta: andre kan bli flyttet for å frigjøre dag- og kveldsvakter, innenfor
        helgerytmen.
      </p>
      <table className="table compact" aria-label="Nye stillinger">
        <thead>
          <tr>
            <th>Ansatt</th>
            <th className="num">Stilling nå</th>
            <th className="num">Ønsket</th>
            <th>Ny stilling (%)</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((e) => (
            <tr key={e.id}>
              <td>{e.name}</td>
              <td className="num">{pct(e.position)}</td>
              <td className="num">{e.wantedPosition ? pct(e.wantedPosition) : '–'}</td>
              <td>
                <input
                  type="text"
                  inputMode="decimal"
                  size={5}
                  aria-label={`Ny stilling for ${e.name}`}
                  value={levels[e.id] ?? ''}
                  onChange={(x) => setLevels({ ...levels, [e.id]: x.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-row">
        <div className="field">
          <label htmlFor="raise-seconds">Tid til planleggingen</label>
          <select id="raise-seconds" value={seconds} onChange={(e) => setSeconds(Number(e.target.value))}>
            {SECONDS.map((x) => (
              <option key={x} value={x}>
                {x} sekunder
              </option>
            ))}
          </select>
        </div>
        <div className="buttons align-end">
          <button type="button" className="primary" onClick={() => void go()} disabled={busy !== null}>
            Øk og planlegg
          </button>
        </div>
      </div>
      {busy && (
        <p role="status" className="muted">
          {busy}
        </p>
      )}
      <FormError message={err} />
      <RaiseOutcomes />
    </section>
  );
}

/** Per raised person: raised to, planned to, paid hours without shifts, and why. */
export function RaiseOutcomes() {
  const s = useScenarios((x) => x.current)!;
  if (s.raises.length === 0) return null;
  return (
    <>
      <h3>Resultat per person</h3>
      <table className="table" aria-label="Resultat av stillingsøkningen">
        <thead>
          <tr>
            <th>Ansatt</th>
            <th className="num">Økt fra → til</th>
            <th className="num">Planen gir</th>
            <th className="num">Betalt uten vakter</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {s.raises.map((r) => (
            <tr key={r.id} data-raise={r.name} data-planned={r.planned ? 'ja' : 'nei'}>
              <td>{r.name}</td>
              <td className="num">
                {pct(r.from)} → {pct(r.to)}
              </td>
              <td className="num">{pct(r.plannedPosition)}</td>
              <td className="num">{hrs(r.shortHours)}</td>
              <td>{r.planned ? <span className="ok">Planlagt innenfor 5 %</span> : <span className="bad">{r.reasons.join(' ')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.planId !== null && (
        <p>
          <a href={hrefOf({ name: 'plan', planId: s.planId })}>Åpne scenarioets turnus</a> for å se og endre vaktene.
        </p>
      )}
    </>
  );
}
