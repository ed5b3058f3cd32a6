// Engine properties: never throws on valid plans, and the incremental checker always equals a
// full check of the current plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HARD_RULE_IDS, checkPlan, countHard, createChecker, isHardViolation } from '../../../shared/rules/engine';
import { parsePlanFile, serializePlanFile } from '../../../shared/planfile/index';
import { RULES } from '../../../shared/rules/index';
import { arbEdits, arbPlan } from './arbitraries';
import { loadFixture, makePlan } from './helpers';
import { addDays } from '../../../shared/calendar';

const key = (v: { rule: string; employee: string; date: string | null; severity: string; message: string; source: string }) =>
  JSON.stringify([v.employee, v.date, v.rule, v.severity, v.message, v.source]);

describe('engine', () => {
  it('generated plans are valid plan files', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const r = parsePlanFile(serializePlanFile(plan));
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
      }),
      { numRuns: 50 },
    );
  });

  it('never throws on random valid plans and returns well-formed violations', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const ids2 = new Map(RULES.map((r) => [r.id, r.severity]));
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const list = checkPlan(plan);
        for (const v of list) {
          expect(ids.has(v.rule)).toBe(true);
          expect(v.severity).toBe(ids2.get(v.rule));
          expect(plan.employees.some((e) => e.id === v.employee)).toBe(true);
          expect(v.date === null || /^\d{4}-\d{2}-\d{2}$/.test(v.date)).toBe(true);
          expect(v.message).toContain(plan.employees.find((e) => e.id === v.employee)!.name);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('incremental equals full after random edit sequences', () => {
    fc.assert(
      fc.property(
        arbPlan.chain((plan) => fc.tuple(fc.constant(plan), arbEdits(plan))),
        ([plan, edits]) => {
          const checker = createChecker(plan);
          for (const edit of edits) {
            const inc = checker.applyChange(edit);
            const full = checkPlan(checker.currentPlan());
            expect(inc.map(key)).toEqual(full.map(key));
            const c = { error: 0, warning: 0, info: 0, hard: 0 };
            for (const v of full) {
              c[v.severity]++;
              if (isHardViolation(v)) c.hard++;
            }
            expect(checker.counts()).toEqual(c);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('incremental equals full for whole-year rules on a 12-month plan (vacation entitlement, Sunday 4W)', () => {
    const plan = makePlan({
      period: { start: '2026-01-01', end: '2026-12-31' },
      rules: { agreements: { sundayAveragingWeeks: 26 } },
      employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 0.8, age60plus: false }],
      assignments: Array.from({ length: 30 }, (_, i) => ({ employee: 'e1', date: addDays('2026-07-06', i), code: 'FE' })),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: 150, max: 240 }),
            code: fc.option(fc.constantFrom('FE', 'D', 'L', 'N'), { nil: null }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (edits) => {
          const checker = createChecker(plan);
          for (const e of edits) {
            const inc = checker.applyChange({ employeeId: 'e1', date: addDays('2026-01-01', e.offset), code: e.code });
            expect(inc.map(key)).toEqual(checkPlan(checker.currentPlan()).map(key));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('evaluateChange leaves the plan as it was', () => {
    const { plan } = loadFixture('rules-november');
    const checker = createChecker(plan);
    const before = checker.violations();
    const counts = checker.evaluateChange({ employeeId: 'k1', date: '2025-11-03', code: null });
    // Clearing Kari's A shift removes her only error (the 9 h rest before the D shift).
    expect(counts.error).toBe(checker.counts().error - 1);
    expect(checker.violations()).toEqual(before);
    expect(checker.codeAt('k1', '2025-11-03')).toBe('A');
    expect(plan.assignments.length).toBe(12);
  });

  it('whole-year rules follow edits too (hovedferie appears and disappears with ferie)', () => {
    const plan = makePlan({
      period: { start: '2026-01-01', end: '2026-12-31' },
      employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 1, wantsHovedferie: true }],
      assignments: [{ employee: 'e1', date: '2026-07-01', code: 'D' }],
    });
    const checker = createChecker(plan);
    const has = () => checker.violations().some((v) => v.rule === 'HOVEDFERIE');
    expect(has()).toBe(true);
    for (let d = 0; d < 20; d++) checker.applyChange({ employeeId: 'e1', date: addDays('2026-07-06', d), code: 'FE' });
    expect(has()).toBe(false);
    checker.applyChange({ employeeId: 'e1', date: '2026-07-15', code: 'D' });
    expect(has()).toBe(true);
    expect(checker.violations().map(key)).toEqual(checkPlan(checker.currentPlan()).map(key));
    checker.applyChange({ employeeId: 'e1', date: '2026-07-15', code: 'FE' });
    expect(has()).toBe(false);
  });

  it('hard rules: every law error, night exemption and langvakt consent (a warning that is still hard)', () => {
    for (const r of RULES) expect(HARD_RULE_IDS.has(r.id)).toBe(r.severity === 'error' || r.id === 'LONG-SHIFT-CONSENT');
    expect(HARD_RULE_IDS.has('NIGHT-EXEMPT')).toBe(true);
    expect(HARD_RULE_IDS.has('WEEKEND-FREQUENCY')).toBe(false);
    expect(HARD_RULE_IDS.has('AML-SUNDAY-4W')).toBe(false);
    // Ola has not consented: an L on Tue 6 Jan is a warning, counted as hard.
    const plan = makePlan({
      period: { start: '2026-01-05', end: '2026-01-11' },
      employees: [{ id: 'e1', name: 'Ola Hansen', competence: 'sykepleier', position: 1 }],
      assignments: [{ employee: 'e1', date: '2026-01-06', code: 'L' }],
      // The 12,5 h limit rests on an agreement on file (else AGREEMENT-ON-FILE warns too).
      rules: { agreementRecords: [{ key: 'maxShiftHours', signedDate: '2025-06-01', parties: 'NSF og Fagforbundet' }] },
    });
    const list = checkPlan(plan);
    expect(list.map((v) => [v.rule, v.severity, isHardViolation(v)])).toEqual([['LONG-SHIFT-CONSENT', 'warning', true]]);
    expect(countHard(list)).toBe(1);
    const checker = createChecker(plan);
    expect(checker.counts()).toEqual({ error: 0, warning: 1, info: 0, hard: 1 });
    // A solver move that removes it: hard goes to 0; with consent there is nothing to count.
    expect(checker.evaluateChange({ employeeId: 'e1', date: '2026-01-06', code: 'D' }).hard).toBe(0);
    expect(createChecker({ ...plan, employees: [{ ...plan.employees[0], consentsLongShifts: true }] }).counts().hard).toBe(0);
  });

  it('rejects an unknown employee or code with a Norwegian message', () => {
    const checker = createChecker(loadFixture('rules-november').plan);
    expect(() => checker.applyChange({ employeeId: 'nn', date: '2025-11-03', code: 'D' })).toThrow(/Ukjent ansatt/);
    expect(() => checker.applyChange({ employeeId: 'k1', date: '2025-11-03', code: 'Q' })).toThrow(/Ukjent kode/);
  });
});
