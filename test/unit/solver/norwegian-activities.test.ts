/**
 * Issue 14, «meetings and courses as timed activities»: «Fyll ut» plans around a meeting for
 * all, and the meeting never blanks coverage. The meeting 12:00–15:00 is work for those who
 * attend; whoever works the N the night before (ends 07:45, 4.25 h before it) or the N that
 * evening (starts 7.25 h after it) is excused from it («fritatt», shared/plan/activities.ts), so
 * both nights are staffed as on any other day, and the day shift that covers the meeting is too.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar';
import { activitySpans, excusalOf } from '../../../shared/plan/activities';
import { indexPlan } from '../../../shared/plan/plan-index';
import { checkPlan, isHardViolation } from '../../../shared/rules/engine';
import { generateUnit } from '../../../shared/solver/norwegian/generate';
import { generatePlan } from '../../../shared/solver/norwegian/solve';

describe('fill around a meeting for all (issue 14)', () => {
  const unit = generateUnit({ employees: 12, weeks: 4, seed: 5, pinned: 0 });
  const day = addDays(unit.period.start, 16); // a Wednesday with both sykepleiere at work
  unit.activities = [{ code: 'MØTE', date: day, start: '12:00', end: '15:00', employees: 'all' }];
  const needOf = (shift: string) =>
    unit.demand.filter((r) => r.dayType === 'weekday' && r.shift === shift).reduce((t, r) => t + r.count, 0);

  it('staffs the night before and the night of the meeting, excusing those who work them, with no hard rule broken', () => {
    const res = generatePlan(unit, { seed: 1, maxMoves: 80_000 });
    const on = (date: string, code: string) => res.plan.assignments.filter((a) => a.date === date && a.code === code);
    expect(needOf('N')).toBeGreaterThan(0);
    const nights = [...on(addDays(day, -1), 'N'), ...on(day, 'N')];
    expect(on(addDays(day, -1), 'N').length).toBeGreaterThanOrEqual(needOf('N'));
    expect(on(day, 'N').length).toBeGreaterThanOrEqual(needOf('N'));
    // Who works those nights is excused, by the night, and the meeting is not work for her.
    const ix = indexPlan(res.plan);
    for (const n of nights) {
      const emp = ix.byId.get(n.employee)!;
      expect(excusalOf(emp, unit.activities![0])).toMatchObject({ kind: 'rest', shift: { code: 'N' } });
      expect(activitySpans(ix, n.employee)).toEqual([]);
    }
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
    // The D shift 07:30–15:00 covers the meeting: it is planned as on the other weekdays.
    expect(needOf('D')).toBeGreaterThan(0);
    expect(on(day, 'D').length).toBeGreaterThanOrEqual(needOf('D'));
    // The evening shift after the meeting touches it (one work period 12:00–22:30): allowed.
    expect(on(day, 'A').length).toBeGreaterThan(0);
  });
});
