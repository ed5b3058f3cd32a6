/** Shift and absence codes as the grid sees them. */
import type { AbsenceCode, ShiftType, TurnusPlan } from '../../../shared/plan/model';
import { absenceCodesOf } from '../../../shared/plan/model';

export interface CodeInfo {
  code: string;
  label: string;
  kind: 'shift' | 'absence';
  color: string;
  shift?: ShiftType;
  absence?: AbsenceCode;
}

const ABSENCE_COLORS: Record<string, string> = {
  vacation: '#fff4a3',
  training: '#f3d0ea',
  meeting: '#f3d0ea',
  leave: '#e2e2e2',
};

export function codesOf(plan: Pick<TurnusPlan, 'shiftTypes' | 'absenceCodes'>): CodeInfo[] {
  const shifts: CodeInfo[] = plan.shiftTypes.map((s) => ({
    code: s.code,
    label: `${s.name ? s.name + ' ' : ''}${s.start}–${s.end}${s.long ? ' (langvakt)' : ''}`,
    kind: 'shift',
    color: s.color ?? '#dde7f0',
    shift: s,
  }));
  const absences: CodeInfo[] = absenceCodesOf(plan).map((a) => ({
    code: a.code,
    label: a.name ?? a.code,
    kind: 'absence',
    color: ABSENCE_COLORS[a.kind] ?? '#eee',
    absence: a,
  }));
  return [...shifts, ...absences];
}

/**
 * Resolves typed letters to a code: an exact match that is no other code's prefix wins at
 * once, and so does the only code starting with the letters typed. Returns 'wait' when more
 * letters could still change the answer.
 */
export function matchTyped(typed: string, codes: readonly string[]): { code: string | null; wait: boolean } {
  const t = typed.toUpperCase();
  const starts = codes.filter((c) => c.toUpperCase().startsWith(t));
  const exact = codes.find((c) => c.toUpperCase() === t) ?? null;
  if (starts.length === 0) return { code: null, wait: false };
  if (starts.length === 1) return { code: starts[0], wait: false };
  return { code: exact, wait: true };
}
