/** Pure helpers for the Askermodellen order of work (step guide on the plan page). */
import type { Employee, TurnusPlan } from '../../../shared/plan/model';
import { addDays, fromDay } from '../../../shared/calendar';
import { balanceWeekendGroups, groupWeekends } from '../../../shared/plan/weekend-groups';
import { layLangvakter } from '../../../shared/askermodellen/langvakt';

export { balanceWeekendGroups, groupWeekends, weekendIndex, groupOfWeekend } from '../../../shared/plan/weekend-groups';
export { balancePlanWeekendGroups, weekendGroupSummary } from '../../../shared/askermodellen/weekend-summary';
export { layLangvakter } from '../../../shared/askermodellen/langvakt';

/** Dates from `start` to `end` inclusive, clipped to the plan period. */
export function datesInRange(start: string, end: string, period: { start: string; end: string }): string[] {
  const from = start < period.start ? period.start : start;
  const to = end > period.end ? period.end : end;
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Rotation groups for «every k-th weekend» (shared/plan/weekend-groups.ts): langvakt consenters
 * and sykepleiere spread so they differ by at most 1 between groups, then night-exempt people and
 * head count; existing groups (`current`, else each employee's `weekendGroup`) are kept where the
 * balance allows. With the plan file, `balancePlanWeekendGroups` also weighs the weekend demand.
 */
export function balancedGroups(employees: readonly Employee[], k: number, current?: ReadonlyMap<string, number>): Map<string, number> {
  return balanceWeekendGroups(employees, k, { current });
}

export interface WeekendPlacement {
  /** Cells to write: Saturday and Sunday of each of the group's weekends (`code` when not the langvakt). */
  changes: { employeeId: string; date: string; code?: string }[];
  /** Employees in a group who have not consented to langvakter (no L laid for them). */
  withoutConsent: Employee[];
  /** Cells skipped because something was already planned there (or, with the plan, no shift fits the rules). */
  skipped: number;
  /** With the plan: Norwegian lines saying where and why a langvakt was skipped or shortened. */
  notes: string[];
}

/**
 * The weekends numbered from the unit's anchor (default: the period's first whole weekend);
 * group g works the weekends whose number modulo k is g. Lays the long shift on Saturday and
 * Sunday for employees who consented, leaving cells that already hold a code. Given the current
 * plan file, every langvakt is checked by the rule engine first (shared/askermodellen/langvakt.ts):
 * never a new rule hit; shortened or skipped with a reason instead.
 */
export function weekendPlacement(
  employees: readonly Employee[],
  groups: ReadonlyMap<string, number>,
  k: number,
  period: { start: string; end: string },
  occupied: (employeeId: string, date: string) => boolean,
  plan?: TurnusPlan,
): WeekendPlacement {
  if (plan) {
    const ids = employees.map((e) => e.id);
    const r = layLangvakter(plan, { groups, k, employeeIds: ids });
    return {
      changes: r.changes.map((c) => ({ employeeId: c.employeeId, date: c.date, code: c.code ?? undefined })),
      withoutConsent: r.withoutConsent,
      skipped: r.skipped.length,
      notes: [...r.shortened, ...r.skipped].map((n) => n.message),
    };
  }
  const unit = { name: '', weekendAnchor: undefined as string | undefined };
  const out: WeekendPlacement = { changes: [], withoutConsent: [], skipped: 0, notes: [] };
  const weekendsOf = new Map<number, number[]>();
  for (const e of employees) {
    const g = groups.get(e.id);
    if (g === undefined) continue;
    if (!e.consentsLongShifts) {
      out.withoutConsent.push(e);
      continue;
    }
    if (!weekendsOf.has(g)) weekendsOf.set(g, groupWeekends({ unit, period }, g, k));
    for (const sat of weekendsOf.get(g)!) {
      for (const day of [sat, sat + 1]) {
        const date = fromDay(day);
        if (occupied(e.id, date)) out.skipped++;
        else out.changes.push({ employeeId: e.id, date });
      }
    }
  }
  return out;
}
