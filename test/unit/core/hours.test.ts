// Planned/target hours, resulting position, weekly norms, vacation and DST (domain.md §3, §5;
// plan-format.md). Expected numbers are computed by hand in the comments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOf, fromDay, toDay } from '../../../shared/calendar';
import {
  fullTimeHours,
  hovedferieStatus,
  nettoAt100,
  plannedHours,
  resultingPosition,
  targetHours,
  tredeltFromPlan,
  tredeltWeeklyHours,
  vacationEntitlementDays,
  vacationHoursEntitlement,
  vacationVirkedager,
} from '../../../shared/plan/hours';
import type { HolidayReduction, TurnusPlan } from '../../../shared/plan/model';
import { type Cell, DayCellMap, indexPlan, makeCell, nightMinutes, paidHours, utcOf } from '../../../shared/plan/plan-index';
import { osloToUtc } from '../../../shared/calendar';
import { longShiftCount, weekendHours, workedWeekends } from '../../../shared/plan/weekends';
import { loadFixture, makePlan, rows } from './helpers';

/** A 364-day plan from 1 Jan with five full vacation weeks (Mon–Sun) from the first Monday of July. */
function yearPlan(year: number, mode: HolidayReduction): TurnusPlan {
  const start = dayOf(year, 1, 1);
  let july = dayOf(year, 7, 1);
  while (new Date(july * 86400000).getUTCDay() !== 1) july++;
  const fe: [string, string][] = [];
  for (let d = july; d < july + 35; d++) fe.push([fromDay(d), 'FE']);
  return makePlan({
    period: { start: fromDay(start), end: fromDay(start + 363) },
    rules: { holidayReduction: mode },
    employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1, weeklyHours: 35.5 }],
    assignments: rows('e1', fe),
  });
}

describe('netto reference values (domain.md §5.2: 100 % of 35.5, 52 weeks, 5 weeks vacation)', () => {
  // Brutto 52 × 35.5 = 1846; Ferie 30 × 35.5/6 = 25 × 7.1 = 177.5.
  // MONSAT: H = red days Mon–Sat × 35.5/6; MONFRI: H = red days Mon–Fri × 7.1.
  const cases: [number, number, number, number, number][] = [
    // year, red Mon–Sat, red Mon–Fri, table MONSAT, table MONFRI
    [2025, 10, 9, 1609.3, 1604.6],
    [2026, 9, 8, 1615.3, 1611.7],
    [2027, 8, 6, 1621.2, 1625.9],
  ];
  for (const [year, monSat, monFri, tabSat, tabFri] of cases) {
    it(`${year}`, () => {
      const a = indexPlan(yearPlan(year, 'MONSAT_T_OVER_6'));
      const b = indexPlan(yearPlan(year, 'MONFRI_T_OVER_5'));
      const c = indexPlan(yearPlan(year, 'NONE'));
      expect(fullTimeHours(a, 'e1')).toBeCloseTo(1846 - 177.5 - (monSat * 35.5) / 6, 9);
      expect(fullTimeHours(b, 'e1')).toBeCloseTo(1846 - 177.5 - monFri * 7.1, 9);
      expect(fullTimeHours(c, 'e1')).toBeCloseTo(1846 - 177.5, 9);
      expect(Math.round(fullTimeHours(a, 'e1') * 10) / 10).toBe(tabSat);
      expect(Math.round(fullTimeHours(b, 'e1') * 10) / 10).toBe(tabFri);
      expect(targetHours(a, 'e1')).toBeCloseTo(fullTimeHours(a, 'e1'), 9);
    });
  }

  it('scales with the position and ignores vacation on holidays and Sundays', () => {
    // 4 weeks from Mon 2025-12-15; holidays Mon–Sat: 25, 26 Dec, 1 Jan → H = 3.
    // FE on Wed 24 Dec (counts), Thu 25 Dec (holiday: not counted), Sun 28 Dec (not counted).
    const plan = makePlan({
      period: { start: '2025-12-15', end: '2026-01-11' },
      employees: [{ id: 'e1', name: 'Kari', competence: 'sykepleier', position: 0.5 }],
      assignments: rows('e1', [
        ['2025-12-24', 'FE'],
        ['2025-12-25', 'FE'],
        ['2025-12-28', 'FE'],
      ]),
    });
    const ix = indexPlan(plan);
    // 35.5 × 4 − (1 + 3) × 35.5/6 = 142 − 23.6667 = 118.3333; × 0.5 = 59.1667
    expect(fullTimeHours(ix, 'e1')).toBeCloseTo(118.33333, 4);
    expect(targetHours(ix, 'e1')).toBeCloseTo(59.16667, 4);
    expect(
      nettoAt100({
        weeklyHours: 37.5,
        startDay: toDay('2026-01-05'),
        endDay: toDay('2026-01-11'),
        vacationDays: [],
        mode: 'MONFRI_T_OVER_5',
      }),
    ).toBeCloseTo(37.5, 9);
  });
});

