import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDay, toDay, weekendsIn } from '../../../shared/calendar';
import type { Employee } from '../../../shared/plan/model';
import { balanceWeekendGroups, groupOfWeekend, groupWeekends, weekendAnchorOf, weekendIndex } from '../../../shared/plan/weekend-groups';
import { balancePlanWeekendGroups, weekendGroupSummary } from '../../../shared/askermodellen/weekend-summary';
import { issuePlan, issueStaff } from './unit';

const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
function countPer(groups: Map<string, number>, emps: Employee[], k: number, pred: (e: Employee) => boolean): number[] {
  const c = new Array<number>(k).fill(0);
  for (const e of emps) if (pred(e)) c[groups.get(e.id)!]++;
  return c;
}

describe('weekend numbering (plan-format «Weekend groups»)', () => {
  it('defaults the anchor to the first Saturday whose Sunday is in the period', () => {
    // 2027-01-03 is a Sunday: its weekend is not whole in a period starting that day.
    expect(fromDay(weekendAnchorOf({ unit: { name: 'x' }, period: { start: '2027-01-03', end: '2027-02-28' } })!)).toBe('2027-01-09');
    expect(fromDay(weekendAnchorOf({ unit: { name: 'x' }, period: { start: '2027-01-02', end: '2027-02-28' } })!)).toBe('2027-01-02');
    expect(weekendAnchorOf({ unit: { name: 'x' }, period: { start: '2027-01-04', end: '2027-01-08' } })).toBeNull();
  });

  it('counts from unit.weekendAnchor, also backwards (group n mod k, never negative)', () => {
    const plan = {
      unit: { name: 'x', weekendFrequency: 4, weekendAnchor: '2027-01-16' },
      period: { start: '2027-01-04', end: '2027-02-28' },
    };
    const anchor = weekendAnchorOf(plan)!;
    expect(weekendIndex(toDay('2027-01-09'), anchor)).toBe(-1);
    expect(weekendIndex(toDay('2027-01-17'), anchor)).toBe(0); // the Sunday belongs to the same weekend
    expect(groupOfWeekend(-1, 4)).toBe(3);
    expect(groupWeekends(plan, 0).map(fromDay)).toEqual(['2027-01-16', '2027-02-13']);
    expect(groupWeekends(plan, 3).map(fromDay)).toEqual(['2027-01-09', '2027-02-06']);
  });

  it('keeps the rhythm unbroken from one plan to the next with the same anchor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 200 }), (off, k, shift) => {
        const start = fromDay(toDay('2026-01-05') + off);
        const end = fromDay(toDay(start) + 120);
        const anchor = '2026-01-10';
        const a = { unit: { name: 'x', weekendFrequency: k, weekendAnchor: anchor }, period: { start, end } };
        const b = { ...a, period: { start: fromDay(toDay(start) + shift), end: fromDay(toDay(end) + shift) } };
        // Every weekend both periods hold has the same group.
        for (let g = 0; g < k; g++) {
          const inB = new Set(groupWeekends(b, g));
          for (const sat of groupWeekends(a, g))
            if (sat >= toDay(b.period.start) && sat + 1 <= toDay(b.period.end)) expect(inB.has(sat)).toBe(true);
        }
        // Groups partition the period's weekends, consecutive weekends in consecutive groups.
        const all = weekendsIn(toDay(start), toDay(end));
        expect(Array.from({ length: k }, (_, g) => groupWeekends(a, g).length).reduce((s, n) => s + n, 0)).toBe(all.length);
      }),
      { numRuns: 60 },
    );
  });
});

const arbStaff = fc
  .array(
    fc.record({
      comp: fc.constantFrom('sykepleier', 'helsefagarbeider', 'assistent'),
      consent: fc.boolean(),
      night: fc.boolean(),
      group: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
    }),
    { minLength: 0, maxLength: 24 },
  )
  .map((xs) =>
    xs.map(
      (x, i): Employee => ({
        id: `e${i}`,
        name: `P${i}`,
        competence: x.comp,
        position: 0.8,
        consentsLongShifts: x.consent,
        nightExempt: x.night,
        weekendGroup: x.group,
      }),
    ),
  );

