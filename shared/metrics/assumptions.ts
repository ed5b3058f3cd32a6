/**
 * Provenance of the numbers the metrics return. Every formula and every default carries one of
 * the handbook's source tags (domain.md § 0) so the UI can show "why this number" next to it.
 */

export type SourceTag = 'LOV' | 'TARIFF-KS' | 'PRAKSIS' | 'INFERENS' | 'KONFIG' | 'UVERIFISERT';

/** One assumption behind a figure: a parameter value with its Norwegian label and source. */
export interface Assumption {
  key: string;
  /** Norwegian label for the UI. */
  label: string;
  value: number | string | boolean;
  /** Unit of `value` for display, e.g. 'kr', 'h', 'andel'. */
  unit?: string;
  tag: SourceTag;
  /** Where the number comes from (document, URL, handbook section). */
  source: string;
}

/** A figure together with the formula and the assumptions used to compute it. */
export interface Figure {
  value: number;
  /** Norwegian label. */
  label: string;
  unit: string;
  /** The formula in plain text, with the handbook section. */
  formula: string;
  tag: SourceTag;
  assumptions: Assumption[];
}

/** Rounds to `digits` decimals (for display and JSON output only, never inside formulas). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
