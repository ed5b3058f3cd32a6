import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DayNumber, fromDay, toDay } from '../../../shared/calendar';
import type { Assignment, DemandRow, Employee, ShiftType, TurnusPlan } from '../../../shared/plan/model';
import { DEFAULT_SHIFT_TYPES } from '../../../shared/plan/model';
import { paidHours, shiftTypeSpan, utcOf } from '../../../shared/plan/plan-index';
import { isNightWork } from '../../../shared/metrics/capacity';
import { demandOn, demandTable } from '../../../shared/metrics/demand';
import { isWeekendSlot, weekendCover, weekendOpenTotals, weekendSlotLabel } from '../../../shared/askermodellen/weekend-cover';
import { weekendGroupSummary } from '../../../shared/askermodellen/weekend-summary';

// One week, Monday 8 to Sunday 14 March 2027: the weekend of Saturday 13.03.
const SAT = '2027-03-13';

function plan(employees: Employee[], demand: DemandRow[], assignments: Assignment[] = [], k = 1): TurnusPlan {
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Test', weekendFrequency: k, weekendAnchor: SAT },
    period: { start: '2027-03-08', end: '2027-03-14' },
    shiftTypes: DEFAULT_SHIFT_TYPES.map((t) => ({ ...t })),
    employees,
    demand,
    assignments,
  };
}

const nurse = (id: string, over: Partial<Employee> = {}): Employee => ({
  id,
  name: id,
  competence: 'sykepleier',
  position: 1,
  weekendGroup: 0,
  ...over,
});

const nightAndDay: DemandRow[] = [
  { dayType: 'saturday', shift: 'N', competence: 'sykepleier', count: 1 },
  { dayType: 'sunday', shift: 'D', competence: 'sykepleier', count: 1 },
];

