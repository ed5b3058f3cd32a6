import { useEffect } from 'react';
import { useRoute } from './lib/router';
import { UnitsView } from './views/units/UnitsView';
import { UnitView } from './views/unit/UnitView';
import { PlanView } from './views/plan/PlanView';
import { SkipLink } from './views/plan/SkipLink';
import { ReviewView } from './views/review/ReviewView';
import { MetricsView } from './views/metrics/MetricsView';
import { ScenarioView } from './views/scenarios/ScenarioView';
import { CompareView } from './views/scenarios/CompareView';
import { hasUnsaved } from './stores/plan';
import { unsavedForms } from './lib/unsaved';

export function App() {
  const route = useRoute();

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (hasUnsaved() || unsavedForms().length > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return (
    <div className="app">
      {route.name === 'plan' && <SkipLink />}
      <header className="topbar">
        <a className="brand" href="#/">
          Turnus
        </a>
        <span className="tagline">Heltidsplanlegging etter Askermodellen</span>
      </header>
      <main className="content">
        {route.name === 'units' && <UnitsView />}
        {route.name === 'unit' && <UnitView unitId={route.unitId} tab={route.tab} />}
        {route.name === 'plan' && <PlanView planId={route.planId} />}
        {route.name === 'review' && <ReviewView planId={route.planId} tab={route.tab} />}
        {route.name === 'metrics' && <MetricsView planId={route.planId} tab={route.tab} />}
        {route.name === 'scenario' && <ScenarioView scenarioId={route.scenarioId} />}
        {route.name === 'compare' && <CompareView unitId={route.unitId} ids={route.ids} psu={route.psu} />}
        {route.name === 'notFound' && (
          <section className="panel">
            <h1>Fant ikke siden</h1>
            <p>
              <a href="#/">Gå til oversikten over avdelinger</a>
            </p>
          </section>
        )}
      </main>
    </div>
  );
}
