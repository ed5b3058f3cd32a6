// The rule catalogue: the two fixtures (contract ids exactly) and hand-built plans for each rule.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar';
import { checkPlan } from '../../../shared/rules/engine';
import type { TurnusPlan } from '../../../shared/plan/model';
import { CONTRACT_RULE_IDS, RULES } from '../../../shared/rules/index';
import { loadFixture, makePlan, rows } from './helpers';
import { parsePlanFile, serializePlanFile } from '../../../shared/planfile/index';

const contract = new Set<string>(CONTRACT_RULE_IDS);
const triples = (plan: TurnusPlan) =>
  checkPlan(plan)
    .filter((v) => contract.has(v.rule))
    .map((v) => [v.rule, v.employee, v.date]);
const sortT = (l: unknown[][]) => l.map((t) => JSON.stringify(t)).sort();
const ofRule = (plan: TurnusPlan, id: string) => checkPlan(plan).filter((v) => v.rule === id);

/** Consecutive days from `start`, with a code per day (null = free). */
function days(start: string, codes: (string | null)[]): [string, string][] {
  return codes.flatMap((c, i) => (c ? [[addDays(start, i), c] as [string, string]] : []));
}

describe('fixtures: exactly the expected violations for the contract rule ids', () => {
  for (const name of ['rules-november', 'christmas-report']) {
    it(name, () => {
      const { plan, expected } = loadFixture(name);
      expect(sortT(triples(plan))).toEqual(sortT(expected.violations));
    });
  }
});

describe('catalogue', () => {
  it('has unique ids, a source, a severity and Norwegian text for every rule', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of CONTRACT_RULE_IDS) expect(ids).toContain(id);
    for (const id of ['AML-REST-COMP', 'AML-AVG-48', 'AML-NIGHT-AVG', 'MAX-CONSECUTIVE-DAYS', 'HOVEDFERIE', 'NIGHT-EXEMPT'])
      expect(ids).toContain(id);
    for (const r of RULES) {
      expect(r.source.length).toBeGreaterThan(3);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.title.length).toBeGreaterThan(3);
    }
  });
});

describe('AML-REST-DAILY and AML-REST-COMP', () => {
  const base = makePlan({ period: { start: '2025-11-03', end: '2025-11-09' } });
  it('9 h between A and D is an error without an agreement, with a message naming person, date and paragraph', () => {
    const plan = {
      ...base,
      assignments: rows('e1', [
        ['2025-11-03', 'A'],
        ['2025-11-04', 'D'],
      ]),
    };
    const v = ofRule(plan, 'AML-REST-DAILY');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ employee: 'e1', date: '2025-11-04', severity: 'error', source: 'aml § 10-8 (1)' });
    expect(v[0].message).toBe('Kari Nordmann har bare 9 t hvile før vakten tir. 04.11.2025 (krav: 11 t, aml § 10-8 (1)).');
  });
  it('a tillitsvalgt agreement of 9 h allows it and the message cites § 10-8 (3) when broken', () => {
    const agreed = { ...base, rules: { agreements: { dailyRestMinHours: 9 } } };
    expect(
      ofRule(
        {
          ...agreed,
          assignments: rows('e1', [
            ['2025-11-03', 'A'],
            ['2025-11-04', 'D'],
          ]),
        },
        'AML-REST-DAILY',
      ),
    ).toEqual([]);
    const early = { ...agreed, shiftTypes: [...base.shiftTypes, { code: 'T', start: '07:00', end: '14:30' }] };
    const v = ofRule(
      {
        ...early,
        assignments: rows('e1', [
          ['2025-11-03', 'A'],
          ['2025-11-04', 'T'],
        ]),
      },
      'AML-REST-DAILY',
    );
    expect(v).toHaveLength(1);
    expect(v[0].source).toBe('aml § 10-8 (3)');
    expect(v[0].message).toContain('bare 8,5 t hvile');
    expect(v[0].message).toContain(
      'krav: 9 t, planens grense krever avtale med tillitsvalgte, men ingen avtale er registrert, aml § 10-8 (3)',
    );
    // With the agreement on file the message names its parties and date, and AGREEMENT-ON-FILE is silent.
    const filed = {
      ...early,
      rules: {
        ...early.rules,
        agreementRecords: [{ key: 'dailyRestMinHours' as const, signedDate: '2025-01-15', parties: 'NSF og Fagforbundet' }],
      },
    };
    const w = checkPlan({
      ...filed,
      assignments: rows('e1', [
        ['2025-11-03', 'A'],
        ['2025-11-04', 'T'],
      ]),
    });
    expect(w.find((x) => x.rule === 'AML-REST-DAILY')!.message).toContain(
      'krav: 9 t, avtale med tillitsvalgte (NSF og Fagforbundet, 15.01.2025), aml § 10-8 (3)',
    );
  });
  it('after a reduced rest of 9 h the next rest must be 13 h', () => {
    // A Mon ends 22:30 → K Tue 07:30–12:00 (9 h rest) → X Wed 00:30 (12.5 h rest < 13 h).
    const plan: TurnusPlan = {
      ...base,
      rules: { agreements: { dailyRestMinHours: 9 } },
      shiftTypes: [...base.shiftTypes, { code: 'K', start: '07:30', end: '12:00' }, { code: 'X', start: '00:30', end: '06:00' }],
      assignments: rows('e1', [
        ['2025-11-03', 'A'],
        ['2025-11-04', 'K'],
        ['2025-11-05', 'X'],
      ]),
    };
    expect(ofRule(plan, 'AML-REST-DAILY')).toEqual([]);
    const v = ofRule(plan, 'AML-REST-COMP');
    expect(v.map((x) => x.date)).toEqual(['2025-11-05']);
    expect(v[0].message).toContain('krav: 13 t');
    // Without the agreement the 9 h rest is a REST-DAILY error and no compensation is computed.
    const strict = { ...plan, rules: {} };
    expect(ofRule(strict, 'AML-REST-COMP')).toEqual([]);
    expect(ofRule(strict, 'AML-REST-DAILY').map((x) => x.date)).toEqual(['2025-11-04']);
  });
});

