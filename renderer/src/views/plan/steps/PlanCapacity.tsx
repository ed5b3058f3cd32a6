/** Capacity first, at the top of the plan: the open plan's demand vs what its positions give. */
import { useDeferredValue, useMemo } from 'react';
import { currentIndex, usePlan } from '../../../stores/plan';
import { CapacityPanel } from '../../../components/CapacityPanel';

export function PlanCapacity() {
  const rev = useDeferredValue(usePlan((s) => s.rev));
  const plan = usePlan((s) => s.plan);
  // The index follows the cells; `rev` says when they (approved ferie, absence) changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: currentIndex() reads the store; `rev` and `plan` are the triggers to recompute
  const index = useMemo(() => {
    const ix = currentIndex();
    return ix ? { ...ix } : null;
  }, [rev, plan]);
  return <CapacityPanel plan={index} title="Kapasitet for planen: behov mot stillinger" compact />;
}
