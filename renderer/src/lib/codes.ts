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

/**
 * The letters to type in the grid for each code: the shortest start of the code that
 * `matchTyped` resolves to it at once. A code that is the start of another (K beside KURS) is
 * typed in full and written after a short pause (`pause`).
 */
export function typingKeys(codes: readonly string[]): Map<string, { keys: string; pause: boolean }> {
  const out = new Map<string, { keys: string; pause: boolean }>();
  for (const code of codes) {
    let found: { keys: string; pause: boolean } | null = null;
    for (let n = 1; n <= code.length && !found; n++) {
      const m = matchTyped(code.slice(0, n), codes);
      if (m.code === code && !m.wait) found = { keys: code.slice(0, n), pause: false };
    }
    out.set(code, found ?? { keys: code, pause: true });
  }
  return out;
}

/**
 * What a new or renamed code does to the letters of the codes already there: one line per
 * code that must now be typed differently («KURS skrives nå KU (var K)»).
 */
export function typingClashes(code: string, others: readonly string[]): { code: string; before: string; after: string }[] {
  const before = typingKeys(others);
  const after = typingKeys([...others, code]);
  const out: { code: string; before: string; after: string }[] = [];
  for (const o of others) {
    const b = before.get(o)!,
      a = after.get(o)!;
    if (b.keys !== a.keys || b.pause !== a.pause)
      out.push({ code: o, before: b.keys, after: a.keys + (a.pause ? ' og en kort pause' : '') });
  }
  return out;
}
