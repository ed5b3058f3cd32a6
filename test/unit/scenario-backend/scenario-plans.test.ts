/**
 * Issue 18: a scenario is a plan variant in the same workspace. It owns a plan row (m070) that
 * the grid, steps, rule check, «Fyll ut» and Nøkkeltall open like any plan, with the
 * scenario's staff, shift types and weekend rhythm applied; plan lists never show it.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../backend/helpers';
import { DAY_DEMAND, seedLia } from './seed';
import { generatePlan } from '../../../shared/solver/norwegian/solve';
import { findChromium } from '../../../electron/backend/exchange/pdf';

/** Per is a helsefagarbeider 50 % who wants 75 %; one A shift on weekdays besides the day shifts. */
const seed = (b: TestBackend) =>
  seedLia(b, {
    per: { competence: 'helsefagarbeider', position: 0.5, wantedPosition: 0.75 },
    demand: [...DAY_DEMAND.slice(0, 1), { dayType: 'weekday', shift: 'A', competence: 'any', count: 1 }, ...DAY_DEMAND.slice(1)],
  });

describe('scenario plans (m070, real SQLite file)', () => {
  it('a scenario owns a plan that opens like any plan, with its changes applied, and stays out of plan lists', async () => {
    const b = await openTestBackend();
    const { unit, plan, ola } = await seed(b);
    const s = await b.api.createScenario({
      unitId: unit.id,
      planId: plan.id,
      name: 'Langvakter',
      transforms: [{ kind: 'switchToLongWeekends' }],
    });
    expect(s.planId).not.toBeNull();
    const sp = await b.api.getPlan(s.planId!);
    expect(sp.file.unit.weekendFrequency).toBe(4);
    expect(sp.file.shiftTypes.map((x) => x.code)).toContain('L');
    expect(sp.file.assignments.length).toBe(s.plan.assignments.length);
    // Plan lists and the unit's plan count never show it.
    expect((await b.api.listPlans(unit.id)).map((p) => p.id)).toEqual([plan.id]);
    expect((await b.api.listUnits()).find((u) => u.id === unit.id)!.planCount).toBe(1);
    // The banner.
    expect(await b.api.scenarioOfPlan(s.planId!)).toEqual({
      scenarioId: s.id,
      name: 'Langvakter',
      basePlanId: plan.id,
      basePlanName: 'Vår 2027',
    });
    expect(await b.api.scenarioOfPlan(plan.id)).toBeNull();

    // The grid writes into the scenario (with the scenario's shift types), never into the real plan.
    const sat = '2027-01-09';
    await b.api.setCells(s.planId!, [
      { employeeId: ola.id, date: sat, code: 'L' },
      { employeeId: ola.id, date: '2027-01-05', code: 'A' },
    ]);
    const after = await b.api.getScenario(s.id);
    expect(after.plan.assignments).toContainEqual({ employee: ola.id, date: '2027-01-05', code: 'A' });
    expect((await b.api.getPlan(plan.id)).file.assignments.some((a) => a.date === '2027-01-05' && a.employee === ola.id)).toBe(false);
    const refused = await b.dispatch('setCells', [s.planId!, [{ employeeId: ola.id, date: sat, code: 'XYZ' }]]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // The Helgerytme step on the scenario's plan changes the scenario, never the unit.
    await b.api.saveScenarioWeekendSetup(s.id, { weekendFrequency: 3, groups: [{ employeeId: ola.id, weekendGroup: 2 }] });
    const wk = (await b.api.getPlan(s.planId!)).file;
    expect(wk.unit.weekendFrequency).toBe(3);
    expect(wk.employees.find((e) => e.id === ola.id)!.weekendGroup).toBe(2);
    expect((await b.api.getUnit(unit.id)).settings.weekendFrequency).not.toBe(3);
    expect((await b.api.getPlan(plan.id)).file.employees.find((e) => e.id === ola.id)!.weekendGroup).toBeUndefined();

    // Rename follows; after a reopen all is still there; deleting the scenario deletes its plan.
    await b.api.renameScenario(s.id, 'Langvakter hver 4. helg');
    const again = await b.reopen();
    expect((await again.api.getPlan(s.planId!)).name).toBe('Langvakter hver 4. helg');
    expect((await again.api.getScenario(s.id)).plan.assignments).toContainEqual({ employee: ola.id, date: '2027-01-05', code: 'A' });
    // «Gjør til gjeldende plan» writes the cells planned in the scenario's grid.
    const made = await again.api.makeScenarioCurrent(s.id);
    expect(made.planId).toBe(plan.id);
    expect((await again.api.getPlan(plan.id)).file.assignments).toContainEqual({ employee: ola.id, date: '2027-01-05', code: 'A' });
    await again.api.deleteScenario(s.id);
    expect(await again.dispatch('getPlan', [s.planId!])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a scenario stored before m070 (cells in its JSON, no plan row) gets its own plan the first time it is opened', async () => {
    const b = await openTestBackend();
    const { unit, plan } = await seed(b);
    const file = (await b.api.getPlan(plan.id)).file;
    const now = new Date().toISOString();
    const id = Number(
      b.opened.db
        .prepare(
          `INSERT INTO scenarios (unit_id, base_plan_id, name, base_json, plan_json, created_at, updated_at) VALUES (?, ?, 'Gammelt', ?, ?, ?, ?)`,
        )
        .run(unit.id, plan.id, JSON.stringify(file), JSON.stringify(file), now, now).lastInsertRowid,
    );
    expect((await b.api.listScenarios(unit.id))[0].planId).toBeNull();
    const s = await b.api.getScenario(id);
    expect(s.planId).not.toBeNull();
    expect(s.plan.assignments).toEqual(file.assignments);
    expect((await b.api.getPlan(s.planId!)).file.assignments).toEqual(file.assignments);
    expect((await b.api.listPlans(unit.id)).map((p) => p.id)).toEqual([plan.id]);
  });

  it('raises positions in the legal order, re-plans them and reports raised to / planned to', async () => {
    const b = await openTestBackend();
    const { unit, plan, ola, per } = await seed(b);
    const s = await b.api.createScenario({ unitId: unit.id, planId: plan.id, name: 'Øk de to' });
    const res = await b.api.raiseScenarioPositions(
      s.id,
      [
        { employee: ola.id, level: 0.8 },
        { employee: per.id, level: 0.75 },
      ],
      { [per.id]: { fortrinnsrett: true } },
    );
    expect(res.steps.map((x) => x.name)).toEqual(['Per', 'Ola']);
    expect(res.detail.log.join('\n')).toContain('1. Per: stilling 50 % → 75 %');
    // Raised on paper, not planned yet: the report says so and the ledger shows the paid, unplanned hours.
    const paper = res.detail.raises;
    expect(paper.map((r) => [r.name, r.to])).toEqual([
      ['Ola', 0.8],
      ['Per', 0.75],
    ]);
    expect(paper.every((r) => !r.planned && r.reasons.length >= 2)).toBe(true);
    expect(res.detail.comparison.rows[1].ledger.paidNotPlannedHours.after).toBeGreaterThan(0);
    expect(res.detail.comparison.rows[1].involuntaryPartTime.count).toBe(2);

    // «Fyll ut» in re-plan mode on the scenario's plan (what the UI does through startGenerate).
    const file = (await b.api.getPlan(s.planId!)).file;
    const gen = generatePlan(file, {
      mode: 'replan',
      from: file.period.start,
      to: file.period.end,
      seconds: 10,
      maxMoves: 300_000,
      seed: 3,
    });
    await b.api.setCells(
      s.planId!,
      gen.changes.map((c) => ({ employeeId: c.employeeId, date: c.date, code: c.to })),
    );
    const planned = await b.api.getScenario(s.id);
    for (const r of planned.raises) {
      expect(r.plannedHours).toBeGreaterThan(paper.find((p) => p.id === r.id)!.plannedHours);
      if (!r.planned) expect(r.reasons.length).toBeGreaterThanOrEqual(2);
    }
    const bad = await b.dispatch('raiseScenarioPositions', [s.id, [{ employee: ola.id, level: 1.5 }]]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'raises[0].level' } });
    expect(!bad.ok && bad.error.message).toContain('Ny stillingsprosent');
  });

  it('exports the comparison for PSU as XLSX, HTML and PDF with «Sparer»/«Koster … mer» wording', async () => {
    const b = await openTestBackend();
    const { unit, plan, ola } = await seed(b);
    const a = await b.api.createScenario({ unitId: unit.id, planId: plan.id, name: 'Dagens' });
    const c = await b.api.createScenario({
      unitId: unit.id,
      planId: plan.id,
      name: 'Ola til 80 %',
      transforms: [{ kind: 'raisePositions', employees: [ola.id], level: 0.8 }],
    });
    const x = await b.api.exportScenarioComparison([a.id, c.id], 'xlsx');
    expect(x.name).toMatch(/^scenarioer-avdeling-lia-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sammenligning')!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const net = rows.find((r) => r[0] === 'Netto mot første, i perioden')!;
    expect(net[1]).toBe('referanse');
    expect(net[2]).toMatch(/^Koster [\d\u00a0]+ kr mer$/);
    expect(rows.some((r) => r[0] === 'Tillegg: beregnes når satsene er lagt inn')).toBe(true);
    expect(wb.getWorksheet('Regnskap')!.rowCount).toBeGreaterThan(10);
    const h = Buffer.from((await b.api.exportScenarioComparison([a.id, c.id], 'html')).base64, 'base64').toString('utf8');
    expect(h).toContain('Sammenligning av scenarioer – Avdeling Lia');
    expect(h).toContain('<svg');
    expect(h).not.toContain('minus = merkostnad');
    if (findChromium()) {
      const p = await b.api.exportScenarioComparison([a.id, c.id], 'pdf');
      expect(Buffer.from(p.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 60_000);
});
