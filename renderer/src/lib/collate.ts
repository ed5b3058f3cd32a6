/**
 * Norwegian alphabetical order (æ, ø, å after z): the one collator of the renderer. Names,
 * lists and sort keys all compare through it.
 */
export const collator = new Intl.Collator('nb');

/** Compares two names (or other texts) the way a Norwegian reader sorts them. */
export const compareNames = (a: string, b: string): number => collator.compare(a, b);
