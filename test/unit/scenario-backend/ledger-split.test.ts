/**
 * Issue 18, the «Øk og planlegg» walkthrough of the e2e seed (20 people, 6 months, pattern-filled)
 * on a real SQLite file: raising the three part-timers and re-planning used to show «Sparer
 * 1 360 049 kr» and less fixed salary, because the re-plan also removes the hours the seed plan
 * places beyond the contract for the others. The ledger now splits the net into the raise and the
 * re-plan of the others; every part is recomputed here from the two plans and the parts add up.
 */
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../backend/helpers';
import { seedUnit } from '../../e2e/seed';
import type { Host } from '../../e2e/fixtures';
import { generatePlan } from '../../../shared/solver/norwegian/solve';
import { paidPosition, positions, resolveCostModel, unitCosts } from '../../../shared/metrics';
import { comparisonHtml, comparisonTable, formatMetric, type ScenarioLedger } from '../../../shared/scenario';
import type { TurnusPlan } from '../../../shared/plan/model';

/** Every part recomputed from the plans: Δ paid hours and Δ fixed salary per group of people. */
function recompute(plan: TurnusPlan, base: TurnusPlan, l: ScenarioLedger) {
  const model = resolveCostModel(plan.costs);
  const year = +plan.period.start.slice(0, 4);
  const side = (p: TurnusPlan) =>
    new Map(
      positions(p).employees.map((e) => [
        e.id,
        {
          paid: paidPosition(e) * e.fullTimeHours,
          planned: e.plannedHours,
          fixed: paidPosition(e) * unitCosts(model, e.competence, year).costPerFteYear * l.yearShare,
        },
      ]),
    );
  const a = side(plan);
  const b = side(base);
  const out = { raise: { paid: 0, planned: 0, fixed: 0 }, others: { paid: 0, planned: 0, fixed: 0 } };
  for (const e of plan.employees) {
    const was = base.employees.find((x) => x.id === e.id)!;
    const g = e.position !== was.position ? out.raise : out.others;
    g.paid += a.get(e.id)!.paid - b.get(e.id)!.paid;
    g.planned += a.get(e.id)!.planned - b.get(e.id)!.planned;
    g.fixed += a.get(e.id)!.fixed - b.get(e.id)!.fixed;
  }
  return { ...out, sick: model.sickLeaveRate };
}

describe('the scenario ledger separates the raise from re-planning the others (walkthrough seed)', () => {
  it('raise the three and re-plan: the re-plan’s gains are the others’, the parts add up to the net', async () => {
    const b = await openTestBackend();
    const host = { call: (m: string, ...args: unknown[]) => (b.api as never as Record<string, (...x: unknown[]) => unknown>)[m](...args) };
    const { unit, plan, employees } = await seedUnit(host as unknown as Host, {
      name: 'Pilot',
      employees: 20,
      start: '2027-01-04',
      months: 6,
      fill: true,
    });
    const s = await b.api.createScenario({ unitId: unit.id, planId: plan.id, name: 'Øk de tre' });
    const [anne, tor, ingrid] = [employees[4], employees[14], employees[2]];
    const raised = await b.api.raiseScenarioPositions(
      s.id,
      [
        { employee: anne.id, level: 0.8 },
        { employee: tor.id, level: 0.75 },
        { employee: ingrid.id, level: 1 },
      ],
      { [ingrid.id]: { fortrinnsrett: true } },
    );
    // Re-plan the scenario's own plan as «Øk og planlegg» does (re-plan mode over the period).
    const sp = await b.api.getPlan(raised.detail.planId!);
    const res = generatePlan(sp.file, {
      mode: 'replan',
      from: sp.file.period.start,
      to: sp.file.period.end,
      maxMoves: 150_000,
      seconds: 20,
      seed: 3,
    });
    await b.api.setCells(
      sp.id,
      res.changes.map((c) => ({ employeeId: c.employeeId, date: c.date, code: c.to })),
    );
    const detail = await b.api.getScenario(s.id);
    const l = detail.comparison.rows[1].ledger;
    const basePlan = (await b.api.getPlan(plan.id)).file;
    const r = recompute(detail.plan, basePlan, l);

    const [raise, others] = l.split.parts;
    expect(l.split.parts.map((p) => p.key)).toEqual(['raise', 'others']);
    expect(raise.people).toBe(3);
    expect(others.people).toBe(17);
    // Recomputed from the plans.
    expect(raise.paidHours).toBeCloseTo(r.raise.paid, 4);
    expect(raise.plannedHours).toBeCloseTo(r.raise.planned, 4);
    expect(raise.fixedKroner).toBeCloseTo(r.raise.fixed, 2);
    expect(others.paidHours).toBeCloseTo(r.others.paid, 4);
    expect(others.fixedKroner).toBeCloseTo(r.others.fixed, 2);
    // The raise costs more fixed salary; it is credited with at most (1 − sick) × its added planned hours of vikar.
    expect(raise.fixedKroner).toBeGreaterThan(0);
    expect(raise.vikarHoursRemoved).toBeLessThanOrEqual(Math.max(0, (1 - r.sick) * r.raise.planned) + 1e-6);
    expect(raise.vikarHoursRemoved).toBeLessThanOrEqual(Math.max(0, l.vikarHoursRemoved) + 1e-6);
    expect(raise.net.period).toBeCloseTo(raise.vikarKronerRemoved - raise.fixedKroner, 4);
    // The seed plan places hours beyond the contract for the others, and the re-plan removes them:
    // that is the re-plan's saving, and the ledger says so.
    expect(r.others.paid).toBeLessThan(-100);
    expect(l.split.warning).toMatch(
      /^Omplanleggingen endrer betalte timer for \d+ andre enn de økte: [\d\s\u00a0,]+ t over avtalt fjernet/,
    );
    // The parts add up: fixed salary and vikar kroner and the net.
    expect(raise.fixedKroner + others.fixedKroner).toBeCloseTo(l.addedFixedKroner, 2);
    expect(raise.vikarKronerRemoved + others.vikarKronerRemoved).toBeCloseTo(l.vikarKronerRemoved, 2);
    expect(raise.vikarHoursRemoved + others.vikarHoursRemoved).toBeCloseTo(l.vikarHoursRemoved, 4);
    expect(raise.net.period + others.net.period).toBeCloseTo(l.net.period, 2);
    expect(l.split.net.year).toBeCloseTo(l.net.year, 2);
    // The headline says what it includes.
    expect(l.split.headline).toMatch(/^Hele scenarioet \(stillingsøkning, omplanlegging av de andre\): (Sparer|Koster)/);
    expect(l.split.headline).toContain('Stillingsøkningen alene: ');
    // The comparison, the PSU summary and the XLSX read the same parts.
    const t = comparisonTable(detail.comparison);
    const row = (k: string) => t.find((x) => x.key === k)!.values[1];
    expect(row('netto-okning')).toBe(formatMetric('saving', raise.net.period));
    expect(row('netto-andre')).toBe(formatMetric('saving', others.net.period));
    expect(t.some((x) => x.key === 'netto-bemanning')).toBe(false); // nobody joined or left
    const html = comparisonHtml(detail.comparison, 'Pilot', '2026-12-07');
    expect(html).toContain('Herav stillingsøkningen alene, i perioden');
    expect(html).toContain('Stillingsøkningen alene: ');
    expect(html).toContain('Omplanleggingen endrer betalte timer for');
    // eslint-disable-next-line no-console
    console.log(l.split.headline, '\n', l.split.warning);
  }, 120_000);
});
