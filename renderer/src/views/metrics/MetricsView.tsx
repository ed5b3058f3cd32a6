/**
 * Nøkkeltall for one plan (issue 4): positions, coverage, weekends, the helgekalkulator, the
 * vikar ledger and the target profile. Every number comes from shared/metrics; the screen only
 * lays them out with the assumption next to each figure.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, messageOf } from '../../api';
import type { PlanDetail, PlanSummary, UnitDetail } from '../../../../shared/api';
import { formatDateNo } from '../../../../shared/calendar';
import { computeMetrics } from './compute';
import { hrefOf, type MetricsTab } from '../../lib/router';
import { FormError } from '../../components/Field';
import { usePlan } from '../../stores/plan';
import { PositionsPanel } from './PositionsPanel';
import { CoveragePanel } from './CoveragePanel';
import { WeekendsPanel } from './WeekendsPanel';
import { CalculatorPanel } from './CalculatorPanel';
import { EconomyPanel } from './EconomyPanel';
import { TargetsPanel } from './TargetsPanel';
import './metrics.css';
import { count } from '../../../../shared/text';

const TABS: { tab: MetricsTab; label: string }[] = [
  { tab: 'stillinger', label: 'Stillinger' },
  { tab: 'dekning', label: 'Dekning' },
  { tab: 'helg', label: 'Helg' },
  { tab: 'helgekalkulator', label: 'Helgekalkulator' },
  { tab: 'okonomi', label: 'Økonomi og vikarregnskap' },
  { tab: 'mal', label: 'Mål' },
];

export function MetricsView({ planId, tab }: { planId: number; tab: MetricsTab }) {
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [unit, setUnit] = useState<UnitDetail | null>(null);
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        // Coming from the plan page: let its last edits reach the database first.
        if (usePlan.getState().planId === planId) {
          await usePlan.getState().flush();
          for (let i = 0; i < 50 && usePlan.getState().saveState === 'lagrer'; i++) await new Promise((r) => setTimeout(r, 100));
        }
        const p = await api.getPlan(planId);
        const [u, list] = await Promise.all([api.getUnit(p.unitId), api.listPlans(p.unitId)]);
        if (!live) return;
        setPlan(p);
        setUnit(u);
        setPlans(list);
        setError(null);
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [planId]);

  const m = useMemo(() => (plan ? computeMetrics(plan) : null), [plan]);

  if (!plan || !unit || !m) {
    return (
      <div className="page">
        <FormError message={error} />
        {!error && <p className="muted">Regner ut nøkkeltall …</p>}
      </div>
    );
  }
  return (
    <div className="page metrics-page">
      <nav className="crumbs" aria-label="Brødsmuler">
        <a href="#/">Avdelinger</a> › <a href={hrefOf({ name: 'unit', unitId: plan.unitId, tab: 'planer' })}>{unit.name}</a> ›{' '}
        <a href={hrefOf({ name: 'plan', planId })}>{plan.name}</a> › <span>Nøkkeltall</span>
      </nav>
      <h1>Nøkkeltall: {plan.name}</h1>
      <p className="muted">
        {unit.name} · {formatDateNo(plan.start)} – {formatDateNo(plan.end)} · {count(plan.file.employees.length, 'ansatt', 'ansatte')}.
        Tallene regnes ut fra turnusen slik den er lagret nå. Under hvert tall står forutsetningen det bygger på.
      </p>
      <nav className="tabs" aria-label="Nøkkeltall">
        {TABS.map((t) => (
          <a
            key={t.tab}
            href={hrefOf({ name: 'metrics', planId, tab: t.tab })}
            className={t.tab === tab ? 'tab active' : 'tab'}
            aria-current={t.tab === tab ? 'page' : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      {tab === 'stillinger' && <PositionsPanel plan={plan} m={m} />}
      {tab === 'dekning' && <CoveragePanel plan={plan} m={m} />}
      {tab === 'helg' && <WeekendsPanel plan={plan} m={m} />}
      {tab === 'helgekalkulator' && <CalculatorPanel plan={plan} />}
      {tab === 'okonomi' && (
        <EconomyPanel
          plan={plan}
          unit={unit}
          plans={plans}
          onUnit={(u) => {
            setUnit(u);
            setPlan({ ...plan, file: { ...plan.file, costs: u.settings.costs } });
          }}
        />
      )}
      {tab === 'mal' && <TargetsPanel plan={plan} m={m} />}
    </div>
  );
}
