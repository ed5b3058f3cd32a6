/**
 * Work as the law counts it: an employee's work shifts together with her timed activities
 * (meetings and courses, activities.ts), as one time-sorted list of work periods. This is the ONE
 * place the rest and hour rules (AML-REST-DAILY, AML-REST-COMP, AML-DAY-MAX, AML-WEEK-MAX,
 * AML-REST-WEEKLY, AML-REST-WEEKLY-COMP, AML-AVG-48, AML-NIGHT-AVG), the averaging figures
 * (averaging.ts: AML-AVG-NORM, OVERTIME-PLANNED, OVERTIME-DAY) and planned hours read work from:
 * a meeting 12:00–15:00 the day after a night shift ending 07:30 is work, so the rest between
 * them is 4.5 h, not the time to the next shift.
 *
 * Merging: a shift and the activities that overlap or touch it (end of one = start of the
 * next, also through another such activity) form one work period with the shift's date, code and
 * type (two shifts are never merged: overlapping shifts stay two); its interval is the union,
 * and its paid hours are the shift's paid hours plus each activity's credited hours (its
 * duration less the part a shift covers, as `activityHours`), so a meeting inside a D shift adds
 * nothing and a meeting right after it lengthens the day. An activity touching no shift is a
 * work period of its own, dated on the activity's date, with its code and credited hours.
 *
 * Without activities for the employee the list IS `emp.shifts` (no copy, no cost), so plans
 * without activities are checked exactly as before, and the solver's terms (which read the grid)
 * agree with the engine on them.
 *
 * Hours by date (planned hours, averaging, overtime by the day): a shift's paid hours count on
 * its date and an activity's credited hours on the activity's own date, also when the activity
 * joined a shift dated the day before (a meeting after a night shift from the previous plan still
 * counts in this plan): `forEachWorkHours`.
 *
 * Working days (MAX-CONSECUTIVE-DAYS): a day with a shift dated on it, or with a timed activity
 * dated on it that adds work (credited hours > 0: a meeting wholly inside a night shift of the day
 * before does not make its day a working day; a day with only a meeting is one): `workDays`.
 *
 * Only the activities the employee attends count (activities.ts: an employee is excused
 * («fritatt») from a meeting for all by an absence cell or a shift too close to it).
 *
 * Exported: `WorkPeriod`, `workPeriods(index, emp): readonly WorkPeriod[]` (sorted by start;
 * read-only), `mergeWorkPeriods(shifts, activities)` (the pure merge, also read by the solver's
 * terms over the grid), `forEachWorkHours(index, emp, fromDay, toDay, add)`, `workDays(index, emp)`, `WORK_DAY_MIN_HOURS`,
 * `activityReach(plan)`.
 */
import { type DayNumber, toDay } from '../calendar';
import { type ActivitySpan, activitySpans, isExcusable, restExcuses } from './activities';
import { type EmployeeIndex, type PlanIndex, type WorkShift, lowerBound, overlapMinutes } from './plan-index';

/** An activity's real interval (UTC minutes) without the shifts' cover: what the merge needs. */
export type ActivityInterval = Omit<ActivitySpan, 'coveredHours'> & { /** `toDay(date)`, when known. */ day?: DayNumber };

/** A work period: a shift with the activities merged into it, or an activity on its own. */
export interface WorkPeriod extends WorkShift {
  /** The credited activity hours inside the period, by the activity's own date. */
  activityHours?: { day: DayNumber; hours: number }[];
}

function activityPeriod(x: ActivitySpan): WorkPeriod {
  const a = x.activity;
  const day = (x as ActivityInterval).day ?? toDay(x.date);
  const paid = Math.max(0, x.hours - x.coveredHours);
  return {
    kind: 'work',
    day,
    code: a.code,
    type: { code: a.code, start: a.start, end: a.end, name: a.code },
    start: x.start,
    end: x.end,
    paidHours: paid,
    long: false,
    activityHours: [{ day, hours: paid }],
  };
}

/** The employee's work shifts and timed activities as merged, time-sorted work periods. */
export function workPeriods(index: PlanIndex, emp: EmployeeIndex): readonly WorkPeriod[] {
  if (!index.plan.activities?.length) return emp.shifts;
  const spans = activitySpans(index, emp.employee.id);
  if (spans.length === 0) return emp.shifts;
  return mergeWorkPeriods(emp.shifts, spans);
}

/**
 * The pure merge behind `workPeriods`: `shifts` sorted by day (then start) and the activities'
 * intervals. An activity for all that one of the given shifts of the day before to the day after
 * excuses (`restExcuses`, activities.ts) is left out, so a caller may pass the activities before
 * excusal by rest (the solver's terms, whose grid changes); excusal by an absence cell is the
 * caller's (`activitySpans` applies both). An activity's covered hours are its overlap with the given shifts dated from the day
 * before it to the day after (as `activitySpans`), so a caller that passes a slice of the shifts
 * (the solver's terms, which read the grid) gets the engine's periods for every period whose
 * shifts and activities lie at least two days inside the slice.
 */
