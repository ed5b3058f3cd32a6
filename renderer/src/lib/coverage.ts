/**
 * Coverage rows for the grid header, from shared/metrics/coverage: per day and demand shift
 * code, how many are planned, how many the bemanningsplan asks for, and what is missing.
 */
import { useMemo } from 'react';
import { coverage, SLOT_STATUS_LABEL, type SlotStatus } from '../../../shared/metrics/coverage';
import { COMPETENCE_LABEL, type Competence } from '../../../shared/model';
import { currentIndex, usePlan } from '../stores/plan';

export interface CoverageCell { needed: number; planned: number; status: SlotStatus; detail?: string }
export interface CoverageRow { shift: string; byDay: (CoverageCell | undefined)[] }

const compLabel = (c: string) => (c === 'any' ? 'Hvem som helst' : COMPETENCE_LABEL[c as Competence] ?? c);

export interface CoverageView { rows: CoverageRow[]; uncoveredShifts: number; uncoveredHours: number }

export function useCoverage(): CoverageView {
  const rev = usePlan((s) => s.rev);
  const plan = usePlan((s) => s.plan);
  const days = usePlan((s) => s.days);
  return useMemo(() => {
    const index = currentIndex();
    if (!plan || !index) return { rows: [], uncoveredShifts: 0, uncoveredHours: 0 };
    const file = plan.file;
    const shifts = file.shiftTypes.map((s) => s.code).filter((c) => file.demand.some((r) => r.shift === c));
    const cov = coverage(index);
    const rows = shifts.map((shift) => ({
      shift,
      byDay: days.map((date) => {
        const slot = cov.slotIndex.get(`${date}|${shift}`);
        if (!slot) return undefined;
        const detail = [
          SLOT_STATUS_LABEL[slot.status] + (slot.missing ? `: mangler ${slot.missing}` : ''),
          ...slot.needs.map((n) => `${compLabel(n.competence)}: ${n.filled} av ${n.count}`),
        ].join('\n');
        return { needed: slot.needed, planned: slot.planned, status: slot.status, detail };
      }),
    }));
    return { rows, uncoveredShifts: cov.uncoveredShifts, uncoveredHours: cov.uncoveredHours };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rev, plan, days]);
}
