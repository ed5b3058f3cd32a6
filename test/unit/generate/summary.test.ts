/**
 * The «Fyll ut» preview summary (renderer/src/views/plan/generate/summary.ts): per-employee counts,
 * hours before → after and the rule check of the plan as it would become, on a small plan.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFT_TYPES, type TurnusPlan } from '../../../shared/plan/model';
import type { GeneratePreview } from '../../../shared/api/solver';
import {
  currentPlanFile,
  describeOverTolerance,
  overToleranceText,
  parseOverTolerance,
  protectedCellsOf,
  summarizePreview,
} from '../../../renderer/src/views/plan/generate/summary';

function plan(): TurnusPlan {
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Test' },
    period: { start: '2027-01-04', end: '2027-01-31' },
    shiftTypes: DEFAULT_SHIFT_TYPES,
    employees: [
      { id: '1', name: 'Kari', competence: 'sykepleier', position: 1 },
      { id: '2', name: 'Ola', competence: 'helsefagarbeider', position: 0.5 },
    ],
    demand: [],
    assignments: [
      { employee: '1', date: '2027-01-04', code: 'D', pinned: true },
      { employee: '1', date: '2027-01-05', code: 'N' },
      { employee: '2', date: '2027-01-06', code: 'FE' },
    ],
  };
}

function preview(details: { employeeId: string; date: string; from: string | null; to: string | null }[]): GeneratePreview {
  return {
    cells: details.map((d) => ({ employeeId: d.employeeId, date: d.date, code: d.to })),
    details,
    openShifts: [],
    ignoredWishes: [],
    errors: [],
    stats: {
      uncoveredShifts: 0,
      hoursDeviation: 0,
      hoursDeviationMax: 0,
      hoursDeviationMean: 0,
      hoursOverMax: 0,
      removedByCheck: 0,
      seconds: 1,
      moves: 1,
    },
  };
}

describe('Fyll ut preview summary', () => {
  it('counts added, changed and removed cells per employee with hours before → after', () => {
    const s = summarizePreview(
      plan(),
      preview([
        { employeeId: '1', date: '2027-01-05', from: 'N', to: 'A' },
        { employeeId: '1', date: '2027-01-07', from: null, to: 'D' },
        { employeeId: '2', date: '2027-01-08', from: null, to: 'A' },
      ]),
    );
    expect(s.employees.map((e) => [e.employee.name, e.added, e.changed, e.removed])).toEqual([
      ['Kari', 1, 1, 0],
      ['Ola', 1, 0, 0],
    ]);
    const kari = s.employees[0];
    // D 7,5 + N 9,5 before; D 7,5 + A 7,5 + D 7,5 after (paid hours of the default shift types).
    expect(kari.hoursAfter - kari.hoursBefore).toBeCloseTo(7.5 + 7.5 - 9.5, 5);
    expect(s.totals).toEqual({ added: 2, changed: 1, removed: 0 });
    expect(s.protectedCells).toEqual({ pinned: 1, absence: 1 });
  });

  it('runs the rule engine on the plan as it would become: a rest breach shows up, its removal clears it', () => {
    const breach = summarizePreview(plan(), preview([{ employeeId: '1', date: '2027-01-06', from: null, to: 'D' }]));
    expect(breach.before.error).toBe(0);
    expect(breach.after.error).toBeGreaterThan(0);
    expect(breach.afterErrors[0].message).toContain('Kari');

    const withBreach = { ...plan(), assignments: [...plan().assignments, { employee: '1', date: '2027-01-06', code: 'D' }] };
    const fixed = summarizePreview(withBreach, preview([{ employeeId: '1', date: '2027-01-06', from: 'D', to: null }]));
    expect(fixed.before.error).toBeGreaterThan(0);
    expect(fixed.after.error).toBe(0);
    expect(fixed.employees[0].removed).toBe(1);
  });

  it('currentPlanFile takes the grid cells and keeps the lock of cells that are still there', () => {
    const cells = new Map([
      ['1|2027-01-04', 'A'],
      ['2|2027-01-09', 'L'],
    ]);
    const f = currentPlanFile(plan(), cells);
    expect(f.assignments).toEqual([
      { employee: '1', date: '2027-01-04', code: 'A', pinned: true },
      { employee: '2', date: '2027-01-09', code: 'L' },
    ]);
    expect(protectedCellsOf(f)).toEqual({ pinned: 1, absence: 0 });
  });

  it('«Tillatt over måltimer»: the solver default as Norwegian text, decimal comma read back, bad values named', () => {
    expect(overToleranceText(undefined)).toEqual({ pct: '5', hours: '0' });
    expect(describeOverTolerance({ share: 0.125, minHours: 7.5 })).toBe('12,5 % av måltimene, minst 7,5 t');
    expect(parseOverTolerance('2,5', '3')).toEqual({ ok: true, value: { share: 0.025, minHours: 3 } });
    expect(parseOverTolerance('0', '0')).toEqual({ ok: true, value: { share: 0, minHours: 0 } });
    expect(parseOverTolerance('-5', '4')).toMatchObject({
      ok: false,
      field: 'tolPct',
      message: expect.stringContaining('«Tillatt over måltimer»'),
    });
    expect(parseOverTolerance('150', '4')).toMatchObject({ ok: false, field: 'tolPct' });
    expect(parseOverTolerance('5', '-1')).toMatchObject({
      ok: false,
      field: 'tolHours',
      message: expect.stringContaining('«Minst antall timer»'),
    });
    expect(parseOverTolerance('5', 'mye')).toMatchObject({ ok: false, field: 'tolHours' });
  });
});