describe('weekendCover', () => {
  it('allows a break of a registered delt vakt between the weekend days, as AML-REST-DAILY does', () => {
    // A late shift to 23:30 on Saturday and a D from 07:30 on Sunday: 8 h between them.
    const late: ShiftType = { code: 'S', name: 'Sen', start: '16:00', end: '23:30' };
    const demand: DemandRow[] = [
      { dayType: 'saturday', shift: 'S', competence: 'sykepleier', count: 1 },
      { dayType: 'sunday', shift: 'D', competence: 'sykepleier', count: 1 },
    ];
    const base = plan([nurse('kari')], demand);
    base.shiftTypes.push(late);
    expect(weekendCover(base)[0].fewestOpenShifts).toBe(1);
    expect(weekendCover({ ...base, rules: { splitShiftMaxBreakHours: 8 } })[0].fewestOpenShifts).toBe(0);
  });

  it('needs two people at Christmas: nobody works 2. juledag and the Sunday after it (AML-SUNDAY, strict)', () => {
    // Saturday 26.12.2026 is 2. juledag, Sunday 27.12 follows it in the list of red days.
    const christmas = (rules?: TurnusPlan['rules']): TurnusPlan => ({
      ...plan(
        [nurse('kari')],
        [
          { dayType: 'saturday', shift: 'D', competence: 'sykepleier', count: 1 },
          { dayType: 'sunday', shift: 'D', competence: 'sykepleier', count: 1 },
        ],
      ),
      unit: { name: 'Test', weekendFrequency: 1, weekendAnchor: '2026-12-26' },
      period: { start: '2026-12-21', end: '2026-12-27' },
      rules,
    });
    const [w] = weekendCover(christmas());
    expect(w.saturday).toBe('2026-12-26');
    expect(w.fewestOpenShifts).toBe(1);
    expect(w.coverableHours).toBe(7.5);
    // With an averaging agreement the pair is allowed; the weekend is one person's again.
    expect(weekendCover(christmas({ agreements: { sundayAveragingWeeks: 26 } }))[0].fewestOpenShifts).toBe(0);
    // An ordinary weekend: Saturday is no red day, so one person takes both days.
    expect(
      weekendCover(
        plan(
          [nurse('kari')],
          [
            { dayType: 'saturday', shift: 'D', competence: 'sykepleier', count: 1 },
            { dayType: 'sunday', shift: 'D', competence: 'sykepleier', count: 1 },
          ],
        ),
      )[0].fewestOpenShifts,
    ).toBe(0);
  });

  it('finds the Sunday D a lone sykepleier cannot take after her Saturday N (11 h rest)', () => {
    const [w] = weekendCover(plan([nurse('kari')], nightAndDay));
    expect(w.saturday).toBe(SAT);
    expect(w.slotHours).toBe(9.5 + 7.5);
    expect(w.coverableHours).toBe(9.5);
    expect(w.uncoverable).toEqual([{ date: '2027-03-14', shift: 'D', competence: 'sykepleier', hours: 7.5 }]);
    expect(weekendSlotLabel(w.uncoverable[0])).toBe('søn. 14.03 D (sykepleier)');
    expect(w.fewestOpenShifts).toBe(1);
    expect(weekendOpenTotals(plan([nurse('kari')], nightAndDay))).toEqual({ shifts: 1, hours: 7.5 });
  });

  it('has nothing uncoverable when two sykepleiere share the weekend', () => {
    const [w] = weekendCover(plan([nurse('kari'), nurse('ola')], nightAndDay));
    expect(w.coverableHours).toBe(17);
    expect(w.uncoverable).toEqual([]);
  });

  it('does not let another group’s sykepleier help', () => {
    const p = plan([nurse('kari'), nurse('ola', { weekendGroup: 1 })], nightAndDay, [], 2);
    const w = weekendCover(p).find((x) => x.saturday === SAT)!;
    expect(w.group).toBe(0);
    expect(w.uncoverable.map(weekendSlotLabel)).toEqual(['søn. 14.03 D (sykepleier)']);
    // The same people with the groups of the preview (`groupOf`): both in group 0.
    expect(weekendCover(p, { groupOf: () => 0 })[0].uncoverable).toEqual([]);
  });

  it('counts ferie as occupying the day, and a laid shift as filling its slot', () => {
    const onFerie = plan(
      [nurse('kari'), nurse('ola')],
      nightAndDay,
      ['2027-03-13', '2027-03-14'].map((date) => ({ employee: 'ola', date, code: 'FE' })),
    );
    expect(weekendCover(onFerie)[0].uncoverable.map(weekendSlotLabel)).toEqual(['søn. 14.03 D (sykepleier)']);
    const laid = plan([nurse('kari')], nightAndDay, [{ employee: 'kari', date: '2027-03-14', code: 'D' }]);
    const [w] = weekendCover(laid);
    // The laid D fills Sunday; it leaves Kari no rest for a Saturday N before it.
    expect(w.slotHours).toBe(9.5);
    expect(w.uncoverable.map(weekendSlotLabel)).toEqual(['lør. 13.03 N (sykepleier)']);
  });

  it('gives langvakter only to consenters and nights not to the night-exempt', () => {
    const demand: DemandRow[] = [
      { dayType: 'saturday', shift: 'L', competence: 'any', count: 1 },
      { dayType: 'sunday', shift: 'N', competence: 'any', count: 1 },
    ];
    const staff = [nurse('a', { competence: 'assistent', nightExempt: true, consentsLongShifts: false })];
    expect(weekendCover(plan(staff, demand))[0].uncoverable.map(weekendSlotLabel)).toEqual(['lør. 13.03 L', 'søn. 14.03 N']);
    const willing = [nurse('a', { competence: 'assistent', consentsLongShifts: true })];
    expect(weekendCover(plan(willing, demand))[0].uncoverable).toEqual([]);
  });

  it('counts a Friday night (reaching into Saturday) as a weekend slot, not a Friday day shift', () => {
    const types = new Map(DEFAULT_SHIFT_TYPES.map((t) => [t.code, t]));
    const fri = toDay('2027-03-12'),
      sat = toDay(SAT);
    expect(isWeekendSlot(types.get('N')!, fri, sat)).toBe(true);
    expect(isWeekendSlot(types.get('A')!, fri, sat)).toBe(false);
    expect(isWeekendSlot(types.get('N')!, sat + 1, sat)).toBe(true);
  });
});

