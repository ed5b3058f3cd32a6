import { describe, expect, it } from 'vitest';
import {
  applyVikarDelta,
  DEFAULT_COST_MODEL,
  nettoHours100,
  resolveCostModel,
  splitVikarHours,
  unitCosts,
  vikarCost,
} from '../../../shared/metrics/economics';

describe('unit costs, domain.md § 7.2 worked example (L = 556 600, T = 35.5, 2025, MONSAT)', () => {
  const u = unitCosts(resolveCostModel(), 'sykepleier', 2025);

  it('netto hours at 100 % in 2025 = 1846 − 177.5 − 10 × 35.5/6 = 1609.33', () => {
    expect(u.nettoHours100).toBeCloseTo(1609.3333, 4);
    expect(nettoHours100(DEFAULT_COST_MODEL, 2026)).toBeCloseTo(1615.25, 2); // § 5.2: 1615.3
    expect(nettoHours100(DEFAULT_COST_MODEL, 2027)).toBeCloseTo(1621.17, 2); // § 5.2: 1621.2
  });

  it('C_year_FTE = 1.3262 × L ≈ kr 738 160', () => {
    // 556 600 × (47/52 × 1.12) × 1.141 = 642 897.4; + 556 600 × 0.15 × 1.141 = 95 262.1
    expect(u.salaryPaidFactor).toBeCloseTo(1.0123, 4);
    expect(u.costPerFteYear).toBeCloseTo(738_159.5, 0);
    expect(Math.round(u.costPerFteYear / 10) * 10).toBe(738_160);
    expect(u.costPerFteYear / 556_600).toBeCloseTo(1.3262, 4);
  });

  it('per paid hour kr 400, per netto hour kr 459, per productive hour kr 499', () => {
    expect(Math.round(u.costPerPaidHour)).toBe(400); // 738 159.5 / 1846 = 399.87
    expect(Math.round(u.costPerNettoHour)).toBe(459); // / 1609.33 = 458.67
    expect(Math.round(u.costPerProductiveHour)).toBe(499); // / (1609.33 × 0.92) = 498.55
  });

  it('internal vikar kr 437 with pension / kr 385 without', () => {
    // 556 600 / 1846 = 301.52; × 1.12 × 1.141 = 385.31; + 301.52 × 0.15 × 1.141 = 51.60
    expect(Math.round(u.vikarWithoutPension)).toBe(385);
    expect(Math.round(u.vikarWithPension)).toBe(437);
    expect(u.internVikar).toBe(u.vikarWithPension);
  });

  it('overtime kr 577 / 769 / 897', () => {
    // 556 600 / 1850 = 300.86 × 1.12 × 1.141 = 384.48 → × 1.5, × 2, × 7/3
    expect(Math.round(u.overtime.ordinary)).toBe(577);
    expect(Math.round(u.overtime.eveningWeekend)).toBe(769);
    expect(Math.round(u.overtime.holiday)).toBe(897);
  });

  it('byrå ≈ kr 1 150 = 2.5 × netto-hour cost (the published figure is rounded from 1 146.7)', () => {
    expect(u.byra).toBeCloseTo(1146.7, 1);
    expect(Math.round(u.byra / 50) * 50).toBe(1150);
    // The § 7.2 formula variant, 2.5 × c_fast_prod, gives ≈ 1 246.
    const prod = unitCosts(resolveCostModel({ byraBasis: 'productive' }), 'sykepleier', 2025);
    expect(Math.round(prod.byra)).toBe(1246);
  });

  it('every assumption carries a source tag', () => {
    for (const a of u.assumptions) {
      expect(a.source.length).toBeGreaterThan(5);
      expect(['LOV', 'TARIFF-KS', 'PRAKSIS', 'INFERENS', 'KONFIG', 'UVERIFISERT']).toContain(a.tag);
    }
  });
});

describe('cost model overrides', () => {
  it('merges the plan costs block over the defaults', () => {
    const m = resolveCostModel({ agaRate: 0.106, salaryByCompetence: { helsefagarbeider: 520_000 }, byraHourly: 1200 });
    expect(m.agaRate).toBe(0.106);
    expect(m.salaryByCompetence.helsefagarbeider).toBe(520_000);
    expect(m.salaryByCompetence.sykepleier).toBe(556_600);
    expect(unitCosts(m).byra).toBe(1200);
  });
  it('rejects bad values naming the field, in Norwegian', () => {
    expect(() => resolveCostModel({ agaRate: 'høy' })).toThrow(/costs\.agaRate: må være et tall/);
    expect(() => resolveCostModel({ vikarMix: { byra: 0.5 } })).toThrow(/costs\.vikarMix: andelene må summere til 1/);
    expect(() => resolveCostModel({ replacementOrder: ['byra'] })).toThrow(/costs\.replacementOrder/);
  });
});

describe('vikar hours by channel', () => {
  const m = resolveCostModel();
  it('removes hours in replacement order: byrå → overtid → ekstravakt → intern vikar', () => {
    const before = splitVikarHours(100, m.vikarMix); // 4 / 16 / 30 / 50
    const after = applyVikarDelta(before, -30, m);
    expect(after).toEqual({ byra: 0, overtid: 0, ekstravakt: 20, internVikar: 50 });
  });
  it('adds hours by the channel mix', () => {
    const after = applyVikarDelta({ byra: 0, overtid: 0, ekstravakt: 0, internVikar: 0 }, 50, m);
    expect(after).toEqual({ byra: 2, overtid: 8, ekstravakt: 15, internVikar: 25 });
  });
  it('costs each channel at its own rate', () => {
    expect(
      vikarCost({ byra: 2, overtid: 1, ekstravakt: 0, internVikar: 10 }, { byra: 1000, overtid: 600, ekstravakt: 400, internVikar: 437 }),
    ).toEqual({ byra: 2000, overtid: 600, ekstravakt: 0, internVikar: 4370 });
  });
});
