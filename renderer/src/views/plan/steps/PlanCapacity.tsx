/**
 * Capacity first, at the top of the plan: the open plan's demand vs what its positions give.
 * A whole-plan computation (a matching per day), so it follows only the edits that change what
 * it reads (`capacityRev`: absence, pinned cells) and runs in an idle moment, never on the frame
 * that paints an edit.
 */
import { memo } from 'react';
import { currentIndex, usePlan } from '../../../stores/plan';
import { capacityOf, CapacityResultView } from '../../../components/CapacityPanel';
import { useIdleValue } from '../../../lib/idle';

/** Memoised: the step guide around it re-renders on every edit; this follows its own triggers only. */
export const PlanCapacity = memo(function PlanCapacity() {
  const capacityRev = usePlan((s) => s.capacityRev);
  const plan = usePlan((s) => s.plan);
  const result = useIdleValue(
    () => {
      const ix = currentIndex();
      return ix && plan ? capacityOf(ix) : null;
    },
    [capacityRev, plan],
    null,
  );
  return <CapacityResultView result={result} title="Kapasitet for planen: behov mot stillinger" compact />;
});
