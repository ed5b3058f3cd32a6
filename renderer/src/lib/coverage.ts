/**
 * Coverage rows for the grid header, from shared/metrics/coverage: per day and demand shift
 * code, how many are planned, how many the bemanningsplan asks for, and what is missing.
 * Computed once per plan revision (shared by every view), at most every 200 ms while the user
 * types and only in an idle moment, so a keystroke never waits for a whole-year coverage pass.
 */
import { useEffect, useRef, useState } from 'react';
import { whenIdle } from './idle';
import { coverage, SLOT_STATUS_LABEL, type SlotCoverage, type SlotStatus } from '../../../shared/metrics/coverage';
import { COMPETENCE_LABEL, type Competence } from '../../../shared/plan/model';
import { currentIndex, usePlan } from '../stores/plan';
import type { PlanDetail } from '../../../shared/api';

export interface CoverageCell {
  needed: number;
  planned: number;
  status: SlotStatus;
  slot: SlotCoverage;
}
export interface CoverageRow {
  shift: string;
  byDay: (CoverageCell | undefined)[];
}
export interface CoverageView {
  rows: CoverageRow[];
  uncoveredShifts: number;
  uncoveredHours: number;
}

const compLabel = (c: string) => (c === 'any' ? 'Hvem som helst' : (COMPETENCE_LABEL[c as Competence] ?? c));
const EMPTY: CoverageView = { rows: [], uncoveredShifts: 0, uncoveredHours: 0 };

let cache: { rev: number; plan: PlanDetail; view: CoverageView } | null = null;

function compute(rev: number, plan: PlanDetail | null, days: string[]): CoverageView {
  const index = currentIndex();
  if (!plan || !index) return EMPTY;
  if (cache && cache.rev === rev && cache.plan === plan) return cache.view;
  const file = plan.file;
  const shifts = file.shiftTypes.map((s) => s.code).filter((c) => file.demand.some((r) => r.shift === c));
  const cov = coverage(index);
  const rows = shifts.map((shift) => ({
    shift,
    byDay: days.map((date) => {
      const slot = cov.slotIndex.get(`${date}|${shift}`);
      if (!slot) return undefined;
      return { needed: slot.needed, planned: slot.planned, status: slot.status, slot };
    }),
  }));
  const view = { rows, uncoveredShifts: cov.uncoveredShifts, uncoveredHours: cov.uncoveredHours };
  cache = { rev, plan, view };
  return view;
}

/** Tooltip text of one coverage cell (built only for rendered cells). */
export function coverageDetail(shift: string, c: CoverageCell): string {
  return [
    `${shift}: ${c.planned} planlagt, ${c.needed} trengs`,
    SLOT_STATUS_LABEL[c.status] + (c.slot.missing ? `: mangler ${c.slot.missing}` : ''),
    ...c.slot.needs.map((n) => `${compLabel(n.competence)}: ${n.filled} av ${n.count}`),
  ].join('\n');
}

const THROTTLE_MS = 200;

export function useCoverage(): CoverageView {
  const rev = usePlan((s) => s.rev);
  const plan = usePlan((s) => s.plan);
  const days = usePlan((s) => s.days);
  // What is shown until the next idle computation: the shared view when it is of this plan.
  const [view, setView] = useState<CoverageView>(() => (cache && cache.plan === plan ? cache.view : EMPTY));
  const last = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rev` is the trigger: the cells are read through the plan index, so a new revision must recompute
  useEffect(() => {
    let cancel = () => {};
    const wait = Math.max(0, last.current + THROTTLE_MS - Date.now());
    const t = setTimeout(() => {
      cancel = whenIdle(() => {
        last.current = Date.now();
        // The index always holds the newest cells; the newest revision names them.
        setView(compute(usePlan.getState().rev, plan, days));
      });
    }, wait);
    return () => {
      clearTimeout(t);
      cancel();
    };
  }, [rev, plan, days]);
  return view;
}
