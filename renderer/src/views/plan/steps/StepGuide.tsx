/**
 * The Askermodellen order of work as a visible step guide: create the plan → ferieønsker and
 * known absence → meetings and training → weekend rhythm → fill weekdays → review.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { currentIndex, usePlan } from '../../../stores/plan';
import { useWishes } from '../../../stores/wishes';
import { useRules } from '../../../stores/rules';
import { useCoverage } from '../../../lib/coverage';
import { hrefOf } from '../../../lib/router';
import { recall, remember } from '../../../lib/remember';
import { formatDateNo, isoWeekday } from '../../../../../shared/calendar';
import { count } from '../../../../../shared/text';
import { WishesStep } from './WishesStep';
import { AbsenceStep } from './AbsenceStep';
import { WeekendStep } from './WeekendStep';
import { ReviewStep, WeekdaysStep } from './FinishSteps';
import { PlanCapacity } from './PlanCapacity';
import { useActivityMarks } from './ActivityStep';
import { useScenarioOfPlan } from '../ScenarioBanner';

type StepId = 'plan' | 'ferie' | 'fravaer' | 'helg' | 'ukedager' | 'gjennomgang';
const STEPS: { id: StepId; title: string }[] = [
  { id: 'plan', title: 'Plan opprettet' },
  { id: 'ferie', title: 'Ferieønsker' },
  { id: 'fravaer', title: 'Fravær, møter og kurs' },
  { id: 'helg', title: 'Helgerytme' },
  { id: 'ukedager', title: 'Fyll ukedagene' },
  { id: 'gjennomgang', title: 'Gjennomgang' },
];

// ------------------------------------------------------------------------------- guide
export function StepGuide({ planId }: { planId: number }) {
  const plan = usePlan((s) => s.plan)!;
  const wishes = useWishes((s) => s.wishes);
  const loadWishes = useWishes((s) => s.load);
  const rev = useDeferredValue(usePlan((s) => s.rev));
  const ruleErrors = useRules((s) => s.counts.error);
  const cov = useCoverage();
  const [step, setStepState] = useState<StepId | null>(() => {
    const saved = recall(planId, 'step');
    return STEPS.some((st) => st.id === saved) ? (saved as StepId) : null;
  });
  const setStep = (id: StepId | null) => {
    setStepState(id);
    remember(planId, 'step', id);
  };
  useActivityMarks();
  // In a scenario's plan the staff and shift lengths are the scenario's (its page), never the unit's.
  const scenario = useScenarioOfPlan(planId);

  useEffect(() => {
    void loadWishes(planId);
  }, [planId, loadWishes]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `rev` is the trigger: the cells are read through usePlan.getState(), so a change of `rev` must recompute
  const done = useMemo(() => {
    const index = currentIndex();
    let absence = false,
      longShift = false,
      weekdayWork = false;
    for (const e of index?.employees ?? []) {
      if (!absence) absence = e.absences.some((a) => a.absence.kind !== 'vacation');
      for (const w of e.shifts) {
        if (w.long) longShift = true;
        else if (isoWeekday(w.day) < 5) weekdayWork = true;
        if (longShift && weekdayWork) break;
      }
    }
    const employees = usePlan.getState().employees;
    return {
      plan: true,
      ferie: wishes.length > 0 && wishes.every((w) => w.status !== 'onsket'),
      fravaer: absence || (plan.file.activities?.length ?? 0) > 0,
      helg: employees.length > 0 && employees.every((e) => e.weekendGroup !== undefined) && longShift,
      ukedager: weekdayWork && cov.uncoveredShifts === 0,
      // Reviewed: sent on or approved, with no brudd and every shift of the bemanningsplan filled.
      gjennomgang: plan.status !== 'utkast' && ruleErrors === 0 && cov.uncoveredShifts === 0,
    } as Record<StepId, boolean>;
    // `rev` stands for the plan index, which is read through currentIndex().
  }, [rev, wishes, plan, ruleErrors, cov.uncoveredShifts]);

  return (
    <section className="steps" aria-label="Arbeidsrekkefølge (Askermodellen)">
      <PlanCapacity />
      <ol className="step-list">
        {STEPS.map((st, i) => (
          <li key={st.id}>
            <button
              type="button"
              className={'step' + (step === st.id ? ' active' : '') + (done[st.id] ? ' done' : '')}
              aria-pressed={step === st.id}
              onClick={() => setStep(step === st.id ? null : st.id)}
            >
              <span className="step-no">{done[st.id] ? '✓' : i + 1}</span> {st.title}
            </button>
          </li>
        ))}
      </ol>
      {step && (
        <section className="step-panel" aria-label={STEPS.find((s) => s.id === step)!.title}>
          {step === 'plan' && scenario && (
            <p className="muted">
              Scenarioet gjelder {formatDateNo(plan.start)} – {formatDateNo(plan.end)} for{' '}
              {count(plan.file.employees.length, 'ansatt', 'ansatte')}. Ansatte, stillinger og vaktlengder i scenarioet endres under{' '}
              <a href={hrefOf({ name: 'scenario', scenarioId: scenario.scenarioId })}>Ansatte og vakttyper i scenarioet</a>. Avdelingens
              egne sider endrer den virkelige avdelingen.
            </p>
          )}
          {step === 'plan' && !scenario && (
            <p className="muted">
              Planen gjelder {formatDateNo(plan.start)} – {formatDateNo(plan.end)} for{' '}
              {count(plan.file.employees.length, 'ansatt', 'ansatte')}. Sjekk at{' '}
              <a href={hrefOf({ name: 'unit', unitId: plan.unitId, tab: 'ansatte' })}>ansatte</a> og{' '}
              <a href={hrefOf({ name: 'unit', unitId: plan.unitId, tab: 'bemanningsplan' })}>bemanningsplanen</a> er riktige før du går
              videre.
            </p>
          )}
          {step === 'ferie' && <WishesStep />}
          {step === 'fravaer' && <AbsenceStep />}
          {step === 'helg' && <WeekendStep />}
          {step === 'ukedager' && <WeekdaysStep />}
          {step === 'gjennomgang' && <ReviewStep />}
        </section>
      )}
    </section>
  );
}
