import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TurnusPlan } from '../../../shared/plan/model';
import { diffPlans } from '../../../shared/review/diff';
import { analyzePlan, holidaysWorked, reviewPackInput } from '../../../shared/review/analysis';
import { buildReviewPackHtml, droftingDeadline, nbNumber, nbPercent } from '../../../shared/review/pack';
import { indexPlan } from '../../../shared/plan/plan-index';
import path from 'node:path';
import { FIXTURES } from '../../paths';

const load = (name: string): TurnusPlan => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.turnus.json`), 'utf8')) as TurnusPlan;

const ctx = (plan: TurnusPlan) => ({
  plan,
  planName: 'Jul',
  status: { status: 'utkast' as const },
  generatedAt: '2025-11-01T10:00:00.000Z',
  generatedBy: 'test',
});

describe('diffPlans', () => {
  it('an unchanged plan is identical', () => {
    const plan = load('christmas-report');
    const d = diffPlans(plan, structuredClone(plan), analyzePlan);
    expect(d.identical).toBe(true);
    expect(d.cells).toEqual([]);
  });

  it('a changed position and a new employee show up per employee', () => {
    const before = load('christmas-report');
    const after = structuredClone(before);
    after.employees[1].position = 0.6;
    after.employees.push({ id: 'm4', name: 'Mads', competence: 'assistent', position: 0.5 });
    after.assignments.push({ employee: 'm4', date: '2025-12-16', code: 'D' });
    const d = diffPlans(before, after, analyzePlan);
    expect(d.employees.map((e) => [e.name, e.change])).toEqual([
      ['Morten', 'changed'],
      ['Mads', 'added'],
    ]);
    expect(d.employees[0]).toMatchObject({ positionBefore: 0.4, positionAfter: 0.6, cellsChanged: 0 });
    expect(d.employees[1]).toMatchObject({ plannedHoursBefore: null, plannedHoursAfter: 7.5, cellsChanged: 1 });
    expect(d.cells).toEqual([{ employeeId: 'm4', employeeName: 'Mads', date: '2025-12-16', before: null, after: 'D' }]);
  });
});

describe('review pack HTML', () => {
  it('escapes every user text, so a name cannot inject markup', () => {
    const plan = load('christmas-report');
    plan.employees[0].name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    plan.unit.name = 'A & B "avdeling"';
    const html = buildReviewPackHtml(reviewPackInput(ctx(plan)));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &amp; B &quot;avdeling&quot;');
  });

  it('marks holidays by name, counts holidays worked and gives the § 10-3 deadline', () => {
    const plan = load('christmas-report');
    const html = buildReviewPackHtml(reviewPackInput(ctx(plan)));
    expect(droftingDeadline(plan)).toBe('2025-12-01');
    expect(html).toContain('Frist for drøfting med de tillitsvalgte: 01.12.2025');
    expect(html).toContain('1. juledag');
    expect(html).toContain('desember 2025');
    expect(html).toContain('januar 2026');
    const index = indexPlan(plan);
    const worked = plan.employees.map((e) => holidaysWorked(index, e.id));
    const onHolidays = plan.employees.map(
      (e) =>
        new Set(
          plan.assignments
            .filter((a) => a.employee === e.id && ['2025-12-25', '2025-12-26', '2026-01-01'].includes(a.date) && a.code !== 'FE')
            .map((a) => a.date),
        ).size,
    );
    // A night shift on the day before a holiday also counts, so worked ≥ shifts dated on holidays.
    for (const [i, w] of worked.entries()) expect(w).toBeGreaterThanOrEqual(onHolidays[i]);
  });

  it('Norwegian number format', () => {
    expect(nbNumber(1234.56, 1)).toBe('1 234,6');
    expect(nbNumber(-0.04, 1)).toBe('0,0');
    expect(nbPercent(0.6667)).toBe('66,7 %');
  });
});
