// Red days by the law's windows (aml § 10-10 (1), lov 26.04.1947 § 2; plan-format.md «Red-day
// windows»), the plan's own period («Rows outside the period») and the report's red-day counts.
// Instants are written in UTC: Oslo is UTC+1 in winter, UTC+2 in summer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRedDay, osloToUtc, toDay } from '../../../shared/calendar';
import { windowLabel, zoneOf } from '../../../shared/plan/zones';
import { indexPlan } from '../../../shared/plan/plan-index';
import { checkPlan } from '../../../shared/rules/engine';
import { redDayStats } from '../../../shared/metrics/red-days';
import type { TurnusPlan } from '../../../shared/plan/model';
import { makePlan, rows } from './helpers';
import { arbPlan } from './arbitraries';

const iso = (min: number) => new Date(min * 60000).toISOString().slice(0, 16) + 'Z';
const win = (date: string) => {
  const z = zoneOf(toDay(date));
  return [iso(z.start), iso(z.end), windowLabel(z)];
};
const ofRule = (plan: TurnusPlan, rule: string) => checkPlan(plan).filter((v) => v.rule === rule);

describe('red-day windows', () => {
  it('Christmas 2027: 1. juledag (Sat) from julaften 15:00, 2. juledag (Sun) from Saturday 22:00', () => {
    expect(win('2027-12-25')).toEqual(['2027-12-24T14:00Z', '2027-12-25T21:00Z', 'fredag 15:00 – lørdag 22:00']);
    expect(win('2027-12-26')).toEqual(['2027-12-25T21:00Z', '2027-12-26T21:00Z', 'lørdag 22:00 – søndag 22:00']);
  });
  it('Easter 2028: skjærtorsdag 18:00, langfredag chained, 1. påskedag from påskeaften 15:00, 2. påskedag chained', () => {
    expect(win('2028-04-13')).toEqual(['2028-04-12T16:00Z', '2028-04-13T20:00Z', 'onsdag 18:00 – torsdag 22:00']);
    expect(win('2028-04-14')).toEqual(['2028-04-13T20:00Z', '2028-04-14T20:00Z', 'torsdag 22:00 – fredag 22:00']);
    expect(win('2028-04-16')).toEqual(['2028-04-15T13:00Z', '2028-04-16T20:00Z', 'lørdag 15:00 – søndag 22:00']);
    expect(win('2028-04-17')).toEqual(['2028-04-16T20:00Z', '2028-04-17T20:00Z', 'søndag 22:00 – mandag 22:00']);
  });
  it('17. mai on a Sunday (2026) is an ordinary Sunday; on a Wednesday (2028) it starts 22:00 the day before', () => {
    expect(win('2026-05-17')).toEqual(['2026-05-16T16:00Z', '2026-05-17T20:00Z', 'lørdag 18:00 – søndag 22:00']);
    expect(win('2028-05-17')).toEqual(['2028-05-16T20:00Z', '2028-05-17T20:00Z', 'tirsdag 22:00 – onsdag 22:00']);
    // 1. mai 2028 is a Monday after a Sunday: part of the chain, from Sunday 22:00.
    expect(win('2028-05-01')).toEqual(['2028-04-30T20:00Z', '2028-05-01T20:00Z', 'søndag 22:00 – mandag 22:00']);
  });
  it('every window ends 22:00 on its day and starts 15:00, 18:00 or 22:00 the day before; chained windows touch', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay('2024-01-01'), max: toDay('2032-12-31') }), (day) => {
        if (!isRedDay(day)) return;
        const z = zoneOf(day);
        expect(z.end).toBe(osloToUtc(day, 22 * 60));
        expect([15, 18, 22].map((h) => osloToUtc(day - 1, h * 60))).toContain(z.start);
        if (isRedDay(day - 1)) expect(z.start).toBe(zoneOf(day - 1).end);
      }),
      { numRuns: 400 },
    );
  });
});

describe('AML-SUNDAY by the windows', () => {
  const period = { start: '2027-12-20', end: '2028-01-09' };
  it('an A shift on julaften (15:00–22:30) is work on 1. juledag; working 2. juledag too is a breach', () => {
    const plan = makePlan({
      period,
      assignments: rows('e1', [
        ['2027-12-24', 'A'],
        ['2027-12-26', 'D'],
      ]),
    });
    const v = ofRule(plan, 'AML-SUNDAY');
    expect(v.map((x) => x.date)).toEqual(['2027-12-26']);
    expect(v[0].message).toContain('fredag 15:00 – lørdag 22:00');
  });
  it('a D shift on julaften (07:30–15:00) touches no window', () => {
    const plan = makePlan({
      period,
      assignments: rows('e1', [
        ['2027-12-24', 'D'],
        ['2027-12-26', 'D'],
      ]),
    });
    expect(ofRule(plan, 'AML-SUNDAY')).toEqual([]);
  });
  it('a night from Sunday 22:15 is not Sunday work, but a night from Saturday 22:15 is', () => {
    const p = { start: '2028-01-10', end: '2028-01-30' };
    expect(
      ofRule(
        makePlan({
          period: p,
          assignments: rows('e1', [
            ['2028-01-16', 'N'],
            ['2028-01-23', 'N'],
          ]),
        }),
        'AML-SUNDAY',
      ),
    ).toEqual([]);
    expect(
      ofRule(
        makePlan({
          period: p,
          assignments: rows('e1', [
            ['2028-01-15', 'N'],
            ['2028-01-22', 'N'],
          ]),
        }),
        'AML-SUNDAY',
      ).map((v) => v.date),
    ).toEqual(['2028-01-23']);
  });
});