describe('split shifts (delt vakt): the break between the two parts is not a daily rest', () => {
  // S1 20:00–23:00 (3 h) on Mon 3 Nov, S2 01:00–05:00 (4 h) on Tue 4 Nov: break 2 h,
  // paid 3 + 4 = 7 h ≤ 12,5 h, period 20:00–05:00 = 9 h ≤ 24 − 11 = 13 h.
  // Delt vakt is optional behaviour: off unless the plan records it (plan-format.md «Defaults
  // and edge cases»), so these plans set splitShiftMaxBreakHours = 4.
  const split = makePlan({
    period: { start: '2025-11-03', end: '2025-11-09' },
    rules: { splitShiftMaxBreakHours: 4 },
    shiftTypes: [
      { code: 'S1', start: '20:00', end: '23:00' },
      { code: 'S2', start: '01:00', end: '05:00' },
      { code: 'S2L', start: '01:00', end: '09:00' },
      { code: 'E', start: '15:00', end: '18:00' },
      { code: 'NL', start: '23:00', end: '11:00' },
      { code: 'D', start: '07:30', end: '15:00' },
    ],
  });
  const pair = rows('e1', [
    ['2025-11-03', 'S1'],
    ['2025-11-04', 'S2'],
  ]);

  it('3 h + 4 h with a 2 h break is one work period when the plan records delt vakt (break ≤ 4 h)', () => {
    expect(ofRule({ ...split, assignments: pair }, 'AML-REST-DAILY')).toEqual([]);
  });
  it('without splitShiftMaxBreakHours in the plan there is no delt vakt: the 2 h break is a rest error', () => {
    expect(ofRule({ ...split, rules: {}, assignments: pair }, 'AML-REST-DAILY').map((x) => x.date)).toEqual(['2025-11-04']);
  });
  it('splitShiftMaxBreakHours = 0 turns the exemption off: 2 h rest is an error', () => {
    const v = ofRule({ ...split, rules: { splitShiftMaxBreakHours: 0 }, assignments: pair }, 'AML-REST-DAILY');
    expect(v.map((x) => [x.date, x.severity])).toEqual([['2025-11-04', 'error']]);
    expect(v[0].message).toContain('bare 2 t hvile før vakten tir. 04.11.2025');
  });
  it('not a split shift when the parts together exceed maxShiftHours (3 + 4 > 6)', () => {
    const plan = { ...split, rules: { agreements: { maxShiftHours: 6 } }, assignments: pair };
    expect(ofRule(plan, 'AML-REST-DAILY').map((x) => x.date)).toEqual(['2025-11-04']);
  });
  it('not a split shift when the break is longer than splitShiftMaxBreakHours', () => {
    // E 15:00–18:00 + S2 01:00–05:00: break 7 h > 4 h.
    const plan = {
      ...split,
      assignments: rows('e1', [
        ['2025-11-03', 'E'],
        ['2025-11-04', 'S2'],
      ]),
    };
    expect(ofRule(plan, 'AML-REST-DAILY').map((x) => x.message)).toEqual([
      'Kari Nordmann har bare 7 t hvile før vakten tir. 04.11.2025 (krav: 11 t, aml § 10-8 (1)).',
    ]);
    // With up to 8 h allowed the break qualifies, but 15:00–05:00 is 14 h > 13 h: still a rest.
    expect(ofRule({ ...plan, rules: { splitShiftMaxBreakHours: 8 } }, 'AML-REST-DAILY')).toHaveLength(1);
    // With a 10 h agreed rest the period may be 24 − 10 = 14 h: now it is one work period.
    expect(ofRule({ ...plan, rules: { splitShiftMaxBreakHours: 8, agreements: { dailyRestMinHours: 10 } } }, 'AML-REST-DAILY')).toEqual([]);
  });
  it('the rest before and after the split shift is still checked', () => {
    // NL Sun 2 Nov 23:00 → Mon 11:00, then S1 Mon 20:00: 9 h before the split shift; S2 ends
    // Tue 05:00 and D Tue… is not possible (one row per date), so D Wed 07:30: 26,5 h after.
    const plan = {
      ...split,
      assignments: rows('e1', [
        ['2025-11-02', 'NL'],
        ['2025-11-03', 'S1'],
        ['2025-11-04', 'S2'],
        ['2025-11-05', 'D'],
      ]),
    };
    expect(ofRule(plan, 'AML-REST-DAILY').map((x) => [x.date, x.message])).toEqual([
      ['2025-11-03', 'Kari Nordmann har bare 9 t hvile før vakten man. 03.11.2025 (krav: 11 t, aml § 10-8 (1)).'],
    ]);
  });
  it('after a reduced rest, the compensating rest is measured after the whole split shift', () => {
    // NL Sun 23:00 → Mon 11:00, S1 Mon 20:00 (reduced rest 9 h under a 9 h agreement), S2L Tue
    // 01:00–09:00 (3 + 8 = 11 h ≤ 12,5, period 13 h ≤ 24 − 9 = 15 h). The 2 h break is not the
    // compensating rest; the next rest (from Tue 09:00) must be 11 + 2 = 13 h.
    const base = { ...split, rules: { splitShiftMaxBreakHours: 4, agreements: { dailyRestMinHours: 9 } } };
    const plan = {
      ...base,
      assignments: rows('e1', [
        ['2025-11-02', 'NL'],
        ['2025-11-03', 'S1'],
        ['2025-11-04', 'S2L'],
        ['2025-11-05', 'D'],
      ]),
    };
    // Tue 09:00 → Wed 07:30 = 22,5 h ≥ 13 h: nothing.
    expect(checkPlan(plan).filter((v) => v.rule.startsWith('AML-REST-'))).toEqual([]);
    // Without the exemption the 2 h break is both a rest error and a too-short compensating rest.
    const off = checkPlan({ ...plan, rules: { ...base.rules, splitShiftMaxBreakHours: 0 } }).filter((v) => v.rule.startsWith('AML-REST-'));
    expect(off.map((v) => [v.rule, v.date])).toEqual([
      ['AML-REST-DAILY', '2025-11-04'],
      ['AML-REST-COMP', '2025-11-04'],
    ]);
  });
  it('the plan file reader rejects a value outside 0–8 and names the field', () => {
    const r = parsePlanFile(serializePlanFile({ ...split, rules: { splitShiftMaxBreakHours: 9 } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].field).toBe('rules.splitShiftMaxBreakHours');
  });
});

describe('AML-REST-WEEKLY', () => {
  it('an agreement of 28 h accepts 31.25 h of weekly rest; 35 h does not', () => {
    const plan = makePlan({
      period: { start: '2025-11-10', end: '2025-11-16' },
      assignments: rows('e1', days('2025-11-10', ['D', 'D', 'D', 'D', 'D', 'D', 'N'])),
    });
    expect(ofRule(plan, 'AML-REST-WEEKLY').map((v) => v.date)).toEqual(['2025-11-10']);
    expect(ofRule({ ...plan, rules: { agreements: { weeklyRestMinHours: 28 } } }, 'AML-REST-WEEKLY')).toEqual([]);
  });
  it('only weeks wholly inside the period are checked', () => {
    const plan = makePlan({
      period: { start: '2025-11-11', end: '2025-11-16' },
      assignments: rows('e1', days('2025-11-11', ['D', 'D', 'D', 'D', 'D', 'N'])),
    });
    expect(ofRule(plan, 'AML-REST-WEEKLY')).toEqual([]);
  });
});

describe('AML-DAY-MAX', () => {
  const plan = makePlan({
    period: { start: '2025-11-03', end: '2025-11-09' },
    employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1, consentsLongShifts: true }],
    assignments: rows('e1', [
      ['2025-11-03', 'L'],
      ['2025-11-05', 'D'],
    ]),
  });
  it('12.5 h is allowed by default (tillitsvalgt agreement) and not with an individual 10 h agreement', () => {
    expect(ofRule(plan, 'AML-DAY-MAX')).toEqual([]);
    const v = ofRule({ ...plan, rules: { agreements: { maxShiftHours: 10 } } }, 'AML-DAY-MAX');
    expect(v.map((x) => [x.date, x.source])).toEqual([['2025-11-03', 'aml § 10-5 (1)']]);
    expect(v[0].message).toContain('12,5 t');
    expect(ofRule({ ...plan, rules: { agreements: { maxShiftHours: 9 } } }, 'AML-DAY-MAX')[0].source).toBe('aml § 10-4 (1)');
  });
});

