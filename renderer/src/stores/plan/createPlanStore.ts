/**
 * The open plan as one zustand store composed of slices: cells (load, write, figures),
 * selection, history (undo/redo) and the save queue. Each store made here has its own queue,
 * rule checker and index (no module singletons), so tests make one per case with a fake
 * transport in place of the API client.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCellsSlice } from './cells';
import { createHistorySlice } from './history';
import { createSaveSlice } from './saveQueue';
import { createSelectionSlice } from './selection';
import type { PlanContext, PlanState, PlanStoreDeps } from './types';

export function createPlanStore(deps: PlanStoreDeps): StoreApi<PlanState> {
  const ctx: PlanContext = {
    deps,
    pending: new Map(),
    saveTimer: null,
    checker: null,
    index: null,
    loadToken: 0,
    checkedPlanId: null,
    write: () => [],
    scheduleSave: () => {},
    cancelSave: () => {},
  };
  return createStore<PlanState>()((set, get) => ({
    ...createSaveSlice(set, get, ctx),
    ...createCellsSlice(set, get, ctx),
    ...createSelectionSlice(set, get, ctx),
    ...createHistorySlice(set, get, ctx),
  }));
}
