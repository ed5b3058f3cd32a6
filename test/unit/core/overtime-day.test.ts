// Issue 15: a part-timer planned beyond full time within one day (KS HTA kap. 1 § 6; aml § 10-6).
// The full-time day is T / 5 (norm.ts fullTimeDayHours), or the date's own shift when longer (a
// shift of the arbeidsplan is the ordinary day of a full-timer in the same turnus).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TurnusPlan } from '../../../shared/plan/model';
import { indexPlan } from '../../../shared/plan/plan-index';
import { fullTimeDayHours } from '../../../shared/plan/norm';
import { averaging } from '../../../shared/plan/averaging';
import { workPeriods } from '../../../shared/plan/work-periods';
import { checkPlan } from '../../../shared/rules/engine';
import { buildReport, formatReport } from '../../../shared/metrics/report';
import { makePlan, rows } from './helpers';
import { arbPlan, arbWithActivities } from './arbitraries';

const ofRule = (plan: TurnusPlan, rule: string) => checkPlan(plan).filter((v) => v.rule === rule);

const plan = (position: number, weeklyHours: number, extra: Partial<TurnusPlan> = {}) =>
  makePlan({
    period: { start: '2027-03-01', end: '2027-03-07' },
    employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position, weeklyHours, consentsLongShifts: true }],
    ...extra,
  });

describe('OVERTIME-DAY', () => {
  it('the full-time day is T / 5: 7,5 h at 37,5, 7,1 h at 35,5, 6,72 h at 33,6', () => {
    for (const [T, day] of [
      [37.5, 7.5],
      [35.5, 7.1],
      [33.6, 6.72],
    ]) {
      expect(fullTimeDayHours(indexPlan(plan(0.5, T)), 'e1')).toBeCloseTo(day, 9);
    }
  });

  it('a 60 % nurse with D 07:30–15:00 and a meeting 15:00–17:00: 9,5 h, 2 h beyond the full day of 7,5 h', () => {
    const p = plan(0.6, 37.5, {
      assignments: rows('e1', [['2027-03-02', 'D']]),
      activities: [{ code: 'MØTE', date: '2027-03-02', start: '15:00', end: '17:00', employees: 'all' }],
    });
    const v = ofRule(p, 'OVERTIME-DAY');
    expect(v.map((x) => [x.date, x.severity])).toEqual([['2027-03-02', 'warning']]);
    expect(v[0].message).toContain('9,5 t arbeid tir. 02.03.2027, 2 t mer enn en full dag (7,5 t)');
    const r = buildReport(p).employees[0];
    expect([r.averaging.dayOvertimeHours, r.averaging.overtimeHours]).toEqual([2, 2]);
    expect(formatReport(buildReport(p))).toContain('overtid 2,00 t (herav 2,00 t utover full dag på 7,50 t, 1 dager)');
    // The same day for a full-timer is no day overtime (her week decides).
    expect(ofRule({ ...p, employees: [{ ...p.employees[0], position: 1 }] }, 'OVERTIME-DAY')).toEqual([]);
  });

  it('a course day alone at 35,5 h: 08:00–15:30 = 7,5 h > 7,1 h, 0,4 h overtime', () => {
    const p = plan(0.8, 35.5, { activities: [{ code: 'KURS', date: '2027-03-03', start: '08:00', end: '15:30', employees: 'all' }] });
    expect(ofRule(p, 'OVERTIME-DAY')[0].message).toContain('0,4 t mer enn en full dag (7,1 t)');
  });

  it("a part-timer's langvakt (12,5 h) or D shift is the ordinary day of the turnus: no day overtime", () => {
    const p = plan(0.5, 35.5, {
      assignments: rows('e1', [
        ['2027-03-01', 'L'],
        ['2027-03-03', 'D'],
      ]),
    });
    expect(ofRule(p, 'OVERTIME-DAY')).toEqual([]);
    expect(averaging(indexPlan(p), 'e1').dayOvertimeHours).toBe(0);
  });
});

describe('OVERTIME-DAY properties', () => {
  it('without timed activities a plan (one row per date) never has day overtime', () => {
    fc.assert(
      fc.property(arbPlan, (p) => {
        expect(ofRule(p, 'OVERTIME-DAY')).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('dates and hours: exactly the part-timers’ dates whose work exceeds max(T / 5, own shift); no hour counted twice', () => {
    fc.assert(
      fc.property(arbWithActivities, (p) => {
        const ix = indexPlan(p);
        const v = ofRule(p, 'OVERTIME-DAY');
        for (const emp of ix.employees) {
          const id = emp.employee.id;
          const a = averaging(ix, id);
          const byDay = new Map<number, number>();
          for (const w of workPeriods(ix, emp))
            if (w.day >= ix.startDay && w.day <= ix.endDay) byDay.set(w.day, (byDay.get(w.day) ?? 0) + w.paidHours);
          let want = 0;
          const dates: number[] = [];
          if (emp.employee.position < 1) {
            for (const [d, h] of byDay) {
              const own = emp.shifts.find((s) => s.day === d)?.paidHours ?? 0;
              const limit = Math.max(fullTimeDayHours(ix, id), own);
              if (h > limit + 0.005) {
                want += h - limit;
                dates.push(d);
              }
            }
          }
          expect(a.dayOvertimeHours).toBeCloseTo(want, 6);
          const got = v.filter((x) => x.employee === id).map((x) => x.date);
          expect(got).toEqual(a.overtimeDays.map((o) => o.date));
          expect(got.length).toBe(dates.length);
          // Overtime in all = the blocks' overtime on ordinary hours + the day overtime, and the
          // ordinary hours are the rest: block overtime + merarbeid = ordinary hours − contract.
          const blockOt = a.blocks.reduce((t, b) => t + b.overtimeHours, 0);
          expect(a.overtimeHours).toBeCloseTo(blockOt + a.dayOvertimeHours, 6);
          for (const b of a.blocks) {
            const contract = a.tariffNorm * b.weeks;
            expect(b.overtimeHours + b.extraHours).toBeCloseTo(Math.max(0, b.hours - b.dayOvertimeHours - contract), 6);
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
