import { useEffect, useMemo, useState } from 'react';
import { api, messageOf } from '../../api';
import type { PlanDetail, PlanSummary, UnitDetail } from '../../../../shared/api';
import {
  COST_PARAMETER_SOURCES, VIKAR_CHANNELS, VIKAR_CHANNEL_LABEL, ledgerFigures, resolveCostModel, unitCostFigures, unitCosts,
  vikarLedger, type CostModel, type LedgerBaseline, type VikarLedger,
} from '../../../../shared/metrics';
import { COMPETENCE_LABEL, COMPETENCES, type Competence } from '../../../../shared/plan/model';
import { parseDecimal } from '../../lib/format';
import { AssumptionTable, Kpi, Tag, hrs, kr, pct, signed } from '../../components/figures';

const comp = (c: string) => COMPETENCE_LABEL[c as Competence] ?? c;
const num = (x: number) => String(Math.round(x * 10000) / 10000).replace('.', ',');

type PctKey = 'feriepengeRate' | 'agaRate' | 'pensionRate' | 'sickLeaveRate';
const PCT_KEYS: PctKey[] = ['feriepengeRate', 'agaRate', 'pensionRate', 'sickLeaveRate'];

interface Form { salaries: Record<string, string>; pct: Record<PctKey, string>; byraMultiplier: string; byraHourly: string; mix: Record<string, string>; pensionForHourlyVikar: boolean }

function formOf(m: CostModel, competences: string[]): Form {
  return {
    salaries: Object.fromEntries(competences.map((c) => [c, num(m.salaryByCompetence[c] ?? m.defaultSalary)])),
    pct: Object.fromEntries(PCT_KEYS.map((k) => [k, num(m[k] * 100)])) as Record<PctKey, string>,
    byraMultiplier: num(m.byraMultiplier),
    byraHourly: m.byraHourly === null ? '' : num(m.byraHourly),
    mix: Object.fromEntries(VIKAR_CHANNELS.map((c) => [c, num(m.vikarMix[c] * 100)])),
    pensionForHourlyVikar: m.pensionForHourlyVikar,
  };
}

/** The form as a `costs` block; throws a Norwegian message naming the field. */
function costsOf(f: Form, base: Record<string, unknown>): Record<string, unknown> {
  const need = (s: string, label: string) => {
    const v = parseDecimal(s);
    if (v === null) throw new Error(`${label}: skriv et tall.`);
    return v;
  };
  const out: Record<string, unknown> = { ...base };
  out.salaryByCompetence = Object.fromEntries(Object.entries(f.salaries).map(([c, v]) => [c, need(v, `Årslønn ${comp(c)}`)]));
  for (const k of PCT_KEYS) out[k] = need(f.pct[k], COST_PARAMETER_SOURCES[k].label) / 100;
  out.byraMultiplier = need(f.byraMultiplier, COST_PARAMETER_SOURCES.byraMultiplier.label);
  out.byraHourly = f.byraHourly.trim() === '' ? null : need(f.byraHourly, COST_PARAMETER_SOURCES.byraHourly.label);
  out.vikarMix = Object.fromEntries(VIKAR_CHANNELS.map((c) => [c, need(f.mix[c], `Andel ${VIKAR_CHANNEL_LABEL[c]}`) / 100]));
  out.pensionForHourlyVikar = f.pensionForHourlyVikar;
  resolveCostModel(out); // validates; RangeError names costs.<field>
  return out;
}

type BaselineChoice = { kind: 'entered'; total: string } | { kind: 'plan'; planId: number | null };