describe('paid hours across daylight-saving changes', () => {
  const N = { code: 'N', start: '22:15', end: '07:45' };
  it('a night shift starting 2026-10-24 is 10.5 h and one starting 2026-03-28 is 8.5 h', () => {
    expect(paidHours(N, toDay('2026-10-24'))).toBe(10.5);
    expect(paidHours(N, toDay('2026-03-28'))).toBe(8.5);
    expect(paidHours(N, toDay('2026-03-21'))).toBe(9.5);
    expect(paidHours({ code: 'K', start: '08:00', end: '16:00', unpaidBreakMinutes: 30 }, toDay('2026-03-29'))).toBe(7.5);
  });
  it('planned hours use the real elapsed time', () => {
    const ix = indexPlan(
      makePlan({
        period: { start: '2026-10-19', end: '2026-10-25' },
        assignments: rows('e1', [
          ['2026-10-24', 'N'],
          ['2026-10-21', 'D'],
        ]),
      }),
    );
    expect(plannedHours(ix, 'e1')).toBe(18);
    expect(ix.employees[0].shifts.map((s) => fromDay(s.day))).toEqual(['2026-10-21', '2026-10-24']);
  });
});

describe('time helpers', () => {
  it('the memoised utcOf equals osloToUtc everywhere, including the change days', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay('2024-01-01'), max: toDay('2031-12-31') }), fc.integer({ min: 0, max: 2880 }), (day, minute) => {
        expect(utcOf(day, minute)).toBe(osloToUtc(day, minute));
      }),
      { numRuns: 2000 },
    );
    for (const d of ['2026-03-29', '2026-10-25', '2025-03-30', '2025-10-26']) {
      for (let m = 0; m <= 1440; m += 15) expect(utcOf(toDay(d), m)).toBe(osloToUtc(toDay(d), m));
    }
  });
  it('night minutes of N 22:15–07:45 are 7 h 45 min (21–06), and of D none', () => {
    const n = indexPlan(
      makePlan({
        period: { start: '2026-01-05', end: '2026-01-11' },
        assignments: rows('e1', [
          ['2026-01-06', 'N'],
          ['2026-01-08', 'D'],
        ]),
      }),
    ).employees[0].shifts;
    expect(nightMinutes(n[0].start, n[0].end)).toBe(465);
    expect(nightMinutes(n[1].start, n[1].end)).toBe(0);
  });
});

describe('fixture report numbers that come from the core (plan-format.md «turnus report»)', () => {
  for (const name of ['rules-november', 'christmas-report']) {
    it(name, () => {
      const { plan, expected } = loadFixture(name);
      const ix = indexPlan(plan);
      for (const e of expected.employees) {
        expect(Math.abs(plannedHours(ix, e.id) - e.plannedHours)).toBeLessThanOrEqual(0.01);
        expect(Math.abs(targetHours(ix, e.id) - e.targetHours)).toBeLessThanOrEqual(0.01);
        expect(Math.abs(resultingPosition(ix, e.id) - e.resultingPosition)).toBeLessThanOrEqual(0.0005);
        expect(workedWeekends(ix, e.id).length).toBe(e.weekendsWorked);
        expect(longShiftCount(ix, e.id)).toBe(e.longShifts);
      }
    });
  }
});

