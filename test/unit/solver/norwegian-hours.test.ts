/**
 * Issue 6, «hours close to target»: in a unit with fewer staff than the bemanningsplan needs,
 * the generator leaves shifts open (a vikar need, with a reason) rather than planning anybody
 * far above her position, and it never leaves a hard violation (errors + LONG-SHIFT-CONSENT).
 */
import { describe, expect, it } from 'vitest';
import { checkPlan, isHardViolation } from '../../../shared/rules/engine';
import { plannedHours, targetHours } from '../../../shared/plan/hours';
import { indexPlan } from '../../../shared/plan/plan-index';
import { generateUnit } from '../../../shared/solver/norwegian/generate';
import { DEFAULT_OVER_TOLERANCE, generatePlan, overToleranceMinutes } from '../../../shared/solver/norwegian/solve';
import { DEFAULT_SHIFT_TYPES, type DemandRow, type Employee, type TurnusPlan } from '../../../shared/plan/model';

/** planned − target hours per employee id. */
function overTarget(plan: TurnusPlan): Map<string, { over: number; target: number }> {
  const idx = indexPlan(plan);
  return new Map(
    plan.employees.map((e) => [e.id, { over: plannedHours(idx, e.id) - targetHours(idx, e.id), target: targetHours(idx, e.id) }]),
  );
}

