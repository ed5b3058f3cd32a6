import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../../shared/metrics/coverage';
import { buildReport } from '../../../shared/metrics/report';
import type { Assignment, TurnusPlan } from '../../../shared/plan/model';
import { weekPlan } from './fixture-week';

const IDS = ['s1', 'h1', 'h2', 'a1', 'w1'];
const DATES = ['05', '06', '07', '08', '09', '10', '11'].map((d) => `2026-01-${d}`);
const CODES = ['D', 'A', 'L', 'FE'];

/** Random assignments on the test week: at most one code per employee and date. */
const assignmentsArb = fc
  .array(fc.record({ e: fc.constantFrom(...IDS), d: fc.constantFrom(...DATES), c: fc.constantFrom(...CODES) }), { maxLength: 30 })
  .map((rows) => {
    const seen = new Map<string, Assignment>();
    for (const r of rows) seen.set(`${r.e}|${r.d}`, { employee: r.e, date: r.d, code: r.c });
    return [...seen.values()];
  });

function withAssignments(assignments: Assignment[]): TurnusPlan {
  return { ...weekPlan(), assignments };
}

describe('coverage properties (fast-check)', () => {
  it('filled ≤ needed, missing = needed − filled, totals add up, needed hours do not depend on the plan', () => {
    const needed = coverage(withAssignments([])).neededHours;
    fc.assert(
      fc.property(assignmentsArb, (as) => {
        const cov = coverage(withAssignments(as));
        let missing = 0,
          hours = 0;
        for (const d of cov.days)
          for (const s of d.slots) {
            expect(s.filled).toBeLessThanOrEqual(s.needed);
            expect(s.missing).toBe(s.needed - s.filled);
            expect(s.surplus).toBeLessThanOrEqual(s.planned);
            missing += s.missing;
            hours += s.missing * s.hours;
          }
        expect(cov.uncoveredShifts).toBe(missing);
        expect(cov.uncoveredHours).toBeCloseTo(hours, 9);
        expect(cov.neededHours).toBe(needed);
      }),
    );
  });

  it('placing one more work shift in an empty cell never increases the uncovered shifts', () => {
    fc.assert(
      fc.property(assignmentsArb, fc.constantFrom(...IDS), fc.constantFrom(...DATES), fc.constantFrom('D', 'A', 'L'), (as, e, d, c) => {
        if (as.some((a) => a.employee === e && a.date === d)) return;
        const before = coverage(withAssignments(as)).uncoveredShifts;
        const after = coverage(withAssignments([...as, { employee: e, date: d, code: c }])).uncoveredShifts;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('report: resulting position × full-time hours = planned hours; heltidsandel is a share', () => {
    fc.assert(
      fc.property(assignmentsArb, (as) => {
        const r = buildReport(withAssignments(as));
        for (const e of r.employees) expect(e.resultingPosition * (e.targetHours / e.position)).toBeCloseTo(e.plannedHours, 9);
        expect(r.unit.heltidsandel.resulting).toBeGreaterThanOrEqual(0);
        expect(r.unit.heltidsandel.resulting).toBeLessThanOrEqual(1);
      }),
      { numRuns: 50 },
    );
  });
});
