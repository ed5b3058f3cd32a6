/**
 * Dates as Norwegian users read and type them, with date-fns and its nb locale: «tor. 12.03.2026»,
 * «torsdag 12. mars 2026», and input such as «12.03.2026», «1.2.27» or «1.2» (this year).
 *
 * The integer-day arithmetic of ./index.ts (DayNumber) stays as it is: the rule engine and the
 * grid call it millions of times per check, and a Date object per day would cost more than the
 * whole check (docs/architecture.md). This file is for what people see and type.
 */
// Deep imports: the package index and the locale index load every function and every locale
// (~0.2 s at start-up of `turnus check`), where these five modules are all we use.
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { parseISO } from 'date-fns/parseISO';
import { nb } from 'date-fns/locale/nb';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Norwegian short date: 'tor. 14.03.2026' (or '14.03.2026' without the weekday). */
export function formatDateNo(date: string, withWeekday = true): string {
  return format(parseISO(date), withWeekday ? "EEE'.' dd.MM.yyyy" : 'dd.MM.yyyy', { locale: nb });
}

/** Norwegian long date: 'torsdag 14. mars 2026' (or '14. mars 2026' without the weekday). */
export function formatDateLong(date: string, withWeekday = true): string {
  return format(parseISO(date), withWeekday ? 'EEEE d. MMMM yyyy' : 'd. MMMM yyyy', { locale: nb });
}

export type UserDateResult = { ok: true; date: string } | { ok: false; message: string };

/** The message for a date that cannot be read; `label` is the field's label as the user sees it. */
export function userDateMessage(label: string): string {
  return `«${label}» må være en dato som dd.mm.åååå, for eksempel 01.02.2027.`;
}

/**
 * Reads a date typed by a user: dd.mm.åååå, d.m.åå, d.m (the year of `today`), with «.», «/» or
 * «-» between the parts, or ISO yyyy-mm-dd. Returns the ISO date, or a Norwegian message that
 * names the field by its label.
 */
export function parseUserDate(input: string, label = 'Dato', today: Date = new Date()): UserDateResult {
  const s = input.trim();
  if (s === '') return { ok: false, message: `Fyll inn «${label}».` };
  if (ISO.test(s)) {
    const d = parseISO(s);
    return isValid(d) && format(d, 'yyyy-MM-dd') === s ? { ok: true, date: s } : { ok: false, message: userDateMessage(label) };
  }
  const parts = s.split(/[./-]/);
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return { ok: false, message: userDateMessage(label) };
  const [day, month, year] = parts;
  const pattern = year === undefined ? 'd.M' : year.length === 4 ? 'd.M.yyyy' : year.length === 2 ? 'd.M.yy' : null;
  if (pattern === null || day.length > 2 || month.length > 2) return { ok: false, message: userDateMessage(label) };
  const d = parse([day, month, year].filter((p) => p !== undefined).join('.'), pattern, today);
  if (!isValid(d)) return { ok: false, message: `«${label}»: ${s} finnes ikke i kalenderen.` };
  return { ok: true, date: format(d, 'yyyy-MM-dd') };
}
