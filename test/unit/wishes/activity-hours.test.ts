/**
 * A meeting for all 13:00–15:00 (a timed activity, issue 14): the day's shifts stay, a person
 * whose shift covers the meeting gets no extra hours, a person without a shift that day gets the
 * two meeting hours in planned hours, and the coverage of the day is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../backend/helpers';
import { indexPlan } from '../../../shared/plan/plan-index';
import { plannedHours } from '../../../shared/plan/hours';
import { coverage } from '../../../shared/metrics/coverage';

describe('timed activities in the plan file', () => {
  it('count only the uncovered part in planned hours and leave coverage alone', async () => {
    const b = await openTestBackend();
    const unit = await b.api.createUnit('Avdeling Møtested');
    const kari = await b.api.addEmployee(unit.id, { name: 'Kari', competence: 'sykepleier', position: 0.8 });
    const ola = await b.api.addEmployee(unit.id, { name: 'Ola', competence: 'helsefagarbeider', position: 0.6 });
    await b.api.setDemand(unit.id, [{ dayType: 'weekday', shift: 'D', competence: 'any', count: 1 }]);
    const plan = await b.api.createPlan(unit.id, 'P', '2027-04-05', 3);
    await b.api.setCells(plan.id, [{ employeeId: kari.id, date: '2027-04-14', code: 'D' }]);
    const before = (await b.api.getPlan(plan.id)).file;
    await b.api.addActivity(plan.id, { code: 'MØTE', date: '2027-04-14', start: '13:00', end: '15:00', employees: 'all' });
    const after = (await b.api.getPlan(plan.id)).file;
    const ib = indexPlan(before),
      ia = indexPlan(after);
    const day = '2027-04-14';
    const d = ib.startDay + 9;
    expect(plannedHours(ia, kari.id)).toBeCloseTo(plannedHours(ib, kari.id), 5);
    expect(plannedHours(ia, ola.id) - plannedHours(ib, ola.id)).toBeCloseTo(2, 5);
    expect(plannedHours(ia, ola.id, d, d)).toBeCloseTo(2, 5);
    const covOf = (p: typeof after) =>
      coverage(p)
        .days.find((x) => x.date === day)!
        .slots.flatMap((s) => s.needs.map((n) => n.missing));
    expect(covOf(after)).toEqual(covOf(before));
    expect(after.assignments.filter((a) => a.date === day)).toEqual(before.assignments.filter((a) => a.date === day));
  });
});