describe('balanceWeekendGroups («Fordel grupper jevnt»)', () => {
  it('spreads the consenters and the sykepleiere the issue found bunched in group 1', () => {
    const staff = issueStaff();
    const g = balanceWeekendGroups(staff, 4);
    expect(countPer(g, staff, 4, (e) => !!e.consentsLongShifts).sort()).toEqual([1, 1, 2, 2]);
    expect(spread(countPer(g, staff, 4, (e) => e.competence === 'sykepleier'))).toBeLessThanOrEqual(1);
    expect(spread(countPer(g, staff, 4, () => true))).toBeLessThanOrEqual(1);
  });

  it('property: consenters and sykepleiere differ by at most 1 between groups; every group in 0 … k−1; deterministic', () => {
    fc.assert(
      fc.property(arbStaff, fc.integer({ min: 1, max: 6 }), (staff, k) => {
        const g = balanceWeekendGroups(staff, k);
        expect(g.size).toBe(staff.length);
        for (const v of g.values()) expect(v >= 0 && v < k).toBe(true);
        if (staff.length > 0) {
          expect(spread(countPer(g, staff, k, (e) => !!e.consentsLongShifts))).toBeLessThanOrEqual(1);
          expect(spread(countPer(g, staff, k, (e) => e.competence === 'sykepleier'))).toBeLessThanOrEqual(1);
        }
        expect([...balanceWeekendGroups(staff, k)]).toEqual([...g]);
      }),
      { numRuns: 150 },
    );
  });

  it('property: an already balanced assignment is kept as it is (no needless moves)', () => {
    fc.assert(
      fc.property(arbStaff, fc.integer({ min: 1, max: 5 }), (staff, k) => {
        const first = balanceWeekendGroups(staff, k);
        const again = balanceWeekendGroups(
          staff.map((e) => ({ ...e, weekendGroup: first.get(e.id) })),
          k,
        );
        expect([...again]).toEqual([...first]);
      }),
      { numRuns: 80 },
    );
  });

  it('moves few people: one extra consenter in a balanced unit moves nobody else', () => {
    const staff = issueStaff().map((e, i) => ({ ...e, consentsLongShifts: i < 4, weekendGroup: i % 4 }));
    const g = balanceWeekendGroups(staff, 4);
    expect(staff.filter((e) => g.get(e.id) !== e.weekendGroup)).toEqual([]);
    const moreConsent = staff.map((e) => (e.id === 'e5' ? { ...e, consentsLongShifts: true } : e)); // e5 is in group 0 with e1
    const h = balanceWeekendGroups(moreConsent, 4);
    const moved = moreConsent.filter((e) => h.get(e.id) !== e.weekendGroup);
    expect(moved.length).toBeLessThanOrEqual(2);
  });

  it('balances night-exempt people and the weekend hours against the demand', () => {
    const staff = issueStaff();
    const g = balanceWeekendGroups(staff, 4, { weekendDemandHours: 150 });
    expect(spread(countPer(g, staff, 4, (e) => !!e.nightExempt))).toBeLessThanOrEqual(1);
  });

  it('balances a 500-person unit from scratch quickly', () => {
    const staff = Array.from(
      { length: 500 },
      (_, i): Employee => ({
        id: `e${i}`,
        name: `P${i}`,
        competence: i % 3 === 0 ? 'sykepleier' : 'helsefagarbeider',
        position: 0.8,
        consentsLongShifts: i % 7 < 3,
        nightExempt: i % 11 === 0,
        weekendGroup: i < 250 ? 0 : undefined,
      }),
    );
    const t0 = Date.now();
    const g = balanceWeekendGroups(staff, 4, { weekendDemandHours: 1500 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(spread(countPer(g, staff, 4, (e) => !!e.consentsLongShifts))).toBeLessThanOrEqual(1);
    expect(spread(countPer(g, staff, 4, (e) => e.competence === 'sykepleier'))).toBeLessThanOrEqual(1);
    expect(spread(countPer(g, staff, 4, () => true))).toBeLessThanOrEqual(1);
  });

  it('rejects a weekend frequency below 1 in Norwegian', () => {
    expect(() => balanceWeekendGroups([], 0)).toThrow(/Helgefrekvensen/);
  });
});

describe('weekendGroupSummary', () => {
  it('shows per group members, consenters, sykepleiere, night-exempt and hours vs weekend demand', () => {
    const plan = issuePlan();
    const groups = new Map(plan.employees.map((e, i) => [e.id, i < 5 ? 0 : i < 10 ? 1 : i < 15 ? 2 : 3]));
    const s = weekendGroupSummary(plan, groups);
    expect(s.groups.map((g) => g.consenters)).toEqual([4, 1, 1, 0]);
    expect(s.groups.map((g) => g.sykepleiere)).toEqual([5, 1, 0, 0]);
    expect(s.groups.map((g) => g.members.length)).toEqual([5, 5, 5, 5]);
    // 13 weekends from 6 March: group 0 has 4 (6/3, 3/4, 1/5, 29/5), the others 3.
    expect(s.groups.map((g) => g.weekends.length)).toEqual([4, 3, 3, 3]);
    // Demand on an ordinary weekend: 2 days × (3 L × 12.5 + 2 N × 9.5) = 113 h.
    expect(s.groups[1].demandHours).toBe(3 * 113);
    // Group 3: five without consent give 2 × 7.5 h each weekend: 75 h < 113 h.
    expect(s.groups[3].canGiveHours).toBe(3 * 75);
    // Its weekends include 27/28 March: the Saturday night shift over the DST change is 1 h shorter.
    expect(s.groups[3].demandHours).toBe(3 * 113 - 2);
    expect(s.groups[3].warning).toMatch(/^Gruppe 4 kan gi 225 t på sine 3 helger, men helgene trenger 337 t: det mangler 112 t\. /);
    // No consenter in group 4: none of its 18 langvakter can be covered, whatever the hours.
    expect(s.groups[3].uncoverableShifts).toBe(18);
    expect(s.groups[3].uncoverableHours).toBe(18 * 12.5);
    expect(s.groups[3].warning).toContain(
      'Gruppen kan heller ikke dekke 18 helgevakter (225 t): 3 × lør. 27.03 L, 3 × søn. 28.03 L, 3 × lør. 24.04 L og 9 til.',
    );
    expect(s.warnings).toContain(s.groups[3].warning);
  });

  it('counts a member on ferie that weekend as not giving hours', () => {
    const plan = issuePlan({
      assignments: [
        { employee: 'e1', date: '2027-03-06', code: 'FE' },
        { employee: 'e1', date: '2027-03-07', code: 'FE' },
      ],
    });
    const groups = new Map(plan.employees.map((e) => [e.id, 0]));
    const base = weekendGroupSummary(issuePlan(), groups).groups[0].canGiveHours;
    expect(weekendGroupSummary(plan, groups).groups[0].canGiveHours).toBe(base - 25);
  });

  it('balancePlanWeekendGroups gives no group a weekend shortfall when the unit as a whole can cover', () => {
    const plan = issuePlan();
    const g = balancePlanWeekendGroups(plan);
    const s = weekendGroupSummary(plan, g);
    expect(spread(s.groups.map((x) => x.consenters))).toBeLessThanOrEqual(1);
    expect(spread(s.groups.map((x) => x.sykepleiere))).toBeLessThanOrEqual(1);
    const perWeekend = s.groups.map((x) => x.canGiveHours / x.weekends.length);
    expect(spread(perWeekend)).toBeLessThanOrEqual(25);
  });
});
