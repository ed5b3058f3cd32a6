/**
 * Issue 14: a meeting for all does not apply to whoever is absent that day or works a shift too
 * close to it («fritatt»): her shifts stand, the meeting is not work for her in any rule, and the
 * step and review pack say who and why. A named participant is never excused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityHours, activitySpans } from '../../../shared/plan/activities';
import { attendanceOf } from '../../../shared/plan/attendance';
import type { TurnusPlan } from '../../../shared/plan/model';
import { checkPlan, createChecker } from '../../../shared/rules/engine';
import { meeting, withCells } from './unit';

const restHits = (p: TurnusPlan, who: string) => checkPlan(p).filter((v) => v.employee === who && v.rule.startsWith('AML-REST'));

describe('excusal from a meeting for all', () => {
  it('excuses the N the night before (ends 07:45) and the N of the meeting evening (starts 22:15): no rest breach, no hours', () => {
    const plan = withCells(
      [meeting()],
      [
        ['e1', '2027-04-13', 'N'],
        ['e2', '2027-04-14', 'N'],
      ],
    );
    expect(activitySpans(plan, 'e1')).toEqual([]);
    expect(activityHours(plan, 'e2')).toBe(0);
    expect(restHits(plan, 'e1')).toEqual([]);
    expect(restHits(plan, 'e2')).toEqual([]);
    const att = attendanceOf(plan, plan.activities![0]);
    expect(att.excused.map((x) => [x.employeeId, x.reason])).toEqual([
      ['e1', 'natt før møtet'],
      ['e2', 'natt etter møtet'],
    ]);
    expect(att.attending).not.toContain('e1');
    expect(att.attending.length).toBe(plan.employees.length - 2);
  });

  it('keeps a shift that covers or touches the meeting: a D covers it, an A after it lengthens the day', () => {
    const plan = withCells(
      [meeting({ end: '16:00' })],
      [
        ['e1', '2027-04-14', 'D'],
        ['e2', '2027-04-14', 'A'],
      ],
    );
    expect(activityHours(plan, 'e1')).toBe(1);
    expect(activityHours(plan, 'e2')).toBe(2); // 13:00–15:00 before the A, 15:00–16:00 inside it
    expect(attendanceOf(plan, plan.activities![0]).excused).toEqual([]);
  });

  it('excuses on any whole-day absence, and a MØTE cell plus the timed MØTE is not counted twice', () => {
    const plan = withCells(
      [meeting()],
      [
        ['e1', '2027-04-14', 'FE'],
        ['e2', '2027-04-14', 'MØTE'],
        ['e3', '2027-04-14', 'PERM'],
      ],
    );
    for (const id of ['e1', 'e2', 'e3']) expect(activityHours(plan, id)).toBe(0);
    expect(attendanceOf(plan, plan.activities![0]).excused.map((x) => x.reason)).toEqual(['ferie', 'møte', 'permisjon']);
  });

  it('never excuses a named participant: the conflict stays a rule hit the leader sees', () => {
    const plan = withCells([meeting({ employees: ['e1'] })], [['e1', '2027-04-13', 'N']]);
    expect(activityHours(plan, 'e1')).toBe(2);
    expect(restHits(plan, 'e1').map((v) => v.rule)).toContain('AML-REST-DAILY');
    expect(attendanceOf(plan, plan.activities![0]).excused).toEqual([]);
  });

  it('keeps the incremental checker equal to a full check when shifts and absences around a meeting change', () => {
    const codes = ['N', 'A', 'D', 'FE', 'MØTE', null] as const;
    const dates = ['2027-04-13', '2027-04-14', '2027-04-15'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ e: fc.constantFrom('e1', 'e2', 'e3'), date: fc.constantFrom(...dates), code: fc.constantFrom(...codes) }), {
          maxLength: 8,
        }),
        fc.constantFrom('12:00', '13:00', '18:00', '07:45'),
        (edits, start) => {
          const checker = createChecker(withCells([meeting({ start, end: start === '07:45' ? '10:00' : '15:00' })]));
          for (const x of edits) {
            const inc = checker.applyChange({ employeeId: x.e, date: x.date, code: x.code }).map((v) => JSON.stringify(v));
            expect(inc).toEqual(checkPlan(checker.currentPlan()).map((v) => JSON.stringify(v)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
