import { useEffect, useMemo, useState } from 'react';
import { api, messageOf } from '../../api';
import type { PlanDetail, PlanSummary, UnitDetail } from '../../../../shared/api';
import {
  ledgerSplit,
  resolveCostModel,
  vikarLedger,
  type LedgerBaseline,
  type LedgerSplit,
  type VikarLedger,
} from '../../../../shared/metrics';
import { COMPETENCES } from '../../../../shared/plan/model';
import { parseDecimal } from '../../lib/format';
import { CostModelEditor, UnitRatesTable } from './EconomyCostModel';
import { Ledger } from './EconomyLedger';

type BaselineChoice = { kind: 'entered'; total: string } | { kind: 'plan'; planId: number | null };

export function EconomyPanel({
  plan,
  unit,
  plans,
  onUnit,
}: {
  plan: PlanDetail;
  unit: UnitDetail;
  plans: PlanSummary[];
  onUnit(u: UnitDetail): void;
}) {
  const competences = useMemo(() => [...new Set([...COMPETENCES, ...plan.file.employees.map((e) => e.competence)])], [plan]);
  const model = useMemo(() => {
    try {
      return resolveCostModel(unit.settings.costs);
    } catch {
      return resolveCostModel(null);
    }
  }, [unit]);
  const storeKey = `turnus.baseline.${plan.id}`;
  const [baseline, setBaseline] = useState<BaselineChoice>(() => {
    try {
      const s = localStorage.getItem(storeKey);
      if (s) return JSON.parse(s) as BaselineChoice;
    } catch {
      /* ignore */
    }
    return { kind: 'entered', total: '' };
  });
  useEffect(() => {
    localStorage.setItem(storeKey, JSON.stringify(baseline));
  }, [baseline, storeKey]);
  const [basePlan, setBasePlan] = useState<PlanDetail | null>(null);
  useEffect(() => {
    if (baseline.kind !== 'plan' || baseline.planId === null) {
      setBasePlan(null);
      return;
    }
    let live = true;
    api.getPlan(baseline.planId).then(
      (p) => {
        if (live) setBasePlan(p);
      },
      () => {
        if (live) setBasePlan(null);
      },
    );
    return () => {
      live = false;
    };
  }, [baseline]);

  const otherPlans = plans.filter((p) => p.id !== plan.id);
  let ledger: VikarLedger | null = null;
  let ledgerError: string | null = null;
  let ledgerBase: LedgerBaseline | null = null;
  let split: LedgerSplit | null = null;
  if (baseline.kind === 'entered') {
    const t = parseDecimal(baseline.total);
    if (baseline.total.trim() !== '' && (t === null || t < 0)) ledgerError = 'Vikartimer i grunnlaget må være et tall ≥ 0.';
    else if (t !== null) ledgerBase = { kind: 'entered', vikarHours: { total: t }, label: 'Grunnlag (regnskap)' };
  } else if (basePlan) {
    ledgerBase = { kind: 'plan', plan: basePlan.file, label: `Grunnlag: ${basePlan.name}` };
  }
  if (ledgerBase) {
    try {
      ledger = vikarLedger(plan.file, ledgerBase, model);
      // Against a baseline plan: the same split by cause as the scenario page (raise vs re-plan of the others).
      if (ledgerBase.kind === 'plan') split = ledgerSplit(ledger, plan.file, ledgerBase.plan, model);
    } catch (e) {
      ledgerError = messageOf(e);
    }
  }

  const year = +plan.file.period.start.slice(0, 4);
  return (
    <section aria-label="Økonomi og vikarregnskap">
      <p className="lead">
        Vikarregnskapet viser om større faste stillinger kan betales av vikarbudsjettet: færre udekkede vakter gir færre vikartimer, mens
        økte stillinger gir høyere faste lønnskostnader.
      </p>

      <h2>Grunnlag: hva brukes på vikarer i dag?</h2>
      <div className="radio-row" role="radiogroup" aria-label="Grunnlag">
        <label>
          <input
            type="radio"
            name="base"
            checked={baseline.kind === 'entered'}
            onChange={() => setBaseline({ kind: 'entered', total: '' })}
          />{' '}
          Vikartimer fra regnskapet for samme periode
        </label>
        <label>
          <input
            type="radio"
            name="base"
            checked={baseline.kind === 'plan'}
            disabled={otherPlans.length === 0}
            onChange={() => setBaseline({ kind: 'plan', planId: otherPlans[0]?.id ?? null })}
          />{' '}
          En annen turnusplan{otherPlans.length === 0 ? ' (avdelingen har ingen andre)' : ''}
        </label>
      </div>
      {baseline.kind === 'entered' ? (
        <div className="field">
          <label htmlFor="base-total">Vikartimer i grunnlaget (alle kanaler)</label>
          <input
            id="base-total"
            className="num"
            value={baseline.total}
            onChange={(e) => setBaseline({ kind: 'entered', total: e.target.value })}
          />
          <small className="field-hint">
            Fordeles på byrå, overtid, ekstravakter og intern vikar etter fordelingen i kostnadsmodellen under.
          </small>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="base-plan">Plan som grunnlag</label>
          <select
            id="base-plan"
            value={baseline.planId ?? ''}
            onChange={(e) => setBaseline({ kind: 'plan', planId: Number(e.target.value) })}
          >
            {otherPlans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.start} – {p.end})
              </option>
            ))}
          </select>
        </div>
      )}
      {ledgerError && (
        <p className="form-error" role="alert">
          {ledgerError}
        </p>
      )}
      {!ledger && !ledgerError && (
        <p className="muted">Legg inn fjorårets vikartimer for samme periode (eller velg en annen plan) for å se regnskapet.</p>
      )}
      {ledger && <Ledger ledger={ledger} split={split} />}

      <CostModelEditor unit={unit} model={model} competences={competences} onUnit={onUnit} />

      <UnitRatesTable model={model} competences={competences} year={year} />
    </section>
  );
}
