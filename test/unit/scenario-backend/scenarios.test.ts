import { describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../backend/helpers';
import { expectRefusedWhenPerLeft, seedLia } from './seed';

const seed = (b: TestBackend) => seedLia(b);

describe('scenarios (scenario section, real SQLite file)', () => {
  it('creates, renames, copies, lists and deletes scenarios, and keeps them after reopening', async () => {
    const b = await openTestBackend();
    const { unit, plan, ola, per } = await seed(b);

    const s = await b.api.createScenario({
      unitId: unit.id,
      planId: plan.id,
      name: 'Øk til ønsket',
      transforms: [{ kind: 'raisePositions', employees: 'wantsMore', level: 'wanted' }],
    });
    expect(s.plan.employees.find((e) => e.id === ola.id)!.position).toBe(0.8);
    expect(s.plan.employees.find((e) => e.id === per.id)!.position).toBe(0.6);
    expect(s.log.join('\n')).toContain('Ola: stilling 50 % → 80 %');
    // Comparison against the starting point: the contracted average rises from (1 + .5 + .4)/3 to (1 + .8 + .6)/3.
    expect(s.comparison.rows.map((r) => r.name)).toEqual(['Utgangspunkt', 'Øk til ønsket']);
    expect(s.comparison.rows[0].averagePosition.contracted).toBeCloseTo(1.9 / 3, 9);
    expect(s.comparison.rows[1].averagePosition.contracted).toBeCloseTo(2.4 / 3, 9);
    expect(s.comparison.rows[1].heltidsandel.contracted).toBeCloseTo(2 / 3, 9);

    const renamed = await b.api.renameScenario(s.id, 'Alle får ønsket stilling', 'Til PSU');
    expect(renamed).toMatchObject({ name: 'Alle får ønsket stilling', description: 'Til PSU' });
    const copy = await b.api.copyScenario(s.id);
    expect(copy.name).toBe('Kopi av Alle får ønsket stilling');
    expect(copy.plan).toEqual(s.plan);
    expect(copy.transforms).toEqual(s.transforms);

    const langvakt = await b.api.createScenario({
      unitId: unit.id,
      planId: plan.id,
      name: 'Langvakter',
      transforms: [{ kind: 'switchToLongWeekends' }],
    });
    expect(langvakt.plan.unit.weekendFrequency).toBe(4);
    expect(langvakt.plan.demand.filter((r) => r.dayType === 'saturday')).toEqual([
      { dayType: 'saturday', shift: 'L', competence: 'any', count: 1 },
    ]);

    const cmp = await b.api.compareScenarios([s.id, langvakt.id]);
    expect(cmp.rows.map((r) => r.name)).toEqual(['Alle får ønsket stilling', 'Langvakter']);
    expect(cmp.profile.id).toBe('asker-2030');

    const again = await b.reopen();
    const list = await again.api.listScenarios(unit.id);
    expect(list.map((x) => x.name)).toEqual(['Alle får ønsket stilling', 'Kopi av Alle får ønsket stilling', 'Langvakter']);
    expect((await again.api.getScenario(copy.id)).plan).toEqual(s.plan);

    await again.api.deleteScenario(copy.id);
    expect((await again.api.listScenarios(unit.id)).map((x) => x.id)).toEqual([s.id, langvakt.id]);
    const gone = await again.dispatch('getScenario', [copy.id]);
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'scenarioId' } });
  });

  it('refuses bad input with a Norwegian message naming the field, and writes nothing', async () => {
    const b = await openTestBackend();
    const { unit, plan } = await seed(b);
    const noPeriod = await b.dispatch('createScenario', [{ unitId: unit.id, name: 'X' }]);
    expect(noPeriod).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!noPeriod.ok && noPeriod.error.message).toContain('periode');
    const badLevel = await b.dispatch('createScenario', [
      { unitId: unit.id, planId: plan.id, name: 'X', transforms: [{ kind: 'raisePositions', employees: ['999'], level: 0.9 }] },
    ]);
    expect(badLevel).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'input.transforms.employees' } });
    expect(!badLevel.ok && badLevel.error.message).toContain('Ukjent ansatt «999»');
    const one = await b.dispatch('compareScenarios', [[1]]);
    expect(one).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'scenarioIds' } });
    expect(await b.api.listScenarios(unit.id)).toEqual([]);
  });

  it('a scenario from the unit alone has the period and no cells', async () => {
    const b = await openTestBackend();
    const { unit } = await seed(b);
    const s = await b.api.createScenario({ unitId: unit.id, name: 'Tom plan', start: '2027-08-02', months: 6 });
    expect(s.period).toEqual({ start: '2027-08-02', end: '2028-02-01' });
    expect(s.plan.assignments).toEqual([]);
    expect(s.basePlanId).toBeNull();
  });

  it('the stillingsøkning assistant offers open shifts in priority order; accepted offers are stored and raise the position', async () => {
    const b = await openTestBackend();
    const { unit, plan, ola, per } = await seed(b);
    const s = await b.api.createScenario({ unitId: unit.id, planId: plan.id, name: 'Stillingsøkning' });
    // Per has fortrinnsrett (aml § 14-3): he is first although Ola's gap is larger.
    const view = await b.api.runStillingsokning(s.id, { [per.id]: { fortrinnsrett: true } });
    expect(view.people.map((p) => p.name)).toEqual(['Per', 'Ola']);
    expect(view.people[0].reasons[0]).toContain('aml § 14-3');
    expect(view.people[0].offers.length).toBeGreaterThan(0);
    expect(view.uncoveredAfter.hours).toBeLessThan(view.uncoveredBefore.hours);
    expect((await b.api.getScenario(s.id)).priority).toEqual({ [per.id]: { fortrinnsrett: true } });

    const perOffers = view.people[0].offers.map((o) => ({ employee: o.employee, date: o.date, shift: o.shift }));
    const after = await b.api.acceptOffers(s.id, perOffers);
    const perAfter = after.plan.employees.find((e) => e.id === per.id)!;
    expect(perAfter.position).toBeCloseTo(Math.round(view.people[0].resultingAfter * 1000) / 1000, 9);
    expect(after.plan.assignments.length).toBe(s.plan.assignments.length + perOffers.length);
    expect(after.log.some((l) => l.startsWith('Stillingsøkning'))).toBe(true);
    expect(after.acceptedOffers).toBe(perOffers.length);
    expect((await b.api.listScenarios(unit.id))[0].acceptedOffers).toBe(perOffers.length);
    // The comparison against the starting point shows fewer uncovered hours.
    expect(after.comparison.rows[1].uncoveredHours).toBe(after.comparison.rows[0].uncoveredHours - view.people[0].addedHours);

    // An offer that is no longer made is refused and nothing is written.
    const stale = await b.dispatch('acceptOffers', [s.id, [perOffers[0]]]);
    expect(stale).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'offers[0]' } });
    expect((await b.api.getScenario(s.id)).plan.assignments.length).toBe(after.plan.assignments.length);
    expect(ola.id).toBeTruthy();
  });

  it('«gjør til gjeldende plan» writes positions, shift types, bemanningsplan, helgerytme and cells in one go', async () => {
    const b = await openTestBackend();
    const { unit, plan, ola } = await seed(b);
    const s = await b.api.createScenario({
      unitId: unit.id,
      planId: plan.id,
      name: 'Pilot',
      transforms: [{ kind: 'raisePositions', employees: [ola.id], level: 'wanted' }, { kind: 'switchToLongWeekends' }],
    });
    const res = await b.api.makeScenarioCurrent(s.id);
    expect(res).toMatchObject({ unitId: unit.id, planId: plan.id, createdPlan: false });
    expect(res.cellsWritten).toBeGreaterThan(0);

    const again = await b.reopen();
    const u = await again.api.getUnit(unit.id);
    expect(u.employees.find((e) => e.id === ola.id)!.position).toBe(0.8);
    expect(u.settings.weekendFrequency).toBe(4);
    expect(u.demand).toEqual(s.plan.demand);
    const p = await again.api.getPlan(plan.id);
    // Ola consents to langvakter: his weekend D became L in the real plan.
    const olaCells = p.file.assignments.filter((a) => a.employee === ola.id);
    expect(olaCells.length).toBeGreaterThan(0);
    expect(new Set(olaCells.map((a) => a.code))).toEqual(new Set(['L']));
    expect(p.file.assignments.length).toBe(s.plan.assignments.length);
    expect((await again.api.getScenario(s.id)).appliedAt).not.toBeNull();
  });

  it('«gjør til gjeldende plan» refuses, untouched, when an employee of the scenario has been deleted', async () => {
    const b = await openTestBackend();
    const { unit, plan, per } = await seed(b);
    const s = await b.api.createScenario({
      unitId: unit.id,
      planId: plan.id,
      name: 'Pilot',
      transforms: [{ kind: 'switchToLongWeekends' }],
    });
    await expectRefusedWhenPerLeft(b, unit.id, s.id, per.id);
  });

  it('«gjør til gjeldende plan» makes a new plan when the scenario has no base plan, and keeps the priority flags in a copy', async () => {
    const b = await openTestBackend();
    const { unit, ola } = await seed(b);
    const s = await b.api.createScenario({ unitId: unit.id, name: 'Høsten', start: '2027-08-02', months: 3 });
    await b.api.runStillingsokning(s.id, { [ola.id]: { regularExtraHours: true } });
    const copy = await b.api.copyScenario(s.id, 'Høsten B');
    expect(copy.priority).toEqual({ [ola.id]: { regularExtraHours: true } });
    const res = await b.api.makeScenarioCurrent(copy.id);
    expect(res.createdPlan).toBe(true);
    expect(res.cellsWritten).toBe(0);
    const plans = await b.api.listPlans(unit.id);
    expect(plans.find((p) => p.id === res.planId)).toMatchObject({
      name: 'Høsten B',
      start: '2027-08-02',
      end: '2027-11-01',
      status: 'utkast',
    });
  });
});
