/**
 * The plan index: a plan's assignments resolved once into per-employee, time-sorted work shifts
 * (real UTC intervals, paid hours, langvakt flag) and absence entries. Every hour, weekend and
 * rule computation reads this index instead of the raw assignment list.
 *
 * Exported functions:
 * - `indexPlan(plan): PlanIndex` — resolve shift types and absence codes, day numbers and per
 *   employee the sorted work shifts and absence entries. Cheap: one read-only cell object per
 *   (code, day) is shared by every employee who has that code that day (only pinned cells get
 *   their own object), and each employee's `cells` is an array-backed `DayCellMap` rather than
 *   a hash map, so indexing allocates a few objects per day of the period instead of one per
 *   assignment. Cells are read-only: never mutate a `WorkShift` or `AbsenceEntry`.
 * - `paidHours(shiftType, day): number` — elapsed hours of a shift starting on `day`
 *   (daylight-saving aware) minus `unpaidBreakMinutes`.
 * - `absenceCodeOf(index, code)` — code lookup.
 * - `employeeIndex(index, employeeId): EmployeeIndex` — lookup that throws a Norwegian error
 *   for an unknown employee.
 * - `makeCell(index, code, day): Cell | null` — resolve one code on one date (null: unknown code).
 * - `setCell(index, employeeId, day, code | null): void` — change one cell in place (used by
 *   the incremental checker and the solver); keeps all lists sorted.
 * - `nightMinutes(start, end): number` — minutes of a UTC interval inside the aml § 10-11
 *   night window 21:00–06:00 local time.
 * - `utcOf(day, minuteOfDay)` — memoised `osloToUtc` for hot loops (same result).
 * - `dayString(day)` — memoised `fromDay`; `isHolidayDay(day)` — memoised `isHoliday`;
 *   `shiftTypeSpan(type)` — cached `shiftLocalSpan`.
 * - `DayCellMap` — the array-backed `Map<DayNumber, Cell>` of `EmployeeIndex.cells`.
 *
 * Rules that count working time (rest, day, week, averages) read `workPeriods(index, emp)`
 * (work-periods.ts: the shifts with the timed meetings and courses merged in), not `emp.shifts`.
 */

import type { AbsenceCode, Assignment, Employee, ShiftType, TurnusPlan } from './model';
import { absenceCodesOf } from './model';
import { type DayNumber, toDay } from '../calendar';
import { shiftTypeSpan, utcOf } from './time';
import { DayCellMap } from './day-cell-map';

export { DayCellMap } from './day-cell-map';

export { dayString, isHolidayDay, nightMinutes, overlapMinutes, paidHours, shiftTypeSpan, utcOf } from './time';

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
  /**
   * Every resolved cell by day number (a `DayCellMap`: a `Map` over an array, iterated in day
   * order). The cell objects are shared between employees: read-only.
   */
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

/** Days outside the period (before and after) still held in the array part of the caches. */
const CELL_MARGIN = 14;

/**
 * Shared, read-only cells per (code, day) of one index: `byCode.get(code)[day - base]`.
 * Days outside [base, base + length) fall back to `makeCell`'s fresh objects.
 */
interface CellCache {
  base: DayNumber;
  length: number;
  byCode: Map<string, (Cell | undefined)[]>;
}
const cellCaches = new WeakMap<PlanIndex, CellCache>();

function cellCacheOf(index: PlanIndex): CellCache {
  let c = cellCaches.get(index);
  if (!c) {
    c = { base: index.startDay - CELL_MARGIN, length: Math.max(0, index.endDay - index.startDay + 1) + 2 * CELL_MARGIN, byCode: new Map() };
    cellCaches.set(index, c);
  }
  return c;
}

function resolveInterval(index: PlanIndex, type: ShiftType, day: DayNumber) {
  let byDay = index.intervalCache.get(type.code);
  if (!byDay) {
    byDay = new Map();
    index.intervalCache.set(type.code, byDay);
  }
  let v = byDay.get(day);
  if (!v) {
    const span = shiftTypeSpan(type);
    const start = utcOf(day, span.start);
    const end = utcOf(day, span.end);
    v = { start, end, paidHours: (end - start - (type.unpaidBreakMinutes ?? 0)) / 60 };
    byDay.set(day, v);
  }
  return v;
}

