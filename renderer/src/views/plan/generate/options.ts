/** What «Fyll ut» offers (modes, time budgets) and the texts its steps share. */
import { fmtInt } from '../../../lib/format';
import { addDays, daysBetweenInclusive } from '../../../../../shared/calendar';
import type { GenerateMode, GenerateWish } from '../../../../../shared/api/solver';
import type { VacationWish } from '../../../../../shared/api/wishes';

export const BUDGETS = [
  { seconds: 5, label: '5 sekunder', hint: 'rask prøve' },
  { seconds: 10, label: '10 sekunder', hint: '' },
  { seconds: 30, label: '30 sekunder', hint: 'anbefalt' },
  { seconds: 60, label: '1 minutt', hint: 'best resultat' },
];

export const MODES: { mode: GenerateMode; label: string; hint: string }[] = [
  {
    mode: 'fill',
    label: 'Fyll tomme ruter',
    hint: 'Vakter legges bare i ruter som er tomme nå. Alt som allerede står i planen, blir stående.',
  },
  {
    mode: 'repair',
    label: 'Reparer regelbrudd',
    hint: 'Flytter eller fjerner så få vakter som mulig, slik at brudd på arbeidstidsreglene forsvinner. Tomme ruter kan også fylles.',
  },
  {
    mode: 'replan',
    label: 'Planlegg en periode på nytt',
    hint: 'Alle vakter mellom fra- og til-dato tas bort og legges på nytt. Utenfor perioden endres ingenting.',
  },
];

/** Wishes still waiting for an answer, as one «fri» wish per day (at most 10 000 days). */
export function pendingOffWishes(wishes: VacationWish[], from: string, to: string): GenerateWish[] {
  const out: GenerateWish[] = [];
  for (const w of wishes) {
    if (w.status !== 'onsket') continue;
    const n = daysBetweenInclusive(w.start, w.end);
    for (let i = 0; i < n && out.length < 10_000; i++) {
      const date = addDays(w.start, i);
      if (date >= from && date <= to) out.push({ employeeId: w.employeeId, date, kind: 'off' });
    }
  }
  return out;
}

export function plural(n: number, one: string, many: string) {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}

const THREADS_KEY = 'turnus.generateThreads';

/** Cores of this PC as the browser reports them (at least 1). */
export function coreCount(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** «Tråder» last chosen on this PC, else all cores but one (at least 1); never above the cores. */
export function savedThreads(): number {
  const cores = coreCount();
  let saved = Number.NaN;
  try {
    saved = Number(localStorage.getItem(THREADS_KEY));
  } catch {
    // No storage (private mode): the default.
  }
  if (Number.isInteger(saved) && saved >= 1) return Math.min(saved, cores);
  return Math.max(1, cores - 1);
}

export function saveThreads(n: number): void {
  try {
    localStorage.setItem(THREADS_KEY, String(n));
  } catch {
    // No storage: the choice lasts until the dialog closes.
  }
}
