// Issues 14/15: timed meetings and courses are work for the rest and hour rules (one function,
// shared/plan/work-periods.ts): the 11 h daily rest after a night, the longest day, the week, the
// weekly rest and the average, with no double counting of a meeting held inside a shift.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDay } from '../../../shared/calendar';
import type { PlanActivity, TurnusPlan } from '../../../shared/plan/model';
import { indexPlan } from '../../../shared/plan/plan-index';
import { workPeriods } from '../../../shared/plan/work-periods';
import { activityHours, activitySpans } from '../../../shared/plan/activities';
import { plannedHours } from '../../../shared/plan/hours';
import { averaging } from '../../../shared/plan/averaging';
import { checkPlan } from '../../../shared/rules/engine';
import { makePlan, rows } from './helpers';
import { arbWithActivities } from './arbitraries';
import { expectActivitiesOnlyAdd, expectIncrementalEqualsFull } from './engine-properties';

const ofRule = (plan: TurnusPlan, rule: string) => checkPlan(plan).filter((v) => v.rule === rule);
// Named: a named participant is never excused (a meeting for all would excuse her from a meeting
// too close to her shift, activity-excusal.test.ts), so the conflicts below stay rule hits.
const meeting = (date: string, start: string, end: string, code = 'MØTE'): PlanActivity => ({ code, date, start, end, employees: ['e1'] });

// Week of Monday 1 March 2027 (no DST change, no holiday).
const base = {
  period: { start: '2027-03-01', end: '2027-03-14' },
  shiftTypes: [
    { code: 'D', start: '07:30', end: '15:00' },
    { code: 'N', start: '22:00', end: '07:30' },
    { code: 'L', start: '08:00', end: '20:30', long: true },
  ],
  employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1, consentsLongShifts: true }],
};

describe('a meeting after a night shift', () => {
  // N Mon 1 Mar 22:00 → Tue 07:30; meeting Tue 12:00–15:00: rest 07:30 → 12:00 = 4,5 h < 11 h.
  const plan = makePlan({ ...base, assignments: rows('e1', [['2027-03-01', 'N']]), activities: [meeting('2027-03-02', '12:00', '15:00')] });

  it('breaks the 11 h daily rest: AML-REST-DAILY on the meeting day, 4,5 h of rest', () => {
    const v = ofRule(plan, 'AML-REST-DAILY');
    expect(v.map((x) => x.date)).toEqual(['2027-03-02']);
    expect(v[0].message).toContain('bare 4,5 t hvile');
    // Without the meeting the night is followed by nothing: no breach.
    expect(ofRule({ ...plan, activities: [] }, 'AML-REST-DAILY')).toEqual([]);
  });

  it('unless the unit records delt vakt and the pair fits it (3 h + 9,5 h within 13 h is not a split shift: 17 h in all)', () => {
    // Start 22:00 → end 15:00 = 17 h > 24 − 11: not one work period, so still a breach.
    const p = { ...plan, rules: { splitShiftMaxBreakHours: 8 } };
    expect(ofRule(p, 'AML-REST-DAILY').map((x) => x.date)).toEqual(['2027-03-02']);
  });

  it('counts the meeting hours in planned and average hours: 9,5 + 3 = 12,5', () => {
    const ix = indexPlan(plan);
    expect(plannedHours(ix, 'e1')).toBeCloseTo(12.5, 6);
    expect(averaging(ix, 'e1').hours).toBeCloseTo(12.5, 6);
  });
});

describe('a meeting right after a night shift of the previous plan (a context row)', () => {
  it('joins that night for the rest rules but counts in this plan on its own date', () => {
    // N Sun 28 Feb (before the period) 22:00 → Mon 07:30; meeting Mon 1 Mar 07:30–09:30.
    const plan = makePlan({
      ...base,
      assignments: rows('e1', [['2027-02-28', 'N']]),
      activities: [meeting('2027-03-01', '07:30', '09:30')],
    });
    const ix = indexPlan(plan);
    const w = workPeriods(ix, ix.employees[0]);
    expect(w.map((p) => [p.code, (p.end - p.start) / 60])).toEqual([['N + MØTE', 11.5]]);
    expect(plannedHours(ix, 'e1')).toBeCloseTo(2, 6);
    expect(plannedHours(ix, 'e1', toDay('2027-03-01'), toDay('2027-03-01'))).toBeCloseTo(2, 6);
    expect(averaging(ix, 'e1').hours).toBeCloseTo(2, 6);
  });
});

