/**
 * The plan index: a plan's assignments resolved once into per-employee, time-sorted work shifts
 * (real UTC intervals, paid hours, langvakt flag) and absence entries. Every hour, weekend and
 * rule computation reads this index instead of the raw assignment list.
 *
 * Exported functions:
 * - `indexPlan(plan): PlanIndex` — resolve shift types and absence codes, day numbers and per
 *   employee the sorted work shifts and absence entries. Cheap: intervals are cached per
 *   (shift code, day), so 520 employees × 12 months indexes in a few milliseconds.
 * - `paidHours(shiftType, day): number` — elapsed hours of a shift starting on `day`
 *   (daylight-saving aware) minus `unpaidBreakMinutes`.
 * - `isWorkCode(index, code)`, `isAbsenceCode(index, code)`, `shiftTypeOf(index, code)`,
 *   `absenceCodeOf(index, code)` — code lookups.
 * - `employeeIndex(index, employeeId): EmployeeIndex` — lookup that throws a Norwegian error
 *   for an unknown employee.
 * - `cellOf(index, employeeId, day): Cell | undefined` — what the employee has on a date.
 * - `makeCell(index, code, day): Cell | null` — resolve one code on one date (null: unknown code).
 * - `setCell(index, employeeId, day, code | null): void` — change one cell in place (used by
 *   the incremental checker and the solver); keeps all lists sorted.
 * - `shiftsBetween(emp, fromDay, toDay): WorkShift[]` and `firstShiftAtOrAfter(emp, day)` —
 *   binary-search helpers over an employee's sorted shifts.
 * - `nightMinutes(start, end): number` — minutes of a UTC interval inside the aml § 10-11
 *   night window 21:00–06:00 local time.
 * - `isInPeriod(index, day)`, `employeeName(index, employeeId)`.
 * - `utcOf(day, minuteOfDay)` — memoised `osloToUtc` for hot loops (same result).
 */

import type { AbsenceCode, Assignment, Employee, ShiftType, TurnusPlan } from './model';
import { absenceCodesOf } from './model';
import { type DayNumber, fromDay, osloOffsetAtLocal, osloToUtc, shiftLocalSpan, toDay } from './calendar';

// ---------------------------------------------------------------------------------------------
// Fast local → UTC conversion for the hot loops of the rule engine. Same result as
// `osloToUtc`: on a day whose 00:00 and next 00:00 have the same UTC offset the whole day has
// that offset (the changes happen at 02:00/03:00 on the change days), so the offset per day is
// memoised; the two change days per year fall back to `osloToUtc`.

const OFFSET_DAYS = 60_000; // day numbers 0 … 60 000 (1970–2134)
const offsetAtMidnight = new Int8Array(OFFSET_DAYS);

function midnightOffset(day: DayNumber): number {
  if (day < 0 || day >= OFFSET_DAYS) return osloOffsetAtLocal(day * 1440);
  let o = offsetAtMidnight[day];
  if (o === 0) { o = osloOffsetAtLocal(day * 1440); offsetAtMidnight[day] = o; }
  return o;
}

/** UTC minutes of a local Oslo date and minute of day (may exceed 1440); equals `osloToUtc`. */
export function utcOf(day: DayNumber, minuteOfDay: number): number {
  const d = day + Math.floor(minuteOfDay / 1440);
  const m = minuteOfDay - (d - day) * 1440;
  const a = midnightOffset(d);
  return a === midnightOffset(d + 1) ? d * 1440 + m - a : osloToUtc(d, m);
}

/** A work shift of one employee, resolved. Times are UTC minutes since the epoch. */
export interface WorkShift {
  kind: 'work';
  day: DayNumber;
  code: string;
  type: ShiftType;
  start: number;
  end: number;
  /** Elapsed hours minus the unpaid break. */
  paidHours: number;
  long: boolean;
  pinned?: boolean;
}

/** A known absence (ferie, kurs, møte, permisjon …) on one date. */
export interface AbsenceEntry {
  kind: 'absence';
  day: DayNumber;
  code: string;
  absence: AbsenceCode;
  /** Hours credited to planned hours (0 for ferie and permisjon). */
  creditedHours: number;
  pinned?: boolean;
}

export type Cell = WorkShift | AbsenceEntry;

export interface EmployeeIndex {
  employee: Employee;
  /** Position of the employee in `plan.employees`. */
  order: number;
  /** Work shifts sorted by start (one per date at most, so also by day). */
  shifts: WorkShift[];
  /** Absence entries sorted by day. */
  absences: AbsenceEntry[];
  /** Every resolved cell by day number. */
  cells: Map<DayNumber, Cell>;
  /** Assignments whose code is neither a shift type nor an absence code (the reader rejects these). */
  unknownCodes: Assignment[];
}

