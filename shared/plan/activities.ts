/**
 * Timed activities (the optional `activities` extension of the plan file, model.ts
 * `PlanActivity`): a meeting or course with a time window, which, unlike a whole-day MØTE cell,
 * leaves the person free to work the rest of the day. Credited hours = the activity's own
 * duration, less the part a work shift of the person covers (a meeting held during her day shift
 * is already paid by the shift).
 *
 * Exported:
 * Excusal («fritatt»): an activity for everyone (`employees: 'all'`) does not apply to an
 * employee who (a) has a whole-day absence cell on its date (ferie, a MØTE/KURS cell, permisjon …:
 * any absence code; so a MØTE cell and a timed MØTE the same date are not counted twice), or (b)
 * has a work shift dated the day before to the day after that neither overlaps nor touches the
 * activity and leaves less than the statutory daily rest (11 h) against it: the N the night
 * before a meeting for all, or the N of the meeting evening, is worked and she is excused, so a
 * meeting never blanks coverage. A named activity (`employees: [ids]`) is never excused: the
 * leader chose the person, and a conflict stays a rule hit she sees. Every reader (rules,
 * capacity, CSV, ICS, review pack, the grid's marks) sees only the attended activities.
 *
 * Exported:
 * - `activitiesOf(plan, employeeId): PlanActivity[]` — the activities naming the person or all,
 *   dated in the period (before excusal).
 * - `isExcusable(activity)`, `restExcuses(actStart, actEnd, shiftStart, shiftEnd)`,
 *   `absenceExcusal(emp, activity)`, `excusalOf(emp, activity, interval?)` — the excusal
 *   predicate (the solver's terms apply `restExcuses` to the grid's shifts).
 * - `attendedActivities(index, employeeId)` — `activitiesOf` less the excused ones.
 * - `activitySpans(plan, employeeId): ActivitySpan[]` — the attended activities' real time
 *   intervals (UTC minutes, daylight-saving aware, like work shifts), for the rest rules.
 * - `activityHours(plan, employeeId): number` — credited hours not covered by a work shift.
 * - `validateActivities(plan): string[]`, `activityProblems(activity, employeeIds)` — Norwegian
 *   messages for malformed activities (the plan-file reader, shared/planfile, reports them).
 */
import { type DayNumber, isIsoDate, isTime, shiftInterval, toDay } from '../calendar';
import type { PlanActivity, TurnusPlan } from './model';
import { type EmployeeIndex, type PlanIndex, type WorkShift, employeeIndex, indexPlan, lowerBound, overlapMinutes } from './plan-index';
import { STATUTORY_DAILY_REST } from './time';

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

/** Why an activity for all does not apply to one employee. */
export type Excusal = { kind: 'absence'; code: string; name: string } | { kind: 'rest'; shift: WorkShift; before: boolean };

/** Can a person be excused from the activity? Only from one for everyone. */
export function isExcusable(a: PlanActivity): boolean {
  return a.employees === 'all';
}

/**
 * Does a work shift [shiftStart, shiftEnd) leave less than the statutory daily rest against the
 * activity [actStart, actEnd) (UTC minutes) without overlapping or touching it? Such a shift
 * excuses the person from an activity for all.
 */
export function restExcuses(actStart: number, actEnd: number, shiftStart: number, shiftEnd: number): boolean {
  if (shiftStart <= actEnd && shiftEnd >= actStart) return false;
  const gap = shiftEnd < actStart ? actStart - shiftEnd : shiftStart - actEnd;
  return gap < STATUTORY_DAILY_REST * 60;
}

/** The whole-day absence cell that excuses the person from an activity for all, if any. */
export function absenceExcusal(emp: EmployeeIndex, a: PlanActivity, day: DayNumber = toDay(a.date)): Excusal | null {
  if (!isExcusable(a)) return null;
  const cell = emp.cells.get(day);
  return cell?.kind === 'absence' ? { kind: 'absence', code: cell.code, name: cell.absence.name ?? cell.code } : null;
}

/** Why the person is excused from the activity (absence first, then rest), or null: she attends. */
export function excusalOf(emp: EmployeeIndex, a: PlanActivity, interval?: { start: number; end: number }): Excusal | null {
  if (!isExcusable(a)) return null;
  const day = toDay(a.date);
  const absent = absenceExcusal(emp, a, day);
  if (absent) return absent;
  const { start, end } = interval ?? shiftInterval(day, a.start, a.end);
  for (let i = lowerBound(emp.shifts, day - 1); i < emp.shifts.length && emp.shifts[i].day <= day + 1; i++) {
    const s = emp.shifts[i];
    if (restExcuses(start, end, s.start, s.end)) return { kind: 'rest', shift: s, before: s.end < start };
  }
  return null;
}

