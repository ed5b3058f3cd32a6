import { describe, expect, it } from 'vitest';
import { positions } from '../../../shared/metrics/positions';
import { weekendMetrics, spread } from '../../../shared/metrics/weekends';
import { milestone, progressToward, targetProfile, TARGET_PROFILES } from '../../../shared/metrics/targets';
import type { TurnusPlan } from '../../../shared/plan/model';
import { weekPlan } from './fixture-week';

describe('positions on the hand-checked week (7 days, T = 35.5 → 35.5 h at 100 %)', () => {
  const p = positions(weekPlan());
  const e = (id: string) => p.employees.find((x) => x.id === id)!;

  it('resulting position = planned ÷ (35.5 − vacation days × 35.5/6)', () => {
    expect(e('s1').plannedHours).toBe(7.5); // PERM credits nothing
    expect(e('s1').resulting).toBeCloseTo(7.5 / 35.5, 12);
    expect(e('h1').plannedHours).toBe(52.5); // D + L + D + L + L
    expect(e('h1').resulting).toBeCloseTo(52.5 / 35.5, 12);
    expect(e('h2').resulting).toBeCloseTo(27.5 / 35.5, 12);
    expect(e('a1').fullTimeHours).toBeCloseTo(35.5 - 35.5 / 6, 12); // one FE Thursday
    expect(e('a1').resulting).toBeCloseTo(7.5 / (35.5 - 35.5 / 6), 12);
    expect(e('w1').resulting).toBeCloseTo(12.5 / 35.5, 12);
  });

  it('heltidsandel and average position, contracted and resulting', () => {
    expect(p.unit.heltidsandel).toEqual({ contracted: 0.2, resulting: 0.2 }); // Siri before, Hans after
    expect(p.unit.averagePosition.contracted).toBeCloseTo((1 + 0.5 + 0.4 + 0.3 + 0.2) / 5, 12);
    const res = (7.5 / 35.5 + 52.5 / 35.5 + 27.5 / 35.5 + 7.5 / (35.5 - 35.5 / 6) + 12.5 / 35.5) / 5;
    expect(p.unit.averagePosition.resulting).toBeCloseTo(res, 12);
  });

  it('ufrivillig deltid: 3 before (gap 0.3 + 0.2 + 0.2), only Aud after', () => {
    const inv = p.unit.involuntary;
    expect(inv.countBefore).toBe(3);
    expect(inv.countAfter).toBe(1);
    expect(inv.gapBefore).toBeCloseTo(0.7, 12);
    expect(inv.gapAfter).toBeCloseTo(0.5 - 7.5 / (35.5 - 35.5 / 6), 12);
    expect(inv.removed).toBeCloseTo(0.7 - inv.gapAfter, 12);
  });

  it('small positions (< 50 %) and weekend-only positions', () => {
    expect(p.unit.smallPositions).toEqual({ contracted: 3, resulting: 3 });
    expect(p.unit.weekendOnly).toBe(1);
    expect(e('w1').weekendOnly).toBe(true);
  });
});

describe('weekend burden', () => {
  const w = weekendMetrics(weekPlan());
  const e = (id: string) => w.employees.find((x) => x.id === id)!;
  it('weekends, weekend hours, helgebelastning and k_eff', () => {
    expect(w.weekends).toEqual(['2026-01-10']);
    expect(e('h1')).toMatchObject({ weekendsWorked: 1, weekendHours: 25, kEff: 1, longShifts: 3 });
    expect(e('h1').weekendLoad).toBeCloseTo(25 / 52.5, 12);
    expect(e('s1')).toMatchObject({ weekendsWorked: 0, weekendHours: 0, kEff: null, weekendShare: 0 });
    expect(e('w1').weekendLoad).toBe(1);
  });
  it('fairness spread across the unit', () => {
    expect(w.fairness.weekendsWorked.min).toBe(0);
    expect(w.fairness.weekendsWorked.max).toBe(1);
    expect(w.fairness.weekendsWorked.mean).toBeCloseTo(0.6, 12);
    expect(w.fairness.weekendsWorked.std).toBeCloseTo(Math.sqrt(0.24), 12);
    expect(spread([2, 4, 4, 4, 5, 5, 7, 9]).std).toBe(2);
  });
  it('weekends inside vacation are left out of k_eff', () => {
    // Four weekends; Kari has FE Friday 16 + Monday 19 (weekend 17/18 inside vacation) and works 2 weekends.
    const plan: TurnusPlan = {
      format: 'turnusplan',
      version: 1,
      unit: { name: 'x' },
      period: { start: '2026-01-05', end: '2026-02-01' },
      shiftTypes: [{ code: 'L', start: '08:00', end: '20:30' }],
      employees: [{ id: 'k', name: 'Kari', competence: 'sykepleier', position: 0.5 }],
      demand: [],
      assignments: [
        { employee: 'k', date: '2026-01-10', code: 'L' },
        { employee: 'k', date: '2026-01-11', code: 'L' },
        { employee: 'k', date: '2026-01-16', code: 'FE' },
        { employee: 'k', date: '2026-01-19', code: 'FE' },
        { employee: 'k', date: '2026-01-31', code: 'L' },
      ],
    };
    const k = weekendMetrics(plan).employees[0];
    expect(k).toMatchObject({ weekendsInPeriod: 4, vacationWeekends: 1, weekendsWorked: 2, kEff: 1.5 });
  });
});

describe('target profiles', () => {
  it('ship Asker 2030, Asker Velferd and KS-statistikk', () => {
    expect(TARGET_PROFILES.map((p) => p.id)).toEqual(['asker-2030', 'asker-velferd', 'ks-statistikk']);
    expect(targetProfile('ks-statistikk').heltidThreshold).toBe(1);
    expect(() => targetProfile('oslo')).toThrow(/Ukjent målprofil «oslo»/);
  });
  it('Velferd timeline: linear 2024 → 2030 from 55.5 % / 74.5 % to 74 % / 90 %', () => {
    const v = targetProfile('asker-velferd');
    expect(milestone(v, 'heltidsandel', 2024)).toBeCloseTo(0.555, 12);
    expect(milestone(v, 'heltidsandel', 2027)).toBeCloseTo(0.555 + (0.74 - 0.555) / 2, 12); // 0.6475
    expect(milestone(v, 'averagePosition', 2026)).toBeCloseTo(0.745 + (0.155 * 2) / 6, 12);
    expect(milestone(v, 'averagePosition', 2031)).toBe(0.9);
  });
  it('progress uses the profile threshold: 80 % counts as heltid for Asker, not for KS', () => {
    const pos = [1.0, 0.8, 0.8, 0.5];
    const asker = progressToward(pos, targetProfile('asker-2030'), 2026);
    expect(asker.metrics[0]).toMatchObject({ metric: 'heltidsandel', value: 0.75, target: 0.9, onTrack: false });
    expect(asker.metrics[0].gap).toBeCloseTo(0.15, 12);
    expect(asker.metrics[1].value).toBeCloseTo(0.775, 12);
    const ks = progressToward(pos, targetProfile('ks-statistikk'), 2026);
    expect(ks.metrics[0]).toMatchObject({ value: 0.25, target: null, baseline: 0.242, onTrack: null });
    const velferd = progressToward(pos, targetProfile('asker-velferd'), 2027);
    // (0.75 − 0.555) / (0.74 − 0.555) = 1.0541; milestone 0.6475 → on track
    expect(velferd.metrics[0].progress).toBeCloseTo(0.195 / 0.185, 12);
    expect(velferd.metrics[0].onTrack).toBe(true);
  });
});