describe('AML-AVG-48', () => {
  // L Mon–Thu = 50 h a week; 8 such weeks = 400 h > 8 × 48 = 384 h.
  const weeks = (n: number) => {
    const pairs: [string, string][] = [];
    for (let w = 0; w < n; w++) pairs.push(...days(addDays('2026-01-05', 7 * w), ['L', 'L', 'L', 'L']));
    return pairs;
  };
  const plan = (n: number) =>
    makePlan({
      period: { start: '2026-01-05', end: '2026-04-05' },
      employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1, consentsLongShifts: true }],
      assignments: rows('e1', weeks(n)),
    });
  it('7 weeks of 50 h pass; 8 weeks fail once; 9 weeks still give one violation', () => {
    expect(ofRule(plan(7), 'AML-AVG-48')).toEqual([]);
    expect(ofRule(plan(8), 'AML-AVG-48').map((v) => v.date)).toEqual(['2026-01-05']);
    expect(ofRule(plan(9), 'AML-AVG-48').map((v) => v.date)).toEqual(['2026-01-05']);
    expect(ofRule(plan(8), 'AML-AVG-48')[0].message).toContain('50 t per uke');
  });
});

describe('AML-NIGHT-AVG', () => {
  // Limit over 4 weeks: 8 × (672 − 4 × 35) / 24 = 177.33 h. N Mon–Fri × 4 weeks = 20 × 9.5 = 190 h.
  const nights = (perWeek: number) => {
    const pairs: [string, string][] = [];
    for (let w = 0; w < 4; w++) pairs.push(...days(addDays('2026-01-05', 7 * w), Array(perWeek).fill('N')));
    return pairs;
  };
  const plan = (perWeek: number) =>
    makePlan({ period: { start: '2026-01-05', end: '2026-02-15' }, assignments: rows('e1', nights(perWeek)) });
  it('20 nights in 4 weeks are over the night average; 16 are not', () => {
    expect(ofRule(plan(5), 'AML-NIGHT-AVG').map((v) => v.date)).toEqual(['2026-01-05']);
    expect(ofRule(plan(4), 'AML-NIGHT-AVG')).toEqual([]);
  });
  it('day work of the same hours is not night work', () => {
    const day = makePlan({
      period: { start: '2026-01-05', end: '2026-02-15' },
      shiftTypes: [{ code: 'M', start: '06:00', end: '15:30' }],
      assignments: rows(
        'e1',
        nights(5).map(([d]) => [d, 'M'] as [string, string]),
      ),
    });
    expect(ofRule(day, 'AML-NIGHT-AVG')).toEqual([]);
  });
});

