import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, listNo, plural } from '../../../shared/text';

describe('Norwegian wording', () => {
  it('picks the singular for one and the plural otherwise', () => {
    expect(count(1, 'ansatt', 'ansatte')).toBe('1 ansatt');
    expect(count(0, 'advarsel', 'advarsler')).toBe('0 advarsler');
    expect(count(2, 'vakt', 'vakter')).toBe('2 vakter');
    expect(count(1234, 'vakt', 'vakter')).toBe('1\u00a0234 vakter');
    expect(plural(1, 'helg', 'helger')).toBe('helg');
  });

  it('joins lists with commas and «og»', () => {
    expect(listNo([])).toBe('');
    expect(listNo(['Kari'])).toBe('Kari');
    expect(listNo(['Kari', 'Ola'])).toBe('Kari og Ola');
    expect(listNo(['Kari', 'Ola', 'Per'], 'eller')).toBe('Kari, Ola eller Per');
  });

  it('property: every item appears once, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-ZÆØÅ][a-zæøå]{1,8}$/), { maxLength: 6 }), (items) => {
        const s = listNo(items);
        let at = 0;
        for (const it of items) {
          const i = s.indexOf(it, at);
          expect(i).toBeGreaterThanOrEqual(at);
          at = i + it.length;
        }
      }),
    );
  });
});
