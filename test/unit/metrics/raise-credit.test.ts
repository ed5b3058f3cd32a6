/**
 * The Økonomi tab's «Per ansatt» table and the split's line «Stillingsøkning for de økte» come
 * from one rule (shared/metrics/raise-credit.ts): on the 20-person walkthrough unit, raised and
 * re-planned as a pilot would, the per-person rows add up to the line, and a person is credited
 * in proportion to the planned hours added, not the paid hours.
 */
import { describe, expect, it } from 'vitest';
import { ledgerSplit, resolveCostModel, vikarLedger } from '../../../shared/metrics';
import { addDays, isoWeekday, toDay } from '../../../shared/calendar';
import type { TurnusPlan } from '../../../shared/plan/model';
import { walkthroughPlan } from '../review/walkthrough';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Raises Anne (50 → 80 %), Jonas (40 → 60 %) and Ingrid (75 → 100 %), gives them weekday D shifts, and takes some shifts off others. */
function raisedAndReplanned(base: TurnusPlan): TurnusPlan {
  const plan = structuredClone(base);
  const raises: Record<string, number> = { 'Anne Larsen': 0.8, 'Jonas Nilsen': 0.6, 'Ingrid Johansen': 1 };
  const extra: Record<string, number> = { 'Anne Larsen': 40, 'Jonas Nilsen': 12, 'Ingrid Johansen': 25 };
  const taken = new Set(plan.assignments.map((a) => `${a.employee}|${a.date}`));
  for (const e of plan.employees) {
    if (!(e.name in raises)) continue;
    e.position = raises[e.name];
    let added = 0;
    for (let d = 0; added < extra[e.name] && d < 181; d++) {
      const date = addDays(plan.period.start, d);
      if (isoWeekday(toDay(date)) >= 5 || taken.has(`${e.id}|${date}`)) continue;
      plan.assignments.push({ employee: e.id, date, code: 'D' });
      taken.add(`${e.id}|${date}`);
      added++;
    }
  }
  // The re-plan takes the first 15 D shifts of two full-timers off (their hours over target go).
  for (const name of ['Kari Nordmann', 'Sigrid Kristiansen']) {
    const id = plan.employees.find((e) => e.name === name)!.id;
    const ds = plan.assignments.filter((a) => a.employee === id && a.code === 'D').slice(0, 15);
    plan.assignments = plan.assignments.filter((a) => !ds.includes(a));
  }
  return plan;
}

describe('one split of the vikar savings on the Økonomi tab', () => {
  const base = walkthroughPlan();
  const plan = raisedAndReplanned(base);
  const model = resolveCostModel({ sickLeaveRate: 0.08 });
  const ledger = vikarLedger(plan, { kind: 'plan', plan: base, label: 'Grunnlag' }, model);
  const split = ledgerSplit(ledger, plan, base, model);
  const raise = split.parts.find((p) => p.key === 'raise')!;

  it('lists exactly the three whose contracted position changed', () => {
    expect(ledger.employees.map((e) => e.name).sort()).toEqual(['Anne Larsen', 'Ingrid Johansen', 'Jonas Nilsen']);
    expect(raise.people).toBe(3);
  });

  it('the per-person rows add up to the line «Stillingsøkning for de økte»', () => {
    expect(ledger.vikarHoursSaved).toBeGreaterThan(0);
    expect(raise.vikarHoursRemoved).toBeGreaterThan(0);
    expect(sum(ledger.employees.map((e) => e.replacedVikarHours))).toBeCloseTo(raise.vikarHoursRemoved, 6);
    expect(sum(ledger.employees.map((e) => e.replacedVikarKroner))).toBeCloseTo(raise.vikarKronerRemoved, 4);
    expect(sum(ledger.employees.map((e) => e.addedFixedKroner))).toBeCloseTo(raise.fixedKroner, 4);
    expect(sum(ledger.employees.map((e) => e.net))).toBeCloseTo(raise.net.period, 4);
    expect(sum(ledger.employees.map((e) => e.addedPlannedHours))).toBeCloseTo(raise.plannedHours, 6);
  });

  it('each person is credited (1 − sykefravær) × the planned hours added, while the vikar saved lasts', () => {
    const wanted = (1 - 0.08) * sum(ledger.employees.map((e) => e.addedPlannedHours));
    expect(raise.vikarHoursRemoved).toBeCloseTo(Math.min(wanted, ledger.vikarHoursSaved), 6);
    for (const e of ledger.employees) {
      expect(e.replacedVikarHours / raise.vikarHoursRemoved).toBeCloseTo(e.addedPlannedHours / raise.plannedHours, 9);
    }
  });

  it('against entered figures: the rows add up to the raise credit and never to more than the vikar saved', () => {
    const entered = vikarLedger(plan, { kind: 'entered', vikarHours: { total: ledger.before.vikarHoursTotal } }, model);
    expect(entered.employees.length).toBeGreaterThan(0);
    expect(sum(entered.employees.map((e) => e.replacedVikarKroner))).toBeCloseTo(entered.raiseVikarKroner, 4);
    expect(entered.raiseVikarHours).toBeLessThanOrEqual(Math.max(0, entered.vikarHoursSaved) + 1e-9);
    for (const e of entered.employees) expect(e.raise).toBeGreaterThan(0);
  });
});
