/** Text helpers of the review pack: HTML escaping, Norwegian numbers, dates and times. */
import { formatDateNo, fromDay, osloOffsetAtLocal, toDay, ymd } from '../calendar';

/** Escapes text for HTML content and attribute values. */
export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Norwegian number: 1 234,5 (plain spaces so the PDF text is searchable). */
export function nbNumber(n: number, decimals = 1): string {
  if (!Number.isFinite(n)) return '–';
  const neg = n < 0;
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const out = frac ? `${grouped},${frac}` : grouped;
  return neg && Number(fixed) !== 0 ? `−${out}` : out;
}

/** A number with only the decimals it needs (up to `max`): 0,5 · 1 · 1,33. */
export function nbShort(n: number, max = 2): string {
  const f = 10 ** max;
  const r = Math.round(n * f) / f;
  const decimals = Number.isInteger(r) ? 0 : (String(r).split('.')[1]?.length ?? 0);
  return nbNumber(r, Math.min(decimals, max));
}

export function nbPercent(fraction: number, decimals = 1): string {
  return `${nbNumber(fraction * 100, decimals)} %`;
}

/** 'dd.mm.åååå', or '–'. */
export function dateNo(date: string | null | undefined): string {
  return date ? formatDateNo(date, false) : '–';
}

/** 'dd.mm' for dense lists (weekends of a person). */
export function dayMonth(date: string): string {
  const { day, month } = ymd(toDay(date));
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}`;
}

/** An ISO timestamp as Oslo local date and time: { date: 'yyyy-MM-dd', time: 'HH:mm' }. */
export function osloLocal(iso: string): { date: string; time: string } {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
  const utc = Math.floor(ms / 60_000);
  const local = utc + osloOffsetAtLocal(utc + 60);
  const day = Math.floor(local / 1440);
  const min = local - day * 1440;
  return { date: fromDay(day), time: `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}` };
}

/** «07.12.2026 kl. 05:12» (Oslo time) from an ISO timestamp. */
export function dateTimeNo(iso: string): string {
  const l = osloLocal(iso);
  return `${dateNo(l.date)} kl. ${l.time}`;
}