describe('a meeting inside a D shift', () => {
  // D 07:30–15:00 Mon–Fri (5 × 7,5 = 37,5 h), meeting 13:00–14:00 Wednesday.
  const days = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'];
  const plan = makePlan({
    ...base,
    assignments: rows(
      'e1',
      days.map((d) => [d, 'D']),
    ),
    activities: [meeting('2027-03-03', '13:00', '14:00')],
  });

  it('is not counted twice: one work period of 7,5 h, 37,5 h in the week and in planned hours', () => {
    const ix = indexPlan(plan);
    const periods = workPeriods(ix, ix.employees[0]);
    expect(periods.length).toBe(5);
    const wed = periods.find((p) => p.day === toDay('2027-03-03'))!;
    expect([wed.code, wed.paidHours, (wed.end - wed.start) / 60]).toEqual(['D + MØTE', 7.5, 7.5]);
    expect(plannedHours(ix, 'e1')).toBeCloseTo(37.5, 6);
    expect(activityHours(ix, 'e1')).toBe(0);
    expect(checkPlan(plan).filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('a course right after it lengthens the day: D + KURS 07:30–21:30 = 14 h > 12,5 h (AML-DAY-MAX)', () => {
    const p = { ...plan, activities: [meeting('2027-03-03', '15:00', '21:30', 'KURS')] };
    const v = ofRule(p, 'AML-DAY-MAX');
    expect(v.map((x) => x.date)).toEqual(['2027-03-03']);
    expect(v[0].message).toContain('(D + KURS) på 14 t');
  });
});

describe('activities in the week maximum and the weekly rest', () => {
  it('4 langvakter (50 h) and a 6 h course on a free day: 56 h > 54 h (AML-WEEK-MAX)', () => {
    const plan = makePlan({
      ...base,
      assignments: rows('e1', [
        ['2027-03-01', 'L'],
        ['2027-03-03', 'L'],
        ['2027-03-05', 'L'],
        ['2027-03-07', 'L'],
      ]),
      activities: [meeting('2027-03-02', '09:00', '15:00', 'KURS')],
    });
    expect(ofRule(plan, 'AML-WEEK-MAX').map((v) => v.date)).toEqual(['2027-03-01']);
    expect(ofRule({ ...plan, activities: [] }, 'AML-WEEK-MAX')).toEqual([]);
  });

  it('a meeting inside the only long free stretch of the week breaks the 35 h weekly rest (AML-REST-WEEKLY)', () => {
    // D Mon–Wed and Sat–Sun: free Wed 15:00 → Sat 07:30 = 64,5 h. A meeting Thu 12:00–14:00
    // leaves Wed 15:00 → Thu 12:00 = 21 h and Thu 14:00 → Sat 07:30 = 41,5 h: still ≥ 35 h.
    // A second one Fri 10:00–11:00 leaves 20 h and 17,5 h: the longest rest is 21 h < 35 h.
    const days = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-06', '2027-03-07'];
    const one = makePlan({
      ...base,
      assignments: rows(
        'e1',
        days.map((d) => [d, 'D']),
      ),
      activities: [meeting('2027-03-04', '12:00', '14:00')],
    });
    expect(ofRule(one, 'AML-REST-WEEKLY')).toEqual([]);
    const two = { ...one, activities: [...one.activities!, meeting('2027-03-05', '10:00', '11:00')] };
    expect(ofRule(two, 'AML-REST-WEEKLY').map((v) => v.date)).toEqual(['2027-03-01']);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

describe('properties of work periods', () => {
  it('partition the work: sorted, one period per shift, cover every shift and activity, paid = shifts + credited activity hours; rules read them', () => {
    fc.assert(
      fc.property(arbWithActivities, (plan) => {
        const ix = indexPlan(plan);
        const v = checkPlan(plan);
        for (const emp of ix.employees) {
          const w = workPeriods(ix, emp);
          for (let i = 1; i < w.length; i++) expect(w[i].day > w[i - 1].day || w[i].start > w[i - 1].end).toBe(true);
          // Every shift is in a period of its own date; every activity lies inside a period.
          for (const s of emp.shifts) expect(w.filter((p) => p.day === s.day && p.start <= s.start && s.end <= p.end).length).toBe(1);
          for (const a of activitySpans(ix, emp.employee.id)) expect(w.some((p) => p.start <= a.start && a.end <= p.end)).toBe(true);
          const paid = w.reduce((t, p) => t + p.paidHours, 0);
          const shiftPaid = emp.shifts.reduce((t, p) => t + p.paidHours, 0);
          expect(paid).toBeCloseTo(shiftPaid + activityHours(ix, emp.employee.id), 6);
          // Daily rest by the periods (split shifts off, no context rows): exactly the short gaps.
          if (
            !plan.rules?.splitShiftMaxBreakHours &&
            plan.assignments.every((a) => a.date >= plan.period.start && a.date <= plan.period.end)
          ) {
            const need = plan.rules!.agreements!.dailyRestMinHours!;
            const want = new Set<number>();
            for (let i = 1; i < w.length; i++) if ((w[i].start - w[i - 1].end) / 60 < need - 1e-9) want.add(w[i].day);
            const got = new Set(v.filter((x) => x.rule === 'AML-REST-DAILY' && x.employee === emp.employee.id).map((x) => toDay(x.date!)));
            expect([...got].sort()).toEqual([...want].sort());
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an activity never removes a breach of the week maximum or the weekly rest (it only adds work)', () => {
    const keys = (p: TurnusPlan) =>
      checkPlan(p)
        .filter((x) => x.rule === 'AML-WEEK-MAX' || x.rule === 'AML-REST-WEEKLY')
        .map((x) => `${x.rule} ${x.employee} ${x.date}`);
    expectActivitiesOnlyAdd(arbWithActivities, keys, 100);
  });

  it('the incremental checker equals a full check with activities in the plan', () => {
    expectIncrementalEqualsFull(arbWithActivities, 40);
  });
});
