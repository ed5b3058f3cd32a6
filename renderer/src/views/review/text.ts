/** Pure text helpers of the review screens (dates, timestamps, lists of names). */
import { formatDateNo } from '../../../../shared/calendar';

/** Today in local time as yyyy-mm-dd. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** An ISO timestamp (UTC or local) shown as «12.03.2027 kl. 14:05». */
export function fmtTimestamp(iso: string): string {
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso.replace(' ', 'T') + 'Z');
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} kl. ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const fmtDate = (date: string | null | undefined, withWeekday = false) => (date ? formatDateNo(date, withWeekday) : '');

/** «Kari, Ola og Per» */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

/** Splits «Kari Nordmann, Ola Hansen» (comma, semicolon or new line) into names. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Days from `from` to `to` (both yyyy-mm-dd). */
export function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}
