// Issue 15 «Working time as the law counts it»: the gap hour, LONG-SHIFT-CONSENT by hours, the
// night average by § 10-11 (6), weekend groups and frequency, the weekly-rest deficit, the norm
// derived from the plan, gjennomsnittsberegning and overtime, tillegg. Each with its arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, osloToUtc, toDay } from '../../../shared/calendar';
import { indexPlan } from '../../../shared/plan/plan-index';
import { weekendGroupOf, weekendNumber } from '../../../shared/plan/weekends';
import { derivedNorm } from '../../../shared/plan/norm';
import { averaging } from '../../../shared/plan/averaging';
import { fullTimeHours, targetHours } from '../../../shared/plan/hours';
import { tilleggHours } from '../../../shared/metrics/tillegg';
import { checkPlan } from '../../../shared/rules/engine';
import { AGREEMENT_KEYS, type TurnusPlan } from '../../../shared/plan/model';
import { makePlan, rows } from './helpers';
import { arbPlan } from './arbitraries';

const ofRule = (plan: TurnusPlan, rule: string) => checkPlan(plan).filter((v) => v.rule === rule);
const iso = (min: number) => new Date(min * 60000).toISOString().slice(0, 16) + 'Z';

describe('the spring-forward gap', () => {
  it('02:30 on 28 March 2027 is 01:30 UTC (fold 0); 01:59 is 00:59 UTC; 03:00 is 01:00 UTC', () => {
    const d = toDay('2027-03-28');
    expect(iso(osloToUtc(d, 150))).toBe('2027-03-28T01:30Z');
    expect(iso(osloToUtc(d, 119))).toBe('2027-03-28T00:59Z');
    expect(iso(osloToUtc(d, 180))).toBe('2027-03-28T01:00Z');
    // October: 02:30 on 31 Oct 2027 is the first occurrence (summer time) = 00:30 UTC.
    expect(iso(osloToUtc(toDay('2027-10-31'), 150))).toBe('2027-10-31T00:30Z');
  });
  it('a shift 02:30–07:30 on spring-forward day runs 01:30–05:30 UTC: 4 h (03:30–07:30 summer time)', () => {
    const plan = makePlan({
      period: { start: '2027-03-22', end: '2027-04-04' },
      shiftTypes: [{ code: 'G', start: '02:30', end: '07:30' }],
      assignments: rows('e1', [['2027-03-28', 'G']]),
    });
    const s = indexPlan(plan).employees[0].shifts[0];
    expect([iso(s.start), iso(s.end), s.paidHours]).toEqual(['2027-03-28T01:30Z', '2027-03-28T05:30Z', 4]);
  });
});