describe('NIGHT-EXEMPT, MAX-CONSECUTIVE-DAYS, HOVEDFERIE, LONG-SHIFT-CONSENT', () => {
  it('a night-exempt employee may work A (within 06–24) but not N', () => {
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-01-11' },
      employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1, nightExempt: true }],
      assignments: rows('e1', [
        ['2026-01-05', 'A'],
        ['2026-01-07', 'N'],
      ]),
    });
    const v = ofRule(plan, 'NIGHT-EXEMPT');
    expect(v.map((x) => x.date)).toEqual(['2026-01-07']);
    expect(v[0].message).toContain('7,75 t nattarbeid');
  });
  it('7 days in a row with the default limit 6, dated on day 7; limit 3 dates it on day 4', () => {
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-01-18' },
      assignments: rows('e1', days('2026-01-05', ['D', 'D', 'D', 'D', 'D', 'D', 'D', null, 'D', 'D'])),
    });
    expect(ofRule(plan, 'MAX-CONSECUTIVE-DAYS').map((v) => v.date)).toEqual(['2026-01-11']);
    expect(ofRule({ ...plan, rules: { maxConsecutiveDays: 3 } }, 'MAX-CONSECUTIVE-DAYS').map((v) => v.date)).toEqual(['2026-01-08']);
  });
  it('hovedferie is a warning dated 1 June when the summer has no 18 virkedager of vacation', () => {
    const plan = makePlan({
      period: { start: '2026-01-01', end: '2026-12-31' },
      employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1, wantsHovedferie: true }],
      assignments: rows('e1', days('2026-07-06', Array(12).fill('FE'))),
    });
    const v = ofRule(plan, 'HOVEDFERIE');
    expect(v.map((x) => [x.date, x.severity])).toEqual([['2026-06-01', 'warning']]);
    expect(v[0].message).toContain('bare 11 sammenhengende virkedager');
  });
  it('a consenting employee may have langvakter', () => {
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-01-11' },
      employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1, consentsLongShifts: true }],
      assignments: rows('e1', [['2026-01-10', 'L']]),
    });
    expect(ofRule(plan, 'LONG-SHIFT-CONSENT')).toEqual([]);
  });
});

