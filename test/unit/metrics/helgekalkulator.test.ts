import { describe, expect, it } from 'vitest';
import {
  helgekalkulator,
  helgekalkulatorFromWeeklyDemand,
  ratioOfWeekendShare,
  weekendShareOfRatio,
} from '../../../shared/metrics/helgekalkulator';

// domain.md § 6.3 table: p̄_max in % with a = 0, and (a = 0.096) where the table gives it.
const TABLE: { h: number; k: number; values: [number, number, number | null][] }[] = [
  // [r, a=0, a=0.096]
  {
    h: 7.5,
    k: 2,
    values: [
      [1.0, 73.9, 66.8],
      [0.85, 83.3, null],
      [0.75, 91.5, 82.8],
      [0.65, 102.4, null],
    ],
  },
  {
    h: 7.5,
    k: 3,
    values: [
      [1.0, 49.3, 44.6],
      [0.85, 55.5, null],
      [0.75, 61.0, 55.2],
      [0.65, 68.3, null],
    ],
  },
  {
    h: 8,
    k: 3,
    values: [
      [1.0, 52.6, null],
      [0.85, 59.2, null],
      [0.75, 65.1, null],
      [0.65, 72.8, null],
    ],
  },
  {
    h: 12.5,
    k: 3,
    values: [
      [1.0, 82.2, 74.3],
      [0.85, 92.5, null],
      [0.75, 101.7, 92.0],
      [0.65, 113.8, null],
    ],
  },
  {
    h: 12.5,
    k: 4,
    values: [
      [1.0, 61.6, 55.7],
      [0.85, 69.4, null],
      [0.75, 76.3, 69.0],
      [0.65, 85.3, null],
    ],
  },
];

