/**
 * Property tests for the core handlers against a simple model: any sequence of cell batches,
 * valid or not, leaves the plan exactly as the model says (a rejected batch changes nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toDay, ymd } from '../../../shared/calendar';
import { planEndDate } from '../../../electron/backend/store/plans';
import { openTestBackend } from './helpers';

describe('core properties', () => {
  it('planEndDate: the day after the end is the same day of the month, N months later', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom(3, 6, 12),
        (y, m, d, months) => {
          const start = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const next = ymd(toDay(addDays(planEndDate(start, months), 1)));
          const total = y * 12 + (m - 1) + months;
          expect(next).toEqual({ year: Math.floor(total / 12), month: (total % 12) + 1, day: d });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('setCells matches a model; rejected batches change nothing', async () => {
    const tb = await openTestBackend();
    const unit = await tb.api.createUnit('Modell');
    const emps = [
      await tb.api.addEmployee(unit.id, { name: 'A', competence: 'sykepleier', position: 1 }),
      await tb.api.addEmployee(unit.id, { name: 'B', competence: 'assistent', position: 0.5 }),
    ];
    const plan = await tb.api.createPlan(unit.id, 'P', '2026-03-23', 3); // crosses the DST change
    const dates = ['2026-03-23', '2026-03-28', '2026-03-29', '2026-06-22', '2026-03-22', '2026-06-23'];
    const codes = ['D', 'A', 'N', 'L', 'FE', 'KURS', 'XX', null];
    const change = fc.record({
      employeeId: fc.constantFrom(...emps.map((e) => e.id), '999'),
      date: fc.constantFrom(...dates),
      code: fc.constantFrom(...codes),
      pinned: fc.option(fc.boolean(), { nil: undefined }),
    });
    const model = new Map<string, { code: string; pinned: boolean }>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(change, { maxLength: 6 }), { maxLength: 5 }), async (batches) => {
        for (const batch of batches) {
          const valid = batch.every((c) => c.employeeId !== '999' && c.date >= plan.start && c.date <= plan.end && c.code !== 'XX');
          const res = await tb.dispatch('setCells', [plan.id, batch]);
          expect(res.ok).toBe(valid);
          if (!valid) continue;
          for (const c of batch) {
            const key = `${c.employeeId}|${c.date}`;
            if (c.code === null) model.delete(key);
            else model.set(key, { code: c.code, pinned: c.pinned ?? model.get(key)?.pinned ?? false });
          }
        }
        const actual = (await tb.api.getPlan(plan.id)).file.assignments
          .map((a) => [`${a.employee}|${a.date}`, { code: a.code, pinned: a.pinned ?? false }] as const)
          .sort(([x], [y]) => (x < y ? -1 : 1));
        expect(actual).toEqual([...model.entries()].sort(([x], [y]) => (x < y ? -1 : 1)));
      }),
      { numRuns: 40 },
    );
  });
});
