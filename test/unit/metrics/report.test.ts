import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, formatReport } from '../../../shared/metrics/report';
import type { TurnusPlan } from '../../../shared/plan/model';
import { FIXTURES } from '../../paths';
import { checkIndex } from '../../../shared/rules/engine';
import { coverage } from '../../../shared/metrics/coverage';
import { indexPlan } from '../../../shared/plan/plan-index';

const load = (name: string) => ({
  plan: JSON.parse(readFileSync(`${FIXTURES}/${name}.turnus.json`, 'utf8')) as TurnusPlan,
  expected: JSON.parse(readFileSync(`${FIXTURES}/${name}.expected.json`, 'utf8')),
});

describe.each(['christmas-report', 'rules-november'])('buildReport(%s) matches the fixture', (name) => {
  const { plan, expected } = load(name);
  const report = buildReport(plan);

  it('employee numbers (hours to 0.01, fractions to 0.0005)', () => {
    expect(report.employees.map((e) => e.id)).toEqual(expected.employees.map((e: { id: string }) => e.id));
    for (const exp of expected.employees) {
      const got = report.employees.find((e) => e.id === exp.id)!;
      expect(Math.abs(got.plannedHours - exp.plannedHours)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(got.targetHours - exp.targetHours)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(got.resultingPosition - exp.resultingPosition)).toBeLessThanOrEqual(0.0005);
      expect(got.weekendsWorked).toBe(exp.weekendsWorked);
      expect(got.longShifts).toBe(exp.longShifts);
    }
  });

  it('unit numbers', () => {
    const u = report.unit,
      x = expected.unit;
    for (const k of ['heltidsandel', 'averagePosition'] as const) {
      expect(Math.abs(u[k].contracted - x[k].contracted)).toBeLessThanOrEqual(0.0005);
      expect(Math.abs(u[k].resulting - x[k].resulting)).toBeLessThanOrEqual(0.0005);
    }
    expect(Math.abs(u.neededHours - x.neededHours)).toBeLessThanOrEqual(0.01);
    expect(u.uncoveredShifts).toBe(x.uncoveredShifts);
    expect(Math.abs(u.uncoveredHours - x.uncoveredHours)).toBeLessThanOrEqual(0.01);
  });

  it('prints a Norwegian text report', () => {
    const text = formatReport(report);
    expect(text).toContain('Heltidsandel');
    expect(text).toContain('Udekkede vakter');
  });
});

describe('christmas fixture worked by hand', () => {
  const { plan } = load('christmas-report');
  const r = buildReport(plan);
  it('Mona (100 %, T = 35.5, 28 days, 3 red days Mon–Sat) has target 142 − (3 red days + 5 vacation days) × 35.5/6', () => {
    // d = 28 → 35.5 × 28/7 = 142; H = 25/12, 26/12, 1/1 (all Mon–Sat) → 3 × 5.9167 = 17.75;
    // she has vacation: expected target 94.6667 → FE = (142 − 17.75 − 94.6667) / 5.9167 = 5 days.
    const m1 = r.employees.find((e) => e.id === 'm1')!;
    expect(m1.targetHours).toBeCloseTo(142 - ((3 + 5) * 35.5) / 6, 6);
    expect(m1.resultingPosition).toBeCloseTo(112.5 / m1.targetHours, 6);
  });
  it('needed hours: 17 weekdays × (D + A) + 8 weekend days × L + 3 holidays × L = 392.5', () => {
    expect(r.unit.neededHours).toBe(17 * 15 + 8 * 12.5 + 3 * 12.5);
  });
});

describe('buildReport with the index and coverage a caller already has', () => {
  it.each(['christmas-report', 'rules-november'])('%s: same report after the rule check used the same index', (name) => {
    const { plan } = load(name);
    const alone = JSON.stringify(buildReport(plan));
    const index = indexPlan(plan);
    checkIndex(index); // the rule check runs first and may fill the index's caches
    expect(JSON.stringify(buildReport(plan, { index }))).toBe(alone);
    expect(JSON.stringify(buildReport(plan, { index, coverage: coverage(index) }))).toBe(alone);
  });
  it('refuses an index built from another plan', () => {
    const a = load('christmas-report').plan;
    const b = load('rules-november').plan;
    expect(() => buildReport(a, { index: indexPlan(b) })).toThrow(/annen plan/);
  });
});

describe('agreements as evidence in the report', () => {
  it('lists every relaxed limit with the agreement on file, or none', () => {
    const plan = JSON.parse(readFileSync(`${FIXTURES}/rules-november.turnus.json`, 'utf8')) as TurnusPlan;
    const bare = buildReport(plan).unit.agreements;
    // The defaults 12,5 h shifts and 54 h weeks are relaxed limits (aml § 10-5 (2)); none is on file.
    expect(bare.map((a) => [a.parameter, a.value, a.record])).toEqual([
      ['rules.agreements.maxShiftHours', 12.5, null],
      ['rules.agreements.maxWeekHours', 54, null],
    ]);
    const record = { key: 'maxShiftHours' as const, signedDate: '2025-02-01', parties: 'NSF og Fagforbundet', validUntil: '2026-12-31' };
    const filed = buildReport({ ...plan, rules: { agreementRecords: [record] } });
    expect(filed.unit.agreements[0].record).toEqual(record);
    expect(formatReport(filed)).toContain(
      'Utvidet grense rules.agreements.maxShiftHours = 12,5 (avtale med tillitsvalgte, aml § 10-5 (2)): NSF og Fagforbundet, signert 2025-02-01, gyldig til 2026-12-31',
    );
  });
});
