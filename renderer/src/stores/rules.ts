/**
 * Live rule hits for the open plan. Filled by the plan view from the shared rule engine;
 * cells and the side list select from here.
 */
import { create } from 'zustand';

export interface RuleHit {
  rule: string;
  employee: string;
  date: string;
  severity: string;
  message: string;
}

interface RulesState {
  /** False until the rule engine has checked the plan once. */
  ready: boolean;
  hits: RuleHit[];
  byCell: Record<string, string[]>;
  byEmployee: Record<string, number>;
  setHits(hits: RuleHit[]): void;
  reset(): void;
}

export const useRules = create<RulesState>((set) => ({
  ready: false,
  hits: [],
  byCell: {},
  byEmployee: {},
  setHits(hits) {
    const byCell: Record<string, string[]> = {};
    const byEmployee: Record<string, number> = {};
    for (const h of hits) {
      const k = `${h.employee}|${h.date}`;
      (byCell[k] ??= []).push(h.message);
      byEmployee[h.employee] = (byEmployee[h.employee] ?? 0) + 1;
    }
    set({ ready: true, hits, byCell, byEmployee });
  },
  reset() {
    set({ ready: false, hits: [], byCell: {}, byEmployee: {} });
  },
}));
