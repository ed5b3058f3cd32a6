import { describe, expect, it } from 'vitest';
import { toDay } from '../../../shared/calendar';
import { coverage } from '../../../shared/metrics/coverage';
import { absenceCover, weekendCoverage } from '../../../shared/metrics/coverage-views';
import { demandOn, demandSourceOf, demandTable, weeklyDemandHours } from '../../../shared/metrics/demand';
import { indexPlan } from '../../../shared/plan/plan-index';
import type { DemandRow } from '../../../shared/plan/model';
import { weekPlan } from './fixture-week';

describe('bemanningsplan precedence', () => {
  const rows: DemandRow[] = [
    { dayType: 'weekday', shift: 'D', competence: 'any', count: 3 },
    { dayType: 'weekday', shift: 'D', competence: 'any', count: 1 },
    { dayType: 'saturday', shift: 'L', competence: 'any', count: 2 },
    { dayType: 'sunday', shift: 'L', competence: 'any', count: 1 },
    { dayType: 'holiday', shift: 'L', competence: 'any', count: 4 },
    { date: '2026-12-24', shift: 'A', competence: 'any', count: 2 },
  ];
  const t = demandTable(rows);
  it('a date row replaces all other rows for that date', () => {
    expect(demandSourceOf(t, toDay('2026-12-24'))).toBe('date');
    expect(demandOn(t, toDay('2026-12-24'))).toEqual([{ shift: 'A', competence: 'any', count: 2 }]);
  });
  it('holiday rows apply on holidays, also on a Sunday holiday and a weekday holiday', () => {
    expect(demandOn(t, toDay('2026-04-05'))).toEqual([{ shift: 'L', competence: 'any', count: 4 }]); // 1. påskedag (Sunday)
    expect(demandOn(t, toDay('2026-05-01'))).toEqual([{ shift: 'L', competence: 'any', count: 4 }]); // Friday
  });
  it('Saturday, Sunday, weekday; rows of the same shift and competence add up', () => {
    expect(demandOn(t, toDay('2026-01-10'))).toEqual([{ shift: 'L', competence: 'any', count: 2 }]);
    expect(demandOn(t, toDay('2026-01-11'))).toEqual([{ shift: 'L', competence: 'any', count: 1 }]);
    expect(demandOn(t, toDay('2026-01-07'))).toEqual([{ shift: 'D', competence: 'any', count: 4 }]);
  });
  it('without holiday rows a holiday falls back to its weekday type', () => {
    const t2 = demandTable(rows.filter((r) => r.dayType !== 'holiday'));
    expect(demandOn(t2, toDay('2026-05-01'))).toEqual([{ shift: 'D', competence: 'any', count: 4 }]);
  });
  it('weekly demand hours for the helgekalkulator', () => {
    const w = weeklyDemandHours(rows, [
      { code: 'D', start: '07:30', end: '15:00' },
      { code: 'A', start: '15:00', end: '22:30' },
      { code: 'L', start: '08:00', end: '20:30' },
    ]);
    expect(w).toEqual({ weekday: 30, saturday: 25, sunday: 12.5, total: 187.5, weekend: 37.5, weekendRatio: 18.75 / 30 });
  });
});

describe('coverage on the hand-checked week', () => {
  const plan = weekPlan();
  const index = indexPlan(plan);
  const cov = coverage(index);
  const slot = (date: string, shift: string) => cov.slotIndex.get(`${date}|${shift}`)!;

  it('Monday: the sykepleier row stays open although three are on D; A is open', () => {
    const d = slot('2026-01-05', 'D');
    expect(d).toMatchObject({ needed: 3, planned: 3, filled: 2, missing: 1, surplus: 1, status: 'under' });
    expect(d.needs.find((n) => n.competence === 'sykepleier')!.missing).toBe(1);
    expect(slot('2026-01-05', 'A')).toMatchObject({ needed: 1, planned: 0, missing: 1, status: 'under' });
  });
  it('Tuesday: L counts toward D (countsToward) after own-code filling', () => {
    expect(slot('2026-01-06', 'D')).toMatchObject({ needed: 3, planned: 1, filled: 2, missing: 1 });
    expect(slot('2026-01-06', 'L')).toMatchObject({ needed: 0, planned: 1, surplus: 0, status: 'ok' });
  });
  it('Wednesday: the date row replaces the weekday rows (one D, no A)', () => {
    expect(slot('2026-01-07', 'D')).toMatchObject({ needed: 1, planned: 2, missing: 0, surplus: 1, status: 'over' });
    expect(cov.slotIndex.has('2026-01-07|A')).toBe(false);
  });
  it('totals: needed 177.5 h; 12 uncovered shifts = 90 h of planned vikar need', () => {
    // Mon, Tue, Thu, Fri: 3 D + 1 A = 30 h each; Wed 7.5 h; Sat, Sun 2 L = 25 h each.
    expect(cov.neededHours).toBe(4 * 30 + 7.5 + 2 * 25);
    // Mon 2, Tue 2, Thu 4, Fri 4 (Sat and Sun covered).
    expect(cov.uncoveredShifts).toBe(12);
    expect(cov.uncoveredHours).toBe(12 * 7.5);
    expect(cov.uncoveredByCompetence).toEqual({ sykepleier: { shifts: 3, hours: 22.5 }, any: { shifts: 9, hours: 67.5 } });
    expect(cov.surplusShifts).toBe(2);
  });
  it('weekend coverage table', () => {
    const w = weekendCoverage(cov, index);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ saturday: '2026-01-10', sunday: '2026-01-11', needed: 4, missing: 0, heads: 3 });
    expect(w[0].shifts).toEqual([
      {
        shift: 'L',
        saturday: { date: '2026-01-10', needed: 2, filled: 2, missing: 0 },
        sunday: { date: '2026-01-11', needed: 2, filled: 2, missing: 0 },
      },
    ]);
  });
  it("who covers planned absence: Aud's FE Thursday and Siri's PERM Friday are left to vikar", () => {
    const a = absenceCover(cov, index);
    expect(a).toEqual([
      {
        employee: 's1',
        date: '2026-01-09',
        code: 'PERM',
        kind: 'leave',
        usualShift: 'D',
        status: 'vikar',
        coveredBy: [],
        missing: 3,
        vikarHours: 7.5,
      },
      {
        employee: 'a1',
        date: '2026-01-08',
        code: 'FE',
        kind: 'vacation',
        usualShift: 'D',
        status: 'vikar',
        coveredBy: [],
        missing: 3,
        vikarHours: 7.5,
      },
    ]);
  });
});

describe('coverage rows for the grid', () => {
  it('one JSON-safe row per shift code with a status per date', async () => {
    const { coverageGridRows } = await import('../../../shared/metrics/coverage');
    const rows = coverageGridRows(coverage(weekPlan()), ['D', 'A', 'L']);
    expect(rows.map((r) => r.shift)).toEqual(['D', 'A', 'L']);
    const d = rows[0];
    expect(d.cells['2026-01-05']).toEqual({ needed: 3, planned: 3, filled: 2, missing: 1, surplus: 1, status: 'under' });
    expect(d.cells['2026-01-07'].status).toBe('over');
    expect(d.missing).toBe(1 + 1 + 3 + 3);
    expect(rows[2]).toMatchObject({ needed: 4, missing: 0, missingHours: 0 });
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });
});