describe('weekendGroupSummary: shifts a group cannot cover', () => {
  it('warns in plain Norwegian when the hours are there but one sykepleier cannot take both shifts', () => {
    const staff = [nurse('kari'), nurse('ola', { competence: 'helsefagarbeider' })];
    const g = weekendGroupSummary(plan(staff, nightAndDay)).groups[0];
    expect(g.shortfallHours).toBe(0);
    expect(g.uncoverableShifts).toBe(1);
    expect(g.uncoverableHours).toBe(7.5);
    expect(g.uncoverableExamples).toEqual(['søn. 14.03 D (sykepleier)']);
    expect(g.warning).toBe(
      'Gruppe 1 kan ikke dekke 1 helgevakt (7,5 t) selv med ledige timer: søn. 14.03 D (sykepleier). Gruppen har for få som kan ta dem når hver tar én vakt per dag med 11 t hvile mellom vaktene (kompetanse, samtykke til langvakt, nattfritak og vakter som alt er lagt er regnet med).',
    );
  });

  it('has no such warning when the group can cover its weekend', () => {
    const staff = [nurse('kari'), nurse('ola')];
    const s = weekendGroupSummary(plan(staff, nightAndDay));
    expect(s.groups[0].uncoverableShifts).toBe(0);
    expect(s.groups[0].warning).toBeNull();
    expect(s.warnings).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: the exact programme covers no more than the slots and no less than a greedy cover.

const CODES = ['D', 'A', 'N', 'L'] as const;
const arbCase = fc.record({
  people: fc.array(
    fc.record({
      comp: fc.constantFrom('sykepleier', 'helsefagarbeider'),
      consent: fc.boolean(),
      night: fc.boolean(),
      group: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
      ferie: fc.constantFrom<(string | null)[]>(null, '2027-03-12', SAT, '2027-03-14'),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  demand: fc.array(
    fc.record({
      dayType: fc.constantFrom<DemandRow['dayType']>('weekday', 'saturday', 'sunday'),
      shift: fc.constantFrom(...CODES),
      competence: fc.constantFrom('any', 'sykepleier'),
      count: fc.integer({ min: 1, max: 2 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function caseToPlan(c: Case): TurnusPlan {
  const employees = c.people.map(
    (p, i): Employee => ({
      id: `e${i}`,
      name: `P${i}`,
      competence: p.comp,
      position: 1,
      consentsLongShifts: p.consent,
      nightExempt: p.night,
      weekendGroup: p.group,
    }),
  );
  const assignments = c.people.flatMap((p, i) => (p.ferie ? [{ employee: `e${i}`, date: p.ferie, code: 'FE' }] : []));
  return plan(employees, c.demand as DemandRow[], assignments, 2);
}

/** Each person in turn takes, day by day, the first open slot she may take with rest kept. */
function greedyHours(p: TurnusPlan, sat: DayNumber, group: number): number {
  const types = new Map(p.shiftTypes.map((t) => [t.code, t]));
  const table = demandTable(p.demand);
  const days = [sat - 1, sat, sat + 1];
  const open = days.map((d) =>
    demandOn(table, d)
      .filter((n) => isWeekendSlot(types.get(n.shift)!, d, sat))
      .map((n) => ({ ...n })),
  );
  const ferie = new Set((p.assignments ?? []).map((a) => `${a.employee}|${a.date}`));
  const span = (t: ShiftType, d: DayNumber) => ({ start: utcOf(d, shiftTypeSpan(t).start), end: utcOf(d, shiftTypeSpan(t).end) });
  let hours = 0;
  for (const e of p.employees) {
    if (typeof e.weekendGroup === 'number' && e.weekendGroup !== group) continue;
    let prev: { start: number; end: number } | null = null;
    days.forEach((d, j) => {
      let took: { start: number; end: number } | null = null;
      if (!ferie.has(`${e.id}|${fromDay(d)}`)) {
        for (const n of open[j]) {
          if (n.count === 0 || (n.competence !== 'any' && n.competence !== e.competence)) continue;
          const t = [...types.values()].find(
            (x) =>
              (x.code === n.shift || (x.countsToward ?? []).includes(n.shift)) &&
              (!x.long || e.consentsLongShifts) &&
              !(e.nightExempt && isNightWork(x, d)) &&
              (prev === null || span(x, d).start - prev.end >= 11 * 60),
          );
          if (!t) continue;
          n.count--;
          hours += paidHours(types.get(n.shift)!, d);
          took = span(t, d);
          break;
        }
      }
      prev = took;
    });
  }
  return hours;
}

describe('weekendCover (property)', () => {
  it('covers at most the open slot hours and at least what a greedy cover reaches', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const p = caseToPlan(c);
        for (const w of weekendCover(p)) {
          expect(w.coverableHours).toBeLessThanOrEqual(w.slotHours + 1e-9);
          expect(w.coverableHours).toBeGreaterThanOrEqual(greedyHours(p, toDay(w.saturday), w.group) - 1e-9);
          const left = w.uncoverable.reduce((t, s) => t + s.hours, 0);
          expect(left).toBeCloseTo(w.slotHours - w.coverableHours, 9);
          expect(w.fewestOpenShifts).toBeLessThanOrEqual(w.uncoverable.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
