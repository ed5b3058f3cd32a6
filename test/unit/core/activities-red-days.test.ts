// Issues 14/15/17: timed meetings and courses are work for the red-day rules (AML-SUNDAY,
// AML-SUNDAY-4W, the red-day counts of the report and the review pack), for the working days of
// MAX-CONSECUTIVE-DAYS and for the weekend rules (WEEKEND-FREQUENCY, WEEKEND-GROUP): a meeting on
// a Sunday 12:00–15:00 is Sunday work, a course on 17. mai is red-day work, a day with only a
// meeting is a working day, a Saturday course is a worked weekend.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isRedDay, isoWeekday, toDay } from '../../../shared/calendar';
import type { PlanActivity, TurnusPlan } from '../../../shared/plan/model';
import { indexPlan } from '../../../shared/plan/plan-index';
import { workDays, workPeriods } from '../../../shared/plan/work-periods';
import { activitySpans } from '../../../shared/plan/activities';
import { redDayWorkOf, redDaysBetween, zoneOf } from '../../../shared/plan/zones';
import { WEEKEND_MIN_OVERLAP_MINUTES, shiftWeekendMinutes, weekendHours, workedWeekends } from '../../../shared/plan/weekends';
import { redDayStats } from '../../../shared/metrics/red-days';
import { holidaysWorked } from '../../../shared/review/analysis';
import { checkPlan } from '../../../shared/rules/engine';
import { makePlan, rows } from './helpers';
import { arbPlan } from './arbitraries';
import { expectActivitiesOnlyAdd, expectIncrementalEqualsFull } from './engine-properties';

const ofRule = (plan: TurnusPlan, rule: string) => checkPlan(plan).filter((v) => v.rule === rule);
const act = (date: string, start: string, end: string, code = 'MØTE'): PlanActivity => ({ code, date, start, end, employees: 'all' });

// Monday 1 – Sunday 14 March 2027: Sundays 7 and 14 March, no holiday, no DST change.
const march = { period: { start: '2027-03-01', end: '2027-03-14' } };

describe('a meeting on a Sunday is Sunday work (aml § 10-10 (1))', () => {
  // D Sunday 7 March; meeting Sunday 14 March 12:00–15:00: two red days in a row worked.
  const plan = makePlan({ ...march, assignments: rows('e1', [['2027-03-07', 'D']]), activities: [act('2027-03-14', '12:00', '15:00')] });

  it('AML-SUNDAY on the second Sunday, naming the window; none without the meeting', () => {
    const v = ofRule(plan, 'AML-SUNDAY');
    expect(v.map((x) => x.date)).toEqual(['2027-03-14']);
    expect(v[0].message).toContain('lørdag 18:00 – søndag 22:00');
    expect(ofRule({ ...plan, activities: [] }, 'AML-SUNDAY')).toEqual([]);
  });

  it('the window starts Saturday 18:00: a meeting 16:00–18:00 only touches it, 17:00–19:00 is in it', () => {
    const touch = { ...plan, activities: [act('2027-03-13', '16:00', '18:00')] };
    expect(ofRule(touch, 'AML-SUNDAY')).toEqual([]);
    const inside = { ...plan, activities: [act('2027-03-13', '17:00', '19:00')] };
    expect(ofRule(inside, 'AML-SUNDAY').map((x) => x.date)).toEqual(['2027-03-14']);
  });

  it('the report counts the Sunday as worked: 2 of 2 worked, 1 F3 owed and missing', () => {
    const s = redDayStats(indexPlan(plan), 'e1');
    expect([s.redDays, s.worked, s.free, s.workedDates]).toEqual([2, 2, 0, ['2027-03-07', '2027-03-14']]);
    expect([s.f3OwedStrict, s.f3MissingStrict]).toEqual([1, 1]);
  });
});

describe('a course on 17. mai is red-day work', () => {
  // May 2028: Sunday 14, Wednesday 17 (window Tuesday 22:00 – Wednesday 22:00), Sunday 21.
  const plan = makePlan({
    period: { start: '2028-05-08', end: '2028-05-21' },
    assignments: rows('e1', [['2028-05-14', 'D']]),
    activities: [act('2028-05-17', '09:00', '15:00', 'KURS')],
  });

  it('D Sunday 14 May and a course Wednesday 17 May: AML-SUNDAY dated 17 May, window from tirsdag 22:00', () => {
    const v = ofRule(plan, 'AML-SUNDAY');
    expect(v.map((x) => x.date)).toEqual(['2028-05-17']);
    expect(v[0].message).toContain('tirsdag 22:00 – onsdag 22:00');
    expect(ofRule({ ...plan, activities: [] }, 'AML-SUNDAY')).toEqual([]);
  });

  it('the review pack and the report count 17. mai as a holiday worked', () => {
    const ix = indexPlan(plan);
    expect(holidaysWorked(ix, 'e1')).toBe(1);
    expect(redDayStats(ix, 'e1').workedDates).toEqual(['2028-05-14', '2028-05-17']);
    expect(holidaysWorked(indexPlan({ ...plan, activities: [] }), 'e1')).toBe(0);
  });

  it('a course on Tuesday 16 May ending 22:00 only touches the window: not red-day work', () => {
    const p = { ...plan, activities: [act('2028-05-16', '18:00', '22:00', 'KURS')] };
    expect(holidaysWorked(indexPlan(p), 'e1')).toBe(0);
  });
});

