/**
 * Scale (issue 9): a whole virksomhet (520 employees in 12 avdelinger, one 12-month årsturnus
 * each) in a real SQLite file. Asserts correctness at that size, never speed (speed budgets are
 * in scripts/bench-scale.mjs and docs/benchmarks.md): the file opens through the dispatcher,
 * every unit's plan comes back with every employee and every cell, each exported plan file
 * validates, reports and rule checks run for every plan and for one 520-employee plan, and the
 * exports succeed with everybody in them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../../electron/backend/runtime';
import type { PlanDetail, UnitSummary } from '../../../shared/api';
import type { ExportResult } from '../../../shared/api/review';
import { checkPlan } from '../../../shared/rules/engine';
import { buildReport } from '../../../shared/metrics/report';
import { parsePlanFile, serializePlanFile } from '../../../shared/planfile';
import { generateVirksomhet, seedVirksomhet, wholePlanFile, type SeededUnit, type Virksomhet } from '../../../scripts/bench/virksomhet';

const SLOW = 600_000; // generous: the machine may be shared; nothing here is timed

let dir: string;
let file: string;
let backend: Backend;
let v: Virksomhet;
let seeded: SeededUnit[];

async function call<T>(method: string, ...args: unknown[]): Promise<T> {
  const res = await backend.dispatch(method, args);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.result as T;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnus-scale-'));
  file = path.join(dir, 'virksomhet.sqlite');
  v = generateVirksomhet({ seed: 2026 });
  const first = await startBackend(file, 'browser', { backups: false });
  try {
    seeded = await seedVirksomhet(first.api, v);
  } finally {
    first.close();
  }
  // Every later step works on a freshly opened file, like the next morning.
  backend = await startBackend(file, 'browser', { backups: false });
}, SLOW);

afterAll(() => {
  backend?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a whole virksomhet: 520 employees, 12 avdelinger, 12 months', () => {
  it('the generator gives 520 employees with unique names in 12 units, each with a year of shifts, ferie and a bemanningsplan', () => {
    expect(v.units).toHaveLength(12);
    const all = v.units.flatMap((u) => u.employees);
    expect(all).toHaveLength(520);
    expect(new Set(all.map((e) => e.name)).size).toBe(520);
    for (const u of v.units) {
      const codes = new Set(u.cells.map((c) => c.code));
      for (const code of ['D', 'A', 'N', 'FE']) expect(codes, `${u.name} har ${code}`).toContain(code);
      expect(u.demand.some((r) => r.dayType === 'weekday' && r.shift === 'D' && r.count > 0)).toBe(true);
      // Summer ferie: everyone has three weeks of FE between June and August.
      for (const e of u.employees) {
        const summer = u.cells.filter((c) => c.employee === e.key && c.code === 'FE' && c.date >= '2026-06-01' && c.date <= '2026-08-31');
        expect(summer.length, e.name).toBe(18);
      }
    }
    expect(v.units.some((u) => u.cells.some((c) => c.code === 'L'))).toBe(true);
    expect(v.units.some((u) => u.cells.some((c) => c.code === 'KURS'))).toBe(true);
    // Same seed, same virksomhet.
    expect(generateVirksomhet({ seed: 2026 }).units[5].cells).toEqual(v.units[5].cells);
  });

  it(
    'the reopened file lists all 12 units with 520 employees, and every plan opens through the dispatcher with every employee and cell',
    async () => {
      const units = await call<UnitSummary[]>('listUnits');
      expect(units.map((u) => u.name).sort()).toEqual(v.units.map((u) => u.name).sort());
      expect(units.reduce((t, u) => t + u.employeeCount, 0)).toBe(520);
      expect(units.every((u) => u.planCount === 1)).toBe(true);
      for (const [i, u] of v.units.entries()) {
        const plan = await call<PlanDetail>('getPlan', seeded[i].planId);
        expect(plan.start).toBe(v.start);
        expect(plan.end).toBe(v.end);
        expect(plan.file.employees.map((e) => e.name).sort()).toEqual(u.employees.map((e) => e.name).sort());
        expect(plan.file.assignments).toHaveLength(u.cells.length);
        expect(plan.file.assignments.filter((a) => a.pinned)).toHaveLength(u.cells.filter((c) => c.pinned).length);
        expect(plan.file.demand).toEqual(u.demand);
        expect(plan.file.unit.weekendFrequency).toBe(u.weekendFrequency);
      }
    },
    SLOW,
  );

  it(
    "each unit's exported plan file validates and holds every employee and cell",
    async () => {
      for (const [i, u] of v.units.entries()) {
        const res = await call<ExportResult>('exportPlan', seeded[i].planId, 'turnus');
        const parsed = parsePlanFile(Buffer.from(res.files[0].base64, 'base64').toString('utf8'));
        if (!parsed.ok) throw new Error(`${u.name}: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
        expect(parsed.plan.employees).toHaveLength(u.employees.length);
        expect(parsed.plan.assignments).toHaveLength(u.cells.length);
      }
    },
    SLOW,
  );

  it(
    'report and rule check run for all 12 plans and for one 520-employee plan, with every employee in the report',
    async () => {
      let violations = 0;
      for (const [i, u] of v.units.entries()) {
        const plan = await call<PlanDetail>('getPlan', seeded[i].planId);
        const report = buildReport(plan.file);
        expect(report.employees.map((e) => e.id).sort()).toEqual([...seeded[i].ids.values()].sort());
        // Everybody works: planned hours and a resulting position for each.
        for (const e of report.employees) {
          expect(e.plannedHours, `${u.name} ${e.name}`).toBeGreaterThan(0);
          expect(Number.isFinite(e.resultingPosition)).toBe(true);
        }
        expect(report.unit.employees).toBe(u.employees.length);
        expect(report.unit.neededHours).toBeGreaterThan(0);
        const hits = checkPlan(plan.file);
        const known = new Set(plan.file.employees.map((e) => e.id));
        for (const h of hits) if (h.employee !== undefined) expect(known.has(h.employee)).toBe(true);
        violations += hits.length;
      }
      expect(violations).toBeGreaterThanOrEqual(0);

      const whole = wholePlanFile(v);
      expect(whole.employees).toHaveLength(520);
      const report = buildReport(whole);
      expect(report.employees).toHaveLength(520);
      expect(report.unit.employees).toBe(520);
      expect(report.unit.heltidsandel.contracted).toBeGreaterThan(0);
      expect(Array.isArray(checkPlan(whole))).toBe(true);
    },
    SLOW,
  );

  it(
    'the largest unit exports as XLSX with every employee and as a review pack naming everyone',
    async () => {
      const largest = v.units.reduce((best, u, i) => (u.employees.length > v.units[best].employees.length ? i : best), 0);
      const u = v.units[largest];
      const xlsx = await call<ExportResult>('exportPlan', seeded[largest].planId, 'xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx.files[0].base64, 'base64') as unknown as ArrayBuffer);
      const names = new Set<string>();
      wb.getWorksheet('Per ansatt')!.eachRow((row, n) => {
        if (n > 1) names.add(String(row.getCell(2).value));
      });
      for (const e of u.employees) expect(names, e.name).toContain(e.name);

      const html = await call<ExportResult>('exportPlan', seeded[largest].planId, 'html');
      const text = Buffer.from(html.files[0].base64, 'base64').toString('utf8');
      for (const e of u.employees) expect(text, e.name).toContain(e.name);
    },
    SLOW,
  );

  it(
    'the whole virksomhet imports as one 520-employee plan and exports as XLSX with all 520',
    async () => {
      const plan = await call<PlanDetail>('commitPlanImport', serializePlanFile(wholePlanFile(v)));
      expect(plan.file.employees).toHaveLength(520);
      expect(plan.file.assignments).toHaveLength(v.units.reduce((t, u) => t + u.cells.length, 0));
      const xlsx = await call<ExportResult>('exportPlan', plan.id, 'xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx.files[0].base64, 'base64') as unknown as ArrayBuffer);
      let rows = 0;
      wb.getWorksheet('Per ansatt')!.eachRow((_row, n) => {
        if (n > 1) rows++;
      });
      expect(rows).toBeGreaterThanOrEqual(520);
    },
    SLOW,
  );
});
