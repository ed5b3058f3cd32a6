/**
 * Who attends a timed activity and who is excused («fritatt») and why, for the leader's eyes (the
 * step «Fravær, møter og kurs», the grid's activity marks, the review pack). The predicate is
 * activities.ts `excusalOf`; this module only lists it per activity and words it in Norwegian.
 *
 * Exported:
 * - `ActivityAttendance`, `attendanceOf(plan | index, activity)` — attendees (ids, in the plan's
 *   employee order), the excused with the reason, and the credited hours per attendee.
 * - `excusalText(index, activity, excusal)` — «natt før møtet», «vakt A etter kurset», «ferie».
 */
import { shiftInterval, toDay } from '../calendar';
import { type Excusal, activitySpans, excusalOf } from './activities';
import type { PlanActivity, TurnusPlan } from './model';
import { type PlanIndex, absenceCodeOf, indexPlan, nightMinutes } from './plan-index';

/** Night minutes above which the shift that excuses is called «natt» (as AML-NIGHT-AVG's 3 h). */
const NIGHT_SHIFT_MINUTES = 180;

export interface ActivityAttendance {
  activity: PlanActivity;
  /** Employee ids of those who attend. */
  attending: string[];
  /** Credited hours of each attendee (the duration less the part her shift covers), same order. */
  creditedHours: number[];
  /** Those excused, with the reason in Norwegian. */
  excused: { employeeId: string; name: string; reason: string; excusal: Excusal }[];
}

/** «natt før møtet», «vakt A etter kurset», or the absence code's name in lower case («ferie»). */
export function excusalText(index: PlanIndex, a: PlanActivity, x: Excusal): string {
  if (x.kind === 'absence') return x.name.toLocaleLowerCase('nb');
  const what = absenceCodeOf(index, a.code)?.kind === 'training' ? 'kurset' : 'møtet';
  const shift = nightMinutes(x.shift.start, x.shift.end) > NIGHT_SHIFT_MINUTES ? 'natt' : `vakt ${x.shift.code}`;
  return `${shift} ${x.before ? 'før' : 'etter'} ${what}`;
}

/** Attendance of one activity of the plan (an activity outside the period has none). */
export function attendanceOf(plan: TurnusPlan | PlanIndex, a: PlanActivity): ActivityAttendance {
  const index = 'byId' in plan && 'plan' in plan ? (plan as PlanIndex) : indexPlan(plan as TurnusPlan);
  const out: ActivityAttendance = { activity: a, attending: [], creditedHours: [], excused: [] };
  const p = index.plan;
  if (a.date < p.period.start || a.date > p.period.end) return out;
  const day = toDay(a.date);
  const { start, end } = shiftInterval(day, a.start, a.end);
  for (const emp of index.employees) {
    const id = emp.employee.id;
    if (a.employees !== 'all' && !a.employees.includes(id)) continue;
    const x = excusalOf(emp, a, { start, end });
    if (x) {
      out.excused.push({ employeeId: id, name: emp.employee.name, reason: excusalText(index, a, x), excusal: x });
      continue;
    }
    const span = activitySpans(index, id).find((y) => y.activity === a);
    if (!span) continue;
    out.attending.push(id);
    out.creditedHours.push(Math.max(0, span.hours - span.coveredHours));
  }
  return out;
}
