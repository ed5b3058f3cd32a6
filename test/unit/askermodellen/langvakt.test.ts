import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layLangvakter } from '../../../shared/askermodellen/langvakt';
import { applyCellChanges as applied } from '../../../shared/plan/cell-change';
import type { TurnusPlan } from '../../../shared/plan/model';
import { checkPlan, isHardViolation } from '../../../shared/rules/engine';
import { arbPlan } from '../core/arbitraries';
import { issuePlan } from './unit';

const hardKeys = (plan: TurnusPlan) =>
  new Set(
    checkPlan(plan)
      .filter(isHardViolation)
      .map((v) => `${v.rule}|${v.employee}|${v.date}`),
  );

function groupedIssuePlan(group: (i: number) => number): TurnusPlan {
  const plan = issuePlan();
  plan.employees.forEach((e, i) => {
    e.weekendGroup = group(i);
  });
  return plan;
}

describe('layLangvakter', () => {
  it("lays L on Saturday and Sunday of the group's weekends for those who consented", () => {
    const plan = groupedIssuePlan((i) => i % 4);
    const r = layLangvakter(plan);
    // Kari (group 0): weekends 6/3, 3/4, 1/5, 29/5; 2 May is skipped (see below).
    expect(r.changes.filter((c) => c.employeeId === 'e1').map((c) => `${c.date} ${c.code}`)).toEqual([
      '2027-03-06 L',
      '2027-03-07 L',
      '2027-04-03 L',
      '2027-04-04 L',
      '2027-05-01 L',
      '2027-05-29 L',
      '2027-05-30 L',
    ]);
    expect(r.withoutConsent.map((e) => e.name)).toContain('Liv');
    expect(r.messages.at(-1)).toMatch(/^Uten samtykke til langvakt/);
  });

  it('does not lay L the Sunday after a Saturday langvakt over the DST night (10,5 t hvile) and says why', () => {
    // 28 March 2027 is both the DST night and 1. påskedag. L would leave 10,5 t hvile; the
    // shorter A (until 22:30) would reach into 2. påskedag's red-day window (from 22:00 on the
    // day before, aml § 10-10 (1)) and so work two red days in a row. So the day is skipped.
    const plan = groupedIssuePlan(() => 3); // group 3 works 27/28 March
    const r = layLangvakter(plan);
    const kari = r.skipped.find((n) => n.employeeId === 'e1' && n.date === '2027-03-28')!;
    expect(kari).toMatchObject({ date: '2027-03-28', laid: null });
    expect(kari.message).toMatch(/^Kari, søn\. 28\.03\.2027: ingen vakt lagt inn, fordi .*10,5 t hvile/);
    expect(r.changes).toContainEqual({ employeeId: 'e1', date: '2027-03-27', code: 'L' });
    expect(r.changes.some((c) => c.employeeId === 'e1' && c.date === '2027-03-28')).toBe(false);
  });

  it('skips 2. mai after working 1. mai (two red days in a row) and says why', () => {
    const r = layLangvakter(groupedIssuePlan(() => 0));
    const kari = r.skipped.find((n) => n.employeeId === 'e1' && n.date === '2027-05-02')!;
    expect(kari.laid).toBeNull();
    expect(kari.message).toMatch(/^Kari, søn\. 02\.05\.2027: ingen vakt lagt inn, fordi .*aml § 10-8 \(4\)/);
  });

  it('leaves cells that already hold something, and reports them', () => {
    const plan = groupedIssuePlan(() => 0);
    plan.assignments.push({ employee: 'e1', date: '2027-03-06', code: 'FE' });
    const r = layLangvakter(plan);
    expect(r.changes.some((c) => c.employeeId === 'e1' && c.date === '2027-03-06')).toBe(false);
    expect(r.skipped.find((n) => n.date === '2027-03-06')?.message).toBe(
      'Kari, lør. 06.03.2027: har allerede FE, ingen langvakt lagt inn.',
    );
  });

  it('names those without a weekend group and fails clearly without a langvakt type', () => {
    const plan = issuePlan();
    expect(layLangvakter(plan).withoutGroup).toHaveLength(20);
    expect(() => layLangvakter({ ...plan, shiftTypes: plan.shiftTypes.filter((t) => !t.long) })).toThrow(
      /ingen vakttype merket som langvakt/,
    );
  });

  it('the laid plan has no rule hit the app created (issue 14)', () => {
    const plan = groupedIssuePlan((i) => i % 4);
    const r = layLangvakter(plan);
    expect(checkPlan(applied(plan, r.changes)).filter(isHardViolation)).toEqual([]);
  });

  it('property: laying langvakter never adds a hard or error violation to any plan', () => {
    fc.assert(
      fc.property(
        arbPlan,
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
        (p, k, gs) => {
          const plan: TurnusPlan = {
            ...p,
            unit: { ...p.unit, weekendFrequency: k },
            employees: p.employees.map((e, i) => ({ ...e, weekendGroup: gs[i] % k })),
          };
          const before = hardKeys(plan);
          const r = layLangvakter(plan);
          for (const key of hardKeys(applied(plan, r.changes))) expect(before.has(key), key).toBe(true);
          // Only empty cells are written, only on weekends.
          const taken = new Set(plan.assignments.map((a) => `${a.employee}|${a.date}`));
          for (const c of r.changes) {
            expect(taken.has(`${c.employeeId}|${c.date}`)).toBe(false);
            expect([0, 6]).toContain(new Date(`${c.date}T12:00:00Z`).getUTCDay());
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
