/**
 * The open plan of the app: the store of createPlanStore.ts wired to the API client and the
 * rules store. Cells are keyed by lib/cellKey so each grid cell selects exactly its own state.
 */
import { useStore } from 'zustand';
import { api } from '../../api';
import { useRules } from '../rules';
import { createPlanStore } from './createPlanStore';
import type { PlanState } from './types';
import type { PlanIndex } from '../../../../shared/plan/plan-index';

export { keyOf, splitKey, type Key } from '../../lib/cellKey';
export { selectionBounds } from './selection';
export { createPlanStore } from './createPlanStore';
export type { Pos, SaveState, PlanState } from './types';

/** Resolves after the next painted frame (at once in a hidden window, where frames stop). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden') {
      requestAnimationFrame(() => setTimeout(finish, 0));
      setTimeout(finish, 1000);
    } else setTimeout(finish, 0);
  });
}

const planStore = createPlanStore({
  transport: api,
  rules: {
    clear: () => useRules.getState().clear(),
    setAll: (hits, counts) => useRules.getState().setAll(hits, counts),
    setEmployees: (updates, counts) => useRules.getState().setEmployees(updates, counts),
  },
  afterPaint,
});

type UsePlan = {
  (): PlanState;
  <T>(selector: (s: PlanState) => T): T;
} & typeof planStore;

function usePlanHook<T>(selector?: (s: PlanState) => T) {
  return useStore(planStore, selector ?? ((s) => s as unknown as T));
}

/** The hook of the open plan (`usePlan(selector)`), with the store's getState/subscribe. */
export const usePlan = Object.assign(usePlanHook, planStore) as UsePlan;

/** The shared plan index of the open plan, kept in step with the cells (read-only for views). */
export function currentIndex(): PlanIndex | null {
  return planStore.getState().currentIndex();
}

/** True while edits are waiting to be written (used to warn before leaving). */
export function hasUnsaved(): boolean {
  return planStore.getState().hasUnsaved();
}