describe('weekends', () => {
  it('a Friday night shift ending Saturday 07:45 counts; a Friday evening shift ending 22:30 does not', () => {
    const ix = indexPlan(
      makePlan({
        period: { start: '2026-01-05', end: '2026-01-25' },
        employees: [
          { id: 'e1', name: 'Kari', competence: 'sykepleier', position: 1 },
          { id: 'e2', name: 'Ola', competence: 'sykepleier', position: 1 },
        ],
        assignments: [
          ...rows('e1', [['2026-01-09', 'N']]),
          ...rows('e2', [
            ['2026-01-09', 'A'],
            ['2026-01-18', 'N'],
          ]),
        ],
      }),
    );
    expect(workedWeekends(ix, 'e1').map(fromDay)).toEqual(['2026-01-10']);
    // Ola's Sunday night 22:15–24:00 is 1 h 45 min inside the weekend of 17/18 Jan.
    expect(workedWeekends(ix, 'e2').map(fromDay)).toEqual(['2026-01-17']);
    expect(weekendHours(ix, 'e1')).toBeCloseTo(7.75, 9);
    expect(weekendHours(ix, 'e2')).toBeCloseTo(1.75, 9);
  });
  it('an overlap of exactly one hour does not count', () => {
    const ix = indexPlan(
      makePlan({
        period: { start: '2026-01-05', end: '2026-01-18' },
        shiftTypes: [{ code: 'S', start: '23:00', end: '01:00' }],
        assignments: rows('e1', [
          ['2026-01-09', 'S'],
          ['2026-01-11', 'S'],
        ]),
      }),
    );
    expect(workedWeekends(ix, 'e1')).toEqual([]);
  });
});

describe('weekly norms and vacation', () => {
  it('tredelt: 37.5 − S·10/60 − N·15/60 clamped to 33.6–35.5', () => {
    expect(tredeltWeeklyHours(0, 0)).toBe(35.5);
    // 6 S-hours and 8 N-hours: 37.5 − 1 − 2 = 34.5
    expect(tredeltWeeklyHours(6, 8)).toBeCloseTo(34.5, 9);
    expect(tredeltWeeklyHours(30, 30)).toBe(33.6);
  });
  it('tredelt from a plan counts a night-and-Sunday hour once, as night', () => {
    // One N shift Sat 10 Jan 2026 22:15 – Sun 07:45 in a 7-day period, 100 %.
    // Night 21–06: 22:15–06:00 = 7.75 h. Sunday zone from Sat 18:00: 22:15–07:45 = 9.5 h, of
    // which 7.75 h are night → S = 1.75 h. C = 1.75/6 + 7.75/4 = 0.29167 + 1.9375 = 2.22917,
    // T = 37.5 − 2.22917 = 35.27083 (inside the 33.6–35.5 clamp).
    const ix = indexPlan(makePlan({ period: { start: '2026-01-05', end: '2026-01-11' }, assignments: rows('e1', [['2026-01-10', 'N']]) }));
    const t = tredeltFromPlan(ix, 'e1');
    expect(t.nightHoursPerWeek).toBeCloseTo(7.75, 9);
    expect(t.sundayHoursPerWeek).toBeCloseTo(1.75, 9);
    expect(t.weeklyHours).toBeCloseTo(35.27083, 4);
  });
  it('vacation entitlement: 25 + 5 virkedager, 60+ one more week; 177.5 h at 100 % of 35.5', () => {
    const e = { id: 'e', name: 'E', competence: 'x', position: 1 };
    expect(vacationEntitlementDays(e)).toBe(30);
    expect(vacationEntitlementDays({ ...e, age60plus: true })).toBe(36);
    expect(vacationHoursEntitlement(e)).toBeCloseTo(177.5, 9);
  });
  it('hovedferie: 18 consecutive virkedager in 1 June–30 Sept', () => {
    // 2026: Mon 6 July + 3 weeks Mon–Sat = 18 virkedager (Sundays neither count nor break).
    const fe: [string, string][] = [];
    for (let d = toDay('2026-07-06'); d < toDay('2026-07-06') + 20; d++) fe.push([fromDay(d), 'FE']);
    const base = makePlan({
      period: { start: '2026-01-01', end: '2026-12-31' },
      employees: [{ id: 'e1', name: 'Kari', competence: 'sykepleier', position: 1, wantsHovedferie: true }],
      assignments: rows('e1', fe),
    });
    const ok = hovedferieStatus(indexPlan(base), 'e1');
    expect(ok).toEqual([{ year: 2026, longestRun: 18, ok: true }]);
    const short = hovedferieStatus(indexPlan({ ...base, assignments: base.assignments.filter((a) => a.date !== '2026-07-15') }), 'e1');
    expect(short[0].ok).toBe(false);
    expect(vacationVirkedager(indexPlan(base), 'e1')).toBe(18);
  });
});

