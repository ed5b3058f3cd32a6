import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../shared/rules/engine';
import { generateUnit } from '../../../shared/solver/norwegian/generate';
import { generatePlan } from '../../../shared/solver/norwegian/solve';
import type { TurnusPlan } from '../../../shared/plan/model';

const errorsOf = (p: TurnusPlan) => checkPlan(p).filter((v) => v.severity === 'error');
const key = (a: { employee: string; date: string }) => `${a.employee}|${a.date}`;

describe('plan generator (product mode)', () => {
  const unit = generateUnit({ employees: 15, weeks: 6, seed: 4 });

  it('the unit generator is seeded', () => {
    expect(generateUnit({ employees: 15, weeks: 6, seed: 4 })).toEqual(unit);
    expect(generateUnit({ employees: 15, weeks: 6, seed: 5 })).not.toEqual(unit);
    expect(unit.assignments.some((a) => a.pinned)).toBe(true);
    expect(unit.assignments.some((a) => a.code === 'FE')).toBe(true);
  });

  it('fills a small unit with no error-level rule violations, keeping pinned cells and absence', () => {
    const res = generatePlan(unit, { seed: 1, maxMoves: 150_000 });
    expect(errorsOf(res.plan)).toEqual([]);
    expect(res.errors).toEqual([]);
    const after = new Map(res.plan.assignments.map((a) => [key(a), a]));
    for (const a of unit.assignments) {
      // Every pinned cell and every absence is still there, unchanged.
      expect(after.get(key(a))).toEqual(a);
    }
    const work = res.plan.assignments.filter((a) => ['D', 'A', 'N', 'L'].includes(a.code));
    expect(work.length).toBeGreaterThan(unit.assignments.filter((a) => a.pinned).length + 100);
    // Nobody without consent gets a langvakt; night-exempt staff get no night shifts.
    const emp = new Map(unit.employees.map((e) => [e.id, e]));
    for (const a of work) {
      if (a.code === 'L') expect(emp.get(a.employee)!.consentsLongShifts).toBe(true);
      if (a.code === 'N') expect(emp.get(a.employee)!.nightExempt).not.toBe(true);
    }
    // Every open shift has a Norwegian reason naming the date.
    for (const o of res.openShifts) expect(o.reason).toMatch(/^Ingen .*\d\d\.\d\d\.\d{4}/);
  });

  it('is deterministic for a fixed seed and move budget', () => {
    const a = generatePlan(unit, { seed: 9, maxMoves: 40_000 });
    const b = generatePlan(unit, { seed: 9, maxMoves: 40_000 });
    expect(a.plan.assignments).toEqual(b.plan.assignments);
  });

  it('explains an open shift that nobody can take', () => {
    // Three nurses on D every weekday, but only the nurses may cover it and all are on ferie one day.
    const plan = generateUnit({ employees: 15, weeks: 2, seed: 2, absence: false, pinned: 0 });
    const nurses = plan.employees.filter((e) => e.competence === 'sykepleier');
    expect(nurses.length).toBeGreaterThan(0);
    for (const n of nurses) plan.assignments.push({ employee: n.id, date: '2026-01-07', code: 'FE' });
    const res = generatePlan(plan, { seed: 1, maxMoves: 60_000 });
    const open = res.openShifts.find((o) => o.date === '2026-01-07' && o.competence === 'sykepleier');
    expect(open?.reason).toBe(`Ingen sykepleier er ledig til D-vakten ons. 07.01.2026: alle ${nurses.length} har fravær.`);
  });

  it('reports wishes it could not honour, with a reason', () => {
    const plan = generateUnit({ employees: 15, weeks: 2, seed: 2, absence: false, pinned: 0 });
    const wishes = plan.employees.map((e) => ({ employee: e.id, date: '2026-01-08', kind: 'off' as const }));
    const res = generatePlan(plan, { seed: 1, maxMoves: 60_000, wishes });
    // Not everyone can be off on a weekday with demand; every ignored wish carries a reason.
    expect(res.ignoredWishes.length).toBeGreaterThan(0);
    for (const w of res.ignoredWishes) expect(w.reason).toMatch(/^Ønsket fri tor\. 08\.01\.2026 ble ikke innfridd: /);
    const honoured = wishes.length - res.ignoredWishes.length;
    expect(honoured).toBeGreaterThan(0);
  });

  it('repair mode removes rule breaches and leaves pinned cells alone', () => {
    const filled = generatePlan(unit, { seed: 1, maxMoves: 100_000 }).plan;
    // Break the daily rest: A-vakt then D-vakt next morning for a non-pinned employee.
    const e = unit.employees.find((x) => !unit.assignments.some((a) => a.employee === x.id))!.id;
    const broken: TurnusPlan = {
      ...filled,
      assignments: [
        ...filled.assignments.filter((a) => a.employee !== e || (a.date !== '2026-01-13' && a.date !== '2026-01-14')),
        { employee: e, date: '2026-01-13', code: 'A' },
        { employee: e, date: '2026-01-14', code: 'D' },
      ],
    };
    expect(errorsOf(broken).some((v) => v.rule === 'AML-REST-DAILY')).toBe(true);
    const res = generatePlan(broken, { mode: 'repair', seed: 1, maxMoves: 60_000 });
    expect(errorsOf(res.plan)).toEqual([]);
    expect(res.errorsBefore).toBeGreaterThan(0);
    const after = new Map(res.plan.assignments.map((a) => [key(a), a]));
    for (const a of unit.assignments.filter((x) => x.pinned)) expect(after.get(key(a))).toEqual(a);
    // Repair prefers few changes.
    expect(res.changes.length).toBeLessThan(60);
  });

  it('re-plans only inside the date range', () => {
    const filled = generatePlan(unit, { seed: 1, maxMoves: 100_000 }).plan;
    const res = generatePlan(filled, { mode: 'replan', from: '2026-01-19', to: '2026-01-25', seed: 2, maxMoves: 60_000 });
    for (const c of res.changes) expect(c.date >= '2026-01-19' && c.date <= '2026-01-25').toBe(true);
    const outside = (p: TurnusPlan) =>
      p.assignments
        .filter((a) => a.date < '2026-01-19' || a.date > '2026-01-25')
        .map(key)
        .sort();
    expect(outside(res.plan)).toEqual(outside(filled));
    expect(errorsOf(res.plan)).toEqual([]);
    expect(() => generatePlan(filled, { mode: 'replan', from: '2026-01-19' })).toThrow(/fra- og til-dato/);
  });
});