describe('LONG-SHIFT-CONSENT by paid hours', () => {
  it('an unflagged 12,5 h shift needs consent; a 10 h one does not', () => {
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-01-11' },
      shiftTypes: [
        { code: 'X', start: '08:00', end: '20:30' },
        { code: 'T', start: '08:00', end: '18:00' },
      ],
      assignments: rows('e1', [
        ['2026-01-06', 'X'],
        ['2026-01-08', 'T'],
      ]),
    });
    expect(ofRule(plan, 'LONG-SHIFT-CONSENT').map((v) => v.date)).toEqual(['2026-01-06']);
  });
  it('property: every shift in the period above 10 paid hours or flagged long is reported for a non-consenting employee', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const ix = indexPlan(plan);
        const v = checkPlan(plan).filter((x) => x.rule === 'LONG-SHIFT-CONSENT');
        for (const e of ix.employees) {
          const want = e.employee.consentsLongShifts
            ? 0
            : e.shifts.filter((s) => s.day >= ix.startDay && s.day <= ix.endDay && (s.long || s.paidHours > 10)).length;
          expect(v.filter((x) => x.employee === e.employee.id)).toHaveLength(want);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('AML-NIGHT-AVG deducts the statutory 35 h (§ 10-11 (6))', () => {
  // 19 nights of 9,5 h = 180,5 h in 4 weeks (Mon 4 Jan – Sun 31 Jan 2027). Limit: 8 × (672 − 4 × 35)/24
  // = 8 × 22,17 = 177,33 h, whatever rest an agreement allows (with 28 h it used to be 186,67 h).
  const nights = Array.from({ length: 19 }, (_, i) => [addDays('2027-01-04', Math.floor((i * 28) / 19)), 'N'] as [string, string]);
  const plan = makePlan({ period: { start: '2027-01-04', end: '2027-01-31' }, assignments: rows('e1', nights) });
  it('19 nights pass neither with 35 h nor with a 28 h agreement', () => {
    expect(ofRule(plan, 'AML-NIGHT-AVG').map((v) => v.date)).toEqual(['2027-01-04']);
    const agreed = { ...plan, rules: { agreements: { weeklyRestMinHours: 28 } } };
    const v = ofRule(agreed, 'AML-NIGHT-AVG');
    expect(v.map((x) => x.date)).toEqual(['2027-01-04']);
    expect(v[0].message).toContain('180,5 t');
    expect(v[0].message).toContain('22,17 døgn');
  });
  it('18 nights (171 h) pass', () => {
    expect(ofRule({ ...plan, assignments: plan.assignments.slice(0, 18) }, 'AML-NIGHT-AVG')).toEqual([]);
  });
});

describe('weekend groups and frequency', () => {
  it('weekendNumber counts weeks from the anchor; the group is n mod k, also before the anchor', () => {
    const a = toDay('2026-01-10');
    expect(weekendNumber(toDay('2026-01-10'), a)).toBe(0);
    expect(weekendNumber(toDay('2026-01-18'), a)).toBe(1);
    expect(weekendNumber(toDay('2026-01-03'), a)).toBe(-1);
    expect(weekendGroupOf(toDay('2026-01-03'), a, 4)).toBe(3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 6 }), (off, k) => {
        const d = toDay('2024-01-01') + off;
        expect(weekendGroupOf(d + 7 * k, a, k)).toBe(weekendGroupOf(d, a, k));
        expect(weekendGroupOf(d, a, k)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
  it("WEEKEND-GROUP: a shift on another group's weekend is a warning on its Saturday", () => {
    // Period from Mon 5 Jan 2026; default anchor = Sat 10 Jan (group 0). e1 is group 1: 17 Jan.
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-02-01' },
      unit: { name: 'T', weekendFrequency: 4 },
      employees: [{ id: 'e1', name: 'Kari', competence: 'sykepleier', position: 1, weekendGroup: 1 }],
      assignments: rows('e1', [
        ['2026-01-17', 'D'],
        ['2026-01-18', 'D'],
        ['2026-01-23', 'N'],
      ]),
    });
    const v = ofRule(plan, 'WEEKEND-GROUP');
    // Fri 23 Jan N (22:15–07:45) overlaps Sat 24 Jan by 7,75 h: weekend 2 (group 2).
    expect(v.map((x) => [x.date, x.severity])).toEqual([['2026-01-24', 'warning']]);
    // With the anchor one week later, 17 Jan is group 0 and 24 Jan group 1.
    const moved = ofRule({ ...plan, unit: { ...plan.unit, weekendAnchor: '2026-01-17' } }, 'WEEKEND-GROUP');
    expect(moved.map((x) => x.date)).toEqual(['2026-01-17']);
  });
  it('WEEKEND-FREQUENCY takes vacation weekends out: 2 worked of 4, 2 on vacation → ⌈2/2⌉ = 1 allowed', () => {
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-02-01' },
      unit: { name: 'T', weekendFrequency: 2 },
      assignments: rows('e1', [
        ['2026-01-10', 'D'],
        ['2026-01-17', 'FE'],
        ['2026-01-24', 'D'],
        ['2026-01-31', 'FE'],
      ]),
    });
    const v = ofRule(plan, 'WEEKEND-FREQUENCY');
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain('2 av 2 tilgjengelige helger (4 i perioden, 2 med ferie trukket fra; høyst 1');
  });
});

describe('AML-REST-WEEKLY-COMP: a deficit under a 28 h agreement is followed', () => {
  // A week of D Mon–Fri (ends Fri 15:00) and N Sat 22:15 → Sun 07:45: the longest rest inside the
  // week is Fri 15:00 → Sat 22:15 = 31,25 h (Sun 07:45 → Mon 00:00 is 16,25 h): ≥ 28 h agreed,
  // 3,75 h short of 35 h.
  const week = (m: string) =>
    [
      [m, 'D'],
      [addDays(m, 1), 'D'],
      [addDays(m, 2), 'D'],
      [addDays(m, 3), 'D'],
      [addDays(m, 4), 'D'],
      [addDays(m, 5), 'N'],
    ] as [string, string][];
  const base = makePlan({ period: { start: '2026-01-05', end: '2026-03-01' }, rules: { agreements: { weeklyRestMinHours: 28 } } });
  it('every week at 31,25 h: the first deficit is not repaid within the next 4 weeks', () => {
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'];
    const plan = { ...base, assignments: rows('e1', weeks.flatMap(week)) };
    expect(ofRule(plan, 'AML-REST-WEEKLY')).toEqual([]);
    const v = ofRule(plan, 'AML-REST-WEEKLY-COMP');
    expect(v[0].date).toBe('2026-01-05');
    expect(v[0].message).toContain('bare 31,25 t');
    expect(v[0].message).toContain('3,75 t av underskuddet');
    // The deficit of week 1 is repaid by a free week 2 (168 h ≥ 35 + 3,75).
    const repaid = { ...base, assignments: rows('e1', [...week('2026-01-05')]) };
    expect(ofRule(repaid, 'AML-REST-WEEKLY-COMP')).toEqual([]);
    // Without the agreement the rule does not apply (AML-REST-WEEKLY reports 31,25 h < 35 h).
    expect(ofRule({ ...plan, rules: {} }, 'AML-REST-WEEKLY-COMP')).toEqual([]);
  });
});

describe('the weekly norm derived from the plan', () => {
  it('tredelt: D, A and N with every other Sunday gives 37,5 − S·10/60 − N·15/60', () => {
    // 4 weeks from Mon 2 Nov 2026: each week N Mon (22:15–07:45: 8 night h 22:15–06:00 = 7,75),
    // D Tue, A Wed, D Thu; plus D on Sundays 8 and 22 Nov (7,5 h in the window each).
    const pairs: [string, string][] = [];
    for (let w = 0; w < 4; w++) {
      const m = addDays('2026-11-02', 7 * w);
      pairs.push([m, 'N'], [addDays(m, 1), 'D'], [addDays(m, 2), 'A'], [addDays(m, 3), 'D']);
    }
    pairs.push(['2026-11-08', 'D'], ['2026-11-22', 'D']);
    const plan = makePlan({ period: { start: '2026-11-02', end: '2026-11-29' }, assignments: rows('e1', pairs) });
    const n = derivedNorm(indexPlan(plan), 'e1');
    expect(n.kind).toBe('TREDELT');
    // N = (4 × 7,75 + 4 × 1,5 (A 21:00–22:30)) / 4 = 9,25 h/week; S = 2 × 7,5 / 4 = 3,75 h/week.
    expect(n.tredelt.nightHoursPerWeek).toBeCloseTo(9.25, 9);
    expect(n.tredelt.sundayHoursPerWeek).toBeCloseTo(3.75, 9);
    // 37,5 − 3,75/6 − 9,25/4 = 37,5 − 0,625 − 2,3125 = 34,5625.
    expect(n.weeklyHours).toBeCloseTo(34.5625, 9);
    expect(n.lawWeeklyHours).toBe(38);
    // «Fra planen»: the target uses it. 28 days: 34,5625 × 4 = 138,25 h at 100 %.
    const ix = indexPlan({ ...plan, employees: [{ ...plan.employees[0], weeklyHoursFromPlan: true }] });
    expect(fullTimeHours(ix, 'e1')).toBeCloseTo(138.25, 9);
    expect(targetHours(indexPlan(plan), 'e1')).toBeCloseTo(142, 9); // default 35,5 × 4
  });
  it('day-only work gives 37,5; mainly night gives 35,5', () => {
    const days = makePlan({
      period: { start: '2026-11-02', end: '2026-11-29' },
      assignments: rows('e1', [
        ['2026-11-02', 'D'],
        ['2026-11-03', 'D'],
      ]),
    });
    expect(derivedNorm(indexPlan(days), 'e1').kind).toBe('DAG');
    const nights = makePlan({
      period: { start: '2026-11-02', end: '2026-11-29' },
      assignments: rows('e1', [
        ['2026-11-02', 'N'],
        ['2026-11-03', 'N'],
      ]),
    });
    const n = derivedNorm(indexPlan(nights), 'e1');
    // N 22:15–07:45: 7,75 of 9,5 h at night = 81,6 % ≥ 75 %.
    expect([n.kind, n.weeklyHours]).toEqual(['TURNUS_355', 35.5]);
  });
  it('property: the derived norm is between 33,6 and 37,5 h and the law limit is 36, 38 or 40', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const ix = indexPlan(plan);
        for (const e of plan.employees) {
          const n = derivedNorm(ix, e.id);
          expect(n.weeklyHours).toBeGreaterThanOrEqual(33.6 - 1e-9);
          expect(n.weeklyHours).toBeLessThanOrEqual(37.5 + 1e-9);
          expect([36, 38, 40]).toContain(n.lawWeeklyHours);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('gjennomsnittsberegning and overtime', () => {
  it('45 h a week for 8 weeks: average above the 38 h limit of a turnus contract, 76 h overtime', () => {
    // 6 × 7,5 h D Mon–Sat for 8 weeks from Mon 4 Jan 2027 = 360 h = 45 h/week.
    const pairs: [string, string][] = [];
    for (let w = 0; w < 8; w++) for (let d = 0; d < 6; d++) pairs.push([addDays('2027-01-04', 7 * w + d), 'D']);
    const plan = makePlan({ period: { start: '2027-01-04', end: '2027-02-28' }, assignments: rows('e1', pairs) });
    const a = averaging(indexPlan(plan), 'e1');
    expect(a.avgWeekly).toBeCloseTo(45, 9);
    expect(a.lawNorm).toBe(38);
    expect(a.weeksAbove).toBe(8);
    // Balance: 360 − 35,5 × 8 = 76 h; all of it beyond full time: overtime.
    expect(a.balance).toBeCloseTo(76, 9);
    expect(a.overtimeHours).toBeCloseTo(76, 9);
    expect(ofRule(plan, 'AML-AVG-NORM').map((v) => v.date)).toEqual(['2027-01-04']);
    expect(ofRule(plan, 'OVERTIME-PLANNED')[0].message).toContain('76 t mer enn full stilling');
    // With a 4-week averaging agreement: two blocks, both over.
    const blocks = ofRule({ ...plan, rules: { averagingWeeks: 4 } }, 'AML-AVG-NORM');
    expect(blocks.map((v) => v.date)).toEqual(['2027-01-04', '2027-02-01']);
  });
  it('property: block hours sum to the plan hours; overtime and merarbeid are never negative', () => {
    fc.assert(
      fc.property(arbPlan, fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }), (plan, w) => {
        const p = { ...plan, rules: { ...plan.rules, ...(w ? { averagingWeeks: w } : {}) } };
        const ix = indexPlan(p);
        for (const e of p.employees) {
          const a = averaging(ix, e.id);
          expect(a.blocks.reduce((x, b) => x + b.hours, 0)).toBeCloseTo(a.hours, 6);
          expect(a.overtimeHours).toBeGreaterThanOrEqual(0);
          expect(a.extraHours).toBeGreaterThanOrEqual(0);
          expect(a.weeksAbove + a.weeksBelow).toBeLessThanOrEqual(a.weeks + 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('tillegg hours', () => {
  it('julaften A 15:00–22:30 (Fri 24 Dec 2027): 7,5 h from 12:00 helge-/høytid, 4 h evening, 1,5 h night', () => {
    const plan = makePlan({
      period: { start: '2027-12-20', end: '2027-12-26' },
      assignments: rows('e1', [
        ['2027-12-24', 'A'],
        ['2027-12-25', 'D'],
        ['2027-12-26', 'N'],
      ]),
    });
    const h = tilleggHours(indexPlan(plan), 'e1');
    // A: 7,5 h holiday (from 12:00 julaften); D Sat 25 Dec: 7,5 h holiday (1. juledag), not weekend;
    // N Sun 26 Dec 22:15 → Mon 07:45: 1,75 h on 2. juledag (holiday), 7,75 h on Monday.
    expect(h.holiday).toBeCloseTo(7.5 + 7.5 + 1.75, 9);
    expect(h.weekend).toBeCloseTo(0, 9);
    expect(h.evening).toBeCloseTo(4, 9);
    expect(h.night).toBeCloseTo(1.5 + 7.75, 9);
  });
  it('property: weekend + holiday hours never exceed the elapsed hours', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const ix = indexPlan(plan);
        for (const e of ix.employees) {
          const h = tilleggHours(ix, e.employee.id);
          const elapsed = e.shifts
            .filter((s) => s.day >= ix.startDay && s.day <= ix.endDay)
            .reduce((x, s) => x + (s.end - s.start) / 60, 0);
          expect(h.weekend + h.holiday).toBeLessThanOrEqual(elapsed + 1e-9);
          expect(h.evening + h.night).toBeLessThanOrEqual(elapsed + 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('properties of the new rules', () => {
  it('WEEKEND-GROUP: every warning is on a Saturday of another group, and none without weekendFrequency', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const v = checkPlan(plan).filter((x) => x.rule === 'WEEKEND-GROUP');
        if (!plan.unit.weekendFrequency) {
          expect(v).toEqual([]);
          return;
        }
        const ix = indexPlan(plan);
        const k = plan.unit.weekendFrequency;
        const anchor = plan.unit.weekendAnchor ? toDay(plan.unit.weekendAnchor as string) : undefined;
        for (const x of v) {
          const sat = toDay(x.date!);
          expect((sat + 3) % 7).toBe(5); // a Saturday (isoWeekday 5)
          const g = plan.employees.find((e) => e.id === x.employee)!.weekendGroup!;
          const a = anchor ?? toDay(ix.plan.period.start) + ((5 - ((toDay(ix.plan.period.start) + 3) % 7) + 7) % 7);
          expect(weekendGroupOf(sat, a, k)).not.toBe(g % k);
        }
      }),
      { numRuns: 150 },
    );
  });
  it('AGREEMENT-ON-FILE never fires when every relaxed limit has a record valid for the period', () => {
    const keys = AGREEMENT_KEYS;
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const records = keys.map((key) => ({ key, signedDate: '2020-01-01', parties: 'Partene' }));
        const v = checkPlan({ ...plan, rules: { ...plan.rules, agreementRecords: records } }).filter((x) => x.rule === 'AGREEMENT-ON-FILE');
        expect(v).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
  it('AML-REST-WEEKLY-COMP only with a weekly-rest agreement below 35 h, dated on Mondays inside the period', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const v = checkPlan(plan).filter((x) => x.rule === 'AML-REST-WEEKLY-COMP');
        const weekly = plan.rules?.agreements?.weeklyRestMinHours ?? 35;
        if (weekly >= 35) expect(v).toEqual([]);
        for (const x of v) {
          expect((toDay(x.date!) + 3) % 7).toBe(0);
          expect(x.date! >= plan.period.start && x.date! <= plan.period.end).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
  it('AML-AVG-NORM and OVERTIME-PLANNED agree with the averaging figures', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const ix = indexPlan(plan);
        const v = checkPlan(plan);
        for (const e of plan.employees) {
          const a = averaging(ix, e.id);
          expect(v.filter((x) => x.rule === 'AML-AVG-NORM' && x.employee === e.id).length).toBe(a.blocks.filter((b) => b.overLaw).length);
          expect(v.filter((x) => x.rule === 'OVERTIME-PLANNED' && x.employee === e.id).length).toBe(
            a.blocks.filter((b) => b.overtimeHours > 0.005).length,
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('agreements as evidence', () => {
  it('AGREEMENT-ON-FILE: a relaxed limit used without a recorded agreement is a warning; an expired record does not count', () => {
    // A 9 h rest under a 9 h agreement (A Mon ends 22:30, K Tue 07:30).
    const plan: TurnusPlan = {
      ...makePlan({ period: { start: '2025-11-03', end: '2025-11-09' } }),
      rules: { agreements: { dailyRestMinHours: 9 } },
      shiftTypes: [
        ...makePlan({ period: { start: '2025-11-03', end: '2025-11-09' } }).shiftTypes,
        { code: 'K', start: '07:30', end: '12:00' },
      ],
      assignments: rows('e1', [
        ['2025-11-03', 'A'],
        ['2025-11-04', 'K'],
      ]),
    };
    const v = ofRule(plan, 'AGREEMENT-ON-FILE');
    expect(v.map((x) => [x.date, x.severity])).toEqual([[null, 'warning']]);
    expect(v[0].message).toContain(
      'rules.agreements.dailyRestMinHours = 9 (døgnhvile 9 t; krever avtale med tillitsvalgte, aml § 10-8 (3))',
    );
    const rec = { key: 'dailyRestMinHours' as const, signedDate: '2025-01-15', parties: 'NSF' };
    expect(ofRule({ ...plan, rules: { ...plan.rules, agreementRecords: [rec] } }, 'AGREEMENT-ON-FILE')).toEqual([]);
    expect(
      ofRule({ ...plan, rules: { ...plan.rules, agreementRecords: [{ ...rec, validUntil: '2025-10-31' }] } }, 'AGREEMENT-ON-FILE'),
    ).toHaveLength(1);
    // The statutory 11 h needs no agreement: nothing to warn about even with a 9 h rest (that is AML-REST-DAILY).
    expect(ofRule({ ...plan, rules: {} }, 'AGREEMENT-ON-FILE')).toEqual([]);
  });
});
