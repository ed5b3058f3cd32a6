import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, toDay } from '../../../shared/calendar';
import { capacity, openShiftsLowerBound } from '../../../shared/metrics/capacity';
import { coverage } from '../../../shared/metrics/coverage';
import { helgekalkulatorFromDemand } from '../../../shared/metrics/helgekalkulator';
import { maxBipartiteMatching } from '../../../shared/metrics/matching';
import type { Assignment, DemandRow, Employee, TurnusPlan } from '../../../shared/plan/model';
import { DEFAULT_SHIFT_TYPES } from '../../../shared/plan/model';
import { groupOfWeekend, weekendAnchorOf, weekendIndex } from '../../../shared/plan/weekend-groups';
import { issuePlan } from './unit';

function bruteMatching(adj: number[][], nRight: number): number {
  const used = new Array<boolean>(nRight).fill(false);
  const go = (u: number): number => {
    if (u === adj.length) return 0;
    let best = go(u + 1);
    for (const v of adj[u]) {
      if (used[v]) continue;
      used[v] = true;
      best = Math.max(best, 1 + go(u + 1));
      used[v] = false;
    }
    return best;
  };
  return go(0);
}

describe('maxBipartiteMatching (Hopcroft–Karp)', () => {
  it('finds the augmenting path a greedy choice misses', () => {
    // Slot 0 can take person 0 or 1, slot 1 only person 0.
    const m = maxBipartiteMatching([[0, 1], [0]], 2);
    expect(m.size).toBe(2);
    expect(m.matchOfLeft).toEqual([1, 0]);
  });

  it('property: the size equals a brute-force maximum and the matching is consistent', () => {
    const arb = fc
      .integer({ min: 0, max: 6 })
      .chain((nRight) =>
        fc.tuple(
          fc.constant(nRight),
          fc.array(fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, nRight - 1) }), { maxLength: nRight }), { maxLength: 7 }),
        ),
      );
    fc.assert(
      fc.property(arb, ([nRight, adj]) => {
        const graph = nRight === 0 ? adj.map(() => []) : adj;
        const m = maxBipartiteMatching(graph, nRight);
        expect(m.size).toBe(bruteMatching(graph, nRight));
        let n = 0;
        m.matchOfLeft.forEach((v, u) => {
          if (v < 0) return;
          n++;
          expect(graph[u]).toContain(v);
          expect(m.matchOfRight[v]).toBe(u);
        });
        expect(n).toBe(m.size);
      }),
      { numRuns: 300 },
    );
  });
});

const week = { start: '2027-01-04', end: '2027-01-10' }; // Monday–Sunday, no holiday
function small(
  employees: Employee[],
  demand: DemandRow[],
  assignments: Assignment[] = [],
  unit: TurnusPlan['unit'] = { name: 'Test' },
): TurnusPlan {
  return { format: 'turnusplan', version: 1, unit, period: week, shiftTypes: DEFAULT_SHIFT_TYPES, employees, demand, assignments };
}
const kari: Employee = { id: 'e1', name: 'Kari', competence: 'sykepleier', position: 1 };

describe('capacity: hours and årsverk', () => {
  it('one full-time nurse against two day shifts a weekday: hours short and shifts nobody can take', () => {
    const c = capacity(small([kari], [{ dayType: 'weekday', shift: 'D', competence: 'any', count: 2 }]));
    expect(c.demandHours).toBe(75);
    expect(c.staffHours).toBeCloseTo(35.5, 6);
    expect(c.unit.shortfallHours).toBeCloseTo(75 - 35.5 * 1.05, 6);
    expect(c.openShifts.byHours.shifts).toBe(6); // 37.7 h in 7.5 h shifts, rounded up
    expect(c.openShifts.byMatching.shifts).toBe(5); // one of two each weekday
    expect(c.openShifts.lowerBound).toBe(6);
    expect(c.fteNeeded).toBeCloseTo(75 / 35.5, 6);
    expect(c.sentences[0]).toBe('Bemanningsplanen trenger 2,1 årsverk, avdelingen har 1,0 (1 ansatte, gjennomsnittlig stilling 100 %).');
    expect(c.sentences.at(-1)).toBe('Minst 6 vakter blir stående åpne (vikarbehov), uansett hvordan planen legges.');
  });

  it('approved ferie and known leave take the hours away; a course is credited and leaves fewer hours for shifts', () => {
    const demand: DemandRow[] = [{ dayType: 'weekday', shift: 'D', competence: 'any', count: 1 }];
    const days = ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-01-09'];
    const fe = capacity(
      small(
        [kari],
        demand,
        days.map((date) => ({ employee: 'e1', date, code: 'FE' })),
      ),
    );
    expect(fe.staffHours).toBeCloseTo(0, 6);
    expect(fe.openShifts.lowerBound).toBe(5);
    const perm = capacity(
      small(
        [kari],
        demand,
        days.map((date) => ({ employee: 'e1', date, code: 'PERM' })),
      ),
    );
    expect(perm.staffHours).toBeCloseTo(0, 6);
    const kurs = capacity(small([kari], demand, [{ employee: 'e1', date: '2027-01-04', code: 'KURS' }]));
    expect(kurs.staffHours).toBeCloseTo(35.5 - 7.5, 6);
    expect(kurs.openShifts.byMatching.days[0]).toEqual({ date: '2027-01-04', open: 1, demanded: 1 });
  });

  it('per competence: sykepleier rows need sykepleiere even when others have hours', () => {
    const staff: Employee[] = [
      kari,
      { id: 'e2', name: 'Ola', competence: 'helsefagarbeider', position: 1 },
      { id: 'e3', name: 'Per', competence: 'helsefagarbeider', position: 1 },
    ];
    const c = capacity(small(staff, [{ dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 2 }]));
    const syk = c.byCompetence.find((x) => x.competence === 'sykepleier')!;
    expect(syk.shortfallHours).toBeCloseTo(75 - 35.5 * 1.05, 6);
    expect(c.unit.shortfallHours).toBe(0);
    expect(c.openShifts.byHours.shifts).toBe(6);
    expect(c.sentences).toContain('Sykepleier: behovet er 75 t, de ansatte med denne kompetansen kan gi 36 t (38 t mangler).');
  });
});

