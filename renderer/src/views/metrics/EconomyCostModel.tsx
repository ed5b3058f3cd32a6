/** Kostnadsmodellen: the unit's cost parameters as an editable form, and the hourly rates they give. */
import { useState } from 'react';
import { api, messageOf } from '../../api';
import type { UnitDetail } from '../../../../shared/api';
import {
  COST_PARAMETER_SOURCES,
  VIKAR_CHANNELS,
  VIKAR_CHANNEL_LABEL,
  resolveCostModel,
  unitCostFigures,
  unitCosts,
  type CostModel,
} from '../../../../shared/metrics';
import { COMPETENCE_LABEL, type Competence } from '../../../../shared/plan/model';
import { parseDecimal } from '../../lib/format';
import { Tag, kr } from '../../components/figures';

const comp = (c: string) => COMPETENCE_LABEL[c as Competence] ?? c;
const num = (x: number) => String(Math.round(x * 10000) / 10000).replace('.', ',');

type PctKey = 'feriepengeRate' | 'agaRate' | 'pensionRate' | 'sickLeaveRate';
const PCT_KEYS: PctKey[] = ['feriepengeRate', 'agaRate', 'pensionRate', 'sickLeaveRate'];

interface Form {
  salaries: Record<string, string>;
  pct: Record<PctKey, string>;
  byraMultiplier: string;
  byraHourly: string;
  mix: Record<string, string>;
  pensionForHourlyVikar: boolean;
}

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

export function CostModelEditor({
  unit,
  model,
  competences,
  onUnit,
}: {
  unit: UnitDetail;
  model: CostModel;
  competences: string[];
  onUnit(u: UnitDetail): void;
}) {
  const [form, setForm] = useState<Form>(() => formOf(model, competences));
  const [saveMsg, setSaveMsg] = useState<string | null>(null);
  const [saveErr, setSaveErr] = useState<string | null>(null);

  async function save() {
    setSaveMsg(null);
    setSaveErr(null);
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
    setSaveMsg(null);
    setSaveErr(null);
    try {
      const u = await api.updateUnitSettings(unit.id, { costs: {} });
      onUnit(u);
      setForm(formOf(resolveCostModel(null), competences));
      setSaveMsg('Standardverdiene er satt tilbake.');
    } catch (e) {
      setSaveErr(messageOf(e));
    }
  }

  return (
    <>
      <h2>Kostnadsmodellen</h2>
      <p className="assume">Verdiene gjelder hele avdelingen og lagres i avdelingens innstillinger. Kilde og type står ved hver verdi.</p>
      <div className="cost-grid">
        {competences.map((c) => (
          <div className="field" key={c}>
            <label htmlFor={'sal-' + c}>Årslønn 100 %, {comp(c)} (kr)</label>
            <input
              id={'sal-' + c}
              className="num"
              value={form.salaries[c] ?? ''}
              onChange={(e) => setForm({ ...form, salaries: { ...form.salaries, [c]: e.target.value } })}
            />
            <small className="field-hint">
              {c === 'sykepleier' ? 'KS garantilønn 10 år fra 1.5.2023' : 'Anslag uten verifisert kilde; legg inn lokal lønn'}{' '}
              <Tag tag={c === 'sykepleier' ? 'KONFIG' : 'UVERIFISERT'} />
            </small>
          </div>
        ))}
        {PCT_KEYS.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={'p-' + k}>{COST_PARAMETER_SOURCES[k].label} (%)</label>
            <input
              id={'p-' + k}
              className="num"
              value={form.pct[k]}
              onChange={(e) => setForm({ ...form, pct: { ...form.pct, [k]: e.target.value } })}
            />
            <small className="field-hint">
              {COST_PARAMETER_SOURCES[k].source} <Tag tag={COST_PARAMETER_SOURCES[k].tag} />
            </small>
          </div>
        ))}
        <div className="field">
          <label htmlFor="byra-x">{COST_PARAMETER_SOURCES.byraMultiplier.label}</label>
          <input
            id="byra-x"
            className="num"
            value={form.byraMultiplier}
            onChange={(e) => setForm({ ...form, byraMultiplier: e.target.value })}
          />
          <small className="field-hint">
            {COST_PARAMETER_SOURCES.byraMultiplier.source} <Tag tag="KONFIG" />
          </small>
        </div>
        <div className="field">
          <label htmlFor="byra-h">{COST_PARAMETER_SOURCES.byraHourly.label} (kr, tomt = bruk faktoren)</label>
          <input id="byra-h" className="num" value={form.byraHourly} onChange={(e) => setForm({ ...form, byraHourly: e.target.value })} />
          <small className="field-hint">
            {COST_PARAMETER_SOURCES.byraHourly.source} <Tag tag="KONFIG" />
          </small>
        </div>
        {VIKAR_CHANNELS.map((c) => (
          <div className="field" key={c}>
            <label htmlFor={'mix-' + c}>Andel vikartimer: {VIKAR_CHANNEL_LABEL[c]} (%)</label>
            <input
              id={'mix-' + c}
              className="num"
              value={form.mix[c]}
              onChange={(e) => setForm({ ...form, mix: { ...form.mix, [c]: e.target.value } })}
            />
          </div>
        ))}
        <label className="chk">
          <input
            type="checkbox"
            checked={form.pensionForHourlyVikar}
            onChange={(e) => setForm({ ...form, pensionForHourlyVikar: e.target.checked })}
          />{' '}
          {COST_PARAMETER_SOURCES.pensionForHourlyVikar.label}
        </label>
      </div>
      <p className="assume">
        {COST_PARAMETER_SOURCES.vikarMix.source} <Tag tag="KONFIG" /> Andelene må summere til 100 %.
      </p>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => void save()}>
          Lagre kostnadsmodellen
        </button>
        <button type="button" onClick={() => void reset()}>
          Tilbake til standardverdier
        </button>
        {saveMsg && (
          <span className="ok" role="status">
            {saveMsg}
          </span>
        )}
      </div>
      {saveErr && (
        <p className="form-error" role="alert">
          {saveErr}
        </p>
      )}
    </>
  );
}

export function UnitRatesTable({ model, competences, year }: { model: CostModel; competences: string[]; year: number }) {
  return (
    <>
      <h2>Timepriser ({year})</h2>
      <table className="table compact" aria-label="Timepriser">
        <thead>
          <tr>
            <th>Kostnad</th>
            {competences.map((c) => (
              <th key={c} className="num">
                {comp(c)}
              </th>
            ))}
            <th>Formel</th>
          </tr>
        </thead>
        <tbody>
          {unitCostFigures(unitCosts(model, competences[0], year)).map((f, i) => (
            <tr key={f.label}>
              <td>{f.label}</td>
              {competences.map((c) => (
                <td key={c} className="num">
                  {kr(unitCostFigures(unitCosts(model, c, year))[i].value)}
                </td>
              ))}
              <td className="assume">
                {f.formula} <Tag tag={f.tag} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