describe('helgekalkulator (domain.md § 6.3)', () => {
  for (const row of TABLE) {
    for (const [r, a0, a096] of row.values) {
      it(`${row.h} t hver ${row.k}. helg, r = ${r}: ${a0} %${a096 !== null ? ` (${a096} %)` : ''}`, () => {
        const p0 = helgekalkulator({ weekendRatio: r, shiftHours: row.h, frequency: row.k }).maxAveragePosition;
        expect(Math.round(p0 * 1000) / 10).toBe(a0);
        if (a096 !== null) {
          const p1 = helgekalkulator({ weekendRatio: r, shiftHours: row.h, frequency: row.k, vacationShare: 0.096 });
          expect(Math.round(p1.maxAveragePosition * 1000) / 10).toBe(a096);
        }
      });
    }
  }

  it('gives the contract values 0.493 and 0.616', () => {
    expect(helgekalkulator({ weekendRatio: 1, shiftHours: 7.5, frequency: 3 }).maxAveragePosition).toBeCloseTo(0.493, 3);
    expect(helgekalkulator({ weekendRatio: 1, shiftHours: 12.5, frequency: 4 }).maxAveragePosition).toBeCloseTo(0.616, 3);
  });

  it('reading 2: L every 4th gives 6.25 weekend hours per FTE-week vs 5.0 for D/A every 3rd', () => {
    expect(helgekalkulator({ weekendRatio: 1, shiftHours: 12.5, frequency: 4 }).weekendHoursPerHeadWeek).toBe(6.25);
    expect(helgekalkulator({ weekendRatio: 1, shiftHours: 7.5, frequency: 3 }).weekendHoursPerHeadWeek).toBe(5);
  });

  it('reading 3: 90 % with L every 4th needs H_we/H_tot ≤ 0.196, r ≤ 0.61 (a = 0.096: r ≈ 0.54)', () => {
    const res = helgekalkulator({ weekendRatio: 1, shiftHours: 12.5, frequency: 4, targetPosition: 0.9 });
    // 25 / (4 × 35.5 × 0.9) = 25 / 127.8 = 0.19562
    expect(res.maxWeekendShareForTarget).toBeCloseTo(0.19562, 4);
    // r = 5 s / (2 (1 − s)) = 0.9781 / 1.6088 = 0.6080
    expect(res.maxWeekendRatioForTarget).toBeCloseTo(0.608, 3);
    const withVac = helgekalkulator({ weekendRatio: 1, shiftHours: 12.5, frequency: 4, vacationShare: 0.096 });
    expect(withVac.maxWeekendRatioForTarget).toBeCloseTo(0.537, 3);
  });

  it('frequency needed for a target: 7.5 h at r = 1 for 49.3 % is every 3rd weekend', () => {
    const res = helgekalkulator({ weekendRatio: 1, shiftHours: 7.5, frequency: 3, targetPosition: 52.5 / 106.5 });
    expect(res.frequencyForTarget).toBeCloseTo(3, 10);
    // and for 90 % with L: k = 25 × 7 / (0.9 × 35.5 × 2) = 175 / 63.9 = 2.7387
    expect(helgekalkulator({ weekendRatio: 1, shiftHours: 12.5, frequency: 4 }).frequencyForTarget).toBeCloseTo(2.7387, 4);
  });

  it('heads per weekend post = k / (1 − a) and absolute heads from weekday demand hours', () => {
    // 3 persons × 7.5 h on D and A each weekday = 45 h; r = 1 → H_tot = 315 h, H_we = 90 h.
    const res = helgekalkulator({ weekendRatio: 1, shiftHours: 7.5, frequency: 3, weekdayDemandHours: 45 });
    expect(res.headsPerWeekendPost).toBe(3);
    expect(res.absolute).toEqual({ weeklyDemandHours: 315, weekendDemandHours: 90, headsNeeded: 18, fteNeeded: 315 / 35.5 });
    // 18 heads × 35.5 × 0.4930 = 315 h: the heads needed for the weekends, at p̄_max, cover the week exactly.
    expect(res.absolute!.headsNeeded * 35.5 * res.maxAveragePosition).toBeCloseTo(315, 9);
  });

  it('lists the every 2nd…6th rhythms', () => {
    const res = helgekalkulator({ weekendRatio: 1, shiftHours: 12.5, frequency: 4 });
    expect(res.rhythms.map((x) => x.frequency)).toEqual([2, 3, 4, 5, 6]);
    expect(res.rhythms[2].maxAveragePosition).toBe(res.maxAveragePosition);
  });

  it('ratio ↔ share round trip', () => {
    for (const r of [0.3, 0.65, 1, 1.4]) expect(ratioOfWeekendShare(weekendShareOfRatio(r))).toBeCloseTo(r, 12);
  });

  it('rejects bad input with a Norwegian message naming the field', () => {
    expect(() => helgekalkulator({ weekendRatio: 0, shiftHours: 7.5, frequency: 3 })).toThrow(/weekendRatio: helgeandelen/);
    expect(() => helgekalkulator({ weekendRatio: 1, shiftHours: 7.5, frequency: 0 })).toThrow(/frequency/);
    expect(() => helgekalkulator({ weekendRatio: 1, shiftHours: 7.5, frequency: 3, vacationShare: 1 })).toThrow(/vacationShare/);
  });

  it('works on weekly demand hours from a real bemanningsplan', () => {
    // Weekday: 3 D + 3 A à 7.5 h = 45 h; Saturday and Sunday: 3 L à 12.5 h = 37.5 h each.
    const res = helgekalkulatorFromWeeklyDemand(
      { weekday: 45, saturday: 37.5, sunday: 37.5, total: 300, weekend: 75, weekendRatio: 37.5 / 45 },
      { shiftHours: 12.5, frequency: 4 },
    );
    // p̄ = 25 × 300 / (4 × 35.5 × 75) = 7500 / 10650 = 0.70423
    expect(res.maxAveragePosition).toBeCloseTo(0.70423, 5);
    // N_we = 4 × 75 / 25 = 12 heads
    expect(res.headsNeeded).toBe(12);
    expect(res.fteNeeded).toBeCloseTo(300 / 35.5, 12);
  });
});

describe('helgekalkulator on a real bemanningsplan', () => {
  it('Askermodellen: 3 D + 3 A on weekdays, 3 L on Saturday and Sunday, L every 4th weekend', async () => {
    const { helgekalkulatorFromDemand } = await import('../../../shared/metrics/helgekalkulator');
    const { DEFAULT_SHIFT_TYPES } = await import('../../../shared/plan/model');
    const res = helgekalkulatorFromDemand(
      [
        { dayType: 'weekday', shift: 'D', competence: 'any', count: 3 },
        { dayType: 'weekday', shift: 'A', competence: 'any', count: 3 },
        { dayType: 'saturday', shift: 'L', competence: 'any', count: 3 },
        { dayType: 'sunday', shift: 'L', competence: 'any', count: 3 },
        { dayType: 'holiday', shift: 'L', competence: 'any', count: 3 },
      ],
      DEFAULT_SHIFT_TYPES,
      { shiftHours: 12.5, frequency: 4 },
    );
    // H_tot = 5 × 45 + 2 × 37.5 = 300, H_we = 75 → p̄ = 25 × 300 / (4 × 35.5 × 75) = 0.70423, r = 37.5/45
    expect(res.demandHours).toMatchObject({ weekday: 45, saturday: 37.5, sunday: 37.5, total: 300, weekend: 75 });
    expect(res.demandHours.weekendRatio).toBeCloseTo(0.8333, 4);
    expect(res.maxAveragePosition).toBeCloseTo(0.70423, 5);
    expect(res.headsNeeded).toBe(12);
  });
});