export function EconomyPanel({ plan, unit, plans, onUnit }: { plan: PlanDetail; unit: UnitDetail; plans: PlanSummary[]; onUnit(u: UnitDetail): void }) {
  const competences = useMemo(() => [...new Set([...COMPETENCES, ...plan.file.employees.map((e) => e.competence)])], [plan]);
  const model = useMemo(() => {
    try { return resolveCostModel(unit.settings.costs); } catch { return resolveCostModel(null); }
  }, [unit]);
  const [form, setForm] = useState<Form>(() => formOf(model, competences));
  const [saveMsg, setSaveMsg] = useState<string | null>(null);
  const [saveErr, setSaveErr] = useState<string | null>(null);
  const storeKey = `turnus.baseline.${plan.id}`;
  const [baseline, setBaseline] = useState<BaselineChoice>(() => {
    try { const s = localStorage.getItem(storeKey); if (s) return JSON.parse(s) as BaselineChoice; } catch { /* ignore */ }
    return { kind: 'entered', total: '' };
  });
  useEffect(() => { localStorage.setItem(storeKey, JSON.stringify(baseline)); }, [baseline, storeKey]);
  const [basePlan, setBasePlan] = useState<PlanDetail | null>(null);
  useEffect(() => {
    if (baseline.kind !== 'plan' || baseline.planId === null) { setBasePlan(null); return; }
    let live = true;
    api.getPlan(baseline.planId).then((p) => { if (live) setBasePlan(p); }, () => { if (live) setBasePlan(null); });
    return () => { live = false; };
  }, [baseline]);

  const otherPlans = plans.filter((p) => p.id !== plan.id);
  let ledger: VikarLedger | null = null;
  let ledgerError: string | null = null;
  let ledgerBase: LedgerBaseline | null = null;
  if (baseline.kind === 'entered') {
    const t = parseDecimal(baseline.total);
    if (baseline.total.trim() !== '' && (t === null || t < 0)) ledgerError = 'Vikartimer i grunnlaget må være et tall ≥ 0.';
    else if (t !== null) ledgerBase = { kind: 'entered', vikarHours: { total: t }, label: 'Grunnlag (regnskap)' };
  } else if (basePlan) {
    ledgerBase = { kind: 'plan', plan: basePlan.file, label: `Grunnlag: ${basePlan.name}` };
  }
  if (ledgerBase) {
    try { ledger = vikarLedger(plan.file, ledgerBase, model); } catch (e) { ledgerError = messageOf(e); }
  }

  async function save() {
    setSaveMsg(null); setSaveErr(null);
    try {
      const costs = costsOf(form, unit.settings.costs);
      const u = await api.updateUnitSettings(unit.id, { costs });
      onUnit(u);
      setSaveMsg('Kostnadsmodellen er lagret for avdelingen.');
    } catch (e) {
      setSaveErr(messageOf(e));
    }
  }
  async function reset() {
    setSaveMsg(null); setSaveErr(null);
    try {
      const u = await api.updateUnitSettings(unit.id, { costs: {} });
      onUnit(u);
      setForm(formOf(resolveCostModel(null), competences));
      setSaveMsg('Standardverdiene er satt tilbake.');
    } catch (e) { setSaveErr(messageOf(e)); }
  }

  const year = +plan.file.period.start.slice(0, 4);
  return (
    <section aria-label="Økonomi og vikarregnskap">
      <p className="lead">
        Vikarregnskapet viser om større faste stillinger kan betales av vikarbudsjettet: færre udekkede vakter gir færre vikartimer,
        mens økte stillinger gir høyere faste lønnskostnader.
      </p>

      <h2>Grunnlag: hva brukes på vikarer i dag?</h2>
      <div className="radio-row" role="radiogroup" aria-label="Grunnlag">
        <label><input type="radio" name="base" checked={baseline.kind === 'entered'} onChange={() => setBaseline({ kind: 'entered', total: '' })} /> Vikartimer fra regnskapet for samme periode</label>
        <label><input type="radio" name="base" checked={baseline.kind === 'plan'} disabled={otherPlans.length === 0}
          onChange={() => setBaseline({ kind: 'plan', planId: otherPlans[0]?.id ?? null })} /> En annen turnusplan{otherPlans.length === 0 ? ' (avdelingen har ingen andre)' : ''}</label>
      </div>
      {baseline.kind === 'entered' ? (
        <div className="field">
          <label htmlFor="base-total">Vikartimer i grunnlaget (alle kanaler)</label>
          <input id="base-total" className="num" value={baseline.total} onChange={(e) => setBaseline({ kind: 'entered', total: e.target.value })} />
          <small className="field-hint">Fordeles på byrå, overtid, ekstravakter og intern vikar etter fordelingen i kostnadsmodellen under.</small>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="base-plan">Plan som grunnlag</label>
          <select id="base-plan" value={baseline.planId ?? ''} onChange={(e) => setBaseline({ kind: 'plan', planId: Number(e.target.value) })}>
            {otherPlans.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.start} – {p.end})</option>)}
          </select>
        </div>
      )}
      {ledgerError && <p className="form-error" role="alert">{ledgerError}</p>}
      {!ledger && !ledgerError && <p className="muted">Legg inn fjorårets vikartimer for samme periode (eller velg en annen plan) for å se regnskapet.</p>}
      {ledger && <Ledger ledger={ledger} />}

      <h2>Kostnadsmodellen</h2>
      <p className="assume">Verdiene gjelder hele avdelingen og lagres i avdelingens innstillinger. Kilde og type står ved hver verdi.</p>
      <div className="cost-grid">
        {competences.map((c) => (
          <div className="field" key={c}>
            <label htmlFor={'sal-' + c}>Årslønn 100 %, {comp(c)} (kr)</label>
            <input id={'sal-' + c} className="num" value={form.salaries[c] ?? ''} onChange={(e) => setForm({ ...form, salaries: { ...form.salaries, [c]: e.target.value } })} />
            <small className="field-hint">{c === 'sykepleier' ? 'KS garantilønn 10 år fra 1.5.2023' : 'Anslag uten verifisert kilde; legg inn lokal lønn'} <Tag tag={c === 'sykepleier' ? 'KONFIG' : 'UVERIFISERT'} /></small>
          </div>
        ))}
        {PCT_KEYS.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={'p-' + k}>{COST_PARAMETER_SOURCES[k].label} (%)</label>
            <input id={'p-' + k} className="num" value={form.pct[k]} onChange={(e) => setForm({ ...form, pct: { ...form.pct, [k]: e.target.value } })} />
            <small className="field-hint">{COST_PARAMETER_SOURCES[k].source} <Tag tag={COST_PARAMETER_SOURCES[k].tag} /></small>
          </div>
        ))}
        <div className="field">
          <label htmlFor="byra-x">{COST_PARAMETER_SOURCES.byraMultiplier.label}</label>
          <input id="byra-x" className="num" value={form.byraMultiplier} onChange={(e) => setForm({ ...form, byraMultiplier: e.target.value })} />
          <small className="field-hint">{COST_PARAMETER_SOURCES.byraMultiplier.source} <Tag tag="KONFIG" /></small>
        </div>
        <div className="field">
          <label htmlFor="byra-h">{COST_PARAMETER_SOURCES.byraHourly.label} (kr, tomt = bruk faktoren)</label>
          <input id="byra-h" className="num" value={form.byraHourly} onChange={(e) => setForm({ ...form, byraHourly: e.target.value })} />
          <small className="field-hint">{COST_PARAMETER_SOURCES.byraHourly.source} <Tag tag="KONFIG" /></small>
        </div>
        {VIKAR_CHANNELS.map((c) => (
          <div className="field" key={c}>
            <label htmlFor={'mix-' + c}>Andel vikartimer: {VIKAR_CHANNEL_LABEL[c]} (%)</label>
            <input id={'mix-' + c} className="num" value={form.mix[c]} onChange={(e) => setForm({ ...form, mix: { ...form.mix, [c]: e.target.value } })} />
          </div>
        ))}
        <label className="chk"><input type="checkbox" checked={form.pensionForHourlyVikar} onChange={(e) => setForm({ ...form, pensionForHourlyVikar: e.target.checked })} /> {COST_PARAMETER_SOURCES.pensionForHourlyVikar.label}</label>
      </div>
      <p className="assume">{COST_PARAMETER_SOURCES.vikarMix.source} <Tag tag="KONFIG" /> Andelene må summere til 100 %.</p>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => void save()}>Lagre kostnadsmodellen</button>
        <button type="button" onClick={() => void reset()}>Tilbake til standardverdier</button>
        {saveMsg && <span className="ok" role="status">{saveMsg}</span>}
      </div>
      {saveErr && <p className="form-error" role="alert">{saveErr}</p>}

      <h2>Timepriser ({year})</h2>
      <table className="table compact" aria-label="Timepriser">
        <thead><tr><th>Kostnad</th>{competences.map((c) => <th key={c} className="num">{comp(c)}</th>)}<th>Formel</th></tr></thead>
        <tbody>
          {unitCostFigures(unitCosts(model, competences[0], year)).map((f, i) => (
            <tr key={f.label}>
              <td>{f.label}</td>
              {competences.map((c) => <td key={c} className="num">{kr(unitCostFigures(unitCosts(model, c, year))[i].value)}</td>)}
              <td className="assume">{f.formula} <Tag tag={f.tag} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Ledger({ ledger: l }: { ledger: VikarLedger }) {
  const figs = ledgerFigures(l);
  const raised = l.employees.filter((e) => e.raise > 1e-9);
  return (
    <>
      <div className="kpis">
        {figs.map((f, i) => {
          // «Sparte …» and «Netto besparelse» read wrongly when negative: say what happens instead.
          const neg = f.value < 0 && (/^Sparte /.test(f.label) || f.label === 'Netto besparelse');
          const label = !neg ? f.label : f.label === 'Netto besparelse' ? 'Netto merkostnad' : f.label.replace(/^Sparte (.*)$/, 'Flere $1 (ikke spart)');
          const v = neg ? -f.value : f.value;
          return <Kpi key={f.label} label={label} testId={'ledger-' + i} value={f.unit === 'kr' ? kr(v) : hrs(v)} assume={<>{f.formula} <Tag tag={f.tag} /></>} />;
        })}
      </div>
      <table className="table" aria-label="Vikarregnskap">
        <thead><tr><th /><th className="num">{l.before.label}</th><th className="num">{l.after.label}</th><th className="num">Endring</th></tr></thead>
        <tbody>
          {l.after.uncoveredHours !== null && (
            <tr><td>Udekkede timer (planlagt vikarbehov)</td><td className="num">{l.before.uncoveredHours === null ? '–' : hrs(l.before.uncoveredHours)}</td><td className="num">{hrs(l.after.uncoveredHours)}</td><td /></tr>
          )}
          <tr><td>Forventet sykefravær (vikartimer)</td><td className="num">{l.before.sickLeaveHours === null ? '–' : hrs(l.before.sickLeaveHours)}</td><td className="num">{hrs(l.after.sickLeaveHours ?? 0)}</td><td /></tr>
          {VIKAR_CHANNELS.map((c) => (
            <tr key={c}>
              <td>{VIKAR_CHANNEL_LABEL[c]} <span className="muted">({kr(l.vikarHourCost[c])}/t)</span></td>
              <td className="num">{hrs(l.before.vikarHours[c])} · {kr(l.before.vikarKroner[c])}</td>
              <td className="num">{hrs(l.after.vikarHours[c])} · {kr(l.after.vikarKroner[c])}</td>
              <td className="num">{signed(l.after.vikarKroner[c] - l.before.vikarKroner[c], kr)}</td>
            </tr>
          ))}
          <tr><td><b>Vikar i alt</b></td><td className="num">{hrs(l.before.vikarHoursTotal)} · {kr(l.before.vikarKronerTotal)}</td><td className="num">{hrs(l.after.vikarHoursTotal)} · {kr(l.after.vikarKronerTotal)}</td><td className="num">{signed(l.after.vikarKronerTotal - l.before.vikarKronerTotal, kr)}</td></tr>
          <tr><td><b>Faste lønnskostnader</b> (periodens andel {pct(l.yearShare)} av året)</td><td className="num">{kr(l.before.fixedSalaryKroner)}</td><td className="num">{kr(l.after.fixedSalaryKroner)}</td><td className="num">{signed(l.addedFixedSalaryKroner, kr)}</td></tr>
          <tr><td><b>Sum</b></td><td className="num">{kr(l.before.totalKroner)}</td><td className="num">{kr(l.after.totalKroner)}</td><td className={'num ' + (l.netSaving >= 0 ? 'pos' : 'neg')}>{l.netSaving >= 0 ? `Sparer ${kr(l.netSaving)}` : `Koster ${kr(-l.netSaving)} mer`}</td></tr>
        </tbody>
      </table>

      <h3>Per ansatt: økning finansiert av vikarbudsjettet</h3>
      {raised.length === 0 ? <p className="muted">Ingen ansatte får større betalt stilling i denne planen enn i grunnlaget.</p> : (
        <table className="table compact" aria-label="Økning per ansatt">
          <thead><tr><th>Ansatt</th><th className="num">Stilling før → etter</th><th className="num">Flere timer</th><th className="num">Økt fast lønn</th><th className="num">Erstatter vikartimer</th><th className="num">Sparte vikarkroner</th><th className="num">Netto</th><th>Finansiert av vikarbudsjettet?</th></tr></thead>
          <tbody>
            {raised.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td className="num">{pct(e.positionBefore)} → {pct(e.positionAfter)}</td>
                <td className="num">{hrs(e.addedHours)}</td>
                <td className="num">{kr(e.addedFixedKroner)}</td>
                <td className="num">{hrs(e.replacedVikarHours)}</td>
                <td className="num">{kr(e.replacedVikarKroner)}</td>
                <td className={'num ' + (e.net >= 0 ? 'pos' : 'neg')}>{signed(e.net, kr)}</td>
                <td>{e.net >= 0 ? 'Ja, helt' : e.replacedVikarKroner > 0 ? `Delvis (${pct(e.replacedVikarKroner / e.addedFixedKroner)})` : 'Nei'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul className="assume">{l.notes.map((n) => <li key={n}>{n}</li>)}</ul>
      <p className="assume">Disponible timer: {hrs(l.disponibleHours)} betalte timer som ikke er lagt på behov i bemanningsplanen.</p>
      <AssumptionTable items={l.assumptions} caption="Forutsetninger i vikarregnskapet" />
    </>
  );
}