describe('capacity: shifts no free person can take (matching)', () => {
  const one = (e: Partial<Employee>): Employee => ({ ...kari, position: 0.2, ...e });
  const sat = (shift: string): DemandRow[] => [{ dayType: 'saturday', shift, competence: 'any', count: 1 }];

  it('a langvakt needs consent; L also fills a D row (countsToward)', () => {
    expect(openShiftsLowerBound(small([one({})], sat('L'))).byMatching.shifts).toBe(1);
    expect(openShiftsLowerBound(small([one({ consentsLongShifts: true })], sat('L'))).byMatching.shifts).toBe(0);
    const pinnedL = small([one({ consentsLongShifts: true })], sat('D'), [{ employee: 'e1', date: '2027-01-09', code: 'L', pinned: true }]);
    expect(openShiftsLowerBound(pinnedL).byMatching.shifts).toBe(0);
  });

  it('night-exempt people cannot take the night; a pinned shift fills only its own codes', () => {
    expect(openShiftsLowerBound(small([one({ nightExempt: true })], sat('N'))).byMatching.shifts).toBe(1);
    const pinned = small([one({})], sat('A'), [{ employee: 'e1', date: '2027-01-09', code: 'D', pinned: true }]);
    expect(openShiftsLowerBound(pinned).byMatching.shifts).toBe(1);
  });

  it("a person is free only on her own weekend group's weekends", () => {
    const unit = { name: 'Test', weekendFrequency: 2, weekendAnchor: '2027-01-02' }; // 9/10 Jan is weekend 1
    expect(openShiftsLowerBound(small([one({ weekendGroup: 0 })], sat('D'), [], unit)).byMatching.shifts).toBe(1);
    expect(openShiftsLowerBound(small([one({ weekendGroup: 1 })], sat('D'), [], unit)).byMatching.shifts).toBe(0);
  });
});

describe('capacity: the issue-14 unit', () => {
  it("says in Norwegian what the rhythm allows, with the helgekalkulator's own number", () => {
    const plan = issuePlan();
    const c = capacity(plan);
    // 6 of 20 work langvakter (12,5 t) on their weekends, 14 an ordinary 7,5 t shift: 9 t on average.
    const h = helgekalkulatorFromDemand(plan.demand, plan.shiftTypes, { shiftHours: 9, frequency: 4 });
    expect(c.weekendRhythm).toEqual({ frequency: 4, shiftHours: 9, maxAveragePosition: h.maxAveragePosition });
    expect(c.sentences[0]).toMatch(
      /^Bemanningsplanen trenger \d+,\d årsverk, avdelingen har 14,6 \(20 ansatte, gjennomsnittlig stilling 73 %\)\.$/,
    );
    expect(c.sentences).toContain(
      `Med helgevakter på i snitt 9,0 t (langvakt for de 6 som har samtykket) hver 4. helg kan gjennomsnittsstillingen være høyst ${Math.round(h.maxAveragePosition * 100)} %, men avdelingen har 73 %: helgene kan ikke dekkes av rytmen alene (flere helgevakter, langvakter eller helgestillinger trengs).`,
    );
    expect(c.sentences[1]).toMatch(
      /^Etter godkjent ferie og kjent fravær kan de ansatte gi 6\s220 t innenfor måltimene; bemanningsplanen trenger 6\s490 t, 270 t mer \(innenfor 5 % over måltimene\)\.$/,
    );
    expect(c.openShifts.byHours).toEqual({ shifts: 0, hours: 0 });
  });

  it('property: no plan that respects absence, consent, night exemption and weekend groups leaves fewer open shifts than the bound', () => {
    const base = issuePlan();
    base.employees.forEach((e, i) => {
      e.weekendGroup = i % 4;
    });
    const anchor = weekendAnchorOf(base)!;
    const len = toDay(base.period.end) - toDay(base.period.start) + 1;
    const arbCells = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: len - 1 }), fc.constantFrom('D', 'A', 'N', 'L', 'FE', 'PERM')),
      { maxLength: 600 },
    );
    fc.assert(
      fc.property(arbCells, (cells) => {
        const seen = new Map<string, Assignment>();
        for (const [ei, off, code] of cells) {
          const e = base.employees[ei];
          const date = addDays(base.period.start, off);
          const day = toDay(date);
          if (code === 'L' && !e.consentsLongShifts) continue;
          if (code === 'N' && e.nightExempt) continue;
          if (isoWeekday(day) >= 5 && code !== 'FE' && code !== 'PERM' && groupOfWeekend(weekendIndex(day, anchor), 4) !== e.weekendGroup)
            continue;
          seen.set(`${e.id}|${date}`, { employee: e.id, date, code });
        }
        const plan = { ...base, assignments: [...seen.values()] };
        expect(coverage(plan).uncoveredShifts).toBeGreaterThanOrEqual(openShiftsLowerBound(plan).byMatching.shifts);
      }),
      { numRuns: 25 },
    );
  });
});