export interface PlanIndex {
  plan: TurnusPlan;
  startDay: DayNumber;
  endDay: DayNumber;
  /** Inclusive number of days in the period. */
  days: number;
  shiftTypes: Map<string, ShiftType>;
  absenceCodes: Map<string, AbsenceCode>;
  employees: EmployeeIndex[];
  byId: Map<string, EmployeeIndex>;
  /** Assignments that name an unknown employee (the reader rejects these). */
  orphanAssignments: Assignment[];
  /** Interval cache: shift code → day → interval. */
  intervalCache: Map<string, Map<DayNumber, { start: number; end: number; paidHours: number }>>;
}

/** Elapsed minutes minus the unpaid break, as hours, for a shift starting on `day`. */
export function paidHours(shiftType: ShiftType, day: DayNumber): number {
  const span = shiftLocalSpan(shiftType.start, shiftType.end);
  const start = osloToUtc(day, span.start);
  const end = osloToUtc(day, span.end);
  return (end - start - (shiftType.unpaidBreakMinutes ?? 0)) / 60;
}

function resolveInterval(index: PlanIndex, type: ShiftType, day: DayNumber) {
  let byDay = index.intervalCache.get(type.code);
  if (!byDay) { byDay = new Map(); index.intervalCache.set(type.code, byDay); }
  let v = byDay.get(day);
  if (!v) {
    const span = shiftLocalSpan(type.start, type.end);
    const start = utcOf(day, span.start);
    const end = utcOf(day, span.end);
    v = { start, end, paidHours: (end - start - (type.unpaidBreakMinutes ?? 0)) / 60 };
    byDay.set(day, v);
  }
  return v;
}

/** Resolve one code on one date; null when the code is unknown. */
export function makeCell(index: PlanIndex, code: string, day: DayNumber, pinned?: boolean): Cell | null {
  const type = index.shiftTypes.get(code);
  if (type) {
    const iv = resolveInterval(index, type, day);
    const shift: WorkShift = {
      kind: 'work', day, code, type, start: iv.start, end: iv.end, paidHours: iv.paidHours,
      long: type.long === true,
    };
    if (pinned) shift.pinned = true;
    return shift;
  }
  const absence = index.absenceCodes.get(code);
  if (absence) {
    const entry: AbsenceEntry = { kind: 'absence', day, code, absence, creditedHours: absence.creditedHours ?? 0 };
    if (pinned) entry.pinned = true;
    return entry;
  }
  return null;
}

/** Build the index of a plan. Does not validate: see `parsePlanFile` for that. */
export function indexPlan(plan: TurnusPlan): PlanIndex {
  const startDay = toDay(plan.period.start);
  const endDay = toDay(plan.period.end);
  const shiftTypes = new Map<string, ShiftType>();
  for (const s of plan.shiftTypes) shiftTypes.set(s.code, s);
  const absenceCodes = new Map<string, AbsenceCode>();
  for (const a of absenceCodesOf(plan)) if (!shiftTypes.has(a.code)) absenceCodes.set(a.code, a);

  const index: PlanIndex = {
    plan, startDay, endDay, days: endDay - startDay + 1, shiftTypes, absenceCodes,
    employees: [], byId: new Map(), orphanAssignments: [], intervalCache: new Map(),
  };
  plan.employees.forEach((employee, order) => {
    const e: EmployeeIndex = { employee, order, shifts: [], absences: [], cells: new Map(), unknownCodes: [] };
    index.employees.push(e);
    if (!index.byId.has(employee.id)) index.byId.set(employee.id, e);
  });

  // Assignment lists are usually grouped by employee and/or date: remember the last lookups.
  let lastEmployee: string | undefined, lastE: EmployeeIndex | undefined;
  let lastDate: string | undefined, lastDay = 0;
  for (const a of plan.assignments) {
    let e = lastE;
    if (a.employee !== lastEmployee) { e = index.byId.get(a.employee); lastEmployee = a.employee; lastE = e; }
    if (!e) { index.orphanAssignments.push(a); continue; }
    let day = lastDay;
    if (a.date !== lastDate) { day = isoDayNumber(a.date); lastDate = a.date; lastDay = day; }
    const cell = makeCell(index, a.code, day, a.pinned);
    if (!cell) { e.unknownCodes.push(a); continue; }
    // A later row for the same date replaces an earlier one (the reader rejects duplicates).
    const old = e.cells.get(day);
    e.cells.set(day, cell);
    if (old) removeFromLists(e, old);
    if (cell.kind === 'work') e.shifts.push(cell); else e.absences.push(cell);
  }
  for (const e of index.employees) {
    if (!isSortedByDay(e.shifts)) e.shifts.sort((x, y) => x.day - y.day);
    if (!isSortedByDay(e.absences)) e.absences.sort((x, y) => x.day - y.day);
  }
  return index;
}

