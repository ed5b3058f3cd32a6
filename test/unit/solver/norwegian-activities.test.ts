/**
 * Issue 14, «meetings and courses as timed activities»: «Fyll ut» plans around a meeting for
 * all. The meeting 12:00–15:00 is work for the rest and hour rules, so nobody gets a night
 * shift ending that morning or an evening/night shift that leaves too little rest after it, and
 * the day shift that covers the meeting is still planned.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar';
import { checkPlan, isHardViolation } from '../../../shared/rules/engine';
import { generateUnit } from '../../../shared/solver/norwegian/generate';
import { generatePlan } from '../../../shared/solver/norwegian/solve';

describe('fill around a meeting for all (issue 14)', () => {
  const unit = generateUnit({ employees: 12, weeks: 4, seed: 5, pinned: 0 });
  const day = addDays(unit.period.start, 16); // a Wednesday with both sykepleiere at work
  unit.activities = [{ code: 'MØTE', date: day, start: '12:00', end: '15:00', employees: 'all' }];

  it('leaves no rest breach around the meeting and still staffs the day shift', () => {
    const res = generatePlan(unit, { seed: 1, maxMoves: 80_000 });
    const on = (date: string, code: string) => res.plan.assignments.filter((a) => a.date === date && a.code === code);
    // An N the night before ends 07:45: 4.25 h before the meeting.
    expect(on(addDays(day, -1), 'N')).toEqual([]);
    // An N that evening starts 7.25 h after the meeting.
    expect(on(day, 'N')).toEqual([]);
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
    // The D shift 07:30–15:00 covers the meeting: it is planned as on the other weekdays.
    const need = unit.demand.filter((r) => r.dayType === 'weekday' && r.shift === 'D').reduce((t, r) => t + r.count, 0);
    expect(need).toBeGreaterThan(0);
    expect(on(day, 'D').length).toBeGreaterThanOrEqual(need);
    // The evening shift after the meeting touches it (one work period 12:00–22:30): allowed.
    expect(on(day, 'A').length).toBeGreaterThan(0);
  });
});
