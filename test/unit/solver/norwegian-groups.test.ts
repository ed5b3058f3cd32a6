/**
 * Issue 14: the generator keeps the model — weekend groups, langvakter and every cell laid
 * before — and keeps hours within the band; repair changes few cells and no langvakt.
 */
import { describe, expect, it } from 'vitest';
import { addDays, toDay } from '../../../shared/calendar';
import type { TurnusPlan } from '../../../shared/plan/model';
import { indexPlan } from '../../../shared/plan/plan-index';
import { plannedHours, targetHours } from '../../../shared/plan/hours';
import { workedWeekends } from '../../../shared/plan/weekends';
import { checkPlan, isHardViolation } from '../../../shared/rules/engine';
import { generateUnit } from '../../../shared/solver/norwegian/generate';
import { generatePlan } from '../../../shared/solver/norwegian/solve';

const key = (a: { employee: string; date: string }) => `${a.employee}|${a.date}`;

/** Weekends (Saturdays) an employee works that are not her group's, counted from the anchor. */
function offGroup(plan: TurnusPlan): string[] {
  const idx = indexPlan(plan);
  const k = plan.unit.weekendFrequency!;
  const anchor = toDay(String(plan.unit.weekendAnchor));
  const out: string[] = [];
  for (const e of plan.employees) {
    for (const sat of workedWeekends(idx, e.id)) if (((((sat - anchor) / 7) % k) + k) % k !== e.weekendGroup) out.push(`${e.id}@${sat}`);
  }
  return out;
}

describe('generator keeps the Askermodellen model (issue 14)', () => {
  const unit = generateUnit({ employees: 16, weeks: 8, seed: 7, weekendFrequency: 4, longShiftWeekends: 0.8, weekendAnchor: '2026-01-17' });

  it("fill: only the group's weekends, every cell laid before kept, hours within the band, no hard breach", { timeout: 120_000 }, () => {
    const laid = unit.assignments.filter((a) => a.code === 'L');
    expect(laid.length).toBeGreaterThan(20);
    const res = generatePlan(unit, { seed: 1, maxMoves: 60_000 });
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
    expect(res.stats.hardViolations).toBe(0);
    expect(offGroup(res.plan)).toEqual([]);
    expect(res.stats.offGroupWeekendShifts).toEqual([]);
    const after = new Map(res.plan.assignments.map((a) => [key(a), a]));
    for (const a of unit.assignments) expect(after.get(key(a))).toEqual(a);
    expect(res.stats.removedLongShifts).toEqual([]);
    const idx = indexPlan(res.plan);
    for (const e of unit.employees) expect(plannedHours(idx, e.id)).toBeLessThanOrEqual(targetHours(idx, e.id) * 1.05 + 1e-6);
    // Open shifts are grouped by cause in Norwegian; every shortfall says why.
    const total = res.stats.openShiftCauses.reduce((t, c) => t + c.shifts, 0);
    expect(total).toBe(res.stats.uncoveredShifts);
    for (const c of res.stats.openShiftCauses) expect(c.label).toMatch(/^(ikke nok|ingen|de ledige|vakten)/);
    for (const s of res.stats.shortfalls) expect(s.reason.length).toBeGreaterThan(10);
  });

  it("an employee named as an exception may work another group's weekend, and the stats list it", { timeout: 120_000 }, () => {
    // With everybody named as an exception, each off-group weekend shift is a soft cost and listed.
    const res = generatePlan(unit, { seed: 1, maxMoves: 40_000, allowOffGroupWeekends: unit.employees.map((e) => e.id) });
    for (const s of res.stats.offGroupWeekendShifts) expect(offGroup(res.plan).some((x) => x.startsWith(`${s.employee}@`))).toBe(true);
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
  });

  it('never puts night work on an employee exempt from it, even when the night is open', { timeout: 60_000 }, () => {
    const plan = generateUnit({ employees: 10, weeks: 3, seed: 3, absence: false, pinned: 0 });
    for (const e of plan.employees) e.nightExempt = true;
    const res = generatePlan(plan, { seed: 1, maxMoves: 20_000 });
    expect(res.plan.assignments.filter((a) => a.code === 'N')).toEqual([]);
    const nights = res.openShifts.filter((o) => o.shift === 'N');
    expect(nights.length).toBeGreaterThan(0);
    // Open because everybody free is exempt (or everybody else already works that day).
    for (const o of nights) expect(['night-exempt', 'competence']).toContain(o.cause);
    expect(nights.some((o) => o.cause === 'night-exempt' && o.reason.includes('er fritatt for nattarbeid'))).toBe(true);
  });

  it('repair: removes the breaches with few changes and keeps every langvakt', { timeout: 120_000 }, () => {
    const filled = generatePlan(unit, { seed: 2, maxMoves: 40_000 }).plan;
    const e = filled.employees.find((x) => x.consentsLongShifts && filled.assignments.some((a) => a.employee === x.id && a.code === 'L'))!;
    // Two rest breaches: a day shift followed by another day shift becomes a late shift then an early one.
    const rows = filled.assignments.filter((a) => a.employee === e.id && a.code === 'D' && !a.pinned);
    const dates = new Set(rows.map((a) => a.date));
    const late = rows
      .filter((a) => dates.has(addDays(a.date, 1)))
      .map((a) => a.date)
      .filter((d, i, l) => i === 0 || d > addDays(l[0], 7))
      .slice(0, 2);
    expect(late.length).toBe(2);
    const broken: TurnusPlan = {
      ...filled,
      assignments: filled.assignments.map((a) => (a.employee === e.id && late.includes(a.date) ? { ...a, code: 'A' } : a)),
    };
    const before = checkPlan(broken).filter(isHardViolation);
    expect(before.length).toBeGreaterThan(0);
    const res = generatePlan(broken, { mode: 'repair', seed: 1, maxMoves: 20_000 });
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
    expect(res.stats.removedLongShifts).toEqual([]);
    expect(res.changes.length).toBeLessThanOrEqual(before.length * 2);
    const longBefore = broken.assignments.filter((a) => a.code === 'L').length;
    expect(res.plan.assignments.filter((a) => a.code === 'L').length).toBe(longBefore);
  });
});
