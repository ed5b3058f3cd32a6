/**
 * Golden results of the metrics layer (issue 4 «Nøkkeltall», speed work): buildReport, coverage
 * (with its slot index), weekendCoverage, absenceCover, coverageGridRows, weekendMetrics,
 * positions and demandOn for every day, serialised to JSON, must stay byte-identical to what the
 * code gave before it was made faster. Plans: both handbook fixtures, the test week and three
 * seeded 12-month plans (60 and 23 employees, scripts/bench-metrics.mjs `metricsPlan`, and a
 * 30-employee variant with several countsToward codes). The golden data was generated from the
 * code before the speed work (commit 99c6525).
 *
 * Small plans are stored in full; the 12-month plans as SHA-256 + length per part (the full
 * JSON is several MB). Regenerate only on a deliberate change of a result:
 *   UPDATE_GOLDEN=1 TZ=Europe/Oslo npx vitest run test/unit/metrics/golden.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TurnusPlan } from '../../../shared/plan/model';
import { buildReport } from '../../../shared/metrics/report';
import { checkIndex } from '../../../shared/rules/engine';
import { indexPlan } from '../../../shared/plan/plan-index';
import { coverage, coverageGridRows } from '../../../shared/metrics/coverage';
import { absenceCover, weekendCoverage } from '../../../shared/metrics/coverage-views';
import { demandOn, demandTable } from '../../../shared/metrics/demand';
import { positions } from '../../../shared/metrics/positions';
import { weekendMetrics } from '../../../shared/metrics/weekends';
import { weekPlan } from './fixture-week';
import { FIXTURES } from '../../paths';

const { metricsPlan } = (await import('../../../scripts/bench-metrics.mjs' as string)) as {
  metricsPlan: (employees: number) => TurnusPlan;
};

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const fixture = (name: string) => JSON.parse(readFileSync(`${FIXTURES}/${name}.turnus.json`, 'utf8')) as TurnusPlan;

/**
 * A 12-month plan where several codes count toward the same needs (K → D, A; M → A; L → D, A),
 * so the countsToward pass mixes codes in employee order, plus a need on a code without a shift
 * type and a date row that replaces a holiday.
 */
function mixedPlan(): TurnusPlan {
  const p = metricsPlan(30);
  p.shiftTypes = [
    ...p.shiftTypes.map((t) => (t.code === 'L' ? { ...t, countsToward: ['D', 'A', 'L'] } : t)),
    { code: 'K', start: '07:00', end: '12:00', countsToward: ['D', 'A'] },
    { code: 'M', start: '12:00', end: '20:00', unpaidBreakMinutes: 30, countsToward: ['A'] },
  ];
  let i = 0;
  p.assignments = p.assignments.map((a) => {
    i++;
    if (a.code === 'D' && i % 5 === 0) return { ...a, code: 'K' };
    if (a.code === 'A' && i % 4 === 0) return { ...a, code: 'M' };
    return a;
  });
  p.demand = [
    ...p.demand,
    { dayType: 'weekday', shift: 'X', competence: 'any', count: 1 },
    { dayType: 'sunday', shift: 'M', competence: 'sykepleier', count: 1 },
    { date: '2026-05-17', shift: 'L', competence: 'assistent', count: 2 },
    { date: '2026-05-17', shift: 'D', competence: 'any', count: 3 },
  ];
  p.unit = { ...p.unit, name: 'Blandet' };
  return p;
}

const PLANS: { name: string; plan: () => TurnusPlan; full: boolean }[] = [
  { name: 'christmas-report', plan: () => fixture('christmas-report'), full: true },
  { name: 'rules-november', plan: () => fixture('rules-november'), full: true },
  { name: 'test-week', plan: weekPlan, full: true },
  { name: 'seeded-60', plan: () => metricsPlan(60), full: false },
  { name: 'seeded-23', plan: () => metricsPlan(23), full: false },
  { name: 'seeded-mixed', plan: mixedPlan, full: false },
];

/** Every public metrics result of one plan as JSON strings, one per part. */
function serialise(plan: TurnusPlan): Record<string, string> {
  const index = indexPlan(plan);
  const cov = coverage(index);
  const table = demandTable(plan.demand);
  const demand: unknown[] = [];
  for (let d = index.startDay - 2; d <= index.endDay + 2; d++) demand.push(demandOn(table, d));
  const { slotIndex, ...rest } = cov;
  const shiftOrder = plan.shiftTypes.map((s) => s.code);
  return {
    report: JSON.stringify(buildReport(plan)),
    coverage: JSON.stringify(rest),
    slotIndex: JSON.stringify([...slotIndex]),
    coveragePlan: JSON.stringify((({ slotIndex: _s, ...r }) => r)(coverage(plan))),
    weekendCoverage: JSON.stringify(weekendCoverage(cov, index)),
    absenceCover: JSON.stringify(absenceCover(cov, index)),
    gridRows: JSON.stringify(coverageGridRows(cov, shiftOrder)),
    weekendMetrics: JSON.stringify(weekendMetrics(index)),
    weekendMetricsPlan: JSON.stringify(weekendMetrics(plan)),
    positions: JSON.stringify(positions(index)),
    positionsPlan: JSON.stringify(positions(plan)),
    demandOn: JSON.stringify(demand),
  };
}

const digest = (s: string) => ({ sha256: createHash('sha256').update(s).digest('hex'), length: s.length });

describe.each(PLANS)('metrics of $name are unchanged (golden)', ({ name, plan, full }) => {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  const parts = serialise(plan());
  const stored: Record<string, unknown> = full
    ? Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, JSON.parse(v)]))
    : Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, digest(v)]));
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored, null, full ? 1 : 2)}\n`);
  }

  it('has golden data', () => {
    expect(existsSync(file)).toBe(true);
  });

  it.each(Object.keys(parts))('%s is byte-identical', (part) => {
    const golden = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (full) expect(parts[part]).toBe(JSON.stringify(golden[part]));
    else expect(digest(parts[part])).toEqual(golden[part]);
  });

  it('buildReport given the index the rule check used and its coverage is the golden report', () => {
    const p = plan();
    const index = indexPlan(p);
    checkIndex(index);
    const report = JSON.stringify(buildReport(p, { index, coverage: coverage(index) }));
    const golden = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (full) expect(report).toBe(JSON.stringify(golden.report));
    else expect(digest(report)).toEqual(golden.report);
  });

  it('slot index holds the very slot objects of the days, keyed date|shift', () => {
    const cov = coverage(indexPlan(plan()));
    let n = 0;
    for (const d of cov.days) {
      for (const s of d.slots) {
        expect(cov.slotIndex.get(`${d.date}|${s.shift}`)).toBe(s);
        for (const need of s.needs) expect(need.shift).toBe(s.shift);
        n++;
      }
    }
    expect(cov.slotIndex.size).toBe(n);
  });

  it('demandOn hands out fresh objects (callers may change them)', () => {
    const p = plan();
    const table = demandTable(p.demand);
    const day = indexPlan(p).startDay;
    const a = demandOn(table, day);
    if (a.length === 0) return;
    a[0].count += 100;
    expect(demandOn(table, day)[0].count).toBe(a[0].count - 100);
  });
});
