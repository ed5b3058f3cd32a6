/** Number formats the way a Norwegian reader expects them (decimal comma). */
const h1 = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const p0 = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const p1 = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

export const fmtHours = (h: number) => h1.format(h);
/** 0.755 → '75,5 %' */
export const fmtPct = (fraction: number) => p1.format(fraction * 100) + ' %';
export const fmtInt = (n: number) => p0.format(n);

/** '75,5' or '75.5' or '75' → 0.755; null when not a number. */
export function parsePercent(s: string): number | null {
  const t = s.trim().replace('%', '').replace(',', '.').trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t) / 100;
}

export function parseDecimal(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** The next Monday on or after today, as yyyy-MM-dd (a sensible plan start). */
export function nextMonday(now = new Date()): string {
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  const dow = (d.getUTCDay() + 6) % 7;
  if (dow !== 0) d.setUTCDate(d.getUTCDate() + 7 - dow);
  return d.toISOString().slice(0, 10);
}