describe('properties', () => {
  it('planned hours are additive over sub-periods', () => {
    const codes = ['D', 'A', 'N', 'L', 'KURS', 'MØTE', 'FE', null];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 1, max: 80 }),
        fc.array(fc.constantFrom(...codes), { minLength: 80, maxLength: 80 }),
        fc.integer({ min: 0, max: 79 }),
        (offset, len, cells, cut) => {
          const start = fromDay(toDay('2025-01-01') + offset);
          const plan = makePlan({
            period: { start, end: addDays(start, len - 1) },
            assignments: cells.slice(0, len).flatMap((c, i) => (c ? [{ employee: 'e1', date: addDays(start, i), code: c }] : [])),
          });
          const ix = indexPlan(plan);
          const k = ix.startDay + Math.min(cut, len - 1);
          const whole = plannedHours(ix, 'e1');
          expect(plannedHours(ix, 'e1', ix.startDay, k) + plannedHours(ix, 'e1', k + 1, ix.endDay)).toBeCloseTo(whole, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('plan index internals (issue 3: cheaper index, same results)', () => {
  it('DayCellMap behaves like a Map under any sequence of updates, inside and far outside its range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -40, max: 80 }), fc.option(fc.constantFrom('D', 'A', 'FE'), { nil: null })), { maxLength: 60 }),
        (ops) => {
          const ix = indexPlan(makePlan({ period: { start: '2026-03-02', end: '2026-03-31' } }));
          const base = toDay('2026-03-02');
          const real = new Map<number, string>();
          const m = new DayCellMap<Cell>(base - 3, 20);
          for (const [off, code] of ops) {
            const day = base + off;
            if (code === null) expect(m.delete(day)).toBe(real.delete(day));
            else {
              m.set(day, makeCell(ix, code, day)!);
              real.set(day, code);
            }
            expect(m.size).toBe(real.size);
          }
          for (let d = base - 45; d <= base + 85; d++) {
            expect(m.has(d)).toBe(real.has(d));
            expect(m.get(d)?.code).toBe(real.get(d));
          }
          const sorted = [...real.keys()].sort((a, b) => a - b);
          expect([...m.keys()]).toEqual(sorted);
          expect([...m.values()].map((c) => c.code)).toEqual(sorted.map((d) => real.get(d)));
          expect([...m].map(([d]) => d)).toEqual(sorted);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('cells are shared between employees with the same code on the same day; a pinned cell is its own', () => {
    const ix = indexPlan(
      makePlan({
        period: { start: '2026-01-05', end: '2026-01-11' },
        employees: [
          { id: 'e1', name: 'Kari', competence: 'sykepleier', position: 1 },
          { id: 'e2', name: 'Ola', competence: 'sykepleier', position: 1 },
        ],
        assignments: [
          { employee: 'e1', date: '2026-01-06', code: 'D' },
          { employee: 'e2', date: '2026-01-06', code: 'D' },
          { employee: 'e1', date: '2026-01-07', code: 'D', pinned: true },
          { employee: 'e2', date: '2026-01-07', code: 'D' },
        ],
      }),
    );
    const [a, b] = ix.employees;
    expect(a.cells.get(toDay('2026-01-06'))).toBe(b.cells.get(toDay('2026-01-06')));
    expect(a.cells.get(toDay('2026-01-07'))?.pinned).toBe(true);
    expect(b.cells.get(toDay('2026-01-07'))?.pinned).toBeUndefined();
    // D 07:30–15:00 = 7.5 h on every date.
    expect(a.shifts.map((s) => s.paidHours)).toEqual([7.5, 7.5]);
  });

  it('reads every date string as toDay does (years 1900–2299)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay('1900-01-01'), max: toDay('2299-12-31') }), (day) => {
        const date = fromDay(day);
        const ix = indexPlan(makePlan({ period: { start: date, end: date }, assignments: [{ employee: 'e1', date, code: 'FE' }] }));
        expect(ix.employees[0].absences.map((a) => a.day)).toEqual([toDay(date)]);
      }),
      { numRuns: 300 },
    );
  });
});