/** The person's activities she attends: `activitiesOf` less the excused ones. */
export function attendedActivities(plan: TurnusPlan | PlanIndex, employeeId: string): PlanActivity[] {
  return activitySpans(plan, employeeId).map((x) => x.activity);
}

/** A problem of one activity: the field it is in (none: the activity as a whole) and the message. */
export interface ActivityProblem {
  field?: 'code' | 'date' | 'start' | 'end' | 'employees';
  message: string;
}

/**
 * What is wrong with one activity (Norwegian; empty when it is valid). Reads any value, also one
 * of the wrong shape (a plan file as written by hand).
 */
export function activityProblems(raw: unknown, employeeIds: ReadonlySet<string>): ActivityProblem[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return [{ message: 'må være et objekt med code, date, start, end og employees.' }];
  const a = raw as Record<string, unknown>;
  const out: ActivityProblem[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'mangler'));
  if (typeof a.code !== 'string' || !a.code) out.push({ field: 'code', message: 'mangler kode (for eksempel «MØTE»).' });
  if (typeof a.date !== 'string' || !isIsoDate(a.date))
    out.push({ field: 'date', message: `datoen «${text(a.date)}» er ikke gyldig (åååå-mm-dd).` });
  if (typeof a.start !== 'string' || !isTime(a.start))
    out.push({ field: 'start', message: `starttid «${text(a.start)}» er ikke et klokkeslett (tt:mm).` });
  if (typeof a.end !== 'string' || !isTime(a.end))
    out.push({ field: 'end', message: `sluttid «${text(a.end)}» er ikke et klokkeslett (tt:mm).` });
  else if (a.end === a.start) out.push({ field: 'end', message: 'sluttid kan ikke være lik starttid.' });
  if (a.employees !== 'all') {
    if (!Array.isArray(a.employees) || a.employees.some((id) => typeof id !== 'string'))
      out.push({ field: 'employees', message: 'deltakere må være «all» eller en liste med ansatt-id-er.' });
    else {
      const unknown = (a.employees as string[]).filter((id) => !employeeIds.has(id));
      if (unknown.length > 0) out.push({ field: 'employees', message: `ukjente deltakere (${unknown.join(', ')}).` });
    }
  }
  return out;
}

/** Malformed activities, as messages naming what the user sees. Empty when all are valid. */
export function validateActivities(plan: Pick<TurnusPlan, 'activities' | 'employees'>): string[] {
  const list: unknown = plan.activities ?? [];
  if (!Array.isArray(list)) return ['Møter og kurs (activities) må være en liste.'];
  const ids = new Set(plan.employees.map((e) => e.id));
  const out: string[] = [];
  list.forEach((a: unknown, i) => {
    const code = a && typeof a === 'object' && typeof (a as PlanActivity).code === 'string' && (a as PlanActivity).code;
    const name = `Aktivitet ${i + 1} (${code || 'uten kode'})`;
    for (const m of activityProblems(a, ids)) out.push(`${name}: ${m.message}`);
  });
  return out;
}

function spansOf(index: PlanIndex, employeeId: string): ActivitySpan[] {
  const emp = employeeIndex(index, employeeId);
  const out: ActivitySpan[] = [];
  for (const a of activitiesOf(index.plan, employeeId)) {
    const day = toDay(a.date);
    const { start, end } = shiftInterval(day, a.start, a.end);
    if (excusalOf(emp, a, { start, end })) continue;
    let covered = 0;
    // Shifts that may overlap start at the earliest the day before.
    for (let i = lowerBound(emp.shifts, day - 1); i < emp.shifts.length && emp.shifts[i].day <= day + 1; i++) {
      covered += overlapMinutes(emp.shifts[i].start, emp.shifts[i].end, start, end);
    }
    out.push({ activity: a, date: a.date, start, end, hours: (end - start) / 60, coveredHours: covered / 60 });
  }
  return out;
}

export function activitySpans(plan: TurnusPlan | PlanIndex, employeeId: string): ActivitySpan[] {
  const index = 'byId' in plan && 'plan' in plan ? (plan as PlanIndex) : indexPlan(plan as TurnusPlan);
  return spansOf(index, employeeId);
}

export function activityHours(plan: TurnusPlan | PlanIndex, employeeId: string): number {
  return activitySpans(plan, employeeId).reduce((s, x) => s + Math.max(0, x.hours - x.coveredHours), 0);
}
