// A plan file that is no valid JSON: the import screen says where, in Norwegian.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonErrorNo, parsePlanFile } from '../../../shared/planfile';

describe('plan file JSON errors', () => {
  it('names line and column of a trailing comma, in Norwegian', () => {
    const r = parsePlanFile('{\n  "format": "turnusplan",\n  "version": 1,\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].message).toMatch(/^er ikke gyldig JSON\. Linje 4, kolonne 1: /);
      expect(r.errors[0].message).toContain('feltnavn i doble anførselstegn');
      expect(r.errors[0].message).not.toMatch(/Expected|position/);
    }
  });

  it('a missing comma and a missing end', () => {
    expect(jsonErrorNo('{\n "a": 1\n "b": 2}', "Expected ',' or '}' after property value in JSON at position 11")).toBe(
      'Linje 3, kolonne 2: mangler komma eller } etter verdien foran.',
    );
    const text = '{"a": [1, 2';
    let detail = '';
    try {
      JSON.parse(text);
    } catch (e) {
      detail = (e as Error).message;
    }
    expect(jsonErrorNo(text, detail)).toMatch(/^Linje 1, kolonne 12: /);
  });

  it('line and column point at the position the parser names (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z ]{0,12}$/), { minLength: 1, maxLength: 8 }), fc.nat(), (lines, k) => {
        const text = lines.join('\n');
        const pos = k % (text.length + 1);
        const m = /^Linje (\d+), kolonne (\d+): /.exec(jsonErrorNo(text, `Unexpected token in JSON at position ${pos}`))!;
        const line = Number(m[1]),
          column = Number(m[2]);
        // Back from line and column to the position.
        const back = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
        expect(back).toBe(pos);
      }),
    );
  });
});