describe('AML-SUNDAY and WEEKEND-FREQUENCY', () => {
  const sundays = (which: string[]) =>
    makePlan({
      period: { start: '2026-01-05', end: '2026-02-01' },
      assignments: rows(
        'e1',
        which.map((d) => [d, 'D'] as [string, string]),
      ),
    });
  it('strict alternation: two Sundays in a row; a Saturday night shift touches Sunday', () => {
    expect(ofRule(sundays(['2026-01-11', '2026-01-18']), 'AML-SUNDAY').map((v) => v.date)).toEqual(['2026-01-18']);
    expect(ofRule(sundays(['2026-01-11', '2026-01-25']), 'AML-SUNDAY')).toEqual([]);
    const night = makePlan({
      period: { start: '2026-01-05', end: '2026-02-01' },
      assignments: rows('e1', [
        ['2026-01-10', 'N'],
        ['2026-01-18', 'D'],
      ]),
    });
    expect(ofRule(night, 'AML-SUNDAY').map((v) => v.date)).toEqual(['2026-01-18']);
    // A Saturday A shift until 22:30 is inside Sunday's window (Saturday 18:00 – Sunday 22:00).
    const evening = makePlan({
      period: { start: '2026-01-05', end: '2026-02-01' },
      assignments: rows('e1', [
        ['2026-01-10', 'A'],
        ['2026-01-18', 'D'],
      ]),
    });
    const ev = ofRule(evening, 'AML-SUNDAY');
    expect(ev.map((v) => v.date)).toEqual(['2026-01-18']);
    expect(ev[0].message).toContain('lørdag 18:00 – søndag 22:00');
    // A night shift that starts Sunday 22:15 is not Sunday work (the window ends 22:00).
    const nights = makePlan({
      period: { start: '2026-01-05', end: '2026-02-01' },
      assignments: rows('e1', [
        ['2026-01-11', 'N'],
        ['2026-01-18', 'N'],
      ]),
    });
    expect(ofRule(nights, 'AML-SUNDAY')).toEqual([]);
  });
  it('with an averaging agreement: more than half of the red days worked', () => {
    const avg = (p: TurnusPlan) => ({ ...p, rules: { agreements: { sundayAveragingWeeks: 26 } } });
    expect(ofRule(avg(sundays(['2026-01-11', '2026-01-18'])), 'AML-SUNDAY')).toEqual([]);
    const v = ofRule(avg(sundays(['2026-01-11', '2026-01-18', '2026-01-25'])), 'AML-SUNDAY');
    expect(v.map((x) => x.date)).toEqual(['2026-02-01']);
    expect(v[0].message).toContain('3 av 4');
  });
  it('weekend frequency: more weekends than ⌈n/k⌉ without two in a row', () => {
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-02-01' },
      unit: { name: 'Test', weekendFrequency: 4 },
      assignments: rows('e1', [
        ['2026-01-10', 'D'],
        ['2026-01-24', 'D'],
      ]),
    });
    const v = ofRule(plan, 'WEEKEND-FREQUENCY');
    expect(v.map((x) => [x.employee, x.date])).toEqual([['e1', null]]);
    expect(v[0].message).toContain('2 av 4 tilgjengelige helger');
    expect(ofRule({ ...plan, unit: { name: 'Test', weekendFrequency: 2 } }, 'WEEKEND-FREQUENCY')).toEqual([]);
  });
});

