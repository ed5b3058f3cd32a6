/**
 * «Scenario: … (variant av …)»: shown above the grid when the open plan is a scenario's own
 * plan (m070). Everything on the page then works on the scenario only; the banner links back to
 * the scenario page (ledger, comparison, «Gjør til gjeldende plan») and to the plan it came from.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { ScenarioOfPlan } from '../../../../shared/api/scenario';
import { hrefOf } from '../../lib/router';

export function useScenarioOfPlan(planId: number): ScenarioOfPlan | null {
  const [s, setS] = useState<ScenarioOfPlan | null>(null);
  useEffect(() => {
    let live = true;
    setS(null);
    api.scenarioOfPlan(planId).then(
      (x) => {
        if (live) setS(x);
      },
      () => {
        /* a real plan or no access: no banner */
      },
    );
    return () => {
      live = false;
    };
  }, [planId]);
  return s;
}

export function ScenarioBanner({ scenario }: { scenario: ScenarioOfPlan }) {
  return (
    <div
      className="scenario-banner"
      role="note"
      aria-label="Scenario"
      data-scenario-banner
      style={{ background: '#fff7e0', border: '1px solid #e5b94e', borderRadius: 4, padding: '0.5rem 0.75rem', margin: '0.5rem 0' }}
    >
      <b>Scenario: {scenario.name}</b> (
      {scenario.basePlanId !== null && scenario.basePlanName ? (
        <>
          variant av <a href={hrefOf({ name: 'plan', planId: scenario.basePlanId })}>{scenario.basePlanName}</a>
        </>
      ) : (
        'laget fra avdelingen uten en plan'
      )}
      ). Endringer her gjelder bare scenarioet.{' '}
      <a href={hrefOf({ name: 'scenario', scenarioId: scenario.scenarioId })}>
        Til scenarioet: regnskap, sammenligning og «Gjør til gjeldende plan»
      </a>
    </div>
  );
}
