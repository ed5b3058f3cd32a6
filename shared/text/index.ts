/**
 * Norwegian (bokmål) wording helpers shared by the screens, the review pack and the CLI, so that
 * «1 ansatt» / «2 ansatte» and «A, B og C» are written one way everywhere.
 */

const integer = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

/** The noun form for a count: plural(1, 'ansatt', 'ansatte') = 'ansatt', otherwise 'ansatte'. */
export function plural(n: number, one: string, many: string): string {
  return n === 1 || n === -1 ? one : many;
}

/** A count with its noun: count(1, 'advarsel', 'advarsler') = '1 advarsel'; 1234 → '1 234 advarsler'. */
export function count(n: number, one: string, many: string): string {
  return `${integer.format(n)} ${plural(n, one, many)}`;
}

/** A Norwegian list: ['a'] = 'a'; ['a', 'b'] = 'a og b'; ['a', 'b', 'c'] = 'a, b og c'. */
export function listNo(items: readonly string[], conjunction = 'og'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Lower case ASCII letters for file names and header matching: 'Ærlig Øyvind Åsen' → 'aerlig oyvind asen' (other accents dropped). */
export function asciiFold(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** `s` as a file name part: folded to ASCII, runs of anything else as one '-', at most `max` characters ('' when nothing is left). */
export function fileSlug(s: string, max: number): string {
  return asciiFold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}