export function mergeWorkPeriods(shifts: readonly WorkShift[], acts: readonly ActivityInterval[]): WorkPeriod[] {
  const spans: ActivitySpan[] = [];
  for (const a of acts) {
    const day = a.day ?? toDay(a.date);
    const excusable = isExcusable(a.activity);
    let covered = 0,
      excused = false;
    for (let i = lowerBound(shifts, day - 1); i < shifts.length && shifts[i].day <= day + 1; i++) {
      covered += overlapMinutes(shifts[i].start, shifts[i].end, a.start, a.end);
      if (excusable && restExcuses(a.start, a.end, shifts[i].start, shifts[i].end)) excused = true;
    }
    if (!excused) spans.push({ ...a, coveredHours: covered / 60 });
  }
  // By start (stable); the shifts, sorted by day, are sorted by start too (one a day).
  spans.sort((x, y) => x.start - y.start);
  const out: WorkPeriod[] = [];
  // The open period: its base shift (undefined while it holds activities only), its activities.
  let open = false,
    curShift: WorkShift | undefined,
    curActs: ActivitySpan[] | undefined,
    curEnd = 0;
  const close = () => {
    if (open) out.push(curActs ? periodOf(curShift, curActs, curEnd) : curShift!);
    open = false;
    curShift = undefined;
    curActs = undefined;
  };
  let i = 0,
    j = 0;
  while (i < shifts.length || j < spans.length) {
    // A shift before an activity starting at the same minute.
    if (j >= spans.length || (i < shifts.length && shifts[i].start <= spans[j].start)) {
      const s = shifts[i++];
      // Shifts are never merged with each other (two overlapping shifts stay two, as without
      // activities); a shift joins an open period of activities only.
      if (open && s.start <= curEnd && !curShift) {
        curShift = s;
        curEnd = Math.max(curEnd, s.end);
      } else {
        close();
        open = true;
        curShift = s;
        curEnd = s.end;
      }
    } else {
      const x = spans[j++];
      if (!(open && x.start <= curEnd)) {
        close();
        open = true;
        curEnd = x.end;
      }
      if (!curActs) curActs = [];
      curActs.push(x);
      curEnd = Math.max(curEnd, x.end);
    }
  }
  close();
  // Keep day order (the rules binary-search by day), then start.
  out.sort((x, y) => x.day - y.day || x.start - y.start);
  return out;
}

function periodOf(shift: WorkShift | undefined, acts: ActivitySpan[], end: number): WorkPeriod {
  const base = shift ?? activityPeriod(acts[0]);
  let start = base.start,
    paid = shift ? shift.paidHours : 0;
  const codes = shift ? [shift.code] : [];
  const activityHours: { day: DayNumber; hours: number }[] = [];
  for (const a of acts) {
    start = Math.min(start, a.start);
    const h = Math.max(0, a.hours - a.coveredHours);
    paid += h;
    activityHours.push({ day: (a as ActivityInterval).day ?? toDay(a.date), hours: h });
    if (!codes.includes(a.activity.code)) codes.push(a.activity.code);
  }
  return {
    kind: 'work',
    day: base.day,
    code: codes.join(' + '),
    type: base.type,
    start,
    end,
    paidHours: paid,
    long: base.long,
    activityHours,
  };
}

/**
 * Calls `add(day, hours)` for the paid work dated in [fromDay, toDay]: each shift's paid hours on
 * its date, each activity's credited hours on the activity's date.
 */
export function forEachWorkHours(
  index: PlanIndex,
  emp: EmployeeIndex,
  fromDay: DayNumber,
  toDay_: DayNumber,
  add: (day: DayNumber, hours: number) => void,
): void {
  const work = workPeriods(index, emp);
  // An activity is dated at most a day after the period it joined.
  for (let i = lowerBound(work, fromDay - 1); i < work.length && work[i].day <= toDay_; i++) {
    const p = work[i];
    let own = p.paidHours;
    if (p.activityHours) {
      for (const a of p.activityHours) {
        own -= a.hours;
        if (a.day >= fromDay && a.day <= toDay_) add(a.day, a.hours);
      }
    }
    if (p.day >= fromDay && own > 1e-9) add(p.day, own);
  }
}

/**
 * Days from a changed cell to the date of a work period the change can alter through the plan's
 * timed activities (a rule's `reach` adds it): an activity dated the day before to the day after
 * the cell may be excused or attended, or covered differently, and it joins a shift dated a day
 * before or after it. 0 without activities.
 */
export function activityReach(plan: { activities?: readonly unknown[] }): number {
  return plan.activities?.length ? 2 : 0;
}

/** Credited hours above which an activity makes its date a working day (`workDays`). */
export const WORK_DAY_MIN_HOURS = 1e-9;

/**
 * The employee's working days, ascending, each once: the date of every work period and the date
 * of every activity in it that adds credited hours. Without activities: the shifts' dates.
 */
export function workDays(index: PlanIndex, emp: EmployeeIndex): DayNumber[] {
  const work = workPeriods(index, emp);
  const days: DayNumber[] = [];
  for (const p of work) {
    days.push(p.day);
    if (p.activityHours) for (const a of p.activityHours) if (a.hours > WORK_DAY_MIN_HOURS) days.push(a.day);
  }
  if (work === emp.shifts && isStrictlyAscending(days)) return days;
  days.sort((a, b) => a - b);
  return days.filter((d, i) => i === 0 || d !== days[i - 1]);
}

function isStrictlyAscending(days: readonly DayNumber[]): boolean {
  for (let i = 1; i < days.length; i++) if (days[i] <= days[i - 1]) return false;
  return true;
}