describe('plan generator: hours close to target (issue 6)', () => {
  // 8 people, 6 weeks, a bemanningsplan asking for 60 % more hours than the staff's positions.
  const unit = generateUnit({ employees: 8, weeks: 6, seed: 3, demandShare: 1.6, pinned: 0 });

  it('without a limit the demand pushes somebody far above her position (the reported overload)', () => {
    const res = generatePlan(unit, { seed: 1, maxMoves: 60_000, overTolerance: { share: Infinity, minHours: Infinity } });
    const worst = Math.max(...[...overTarget(res.plan).values()].map((x) => x.over - overToleranceMinutes(x.target * 60) / 60));
    expect(worst).toBeGreaterThan(7);
  });

  it('leaves shifts open instead of planning anybody beyond target + tolerance, and says why', () => {
    const res = generatePlan(unit, { seed: 1, maxMoves: 60_000 });
    for (const [id, x] of overTarget(res.plan)) {
      const tol = overToleranceMinutes(x.target * 60, DEFAULT_OVER_TOLERANCE) / 60;
      expect({ id, over: x.over <= tol + 1e-6 }).toEqual({ id, over: true });
    }
    // Hours below target are still avoided: with this much demand everybody is close to target.
    for (const x of overTarget(res.plan).values()) expect(x.over).toBeGreaterThan(-8);
    // The missing demand is reported as open shifts (vikar need), each with a Norwegian reason;
    // the people who were free that day had reached their position.
    expect(res.openShifts.length).toBeGreaterThan(0);
    const reached = res.openShifts.filter((o) => o.reason.includes('har nådd stillingen sin'));
    expect(reached.length).toBeGreaterThan(res.openShifts.length / 2);
    expect(res.openShifts.some((o) => /: alle ledige med riktig kompetanse har nådd stillingen sin \(\d+ har/.test(o.reason))).toBe(true);
    for (const o of reached)
      expect(o.reason).toMatch(/^Ingen .* (kunne ta|er ledig til) [DANL]-vakten .*\d\d\.\d\d\.\d{4}: .*\d+ har nådd stillingen sin/);
    for (const o of res.openShifts) expect(o.reason).not.toContain('flere timer enn stillingen');
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
  });

  it('a day-off wish is honoured in the understaffed unit (the shift is left open instead)', () => {
    const e = unit.employees[0];
    const wishes = [{ employee: e.id, date: '2026-01-14', kind: 'off' as const }];
    const res = generatePlan(unit, { seed: 1, maxMoves: 60_000, wishes });
    expect(res.plan.assignments.some((a) => a.employee === e.id && a.date === '2026-01-14' && ['D', 'A', 'N', 'L'].includes(a.code))).toBe(
      false,
    );
    expect(res.ignoredWishes).toEqual([]);
  });

  it('a refused day-off wish says that the free colleagues have reached their position', () => {
    // Everybody wishes the Wednesdays off: more hours than the other days can hold legally.
    const wednesdays = ['2026-01-07', '2026-01-14', '2026-01-21', '2026-01-28', '2026-02-04', '2026-02-11'];
    const wishes = unit.employees.flatMap((e) => wednesdays.map((date) => ({ employee: e.id, date, kind: 'off' as const })));
    const res = generatePlan(unit, { seed: 1, maxMoves: 60_000, wishes });
    expect(res.ignoredWishes.length).toBeGreaterThan(0);
    for (const w of res.ignoredWishes) expect(w.reason).toMatch(/^Ønsket fri ons\. \d\d\.\d\d\.2026 ble ikke innfridd: /);
    expect(
      res.ignoredWishes.some((w) =>
        w.reason.endsWith('vakten trengs for å dekke bemanningsplanen, og de andre som var ledige, har nådd stillingen sin.'),
      ),
    ).toBe(true);
  });

  it('the leader may accept more hours above target', () => {
    const strict = generatePlan(unit, { seed: 1, maxMoves: 60_000 });
    const loose = generatePlan(unit, { seed: 1, maxMoves: 60_000, overTolerance: { share: 0.2 } });
    expect(loose.stats.uncoveredShifts).toBeLessThan(strict.stats.uncoveredShifts);
    for (const x of overTarget(loose.plan).values())
      expect(x.over).toBeLessThanOrEqual(overToleranceMinutes(x.target * 60, { share: 0.2, minHours: 4 }) / 60 + 1e-6);
  });

  it('never plans a langvakt for an employee without consent, even in repair mode (LONG-SHIFT-CONSENT is hard)', () => {
    const plan = generateUnit({ employees: 15, weeks: 3, seed: 4, pinned: 0 });
    const e = plan.employees.find((x) => x.consentsLongShifts !== true)!;
    // A generated-looking (not pinned) L on an employee who has not consented: repair removes it.
    const broken: TurnusPlan = {
      ...plan,
      assignments: [
        ...plan.assignments.filter((a) => a.employee !== e.id || a.date !== '2026-01-10'),
        { employee: e.id, date: '2026-01-10', code: 'L' },
      ],
    };
    expect(checkPlan(broken).some((v) => v.rule === 'LONG-SHIFT-CONSENT' && v.severity !== 'error')).toBe(true);
    const res = generatePlan(broken, { mode: 'repair', seed: 1, maxMoves: 40_000 });
    expect(res.errorsBefore).toBeGreaterThan(0);
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
    expect(res.errors).toEqual([]);
  });

  it('the reported case: two sykepleiere, a nurse on every night; the 80 % nurse stays near 351 h and gets her ferie wish', {
    timeout: 180_000,
  }, () => {
    // The e2e «Fyll ut» unit: 8 people, 13 weeks; the bemanningsplan wants a sykepleier every night.
    const people: [Employee['competence'], number][] = [
      ['sykepleier', 1],
      ['sykepleier', 0.8],
      ['helsefagarbeider', 1],
      ['helsefagarbeider', 0.75],
      ['helsefagarbeider', 0.6],
      ['helsefagarbeider', 1],
      ['assistent', 0.5],
      ['assistent', 0.8],
    ];
    const demand: DemandRow[] = [
      { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 1 },
      { dayType: 'weekday', shift: 'D', competence: 'any', count: 1 },
      { dayType: 'weekday', shift: 'A', competence: 'any', count: 1 },
      { dayType: 'weekday', shift: 'N', competence: 'sykepleier', count: 1 },
    ];
    for (const dayType of ['saturday', 'sunday', 'holiday'] as const)
      demand.push({ dayType, shift: 'L', competence: 'any', count: 2 }, { dayType, shift: 'N', competence: 'sykepleier', count: 1 });
    const plan: TurnusPlan = {
      format: 'turnusplan',
      version: 1,
      unit: { name: 'Fyll ut', weekendFrequency: 3 },
      period: { start: '2027-01-04', end: '2027-04-03' },
      shiftTypes: DEFAULT_SHIFT_TYPES.map((t) => ({ ...t })),
      employees: people.map(([competence, position], i) => ({
        id: `e${i}`,
        name: `Ansatt ${i}`,
        competence,
        position,
        weeklyHours: 35.5,
        consentsLongShifts: true,
        weekendGroup: i % 3,
      })),
      demand,
      assignments: [{ employee: 'e0', date: '2027-01-06', code: 'A', pinned: true }],
    };
    const wishes = ['2027-01-25', '2027-01-26', '2027-01-27'].map((date) => ({ employee: 'e1', date, kind: 'off' as const }));
    const old = generatePlan(plan, { seed: 1, maxMoves: 150_000, wishes, overTolerance: { share: Infinity, minHours: Infinity } });
    const res = generatePlan(plan, { seed: 1, maxMoves: 150_000, wishes });
    const siriOld = overTarget(old.plan).get('e1')!;
    const siri = overTarget(res.plan).get('e1')!;
    expect(siri.target).toBeCloseTo(351, 0);
    // Without the limit she ends far above her position; with it, within 5 % of her target.
    expect(siriOld.over).toBeGreaterThan(50);
    expect(siri.over).toBeLessThanOrEqual(0.05 * siri.target + 1e-6);
    for (const x of overTarget(res.plan).values()) expect(x.over).toBeLessThanOrEqual(overToleranceMinutes(x.target * 60) / 60 + 1e-6);
    expect(res.ignoredWishes).toEqual([]);
    // The nights the two nurses cannot take stay open, and the reason says they reached their position.
    const nights = res.openShifts.filter((o) => o.shift === 'N' && o.competence === 'sykepleier');
    expect(nights.length).toBeGreaterThan(20);
    expect(nights.filter((o) => o.reason.includes('har nådd stillingen sin')).length).toBeGreaterThan(nights.length / 2);
    for (const o of res.openShifts) expect(o.reason).not.toContain('flere timer enn stillingen');
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
    expect(res.errors).toEqual([]);
  });
});

describe("plan generator: repair keeps the leader's overtime", () => {
  it('repair removes a rest breach without trimming an employee who was already planned above the limit', { timeout: 120_000 }, () => {
    const unit = generateUnit({ employees: 15, weeks: 6, seed: 4 });
    const filled = generatePlan(unit, { seed: 1, maxMoves: 100_000 }).plan;
    const e = unit.employees.find((x) => !unit.assignments.some((a) => a.employee === x.id))!.id;
    // Give her three extra day shifts on free days (beyond her limit) and a rest breach.
    const busy = new Set(filled.assignments.filter((a) => a.employee === e).map((a) => a.date));
    const free = ['2026-01-20', '2026-01-21', '2026-01-22', '2026-01-27', '2026-01-28', '2026-01-29', '2026-02-03', '2026-02-04']
      .filter((d) => !busy.has(d))
      .slice(0, 3);
    const broken: TurnusPlan = {
      ...filled,
      assignments: [
        ...filled.assignments.filter((a) => a.employee !== e || (a.date !== '2026-01-13' && a.date !== '2026-01-14')),
        { employee: e, date: '2026-01-13', code: 'A' },
        { employee: e, date: '2026-01-14', code: 'D' },
        ...free.map((date) => ({ employee: e, date, code: 'D' })),
      ],
    };
    expect(checkPlan(broken).some((v) => v.rule === 'AML-REST-DAILY')).toBe(true);
    const res = generatePlan(broken, { mode: 'repair', seed: 1, maxMoves: 60_000 });
    expect(checkPlan(res.plan).filter(isHardViolation)).toEqual([]);
    expect(res.changes.length).toBeLessThan(20);
  });
});