/** Resolve one code on one date; null when the code is unknown. Always a new object. */
export function makeCell(index: PlanIndex, code: string, day: DayNumber, pinned?: boolean): Cell | null {
  const type = index.shiftTypes.get(code);
  if (type) {
    const iv = resolveInterval(index, type, day);
    const shift: WorkShift = {
      kind: 'work',
      day,
      code,
      type,
      start: iv.start,
      end: iv.end,
      paidHours: iv.paidHours,
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

/**
 * The index's shared read-only cell for (code, day), or a fresh one for a pinned cell or a day
 * far outside the period; null when the code is unknown.
 */
function sharedCell(index: PlanIndex, cache: CellCache, code: string, day: DayNumber, pinned?: boolean): Cell | null {
  const i = day - cache.base;
  if (pinned || !(i >= 0 && i < cache.length && Number.isInteger(i))) return makeCell(index, code, day, pinned);
  let row = cache.byCode.get(code);
  if (!row) {
    if (!index.shiftTypes.has(code) && !index.absenceCodes.has(code)) return null;
    row = new Array<Cell | undefined>(cache.length);
    cache.byCode.set(code, row);
  }
  let c = row[i];
  if (c === undefined) {
    c = makeCell(index, code, day)!;
    row[i] = c;
  }
  return c;
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
    plan,
    startDay,
    endDay,
    days: endDay - startDay + 1,
    shiftTypes,
    absenceCodes,
    employees: [],
    byId: new Map(),
    orphanAssignments: [],
    intervalCache: new Map(),
  };
  const cache = cellCacheOf(index);
  plan.employees.forEach((employee, order) => {
    const e: EmployeeIndex = {
      employee,
      order,
      shifts: [],
      absences: [],
      cells: new DayCellMap<Cell>(cache.base, cache.length),
      unknownCodes: [],
    };
    index.employees.push(e);
    if (!index.byId.has(employee.id)) index.byId.set(employee.id, e);
  });

  // Assignment lists are usually grouped by employee and/or date: remember the last lookups.
  let lastEmployee: string | undefined, lastE: EmployeeIndex | undefined;
  let lastDate: string | undefined,
    lastDay = 0;
  for (const a of plan.assignments) {
    let e = lastE;
    if (a.employee !== lastEmployee) {
      e = index.byId.get(a.employee);
      lastEmployee = a.employee;
      lastE = e;
    }
    if (!e) {
      index.orphanAssignments.push(a);
      continue;
    }
    let day = lastDay;
    if (a.date !== lastDate) {
      day = isoDayNumber(a.date);
      lastDate = a.date;
      lastDay = day;
    }
    const cell = sharedCell(index, cache, a.code, day, a.pinned);
    if (!cell) {
      e.unknownCodes.push(a);
      continue;
    }
    // A later row for the same date replaces an earlier one (the reader rejects duplicates).
    const old = e.cells.get(day);
    e.cells.set(day, cell);
    if (old) removeFromLists(e, old);
    if (cell.kind === 'work') e.shifts.push(cell);
    else e.absences.push(cell);
  }
  for (const e of index.employees) {
    if (!isSortedByDay(e.shifts)) e.shifts.sort((x, y) => x.day - y.day);
    if (!isSortedByDay(e.absences)) e.absences.sort((x, y) => x.day - y.day);
  }
  return index;
}

/**
 * Date strings already read. JSON.parse hands out the same string object for equal short
 * strings, whose hash V8 keeps, so a lookup is cheaper than parsing the digits again.
 */
const dayOfString = new Map<string, DayNumber>();

/** 'yyyy-MM-dd' → day number (memoised; `toDay` for anything unusual). */
function isoDayNumber(date: string): DayNumber {
  let d = dayOfString.get(date);
  if (d === undefined) {
    d = parseIsoDay(date);
    if (dayOfString.size >= 100_000) dayOfString.clear();
    dayOfString.set(date, d);
  }
  return d;
}

function parseIsoDay(date: string): DayNumber {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return toDay(date);
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  if (!(y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return toDay(date);
  // Days from civil (proleptic Gregorian), as Date.UTC(y, m − 1, d) / 86 400 000.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in a sorted list of numbers (day numbers) whose value is ≥ `x`. */
export function lowerIndex(list: ArrayLike<number>, x: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Change one cell in place: `code` null clears the date. Throws on an unknown employee or code. */
export function setCell(index: PlanIndex, employeeId: string, day: DayNumber, code: string | null, pinned?: boolean): void {
  const e = employeeIndex(index, employeeId);
  const old = e.cells.get(day);
  if (old) {
    removeFromLists(e, old);
    e.cells.delete(day);
  }
  if (code === null) return;
  const cell = sharedCell(index, cellCacheOf(index), code, day, pinned);
  if (!cell) throw new RangeError(`Ukjent kode «${code}» (verken vakttype eller fraværskode)`);
  e.cells.set(day, cell);
  const list: Cell[] = cell.kind === 'work' ? e.shifts : e.absences;
  list.splice(lowerBound(list, day), 0, cell);
}

export function absenceCodeOf(index: PlanIndex, code: string): AbsenceCode | undefined {
  return index.absenceCodes.get(code);
}

export function employeeIndex(index: PlanIndex, employeeId: string): EmployeeIndex {
  const e = index.byId.get(employeeId);
  if (!e) throw new RangeError(`Ukjent ansatt «${employeeId}»`);
  return e;
}
