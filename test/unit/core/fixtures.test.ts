// Every plan in test/fixtures/ against its expected results (README.md there has the arithmetic):
// the contract's rule ids exactly, for our fixtures every other rule id exactly too, and the
// report's numbers, incl. the red days worked, the derived norm and planned overtime.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../shared/rules/engine';
import { CONTRACT_RULE_IDS } from '../../../shared/rules/index';
import { buildReport } from '../../../shared/metrics/report';
import { FIXTURES, loadFixture } from './helpers';

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace('.expected.json', ''))
  .sort();
const contract = new Set<string>(CONTRACT_RULE_IDS);
const sortT = (l: unknown[][]) => l.map((t) => JSON.stringify(t)).sort();

describe('fixtures (in-process check and report)', () => {
  it('has the handbook fixtures and ours', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'christmas-report',
        'rules-november',
        'red-days-christmas-2027',
        'red-days-easter-2028',
        'red-days-may-2026',
        'red-days-may-2028',
        'context-rows',
        'gap-hour',
        'averaging-tredelt',
        'overtime-day',
      ]),
    );
  });
  for (const name of names) {
    it(name, () => {
      const { plan, expected } = loadFixture(name);
      const v = checkPlan(plan);
      expect(sortT(v.filter((x) => contract.has(x.rule)).map((x) => [x.rule, x.employee, x.date]))).toEqual(sortT(expected.violations));
      if (expected.otherViolations) {
        expect(sortT(v.filter((x) => !contract.has(x.rule)).map((x) => [x.rule, x.employee, x.date]))).toEqual(
          sortT(expected.otherViolations),
        );
      }
      const r = buildReport(plan);
      for (const e of expected.employees) {
        const g = r.employees.find((x) => x.id === e.id)!;
        expect(Math.abs(g.plannedHours - e.plannedHours)).toBeLessThanOrEqual(0.01);
        expect(Math.abs(g.targetHours - e.targetHours)).toBeLessThanOrEqual(0.01);
        expect(Math.abs(g.resultingPosition - e.resultingPosition)).toBeLessThanOrEqual(0.0005);
        expect(g.weekendsWorked).toBe(e.weekendsWorked);
        expect(g.longShifts).toBe(e.longShifts);
        if (e.redDaysWorked) expect(g.redDays.workedDates).toEqual(e.redDaysWorked);
        if (e.norm) expect([g.norm.kind, Math.round(g.norm.weeklyHours * 1e4) / 1e4]).toEqual([e.norm, e.normWeeklyHours]);
        if (e.overtimeHours !== undefined) expect(Math.abs(g.averaging.overtimeHours - e.overtimeHours)).toBeLessThanOrEqual(0.01);
        if (e.dayOvertimeHours !== undefined) expect(Math.abs(g.averaging.dayOvertimeHours - e.dayOvertimeHours)).toBeLessThanOrEqual(0.01);
        if (e.extraHours !== undefined) expect(Math.abs(g.averaging.extraHours - e.extraHours)).toBeLessThanOrEqual(0.01);
      }
      expect(r.unit.uncoveredShifts).toBe(expected.unit.uncoveredShifts);
      expect(Math.abs(r.unit.neededHours - expected.unit.neededHours)).toBeLessThanOrEqual(0.01);
    });
  }
});