/** 'yyyy-MM-dd' → day number without allocating (falls back to `toDay` for anything unusual). */
function isoDayNumber(date: string): DayNumber {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return toDay(date);
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  if (!(y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return toDay(date);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

function isSortedByDay(list: { day: number }[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1].day > list[i].day) return false;
  return true;
}

function removeFromLists(e: EmployeeIndex, cell: Cell) {
  const list: Cell[] = cell.kind === 'work' ? e.shifts : e.absences;
  const i = lowerBound(list, cell.day);
  if (i < list.length && list[i].day === cell.day) list.splice(i, 1);
  else {
    const j = list.indexOf(cell);
    if (j >= 0) list.splice(j, 1);
  }
}

/** First position in a day-sorted list whose day is ≥ `day`. */
export function lowerBound(list: readonly { day: number }[], day: DayNumber): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].day < day) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Change one cell in place: `code` null clears the date. Throws on an unknown employee or code. */
export function setCell(index: PlanIndex, employeeId: string, day: DayNumber, code: string | null, pinned?: boolean): void {
  const e = employeeIndex(index, employeeId);
  const old = e.cells.get(day);
  if (old) { removeFromLists(e, old); e.cells.delete(day); }
  if (code === null) return;
  const cell = makeCell(index, code, day, pinned);
  if (!cell) throw new RangeError(`Ukjent kode «${code}» (verken vakttype eller fraværskode)`);
  e.cells.set(day, cell);
  const list: Cell[] = cell.kind === 'work' ? e.shifts : e.absences;
  list.splice(lowerBound(list, day), 0, cell);
}

export function isWorkCode(index: PlanIndex, code: string): boolean {
  return index.shiftTypes.has(code);
}

export function isAbsenceCode(index: PlanIndex, code: string): boolean {
  return index.absenceCodes.has(code);
}

export function shiftTypeOf(index: PlanIndex, code: string): ShiftType | undefined {
  return index.shiftTypes.get(code);
}

export function absenceCodeOf(index: PlanIndex, code: string): AbsenceCode | undefined {
  return index.absenceCodes.get(code);
}

export function employeeIndex(index: PlanIndex, employeeId: string): EmployeeIndex {
  const e = index.byId.get(employeeId);
  if (!e) throw new RangeError(`Ukjent ansatt «${employeeId}»`);
  return e;
}

export function employeeName(index: PlanIndex, employeeId: string): string {
  return index.byId.get(employeeId)?.employee.name ?? employeeId;
}

export function cellOf(index: PlanIndex, employeeId: string, day: DayNumber): Cell | undefined {
  return index.byId.get(employeeId)?.cells.get(day);
}

export function isInPeriod(index: PlanIndex, day: DayNumber): boolean {
  return day >= index.startDay && day <= index.endDay;
}

/** The employee's work shifts dated in [fromDay, toDay] (inclusive). */
export function shiftsBetween(emp: EmployeeIndex, fromDay: DayNumber, toDay: DayNumber): WorkShift[] {
  const i = lowerBound(emp.shifts, fromDay);
  const j = lowerBound(emp.shifts, toDay + 1);
  return emp.shifts.slice(i, j);
}

/** Position of the first shift dated on or after `day` (may equal `shifts.length`). */
export function firstShiftAtOrAfter(emp: EmployeeIndex, day: DayNumber): number {
  return lowerBound(emp.shifts, day);
}

/** Overlap in minutes of two half-open intervals. */
export function overlapMinutes(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const o = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  return o > 0 ? o : 0;
}

/** Minutes of the UTC interval [start, end) inside 21:00–06:00 Europe/Oslo (aml § 10-11 (1)). */
export function nightMinutes(start: number, end: number): number {
  // Local day numbers that can hold a night window touching the interval.
  const firstDay = Math.floor(start / 1440) - 1;
  const lastDay = Math.floor(end / 1440) + 1;
  let total = 0;
  for (let d = firstDay; d <= lastDay; d++) {
    total += overlapMinutes(start, end, utcOf(d, 21 * 60), utcOf(d + 1, 6 * 60));
  }
  return total;
}

/** Date string of a shift or cell (for messages and violations). */
export function dateOf(cell: { day: DayNumber }): string {
  return fromDay(cell.day);
}
