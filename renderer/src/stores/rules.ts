/**
 * Live rule hits of the open plan, from the shared rule engine's incremental checker (the plan
 * store feeds it after every edit). Cells select their own messages as one string, so a
 * change elsewhere does not re-render them.
 */
import { create } from 'zustand';
import type { Violation } from '../../../shared/engine';

interface RulesState {
  /** False until the rule engine has checked the plan once. */
  ready: boolean;
  hits: readonly Violation[];
  /** `${employeeId}|${date}` → the messages dated on that cell, one per line. */
  byCell: Record<string, string>;
  byEmployee: Record<string, number>;
  setHits(hits: readonly Violation[]): void;
  reset(): void;
}

export const useRules = create<RulesState>((set) => ({
  ready: false,
  hits: [],
  byCell: {},
  byEmployee: {},
  setHits(hits) {
    const byCell: Record<string, string> = {};
    const byEmployee: Record<string, number> = {};
    for (const h of hits) {
      if (h.date) {
        const k = `${h.employee}|${h.date}`;
        byCell[k] = byCell[k] ? byCell[k] + '\n' + h.message : h.message;
      }
      byEmployee[h.employee] = (byEmployee[h.employee] ?? 0) + 1;
    }
    set({ ready: true, hits, byCell, byEmployee });
  },
  reset() {
    set({ ready: false, hits: [], byCell: {}, byEmployee: {} });
  },
}));