describe('rows outside the period', () => {
  it("the previous plan's last shifts raise nothing in a clean plan", () => {
    // Context: L on 27–31 Dec 2027 (5 langvakter, 62,5 t in one week, 2 h rest) before a plan
    // that starts Mon 3 Jan 2028 with one D shift.
    const plan = makePlan({
      period: { start: '2028-01-03', end: '2028-01-30' },
      shiftTypes: [
        ...makePlan({ period: { start: '2028-01-03', end: '2028-01-03' } }).shiftTypes,
        { code: 'LL', start: '07:00', end: '21:00' },
      ],
      assignments: rows('e1', [
        ['2027-12-27', 'LL'],
        ['2027-12-28', 'LL'],
        ['2027-12-29', 'LL'],
        ['2027-12-30', 'LL'],
        ['2027-12-31', 'N'],
        ['2028-01-03', 'D'],
      ]),
    });
    expect(checkPlan(plan)).toEqual([]);
  });
  it("the rest between the previous plan's last shift and this plan's first is still checked", () => {
    const plan = makePlan({
      period: { start: '2028-01-03', end: '2028-01-30' },
      assignments: rows('e1', [
        ['2028-01-02', 'A'],
        ['2028-01-03', 'D'],
      ]),
    });
    expect(ofRule(plan, 'AML-REST-DAILY').map((v) => v.date)).toEqual(['2028-01-03']);
  });
  it('property: a plan made only of context rows has no violation of a shift rule', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const start = plan.period.start,
          end = plan.period.end;
        const outside = { ...plan, assignments: plan.assignments.filter((a) => a.date < start || a.date > end) };
        const shiftRules = checkPlan(outside).filter((v) => !['HOVEDFERIE', 'VACATION-ENTITLEMENT', 'VACATION-PLACED'].includes(v.rule));
        expect(shiftRules).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('red-day counts (report)', () => {
  it('Christmas 2027: A on julaften and D on 2. juledag are two worked red days; F3 owed after each', () => {
    const plan = makePlan({
      period: { start: '2027-12-20', end: '2028-01-02' },
      assignments: rows('e1', [
        ['2027-12-24', 'A'],
        ['2027-12-26', 'D'],
      ]),
    });
    const s = redDayStats(indexPlan(plan), 'e1');
    // Red days: Sun 19? no (before) — 25 (Sat), 26 (Sun), 1 Jan (Sat), 2 Jan (Sun) = 4.
    expect([s.redDays, s.worked, s.free]).toEqual([4, 2, 2]);
    expect(s.workedDates).toEqual(['2027-12-25', '2027-12-26']);
    // Main rule: after 25 (worked) 26 must be free (missing), after 26 (worked) 1 Jan (free).
    expect([s.f3OwedStrict, s.f3MissingStrict]).toEqual([2, 1]);
    // Averaging: ⌈4/2⌉ = 2 free, and 2 are free.
    expect([s.f3OwedAveraging, s.f3MissingAveraging]).toEqual([2, 0]);
  });
  it('F5 follows the holiday mode: a free holiday Mon–Sat counts under NONE, only Saturdays under MONFRI, none under MONSAT', () => {
    // Easter 2028: skjærtorsdag Thu 13, langfredag Fri 14, 2. påskedag Mon 17 free; no work.
    const base = makePlan({ period: { start: '2028-04-10', end: '2028-04-23' } });
    const f5 = (mode: 'NONE' | 'MONFRI_T_OVER_5' | 'MONSAT_T_OVER_6') =>
      redDayStats(indexPlan({ ...base, rules: { holidayReduction: mode } }), 'e1').f5;
    expect(f5('NONE')).toBe(3);
    expect(f5('MONFRI_T_OVER_5')).toBe(0);
    expect(f5('MONSAT_T_OVER_6')).toBe(0);
    // Christmas 2027: 1. juledag on a Saturday gives F5 under MONFRI.
    const xmas = makePlan({ period: { start: '2027-12-20', end: '2028-01-02' }, rules: { holidayReduction: 'MONFRI_T_OVER_5' } });
    expect(redDayStats(indexPlan(xmas), 'e1').f5).toBe(2); // 25 Dec and 1 Jan, both Saturdays
  });
  it('property: worked + free = red days; without context rows the strict misses equal the AML-SUNDAY breaches', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const own = {
          ...plan,
          rules: { ...plan.rules, agreements: { ...plan.rules?.agreements, sundayAveragingWeeks: 0 } },
          assignments: plan.assignments.filter((a) => a.date >= plan.period.start && a.date <= plan.period.end),
        };
        const index = indexPlan(own);
        const breaches = checkPlan(own).filter((v) => v.rule === 'AML-SUNDAY');
        for (const e of own.employees) {
          const s = redDayStats(index, e.id);
          expect(s.worked + s.free).toBe(s.redDays);
          expect(s.f3MissingStrict).toBe(breaches.filter((v) => v.employee === e.id).length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
