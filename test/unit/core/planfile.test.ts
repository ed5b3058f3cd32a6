// Plan file v1 reader/writer: field-named Norwegian errors, cross-field checks, round trip,
// the committed JSON Schema, and fuzzing (the reader never throws).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanFile, serializePlanFile } from '../../../shared/planfile/index';
import { planFileJsonSchemaText } from '../../../shared/planfile/json-schema';
import { arbPlan } from './arbitraries';
import { loadFixture, makePlan } from './helpers';
import { addDays } from '../../../shared/calendar';
import { checkPlan } from '../../../shared/rules/engine';
import { plannedHours } from '../../../shared/plan/hours';
import { indexPlan } from '../../../shared/plan/plan-index';

// biome-ignore lint/suspicious/noExplicitAny: the mutations break the plan file on purpose (wrong types, missing required fields), which no typed view allows
const bad = (mutate: (p: any) => void) => {
  const p = JSON.parse(loadFixture('rules-november').text);
  mutate(p);
  const r = parsePlanFile(JSON.stringify(p));
  if (r.ok) throw new Error('expected an invalid file');
  return r.errors;
};

describe('parsePlanFile', () => {
  it('reads both fixtures, without warnings', () => {
    for (const name of ['rules-november', 'christmas-report']) {
      const r = parsePlanFile(loadFixture(name).text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.warnings).toEqual([]);
    }
  });

  it('warns (does not reject) about assignments dated outside the period, naming assignments[i].date', () => {
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-01-11' },
      assignments: [
        { employee: 'e1', date: '2026-01-04', code: 'N' },
        { employee: 'e1', date: '2026-01-05', code: 'D' },
        { employee: 'e1', date: '2026-01-12', code: 'D' },
      ],
    });
    const r = parsePlanFile(serializePlanFile(plan));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([
      {
        field: 'assignments[0].date',
        message:
          '2026-01-04 ligger utenfor perioden 2026-01-05–2026-01-11 (e1, N); raden teller ikke i planlagte timer, dekning eller rapport, men brukes av hvilereglene ved periodens kanter',
      },
      {
        field: 'assignments[2].date',
        message:
          '2026-01-12 ligger utenfor perioden 2026-01-05–2026-01-11 (e1, D); raden teller ikke i planlagte timer, dekning eller rapport, men brukes av hvilereglene ved periodens kanter',
      },
    ]);
    // Only the D inside the period is planned: 7,5 h.
    const ix = indexPlan(r.plan);
    expect(plannedHours(ix, 'e1')).toBe(7.5);
    // The night before the period still counts for the daily rest: N ends 07:45, D starts 07:30.
    expect(
      checkPlan(r.plan)
        .filter((v) => v.rule === 'AML-REST-DAILY')
        .map((v) => v.date),
    ).toEqual(['2026-01-05']);
  });

  it('lists at most 50 out-of-period rows and sums up the rest', () => {
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-01-11' },
      assignments: Array.from({ length: 60 }, (_, i) => ({ employee: 'e1', date: addDays('2026-02-01', i), code: 'D' })),
    });
    const r = parsePlanFile(serializePlanFile(plan));
    expect(r.ok && r.warnings?.length).toBe(51);
    if (r.ok)
      expect(r.warnings?.[50]).toEqual({
        field: '(fil)',
        message: 'og 10 rader til i assignments ligger utenfor perioden 2026-01-05–2026-01-11',
      });
  });

  it('names the field and says what it must be', () => {
    expect(
      bad((p) => {
        p.employees[2].position = 1.5;
      }),
    ).toEqual([{ field: 'employees[2].position', message: 'må være et tall mellom 0 og 1' }]);
    expect(
      bad((p) => {
        delete p.employees[0].name;
      }),
    ).toEqual([{ field: 'employees[0].name', message: 'mangler (påkrevd felt)' }]);
    expect(
      bad((p) => {
        p.period.start = '2025-13-01';
      })[0].field,
    ).toBe('period.start');
    expect(
      bad((p) => {
        p.shiftTypes[1].end = '25:00';
      })[0],
    ).toEqual({ field: 'shiftTypes[1].end', message: 'må være et klokkeslett på formen tt:mm (00:00–23:59)' });
    expect(
      bad((p) => {
        p.format = 'annet';
      })[0],
    ).toEqual({ field: 'format', message: 'må være «turnusplan»' });
    expect(
      bad((p) => {
        p.version = 2;
      })[0].field,
    ).toBe('version');
    expect(
      bad((p) => {
        p.rules = { agreements: { dailyRestMinHours: 7 } };
      })[0].field,
    ).toBe('rules.agreements.dailyRestMinHours');
    expect(
      bad((p) => {
        p.rules = { holidayReduction: 'PRESET' };
      })[0].field,
    ).toBe('rules.holidayReduction');
  });

  it('checks across fields', () => {
    expect(
      bad((p) => {
        p.period.end = '2025-11-01';
      }),
    ).toEqual([{ field: 'period.end', message: 'må være samme dag som eller etter period.start (2025-11-03)' }]);
    expect(
      bad((p) => {
        p.assignments[0].employee = 'x9';
      }),
    ).toEqual([{ field: 'assignments[0].employee', message: 'ukjent ansatt «x9»' }]);
    expect(
      bad((p) => {
        p.assignments[0].code = 'Q';
      }),
    ).toEqual([{ field: 'assignments[0].code', message: 'ukjent kode «Q» (verken i shiftTypes eller absenceCodes)' }]);
    expect(
      bad((p) => {
        p.assignments.push({ ...p.assignments[0], code: 'D' });
      })[0].field,
    ).toBe('assignments[12]');
    expect(
      bad((p) => {
        p.employees[1].id = 'k1';
      })[0],
    ).toEqual({ field: 'employees[1].id', message: 'id-en «k1» er allerede brukt i employees[0]' });
    expect(
      bad((p) => {
        p.shiftTypes.push({ code: 'D', start: '08:00', end: '16:00' });
      })[0].field,
    ).toBe('shiftTypes[4].code');
    expect(
      bad((p) => {
        p.demand[0].shift = 'Z';
      })[0],
    ).toEqual({ field: 'demand[0].shift', message: 'ukjent vakttype «Z»' });
  });

  it('accepts the built-in absence codes without absenceCodes and keeps unknown fields', () => {
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-01-11' },
      assignments: [{ employee: 'e1', date: '2026-01-05', code: 'FE' }],
    });
    const withExtra = {
      ...plan,
      approvedBy: 'Tillitsvalgt',
      unit: { ...plan.unit, kostnadssted: 4711 },
      employees: [{ ...plan.employees[0], ansattnr: 'A-1' }],
    };
    const r = parsePlanFile(serializePlanFile(withExtra));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.plan).toHaveProperty('approvedBy', 'Tillitsvalgt');
      expect(r.plan.unit).toHaveProperty('kostnadssted', 4711);
      expect(r.plan.employees[0]).toHaveProperty('ansattnr', 'A-1');
    }
  });

  it('says clearly when the text is not JSON', () => {
    const r = parsePlanFile('{ "format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].field).toBe('(fil)');
      expect(r.errors[0].message).toMatch(/^er ikke gyldig JSON/);
    }
    const arr = parsePlanFile('[]');
    expect(arr.ok).toBe(false);
    if (!arr.ok) expect(arr.errors[0]).toEqual({ field: '(fil)', message: 'må være et JSON-objekt' });
  });
});

