/** Pure helpers for the Askermodellen order of work (step guide on the plan page). */
import type { Employee } from '../../../shared/plan/model';
import { addDays, toDay, weekendsIn, fromDay } from '../../../shared/calendar';
import { collator } from './format';

/** Dates from `start` to `end` inclusive, clipped to the plan period. */
export function datesInRange(start: string, end: string, period: { start: string; end: string }): string[] {
  const from = start < period.start ? period.start : start;
  const to = end > period.end ? period.end : end;
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Rotation groups for «every k-th weekend»: employees sorted by competence, then name, dealt
 * out in turn, so each group gets a similar mix of sykepleiere and helsefagarbeidere.
 */
export function balancedGroups(employees: readonly Employee[], k: number): Map<string, number> {
  const rank: Record<string, number> = { sykepleier: 0, helsefagarbeider: 1, assistent: 2 };
  const sorted = [...employees].sort((a, b) =>
    (rank[a.competence] ?? 3) - (rank[b.competence] ?? 3) || collator.compare(a.name, b.name));
  return new Map(sorted.map((e, i) => [e.id, i % k]));
}

export interface WeekendPlacement {
  /** Cells to write: Saturday and Sunday of each of the group's weekends. */
  changes: { employeeId: string; date: string }[];
  /** Employees in a group who have not consented to langvakter (no L laid for them). */
  withoutConsent: Employee[];
  /** Cells skipped because something was already planned there. */
  skipped: number;
}

/**
 * The weekends of the period numbered 0, 1, 2 …; group g works the weekends whose number
 * modulo k is g. Lays the long shift on Saturday and Sunday for employees who consented,
 * leaving cells that already hold a code.
 */
export function weekendPlacement(
  employees: readonly Employee[],
  groups: ReadonlyMap<string, number>,
  k: number,
  period: { start: string; end: string },
  occupied: (employeeId: string, date: string) => boolean,
): WeekendPlacement {
  const saturdays = weekendsIn(toDay(period.start), toDay(period.end));
  const out: WeekendPlacement = { changes: [], withoutConsent: [], skipped: 0 };
  for (const e of employees) {
    const g = groups.get(e.id);
    if (g === undefined) continue;
    if (!e.consentsLongShifts) {
      out.withoutConsent.push(e);
      continue;
    }
    saturdays.forEach((sat, i) => {
      if (i % k !== g) return;
      for (const day of [sat, sat + 1]) {
        const date = fromDay(day);
        if (occupied(e.id, date)) out.skipped++;
        else out.changes.push({ employeeId: e.id, date });
      }
    });
  }
  return out;
}
