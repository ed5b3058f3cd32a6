/**
 * Properties of the scenario ledger's split (shared/metrics ledgerSplit via scenarioLedger): for
 * any raises, re-planned cells and staff changes, the parts add up to the net; raising nobody and
 * re-planning nothing gives 0 in every part; a raise without re-planning leaves the others at 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioLedger } from '../../../shared/scenario';
import { applyCellChanges, type CellChange } from '../../../shared/plan/cell-change';
import type { TurnusPlan } from '../../../shared/plan/model';
import { weekPlan } from '../metrics/fixture-week';
import { vikarLedger } from '../../../shared/metrics';

const DATES = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10', '2026-01-11'];
const IDS = ['s1', 'h1', 'h2', 'a1', 'w1'];

const arbCell = fc.record({
  employeeId: fc.constantFrom(...IDS),
  date: fc.constantFrom(...DATES),
  code: fc.constantFrom('D', 'A', 'L', null),
});
const arbChange = fc.record({
  raises: fc.array(fc.record({ id: fc.constantFrom(...IDS), to: fc.integer({ min: 10, max: 100 }) }), { maxLength: 4 }),
  cells: fc.array(arbCell, { maxLength: 25 }),
  addPerson: fc.boolean(),
  removePerson: fc.option(fc.constantFrom(...IDS), { nil: null }),
});

function build(
  base: TurnusPlan,
  c: { raises: { id: string; to: number }[]; cells: CellChange[]; addPerson: boolean; removePerson: string | null },
): TurnusPlan {
  let plan: TurnusPlan = structuredClone(base);
  for (const r of c.raises) {
    const e = plan.employees.find((x) => x.id === r.id)!;
    e.position = r.to / 100;
  }
  plan = applyCellChanges(plan, c.cells);
  if (c.addPerson) {
    plan.employees.push({ id: 'n1', name: 'Ny', competence: 'helsefagarbeider', position: 0.8 });
    plan.assignments.push({ employee: 'n1', date: DATES[0], code: 'D' }, { employee: 'n1', date: DATES[1], code: 'A' });
  }
  if (c.removePerson) {
    plan.employees = plan.employees.filter((e) => e.id !== c.removePerson);
    plan.assignments = plan.assignments.filter((a) => a.employee !== c.removePerson);
  }
  return plan;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('the ledger split', () => {
  it('its parts always add up to the net, the fixed salary and the vikar kroner', () => {
    fc.assert(
      fc.property(arbChange, (c) => {
        const base = weekPlan();
        const l = scenarioLedger(build(base, c), base);
        const parts = l.split.parts;
        expect(sum(parts.map((p) => p.net.period))).toBeCloseTo(l.net.period, 4);
        expect(sum(parts.map((p) => p.net.year))).toBeCloseTo(l.net.year, 3);
        expect(sum(parts.map((p) => p.fixedKroner))).toBeCloseTo(l.addedFixedKroner, 4);
        expect(sum(parts.map((p) => p.vikarKronerRemoved))).toBeCloseTo(l.vikarKronerRemoved, 4);
        expect(sum(parts.map((p) => p.vikarHoursRemoved))).toBeCloseTo(l.vikarHoursRemoved, 6);
        expect(sum(parts.map((p) => p.paidHours))).toBeCloseTo(l.paidHours.after - l.paidHours.before, 6);
        expect(sum(parts.map((p) => p.people))).toBe(new Set([...base.employees, ...build(base, c).employees].map((e) => e.id)).size);
        // The raise is never credited with more vikar hours than the ledger removes, nor the other way.
        const raise = parts[0];
        if (raise.vikarHoursRemoved > 0) expect(raise.vikarHoursRemoved).toBeLessThanOrEqual(l.vikarHoursRemoved + 1e-9);
        if (raise.vikarHoursRemoved < 0) expect(raise.vikarHoursRemoved).toBeGreaterThanOrEqual(l.vikarHoursRemoved - 1e-9);
        expect(l.split.parts.some((p) => p.key === 'staff')).toBe(c.addPerson || c.removePerson !== null);
        // The Økonomi tab's per-person rows are the raise's line, person by person.
        const rows = vikarLedger(build(base, c), { kind: 'plan', plan: base }).employees;
        expect(rows.length).toBe(raise.people);
        expect(sum(rows.map((e) => e.replacedVikarKroner))).toBeCloseTo(raise.vikarKronerRemoved, 4);
        expect(sum(rows.map((e) => e.net))).toBeCloseTo(raise.net.period, 4);
      }),
      { numRuns: 150 },
    );
  });

  it('raising nobody and re-planning nothing gives 0 in every part', () => {
    const base = weekPlan();
    const l = scenarioLedger(structuredClone(base), base);
    expect(l.net.period).toBe(0);
    for (const p of l.split.parts) {
      expect([p.paidHours, p.plannedHours, p.fixedKroner, p.vikarHoursRemoved, p.vikarKronerRemoved, p.net.period]).toEqual([
        0, 0, 0, 0, 0, 0,
      ]);
    }
    expect(l.split.parts.map((p) => p.people)).toEqual([0, 5]);
    expect(l.split.warning).toBeNull();
    expect(l.split.headline).toContain('Koster det samme');
  });

  it('a raise without re-planning: the others stay at 0 and the raise costs its added positions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom(...IDS), to: fc.integer({ min: 10, max: 100 }) }), { minLength: 1, maxLength: 4 }),
        (raises) => {
          const base = weekPlan();
          const l = scenarioLedger(build(base, { raises, cells: [], addPerson: false, removePerson: null }), base);
          const others = l.split.parts.find((p) => p.key === 'others')!;
          expect([others.paidHours, others.fixedKroner, others.vikarKronerRemoved, others.net.period]).toEqual([0, 0, 0, 0]);
          expect(l.split.warning).toBeNull();
          expect(l.split.parts[0].net.period).toBeCloseTo(l.net.period, 6);
          expect(l.split.parts[0].vikarHoursRemoved).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
