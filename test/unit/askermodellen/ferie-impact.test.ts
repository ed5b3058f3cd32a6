import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar';
import { ferieCoverage } from '../../../shared/askermodellen/ferie-coverage';
import { applyCellChanges as apply } from '../../../shared/plan/cell-change';
import { approvalChanges, ferieImpact } from '../../../shared/plan/ferie-impact';
import type { Assignment, TurnusPlan } from '../../../shared/plan/model';
import { issuePlan } from './unit';

const cellsOf = (plan: TurnusPlan) => new Map(plan.assignments.map((a) => [`${a.employee}|${a.date}`, a.code]));

const planned = (employee: string, pairs: [string, string][]): Assignment[] => pairs.map(([date, code]) => ({ employee, date, code }));

describe('approving a ferieønske', () => {
  it('lists the planned shifts it would remove, and «Avslå» gives them back exactly', () => {
    const plan = issuePlan({
      assignments: planned('e1', [
        ['2027-04-05', 'D'],
        ['2027-04-06', 'A'],
        ['2027-04-08', 'KURS'],
      ]),
    });
    const wish = { employeeId: 'e1', from: '2027-04-05', to: '2027-04-09' };
    const r = ferieImpact(plan, wish);
    expect(r.removed.map((x) => `${x.code} ${x.date} ${x.hours}`)).toEqual(['D 2027-04-05 7.5', 'A 2027-04-06 7.5', 'KURS 2027-04-08 0']);
    expect(r.removedHours).toBe(15);
    expect(r.warnings).toContain(
      'Godkjenning fjerner 2 planlagte vakter for Kari (D 05.04.2027, A 06.04.2027); vaktene må dekkes på nytt.',
    );
    expect(r.warnings).toContain('Godkjenning erstatter KURS 08.04.2027 for Kari.');
    const approved = apply(plan, r.changes);
    expect([...cellsOf(approved)].filter(([k]) => k.startsWith('e1|')).map(([, c]) => c)).toEqual(['FE', 'FE', 'FE', 'FE', 'FE']);
    expect(cellsOf(apply(approved, r.restore))).toEqual(cellsOf(plan));
  });

  it('clips a wish that runs past the plan end and says so', () => {
    const r = approvalChanges(issuePlan(), { employeeId: 'e2', from: '2027-05-28', to: '2027-06-10' });
    expect(r.range).toEqual({ from: '2027-05-28', to: '2027-05-30' });
    expect(r.changes.map((c) => c.date)).toEqual(['2027-05-28', '2027-05-29', '2027-05-30']);
    expect(r.clipped?.message).toBe(
      'Ferieønsket 28.05.2027–10.06.2027 går utenfor planperioden; bare 28.05.2027–30.05.2027 legges inn i denne planen.',
    );
    const outside = approvalChanges(issuePlan(), { employeeId: 'e2', from: '2027-07-01', to: '2027-07-10' });
    expect(outside.changes).toEqual([]);
    expect(outside.clipped?.message).toMatch(/ligger utenfor planperioden og endrer ingenting/);
  });

  it('warns when too many of one competence are off at once (12 of 20 in one week)', () => {
    const off: Assignment[] = [];
    for (let i = 7; i <= 16; i++) off.push(...planned(`e${i}`, [['2027-04-12', 'FE']])); // 10 helsefagarbeidere, e7 … e16
    const plan = issuePlan({ assignments: [...off, ...planned('e6', [['2027-04-12', 'D']])] });
    const r = ferieImpact(
      plan,
      { employeeId: 'e6', from: '2027-04-12', to: '2027-04-12' },
      { maxOffPerCompetence: { sykepleier: 1, helsefagarbeider: 3 } },
    );
    expect(r.days).toContainEqual({ date: '2027-04-12', competence: 'helsefagarbeider', off: 10, atWork: 0, max: 3, overLimit: true });
    expect(r.days).toContainEqual({ date: '2027-04-12', competence: 'sykepleier', off: 1, atWork: 0, max: 1, overLimit: false });
    const two = ferieImpact(
      apply(plan, approvalChanges(plan, { employeeId: 'e1', from: '2027-04-12', to: '2027-04-12' }).changes),
      { employeeId: 'e6', from: '2027-04-12', to: '2027-04-12' },
      { maxOffPerCompetence: { sykepleier: 1 } },
    );
    expect(two.warnings).toContain('For mange med kompetanse sykepleier har ferie samtidig: 12.04.2027 (2 av høyst 1).');
  });

  it('rejects a wish whose «Til» is before «Fra», naming the fields', () => {
    expect(() => approvalChanges(issuePlan(), { employeeId: 'e1', from: '2027-04-10', to: '2027-04-01' })).toThrow(
      /«Til» \(.*\) er før «Fra»/,
    );
    expect(() => approvalChanges(issuePlan(), { employeeId: 'e1', from: 'i morgen', to: '2027-04-01' })).toThrow(
      /«Fra» i ferieønsket er ikke en gyldig dato/,
    );
  });

  it("property: approve then restore gives back the plan cell for cell; approve writes only the wish's clipped days", () => {
    const base = issuePlan();
    const codes = ['D', 'A', 'N', 'L', 'FE', 'KURS', 'PERM'];
    const arb = fc.record({
      cells: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -5, max: 95 }), fc.constantFrom(...codes), fc.boolean()), {
        maxLength: 80,
      }),
      emp: fc.integer({ min: 0, max: 3 }),
      from: fc.integer({ min: -20, max: 100 }),
      len: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(arb, ({ cells, emp, from, len }) => {
        const seen = new Map<string, Assignment>();
        for (const [e, off, code, pinned] of cells) {
          const date = addDays(base.period.start, off);
          seen.set(`e${e + 1}|${date}`, { employee: `e${e + 1}`, date, code, ...(pinned ? { pinned } : {}) });
        }
        const plan = { ...base, assignments: [...seen.values()] };
        const wish = { employeeId: `e${emp + 1}`, from: addDays(base.period.start, from), to: addDays(base.period.start, from + len) };
        const r = approvalChanges(plan, wish);
        for (const c of r.changes) {
          expect(c.employeeId).toBe(wish.employeeId);
          expect(c.date >= base.period.start && c.date <= base.period.end && c.date >= wish.from && c.date <= wish.to).toBe(true);
        }
        expect(r.clipped !== null).toBe(wish.from < base.period.start || wish.to > base.period.end);
        const restored = apply(apply(plan, r.changes), r.restore);
        expect(cellsOf(restored)).toEqual(cellsOf(plan));
        expect(new Map(restored.assignments.map((a) => [`${a.employee}|${a.date}`, !!a.pinned]))).toEqual(
          new Map(plan.assignments.map((a) => [`${a.employee}|${a.date}`, !!a.pinned])),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('ferieCoverage: the coverage a wish leaves against the bemanningsplan', () => {
  it('says which need the approval leaves short, and nothing where it was not needed', () => {
    const plan = issuePlan({
      demand: [{ dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 1 }],
      assignments: planned('e1', [['2027-04-06', 'D']]),
    });
    const r = ferieCoverage(plan, { employeeId: 'e1', from: '2027-04-06', to: '2027-04-07' });
    expect(r.worse).toEqual([{ date: '2027-04-06', shift: 'D', competence: 'sykepleier', needed: 1, missingBefore: 0, missingAfter: 1 }]);
    expect(r.warnings).toEqual(['Etter godkjenning mangler 1 av 1 på D (sykepleier) tir. 06.04.2027.']);
    expect(r.needs.find((n) => n.date === '2027-04-07')).toMatchObject({ missingBefore: 1, missingAfter: 1 });
  });
});