describe('round trip', () => {
  it('serialize → parse gives the same plan (fixtures and generated plans)', () => {
    for (const name of ['rules-november', 'christmas-report']) {
      const plan = loadFixture(name).plan;
      const r = parsePlanFile(serializePlanFile(plan));
      expect(r.ok && r.plan).toEqual(plan);
    }
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const r = parsePlanFile(serializePlanFile(plan));
        expect(r.ok && r.plan).toEqual(plan);
      }),
      { numRuns: 50 },
    );
  });
});

describe('JSON Schema', () => {
  it('the committed resources/turnusplan.schema.json equals the one generated from the zod schema', () => {
    const committed = readFileSync(path.join(__dirname, '../../../resources/turnusplan.schema.json'), 'utf8');
    expect(committed).toBe(planFileJsonSchemaText());
    const schema = JSON.parse(committed);
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'version', 'unit', 'period', 'shiftTypes', 'employees', 'demand', 'assignments']),
    );
  });
});

describe('fuzzing: the reader never throws and always explains', () => {
  const check = (text: string) => {
    const r = parsePlanFile(text);
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(typeof e.field).toBe('string');
        expect(e.message.length).toBeGreaterThan(0);
      }
    }
  };
  it('random text and random JSON', () => {
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
    fc.assert(fc.property(fc.json(), check), { numRuns: 300 });
  });
  it('a valid plan with one value replaced by anything', () => {
    type Node = Record<string | number, unknown>;
    const base = loadFixture('christmas-report').plan;
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, p: (string | number)[]) => {
      paths.push(p);
      if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, [...p, Array.isArray(v) ? +k : k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (p, value) => {
        const copy = structuredClone(base);
        let o = copy as unknown as Node;
        for (const k of p.slice(0, -1)) o = o[k] as Node;
        o[p[p.length - 1]] = value;
        check(JSON.stringify(copy));
      }),
      { numRuns: 500 },
    );
  });
});
