// Issues 14/17: the CSV list export writes each timed meeting and course (plan.activities) as a
// row of its own with its real start, end and hours, as the rules count them; a MØTE cell that is
// the same meeting is not written twice (as the ICS export does).
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { planToCsvRows } from '../../../shared/exchange/csv';
import type { TurnusPlan } from '../../../shared/plan/model';
import { indexPlan } from '../../../shared/plan/plan-index';
import { activitySpans } from '../../../shared/plan/activities';
import { plannedHours } from '../../../shared/plan/hours';
import { arbWithActivities } from '../core/arbitraries';

const parse = (csv: string): string[][] => Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data.slice(1);
const num = (s: string) => Number(s.replace(',', '.'));

function plan(): TurnusPlan {
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Avdeling Solsiden' },
    // Summer time starts Sunday 29 March 2026 at 02:00.
    period: { start: '2026-03-23', end: '2026-04-05' },
    shiftTypes: [{ code: 'D', start: '07:30', end: '15:00', name: 'Dagvakt' }],
    employees: [
      { id: 'e1', employeeNumber: '10401', name: 'Kari Nordmann', competence: 'sykepleier', position: 1 },
      { id: 'e2', employeeNumber: '10402', name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.5 },
    ],
    demand: [],
    assignments: [
      { employee: 'e1', date: '2026-03-24', code: 'D' },
      { employee: 'e1', date: '2026-04-01', code: 'MØTE' },
      { employee: 'e2', date: '2026-04-02', code: 'MØTE' },
    ],
    activities: [
      { code: 'MØTE', date: '2026-03-25', start: '12:00', end: '15:00', employees: 'all' },
      { code: 'MØTE', date: '2026-03-24', start: '13:00', end: '14:00', employees: ['e1'] },
      { code: 'KURS', date: '2026-03-29', start: '01:00', end: '05:00', employees: ['e2'] },
      { code: 'MØTE', date: '2026-04-01', start: '10:00', end: '11:30', employees: ['e1'] },
    ],
  };
}

describe('CSV list: timed meetings and courses', () => {
  const lines = planToCsvRows(plan()).slice(1).split('\r\n');

  it('a meeting for all is one row per person with its own times: 12:00–15:00, 3 hours', () => {
    expect(lines).toContain('10401;Kari Nordmann;2026-03-25;MØTE;12:00;15:00;3');
    expect(lines).toContain('10402;Ola Hansen;2026-03-25;MØTE;12:00;15:00;3');
  });

  it('a course over the spring-forward night lasts 3 real hours (01:00–05:00)', () => {
    expect(lines).toContain('10402;Ola Hansen;2026-03-29;KURS;01:00;05:00;3');
  });

  it('a meeting inside the D shift is listed with its times and 0 hours (the D row pays them), after the shift', () => {
    const i = lines.indexOf('10401;Kari Nordmann;2026-03-24;D;07:30;15:00;7,5');
    expect(lines[i + 1]).toBe('10401;Kari Nordmann;2026-03-24;MØTE;13:00;14:00;0');
  });

  it('a MØTE cell that is the timed meeting is written once, with the real times, not 08:00–11:00', () => {
    const kari = lines.filter((l) => l.includes('2026-04-01'));
    expect(kari).toEqual(['10401;Kari Nordmann;2026-04-01;MØTE;10:00;11:30;1,5']);
    // A MØTE cell with no timed meeting keeps the credited hours from 08:00.
    expect(lines).toContain('10402;Ola Hansen;2026-04-02;MØTE;08:00;11:00;3');
  });

  it('property: one row per participant and activity with its span’s hours; Timer sums to the planned hours', () => {
    fc.assert(
      fc.property(arbWithActivities, (p) => {
        // Without MØTE/KURS cells no cell is merged into a timed activity.
        const pl = { ...p, assignments: p.assignments.filter((a) => a.code !== 'MØTE' && a.code !== 'KURS') };
        const rows = parse(planToCsvRows(pl));
        const ix = indexPlan(pl);
        for (const e of pl.employees) {
          const mine = rows.filter((r) => r[1] === e.name);
          const acts = mine.filter((r) => r[3] === 'MØTE' || r[3] === 'KURS');
          const spans = activitySpans(ix, e.id);
          expect(acts.map((r) => `${r[2]} ${r[3]} ${r[4]} ${r[5]}`).sort()).toEqual(
            spans.map((x) => `${x.date} ${x.activity.code} ${x.activity.start} ${x.activity.end}`).sort(),
          );
          const sum = mine.reduce((t, r) => t + num(r[6]), 0);
          expect(Math.abs(sum - plannedHours(ix, e.id))).toBeLessThan(0.006 * (mine.length + 1));
        }
      }),
      { numRuns: 100 },
    );
  });
});
