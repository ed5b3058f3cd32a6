/**
 * Timed activities (the optional `activities` extension of the plan file, model.ts
 * `PlanActivity`): a meeting or course with a time window, which, unlike a whole-day MØTE cell,
 * leaves the person free to work the rest of the day. Credited hours = the activity's own
 * duration, less the part a work shift of the person covers (a meeting held during her day shift
 * is already paid by the shift).
 *
 * Exported:
 * - `activitiesOf(plan, employeeId): PlanActivity[]` — the person's activities dated in the period.
 * - `activitySpans(plan, employeeId): ActivitySpan[]` — their real time intervals (UTC minutes,
 *   daylight-saving aware, like work shifts), for the rest rules.
 * - `activityHours(plan, employeeId): number` — credited hours not covered by a work shift.
 * - `validateActivities(plan): string[]` — Norwegian messages for malformed activities.
 */
import { isIsoDate, isTime, shiftInterval, toDay } from '../calendar';
import type { PlanActivity, TurnusPlan } from './model';
import { type PlanIndex, employeeIndex, indexPlan, lowerBound, overlapMinutes } from './plan-index';

export interface ActivitySpan {
  activity: PlanActivity;
  date: string;
  /** UTC minutes since the epoch. */
  start: number;
  end: number;
  /** Elapsed hours of the activity. */
  hours: number;
  /** Hours of it inside a work shift of the person (not credited again). */
  coveredHours: number;
}

function involves(a: PlanActivity, employeeId: string): boolean {
  return a.employees === 'all' || a.employees.includes(employeeId);
}

export function activitiesOf(plan: Pick<TurnusPlan, 'activities' | 'period'>, employeeId: string): PlanActivity[] {
  return (plan.activities ?? []).filter((a) => involves(a, employeeId) && a.date >= plan.period.start && a.date <= plan.period.end);
}

/** Malformed activities, as messages naming what the user sees. Empty when all are valid. */
export function validateActivities(plan: Pick<TurnusPlan, 'activities' | 'employees'>): string[] {
  const ids = new Set(plan.employees.map((e) => e.id));
  const out: string[] = [];
  (plan.activities ?? []).forEach((a, i) => {
    const name = `Aktivitet ${i + 1} (${a.code || 'uten kode'})`;
    if (!a.code) out.push(`${name}: mangler kode.`);
    if (!isIsoDate(a.date)) out.push(`${name}: datoen «${a.date}» er ikke gyldig.`);
    if (!isTime(a.start)) out.push(`${name}: starttid «${a.start}» er ikke et klokkeslett (tt:mm).`);
    if (!isTime(a.end)) out.push(`${name}: sluttid «${a.end}» er ikke et klokkeslett (tt:mm).`);
    if (a.employees !== 'all') {
      const unknown = a.employees.filter((id) => !ids.has(id));
      if (unknown.length > 0) out.push(`${name}: ukjente deltakere (${unknown.join(', ')}).`);
    }
  });
  return out;
}

function spansOf(index: PlanIndex, employeeId: string): ActivitySpan[] {
  const emp = employeeIndex(index, employeeId);
  return activitiesOf(index.plan, employeeId).map((a) => {
    const day = toDay(a.date);
    const { start, end } = shiftInterval(day, a.start, a.end);
    let covered = 0;
    // Shifts that may overlap start at the earliest the day before.
    for (let i = lowerBound(emp.shifts, day - 1); i < emp.shifts.length && emp.shifts[i].day <= day + 1; i++) {
      covered += overlapMinutes(emp.shifts[i].start, emp.shifts[i].end, start, end);
    }
    return { activity: a, date: a.date, start, end, hours: (end - start) / 60, coveredHours: covered / 60 };
  });
}

export function activitySpans(plan: TurnusPlan | PlanIndex, employeeId: string): ActivitySpan[] {
  const index = 'byId' in plan && 'plan' in plan ? (plan as PlanIndex) : indexPlan(plan as TurnusPlan);
  return spansOf(index, employeeId);
}

export function activityHours(plan: TurnusPlan | PlanIndex, employeeId: string): number {
  return activitySpans(plan, employeeId).reduce((s, x) => s + Math.max(0, x.hours - x.coveredHours), 0);
}