describe('a day with only a meeting is a working day (MAX-CONSECUTIVE-DAYS)', () => {
  const sixDays = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06'];

  it('D Monday–Saturday and a meeting Sunday 10:00–12:00: the 7th working day in a row, dated Sunday', () => {
    const plan = makePlan({
      ...march,
      assignments: rows(
        'e1',
        sixDays.map((d) => [d, 'D']),
      ),
      activities: [act('2027-03-07', '10:00', '12:00')],
    });
    const v = ofRule(plan, 'MAX-CONSECUTIVE-DAYS');
    expect(v.map((x) => x.date)).toEqual(['2027-03-07']);
    expect(v[0].message).toContain('7. arbeidsdag på rad');
    expect(ofRule({ ...plan, activities: [] }, 'MAX-CONSECUTIVE-DAYS')).toEqual([]);
  });

  it('a meeting wholly inside the Saturday night shift adds no work, so Sunday stays free; one right after it does not', () => {
    // D Monday–Friday, N Saturday 22:15 → Sunday 07:45.
    const a = rows('e1', [...sixDays.slice(0, 5).map((d): [string, string] => [d, 'D']), ['2027-03-06', 'N']]);
    const inside = makePlan({ ...march, assignments: a, activities: [act('2027-03-07', '06:00', '07:00')] });
    expect(ofRule(inside, 'MAX-CONSECUTIVE-DAYS')).toEqual([]);
    const after = { ...inside, activities: [act('2027-03-07', '07:45', '09:00')] };
    expect(ofRule(after, 'MAX-CONSECUTIVE-DAYS').map((x) => x.date)).toEqual(['2027-03-07']);
  });
});

