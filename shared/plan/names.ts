/**
 * Norwegian name order: Æ, Ø, Å after Z, case and accents ignored, numbers by value
 * («Avdeling 2» before «Avdeling 10»). SQLite's ORDER BY cannot do this, so the backend sorts
 * units, staff and plans with these after reading them.
 */
const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Compares two names in Norwegian order (negative, 0 or positive, like Array.prototype.sort). */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/** True when two names are the same for a person reading them (case and accents ignored). */
export function sameName(a: string, b: string): boolean {
  return collator.compare(a, b) === 0;
}
