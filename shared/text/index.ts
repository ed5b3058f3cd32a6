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