describe('a Saturday course is weekend work (WEEKEND-GROUP, WEEKEND-FREQUENCY, weekends worked)', () => {
  // Every 4th weekend; group 0 works the weekend of Saturday 6 March, Kari is in group 1
  // (Saturday 13 March).
  const unit = { name: 'Testavdeling', weekendFrequency: 4, weekendAnchor: '2027-03-06' };
  const employees = [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1, weekendGroup: 1 }];
  const plan = makePlan({
    ...march,
    unit,
    employees,
    assignments: rows('e1', [['2027-03-13', 'D']]),
    activities: [act('2027-03-06', '09:00', '15:00', 'KURS')],
  });

  it('a 6 h course on group 0’s Saturday: WEEKEND-GROUP on 6 March, two weekends worked in a row', () => {
    expect(ofRule(plan, 'WEEKEND-GROUP').map((v) => v.date)).toEqual(['2027-03-06']);
    const f = ofRule(plan, 'WEEKEND-FREQUENCY');
    expect(f.length).toBe(1);
    expect(f[0].message).toContain('to helger på rad fra lør. 06.03.2027');
    const ix = indexPlan(plan);
    expect(workedWeekends(ix, 'e1')).toEqual([toDay('2027-03-06'), toDay('2027-03-13')]);
    expect(weekendHours(ix, 'e1')).toBeCloseTo(6 + 7.5, 6);
  });

  it('a meeting of one hour does not make a worked weekend (more than one hour is needed)', () => {
    const p = { ...plan, activities: [act('2027-03-06', '10:00', '11:00')] };
    expect(ofRule(p, 'WEEKEND-GROUP')).toEqual([]);
    expect(ofRule(p, 'WEEKEND-FREQUENCY')).toEqual([]);
    expect(workedWeekends(indexPlan(p), 'e1')).toEqual([toDay('2027-03-13')]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const TIMES = ['00:00', '06:00', '07:45', '12:00', '16:00', '17:00', '20:00', '22:00', '23:00'];
/** arbPlan with up to 6 timed activities, most of them on red days, Saturdays and the eves. */
const arbRedActivities = arbPlan.chain((plan) => {
  const start = toDay(plan.period.start),
    len = toDay(plan.period.end) - start + 1;
  const hot: number[] = [];
  for (let o = 0; o < len; o++) if (isRedDay(start + o) || isRedDay(start + o + 1) || isoWeekday(start + o) === 6) hot.push(o);
  const offset =
    hot.length > 0 ? fc.oneof(fc.constantFrom(...hot), fc.integer({ min: 0, max: len - 1 })) : fc.integer({ min: 0, max: len - 1 });
  const one = fc.record({
    offset,
    start: fc.constantFrom(...TIMES),
    hours: fc.integer({ min: 1, max: 8 }),
    who: fc.option(fc.constantFrom(...plan.employees.map((e) => e.id)), { nil: undefined }),
  });
  return fc.array(one, { maxLength: 6 }).map((list) => ({
    ...plan,
    activities: list.map((a): PlanActivity => {
      const [h, m] = a.start.split(':').map(Number);
      const end = `${String((h + a.hours) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      return {
        code: a.hours > 4 ? 'KURS' : 'MØTE',
        date: addDays(plan.period.start, a.offset),
        start: a.start,
        end,
        employees: a.who ? [a.who] : 'all',
      };
    }),
  }));
});

describe('properties with activities on red days, Saturdays and eves', () => {
  it('a red day is worked exactly when a work period (shift + touching activities) overlaps its window', () => {
    fc.assert(
      fc.property(arbRedActivities, (plan) => {
        const ix = indexPlan(plan);
        for (const emp of ix.employees) {
          const work = workPeriods(ix, emp);
          const any = redDayWorkOf(ix, emp);
          const own = redDayWorkOf(ix, emp, ix.startDay, ix.endDay);
          for (const d of redDaysBetween(ix.startDay, ix.endDay)) {
            const z = zoneOf(d);
            const hit = work.filter((p) => p.start < z.end && p.end > z.start);
            expect(any(d)).toBe(hit.length > 0);
            // The plan's own: a period dated in the period or one holding an activity.
            expect(own(d)).toBe(hit.some((p) => p.activityHours !== undefined || (p.day >= ix.startDay && p.day <= ix.endDay)));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('MAX-CONSECUTIVE-DAYS = the runs of days with a shift or an activity that adds hours', () => {
    fc.assert(
      fc.property(arbRedActivities, (plan) => {
        const ix = indexPlan(plan);
        const max = plan.rules?.maxConsecutiveDays ?? 6;
        const got = new Set(ofRule(plan, 'MAX-CONSECUTIVE-DAYS').map((v) => `${v.employee} ${v.date}`));
        const want = new Set<string>();
        for (const emp of ix.employees) {
          const days = new Set(emp.shifts.map((s) => s.day));
          for (const x of activitySpans(ix, emp.employee.id)) if (x.hours - x.coveredHours > 1e-9) days.add(toDay(x.date));
          const sorted = [...days].sort((a, b) => a - b);
          expect(workDays(ix, emp)).toEqual(sorted);
          for (let i = 0; i < sorted.length; ) {
            let j = i;
            while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
            if (sorted[j] - sorted[i] + 1 > max && sorted[i] <= ix.endDay && sorted[j] >= ix.startDay)
              want.add(`${emp.employee.id} ${addDays(plan.period.start, sorted[i] + max - ix.startDay)}`);
            i = j + 1;
          }
        }
        expect([...got].sort()).toEqual([...want].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('a weekend is worked exactly when a work period overlaps it by more than one hour; activities only add worked weekends', () => {
    fc.assert(
      fc.property(arbRedActivities, (plan) => {
        const ix = indexPlan(plan);
        const bare = indexPlan({ ...plan, activities: [] });
        for (const emp of ix.employees) {
          const id = emp.employee.id;
          const worked = workedWeekends(ix, id);
          const want = new Set<number>();
          for (const p of workPeriods(ix, emp)) {
            const w = shiftWeekendMinutes(p);
            if (w.minutes > WEEKEND_MIN_OVERLAP_MINUTES && w.saturday >= ix.startDay && w.saturday + 1 <= ix.endDay) want.add(w.saturday);
          }
          expect(worked).toEqual([...want].sort((a, b) => a - b));
          for (const sat of workedWeekends(bare, id)) expect(worked).toContain(sat);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('under strict alternation an activity never removes an AML-SUNDAY breach (it only adds red-day work)', () => {
    const strict = arbRedActivities.filter((plan) => !plan.rules?.agreements?.sundayAveragingWeeks);
    expectActivitiesOnlyAdd(strict, (p) => ofRule(p, 'AML-SUNDAY').map((v) => `${v.employee} ${v.date}`), 100);
  });

  it('the incremental checker equals a full check (red-day, weekend and consecutive-day rules with activities)', () => {
    expectIncrementalEqualsFull(arbRedActivities, 40);
  });
});
