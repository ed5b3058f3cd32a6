/**
 * The Norwegian calendar for turnus work: calendar dates, ISO weeks, Europe/Oslo time with its
 * daylight-saving changes, and the public holidays (helligdager and høytidsdager).
 *
 * Pure and independent of the process time zone: dates are handled as integer day numbers
 * (days since 1970-01-01) and instants as UTC minutes since the epoch. Europe/Oslo follows the
 * EU rule: summer time (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of
 * October 01:00 UTC, otherwise UTC+1.
 */

/** A calendar date as days since 1970-01-01. */
export type DayNumber = number;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written 'yyyy-MM-dd'. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = +m[1],
    mo = +m[2],
    d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** '2026-01-05' → day number. Throws on a malformed date. */
export function toDay(date: string): DayNumber {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Ugyldig dato: «${date}» (forventet åååå-mm-dd)`);
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000);
}

/** Day number → 'yyyy-MM-dd'. */
export function fromDay(day: DayNumber): string {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`;
}

export function ymd(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dayOf(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function addDays(date: string, n: number): string {
  return fromDay(toDay(date) + n);
}

/** Inclusive number of days from start to end. */
export function daysBetweenInclusive(start: string, end: string): number {
  return toDay(end) - toDay(start) + 1;
}

/** ISO weekday with Monday = 0 … Sunday = 6. */
export function isoWeekday(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7;
}

export const WEEKDAY_SHORT = ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'] as const;
export const WEEKDAY_LONG = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;
export const MONTH_LONG = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

/** The Monday on or before `day`. */
export function mondayOf(day: DayNumber): DayNumber {
  return day - isoWeekday(day);
}

/** ISO 8601 week number and week-year. */
export function isoWeek(day: DayNumber): { week: number; year: number } {
  const thursday = day - isoWeekday(day) + 3;
  const year = ymd(thursday).year;
  const firstThursday = dayOf(year, 1, 1);
  const jan1Dow = isoWeekday(firstThursday);
  const week1Thursday = firstThursday + ((3 - jan1Dow + 7) % 7);
  return { week: 1 + Math.floor((thursday - week1Thursday) / 7), year };
}

// Dates as users read and type them (date-fns, nb locale).
export { formatDateLong, formatDateNo, parseUserDate, userDateMessage, type UserDateResult } from './user-dates';

// ---------------------------------------------------------------------------------------------
// Europe/Oslo time

/** Last Sunday of a month. */
function lastSunday(year: number, month: number): DayNumber {
  const last = dayOf(year, month, daysInMonth(year, month));
  return last - ((isoWeekday(last) + 1) % 7);
}

const dstCache = new Map<number, [number, number]>();
/** [start, end) of summer time in local wall-clock minutes since the epoch. */
function dstWindowLocal(year: number): [number, number] {
  let w = dstCache.get(year);
  if (!w) {
    // Starts 02:00 local (CET) → 03:00 CEST; ends 03:00 local (CEST) → 02:00 CET.
    w = [lastSunday(year, 3) * 1440 + 120, lastSunday(year, 10) * 1440 + 180];
    dstCache.set(year, w);
  }
  return w;
}

/**
 * UTC offset in minutes (60 or 120) for a local wall-clock time, read as PEP 495 fold 0,
 * ECMAScript and RFC 5545 do (plan-format.md «Defaults and edge cases»): a time inside the
 * spring-forward gap (02:00–03:00 on the last Sunday of March) takes the offset in force before
 * the change (02:30 → 01:30 UTC = 03:30 summer time); an ambiguous time in October takes the
 * first occurrence (summer time).
 */
export function osloOffsetAtLocal(localMinutes: number): number {
  const year = ymd(Math.floor(localMinutes / 1440)).year;
  const [s, e] = dstWindowLocal(year);
  return localMinutes >= s + 60 && localMinutes < e ? 120 : 60;
}

/** UTC minutes since the epoch of a local Oslo date and minute of day (may exceed 1440). */
export function osloToUtc(day: DayNumber, minuteOfDay: number): number {
  const local = day * 1440 + minuteOfDay;
  return local - osloOffsetAtLocal(local);
}

/** 'HH:mm' → minutes after midnight. */
export function parseTime(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m || +m[1] > 24 || +m[2] > 59) throw new RangeError(`Ugyldig klokkeslett: «${hhmm}» (forventet tt:mm)`);
  return +m[1] * 60 + +m[2];
}

export function isTime(s: unknown): s is string {
  return typeof s === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

/** Local start and end (minutes after midnight of the start date); the end is after the start. */
export function shiftLocalSpan(start: string, end: string): { start: number; end: number } {
  const s = parseTime(start);
  let e = parseTime(end);
  if (e <= s) e += 1440;
  return { start: s, end: e };
}

/**
 * The real interval [start, end) in UTC minutes of a shift starting on `day`.
 * Across a daylight-saving change a night shift is one hour shorter or longer.
 */
export function shiftInterval(day: DayNumber, start: string, end: string): { start: number; end: number } {
  const span = shiftLocalSpan(start, end);
  const from = osloToUtc(day, span.start);
  // A span that starts inside the spring-forward gap (read as fold 0, an hour early in UTC) and
  // ends before 03:00 lies wholly in the missing hour: it lasts 0, never less.
  return { start: from, end: Math.max(from, osloToUtc(day, span.end)) };
}

// ---------------------------------------------------------------------------------------------
// Holidays

/** Easter Sunday (Meeus/Jones/Butcher, Gregorian). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100;
  const d = Math.floor(b / 4),
    e = b % 4,
    f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, day);
}

export interface Holiday {
  day: DayNumber;
  date: string;
  name: string;
  /** 1. and 17. mai: høytidsdager under Lov 26.04.1947 nr. 1. */
  kind: 'helligdag' | 'hoytidsdag';
}

const holidayCache = new Map<number, Holiday[]>();

/** The twelve statutory red days of a year (Sundays not included), in date order. */
export function holidaysOfYear(year: number): Holiday[] {
  let list = holidayCache.get(year);
  if (list) return list;
  const e = easterSunday(year);
  const raw: [DayNumber, string, Holiday['kind']][] = [
    [dayOf(year, 1, 1), '1. nyttårsdag', 'helligdag'],
    [e - 3, 'Skjærtorsdag', 'helligdag'],
    [e - 2, 'Langfredag', 'helligdag'],
    [e, '1. påskedag', 'helligdag'],
    [e + 1, '2. påskedag', 'helligdag'],
    [dayOf(year, 5, 1), 'Offentlig høytidsdag (1. mai)', 'hoytidsdag'],
    [dayOf(year, 5, 17), 'Grunnlovsdag (17. mai)', 'hoytidsdag'],
    [e + 39, 'Kristi himmelfartsdag', 'helligdag'],
    [e + 49, '1. pinsedag', 'helligdag'],
    [e + 50, '2. pinsedag', 'helligdag'],
    [dayOf(year, 12, 25), '1. juledag', 'helligdag'],
    [dayOf(year, 12, 26), '2. juledag', 'helligdag'],
  ];
  list = raw.map(([day, name, kind]) => ({ day, date: fromDay(day), name, kind })).sort((a, b) => a.day - b.day);
  holidayCache.set(year, list);
  return list;
}

const holidayDayCache = new Map<number, Map<DayNumber, Holiday[]>>();
function holidayMap(year: number): Map<DayNumber, Holiday[]> {
  let m = holidayDayCache.get(year);
  if (!m) {
    m = new Map();
    for (const h of holidaysOfYear(year)) m.set(h.day, [...(m.get(h.day) ?? []), h]);
    holidayDayCache.set(year, m);
  }
  return m;
}

/** The holidays on a day (two when e.g. 17. mai is 2. pinsedag), or an empty list. */
export function holidaysOn(day: DayNumber): Holiday[] {
  return holidayMap(ymd(day).year).get(day) ?? [];
}

export function isHoliday(day: DayNumber): boolean {
  return holidaysOn(day).length > 0;
}

export function holidayName(day: DayNumber): string | undefined {
  const h = holidaysOn(day);
  return h.length ? h.map((x) => x.name).join(' / ') : undefined;
}

/** A red day: a Sunday or a statutory holiday (søn- og helgedag). */
export function isRedDay(day: DayNumber): boolean {
  return isoWeekday(day) === 6 || isHoliday(day);
}

/** Distinct holiday dates in [from, to] (day numbers, inclusive) falling on the given ISO weekdays. */
export function holidaysBetween(from: DayNumber, to: DayNumber, weekdays?: ReadonlySet<number>): DayNumber[] {
  const out: DayNumber[] = [];
  for (let y = ymd(from).year; y <= ymd(to).year; y++) {
    for (const day of holidayMap(y).keys()) {
      if (day < from || day > to) continue;
      if (weekdays && !weekdays.has(isoWeekday(day))) continue;
      out.push(day);
    }
  }
  return out.sort((a, b) => a - b);
}

export const MON_FRI: ReadonlySet<number> = new Set([0, 1, 2, 3, 4]);
export const MON_SAT: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 5]);

/** Day type for the bemanningsplan: holiday wins over Saturday/Sunday. */
export function dayTypeOf(day: DayNumber): 'weekday' | 'saturday' | 'sunday' | 'holiday' {
  if (isHoliday(day)) return 'holiday';
  const w = isoWeekday(day);
  return w === 5 ? 'saturday' : w === 6 ? 'sunday' : 'weekday';
}

/** Saturdays of the weekends whose Saturday and Sunday both lie in [from, to]. */
export function weekendsIn(from: DayNumber, to: DayNumber): DayNumber[] {
  const out: DayNumber[] = [];
  let sat = from + ((5 - isoWeekday(from) + 7) % 7);
  for (; sat + 1 <= to; sat += 7) out.push(sat);
  return out;
}
