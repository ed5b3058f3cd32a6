import { describe, expect, it } from 'vitest';
import { resolveCostModel, vikarLedger } from '../../../shared/metrics/economics';
import { handModel, weekPlan } from './fixture-week';

const model = handModel();

describe('vikar ledger on the hand-checked week', () => {
  const plan = weekPlan(); // 90 uncovered hours
  const l = vikarLedger(plan, { kind: 'entered', vikarHours: { byra: 10, overtid: 20, ekstravakt: 30, internVikar: 100 } }, model);

  it('unit cost per vikar hour and channel', () => {
    expect(l.vikarHourCost).toEqual({ byra: 1000, overtid: 750, ekstravakt: 500, internVikar: 500 });
  });
  it('baseline 160 h = kr 90 000; the plan needs 90 h, the 70 saved come out of byrå → overtid → ekstravakt → intern', () => {
    expect(l.before.vikarKronerTotal).toBe(10 * 1000 + 20 * 750 + 30 * 500 + 100 * 500);
    expect(l.after.vikarHours).toEqual({ byra: 0, overtid: 0, ekstravakt: 0, internVikar: 90 });
    expect(l.after.vikarKronerTotal).toBe(45_000);
    expect(l.vikarHoursSaved).toBe(70);
    expect(l.vikarKronerSaved).toBe(45_000);
  });
  it('fixed salary: paid position = max(contracted, resulting), kr 923 000 × d/365', () => {
    const share = 7 / 365;
    expect(l.before.fixedSalaryKroner).toBeCloseTo(2.4 * 923_000 * share, 6);
    const after = 1 + 52.5 / 35.5 + 27.5 / 35.5 + 0.3 + 12.5 / 35.5;
    expect(l.after.fixedSalaryKroner).toBeCloseTo(after * 923_000 * share, 6);
    expect(l.addedFixedSalaryKroner).toBeCloseTo((after - 2.4) * 923_000 * share, 6);
    expect(l.netSaving).toBeCloseTo(45_000 - (after - 2.4) * 923_000 * share, 6);
  });
  it('per employee: the raise, its hours and the vikar kroner it replaces (its share of the credited hours)', () => {
    const h1 = l.employees.find((e) => e.id === 'h1')!;
    expect(h1.raise).toBeCloseTo(52.5 / 35.5 - 0.5, 12);
    expect(h1.addedHours).toBeCloseTo(34.75, 9); // 52.5 − 0.5 × 35.5
    // Added hours: Hans 34.75 + Hege 13.3 + Wenche 5.4 = 53.45 ≤ 70 saved → all replace vikar at 45 000 / 70 kr/h
    expect(h1.replacedVikarHours).toBeCloseTo(34.75, 9);
    expect(h1.replacedVikarKroner).toBeCloseTo((34.75 * 45_000) / 70, 6);
    expect(h1.net).toBeCloseTo((34.75 * 45_000) / 70 - ((52.5 / 35.5 - 0.5) * 923_000 * 7) / 365, 6);
    expect(l.employees.find((e) => e.id === 'a1')).toBeUndefined(); // no raise: not in the table
    expect(l.employees.reduce((s, e) => s + e.replacedVikarKroner, 0)).toBeCloseTo(l.raiseVikarKroner, 6);
  });
  it('returns the assumptions used', () => {
    expect(l.assumptions.map((a) => a.key)).toEqual(expect.arrayContaining(['agaRate', 'vikarMix', 'replacementOrder', 'yearShare']));
    expect(l.notes.join(' ')).toMatch(/byråvikar/);
  });
  it('a baseline plan: same plan gives zero saving', () => {
    const same = vikarLedger(plan, { kind: 'plan', plan: weekPlan() }, model);
    expect(same.vikarHoursSaved).toBe(0);
    expect(same.netSaving).toBeCloseTo(0, 9);
    expect(same.before.vikarHoursTotal).toBe(90);
  });
  it('rejects a negative entered number naming the field', () => {
    expect(() => vikarLedger(plan, { kind: 'entered', vikarHours: { byra: -1 } }, model)).toThrow(/vikarHours\.byra/);
  });
});

describe('figures for the UI', () => {
  it('every headline figure carries its formula and the assumptions used', async () => {
    const { ledgerFigures, unitCostFigures, unitCosts } = await import('../../../shared/metrics/economics');
    const l = vikarLedger(weekPlan(), { kind: 'entered', vikarHours: { total: 100 } }, model);
    const figs = ledgerFigures(l);
    expect(figs.find((x) => x.label === 'Sparte vikartimer')!.value).toBe(10); // 100 → 90
    for (const x of figs) {
      expect(x.formula.length).toBeGreaterThan(5);
      expect(x.assumptions.length).toBeGreaterThan(5);
    }
    const u = unitCostFigures(unitCosts(resolveCostModel(), 'sykepleier', 2025));
    expect(Math.round(u[0].value / 10) * 10).toBe(738_160); // 738 159.5
  });
});