describe('AML-SUNDAY-4W (warning, only under a Sunday-averaging agreement)', () => {
  // Weeks Mon 5 Jan – Sun 1 Mar 2026. D on the Sundays 11, 18, 25 Jan and 1 Feb: four weeks in a
  // row without a free søn-/helgedag → one warning dated Sun 1 Feb (the 4th week).
  const averaging = { agreements: { sundayAveragingWeeks: 26 } };
  const sundays = (list: string[]) =>
    makePlan({
      period: { start: '2026-01-05', end: '2026-03-01' },
      rules: averaging,
      assignments: rows(
        'e1',
        list.map((d) => [d, 'D'] as [string, string]),
      ),
    });
  it('four worked Sundays in a row give one warning on the 4th, naming the uncertainty', () => {
    const v = ofRule(sundays(['2026-01-11', '2026-01-18', '2026-01-25', '2026-02-01', '2026-02-08']), 'AML-SUNDAY-4W');
    expect(v.map((x) => [x.date, x.severity])).toEqual([['2026-02-01', 'warning']]);
    expect(v[0].message).toBe(
      'Kari Nordmann har ingen fri søn-/helgedag i 4 uker på rad (man. 05.01.2026–søn. 01.02.2026; en søndag er arbeidet ved arbeid i vinduet lørdag 18:00 – søndag 22:00, aml § 10-10 (1)); ved gjennomsnittsberegning skal den ukentlige fridagen falle på en søn-/helgedag minst hver 4. uke (planens grense krever gjennomsnittsberegning over 26 uker etter avtale, men ingen avtale er registrert, aml § 10-8 (4)). Advarsel: kravet er ikke bekreftet i gjeldende lovtekst (uverifisert).',
    );
  });
  it('three in a row, a free Sunday, three again: nothing', () => {
    expect(ofRule(sundays(['2026-01-11', '2026-01-18', '2026-01-25', '2026-02-08', '2026-02-15', '2026-02-22']), 'AML-SUNDAY-4W')).toEqual(
      [],
    );
  });
  it('is not checked without an averaging agreement (strict alternation applies instead)', () => {
    const plan = { ...sundays(['2026-01-11', '2026-01-18', '2026-01-25', '2026-02-01']), rules: {} };
    expect(ofRule(plan, 'AML-SUNDAY-4W')).toEqual([]);
    expect(ofRule(plan, 'AML-SUNDAY').map((v) => v.date)).toEqual(['2026-01-18', '2026-01-25', '2026-02-01']);
  });
  it('a free holiday in the week counts as the free søn-/helgedag (Easter 2026)', () => {
    // Weeks from Mon 16 Mar: Sundays 22, 29 Mar, 5 Apr (påskedag), 12 Apr worked; Easter week
    // also has skjærtorsdag 2 Apr and langfredag 3 Apr, week of 6 Apr has 2. påskedag.
    const worked = ['2026-03-22', '2026-03-29', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-04-12'];
    const plan = (list: string[]) =>
      makePlan({
        period: { start: '2026-03-16', end: '2026-04-19' },
        rules: averaging,
        assignments: rows(
          'e1',
          list.map((d) => [d, 'D'] as [string, string]),
        ),
      });
    expect(ofRule(plan(worked), 'AML-SUNDAY-4W').map((v) => v.date)).toEqual(['2026-04-12']);
    // Skjærtorsdag free: the Easter week has a free helgedag, so no four weeks in a row.
    expect(ofRule(plan(worked.filter((d) => d !== '2026-04-02')), 'AML-SUNDAY-4W')).toEqual([]);
  });
});

describe('VACATION-ENTITLEMENT (12-month plans) and VACATION-PLACED (shorter plans)', () => {
  const fe = (from: string, n: number) => Array.from({ length: n }, (_, i) => [addDays(from, i), 'FE'] as [string, string]);
  const year = (pairs: [string, string][], employee: Partial<TurnusPlan['employees'][number]> = {}) =>
    makePlan({
      period: { start: '2026-01-01', end: '2026-12-31' },
      employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 0.8, weeklyHours: 35.5, ...employee }],
      assignments: rows('e1', pairs),
    });
  it('five full weeks (30 virkedager, Mon–Sat) in a 12-month plan: nothing', () => {
    expect(checkPlan(year(fe('2026-07-06', 35))).filter((v) => v.rule.startsWith('VACATION-'))).toEqual([]);
  });
  it('25 virkedager: a warning in days and hours (25 × 35,5/6 × 0,8 = 118,33 t; 5 × 35,5 × 0,8 = 142 t)', () => {
    // Mon 6 Jul – Mon 3 Aug: 4 weeks × 6 virkedager + 1 = 25 (the 4 Sundays do not count).
    const v = checkPlan(year(fe('2026-07-06', 29))).filter((x) => x.rule.startsWith('VACATION-'));
    expect(v).toEqual([
      {
        rule: 'VACATION-ENTITLEMENT',
        employee: 'e1',
        date: null,
        severity: 'warning',
        source: 'ferieloven § 5 / HTA (avtalefestet ferie)',
        message:
          'Kari Nordmann har 25 virkedager ferie i planen (118,33 t), færre enn retten på 30 virkedager = 5 × 35,5 t × 80 % = 142 t (ferieloven § 5 og avtalefestet ferie).',
      },
    ]);
  });
  it('60+ is entitled to 36 virkedager (6 × 35,5 × 0,8 = 170,4 t); a holiday inside the vacation is no vacation day', () => {
    const v = ofRule(year(fe('2026-07-06', 35), { age60plus: true }), 'VACATION-ENTITLEMENT');
    expect(v[0].message).toContain('30 virkedager ferie i planen (142 t), færre enn retten på 36 virkedager = 6 × 35,5 t × 80 % = 170,4 t');
    // 5 weeks + 6 more virkedager over Christmas: 21–26 Dec has 25 and 26 Dec (holidays) → only 4 count.
    const v2 = ofRule(year([...fe('2026-07-06', 35), ...fe('2026-12-21', 6)], { age60plus: true }), 'VACATION-ENTITLEMENT');
    expect(v2[0].message).toContain('har 34 virkedager ferie');
    const more = ofRule(year([...fe('2026-07-06', 35), ...fe('2026-12-21', 1)]), 'VACATION-ENTITLEMENT');
    expect(more[0].message).toContain('31 virkedager ferie i planen (146,73 t), flere enn retten på 30');
  });
  it('a 3-month plan reports the days placed as info and does not pro-rate', () => {
    const plan = makePlan({
      period: { start: '2026-06-01', end: '2026-08-30' },
      employees: [
        { id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1 },
        { id: 'e2', name: 'Ola Hansen', competence: 'sykepleier', position: 1 },
      ],
      assignments: rows('e1', fe('2026-07-06', 14)),
    });
    const v = checkPlan(plan).filter((x) => x.rule.startsWith('VACATION-'));
    // 14 days from Mon 6 Jul = 2 weeks = 12 virkedager; 12 × 35,5/6 = 71 t. Ola has no vacation: no line.
    expect(v.map((x) => [x.rule, x.employee, x.severity, x.message])).toEqual([
      [
        'VACATION-PLACED',
        'e1',
        'info',
        'Kari Nordmann har 12 virkedager ferie i planen (71 t). Planen er ikke 12 måneder, så retten på 30 virkedager i ferieåret sammenlignes ikke.',
      ],
    ]);
  });
});

describe('docs/rules.md', () => {
  it('is the text generated from the catalogue', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { rulesMarkdown } = await import('../../../shared/rules/doc');
    expect(readFileSync(path.join(__dirname, '../../../docs/rules.md'), 'utf8')).toBe(rulesMarkdown());
  });
});
