/**
 * Issue 18: a scenario's own staff and shift lengths. People added, changed and taken out, and a
 * shift type with other times, change the scenario only; the unit's staff, its plans and the real
 * plan's change log stay as they were until «Gjør til gjeldende plan» applies them in one
 * transaction, and the real plan's change log then names the scenario on every cell it wrote.
 */
import { describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../backend/helpers';
import { addDays, isoWeekday, toDay } from '../../../shared/calendar';
import type { CellChange } from '../../../shared/api';
import { expectRefusedWhenPerLeft } from './seed';

async function seed(b: TestBackend) {
  const unit = await b.api.createUnit('Avdeling Lia');
  const kari = await b.api.addEmployee(unit.id, { name: 'Kari', competence: 'sykepleier', position: 1 });
  const ola = await b.api.addEmployee(unit.id, { name: 'Ola', competence: 'helsefagarbeider', position: 0.5, wantedPosition: 0.8 });
  const per = await b.api.addEmployee(unit.id, { name: 'Per', competence: 'helsefagarbeider', position: 0.5 });
  await b.api.setDemand(unit.id, [{ dayType: 'weekday', shift: 'D', competence: 'any', count: 2 }]);
  const plan = await b.api.createPlan(unit.id, 'Vår 2027', '2027-01-04', 3);
  const cells: CellChange[] = [];
  for (let d = plan.start; d <= plan.end; d = addDays(d, 1)) {
    if (isoWeekday(toDay(d)) < 5) cells.push({ employeeId: kari.id, date: d, code: 'D' });
    if (isoWeekday(toDay(d)) === 2) cells.push({ employeeId: per.id, date: d, code: 'A' });
  }
  await b.api.setCells(plan.id, cells);
  return { unit, plan, kari, ola, per };
}

describe('a scenario’s own staff (m093, real SQLite file)', () => {
  it('adds, changes and takes out people and changes a shift length in the scenario only', async () => {
    const b = await openTestBackend();
    const { unit, plan, ola, per } = await seed(b);
    const unitBefore = await b.api.getUnit(unit.id);
    const s = await b.api.createScenario({ unitId: unit.id, planId: plan.id, name: 'Ny 80 %-stilling' });

    // A new 80 % position in the scenario.
    const added = await b.api.saveScenarioEmployee(s.id, null, { name: 'Nina', competence: 'helsefagarbeider', position: 0.8 });
    const nina = added.plan.employees.find((e) => e.name === 'Nina')!;
    expect(nina.position).toBe(0.8);
    // Ola raised to 80 % and given weekend group 2 and a night exemption; Per taken out; D shorter.
    await b.api.saveScenarioEmployee(s.id, ola.id, { ...ola, position: 0.8, weekendGroup: 2, nightExempt: true });
    await b.api.removeScenarioEmployee(s.id, per.id);
    const d = unitBefore.shiftTypes.find((x) => x.code === 'D')!;
    const after = await b.api.saveScenarioShiftType(s.id, { ...d, end: '14:30' });
    expect(after.plan.employees.map((e) => e.name).sort()).toEqual(['Kari', 'Nina', 'Ola']);
    expect(after.plan.employees.find((e) => e.id === ola.id)).toMatchObject({ position: 0.8, weekendGroup: 2, nightExempt: true });
    expect(after.plan.shiftTypes.find((x) => x.code === 'D')!.end).toBe('14:30');
    expect(after.log.join('\n')).toContain('Ny ansatt i scenarioet: Nina');
    expect(after.log.join('\n')).toContain('Ola: stilling 50 % → 80 %, fritak fra nattarbeid, helgegruppe (bare i scenarioet)');
    // The scenario's plan row: Per's cells gone from it, Nina can be planned there.
    const sp = (await b.api.getPlan(s.planId!)).file;
    expect(sp.assignments.some((a) => a.employee === per.id)).toBe(false);
    await b.api.setCells(s.planId!, [{ employeeId: nina.id, date: '2027-01-05', code: 'D' }]);
    // Her ferieønske belongs in the scenario's plan, never in the real plan.
    await b.api.addWish(s.planId!, { employeeId: nina.id, start: '2027-02-15', end: '2027-02-19' });
    const wishRefused = await b.dispatch('addWish', [plan.id, { employeeId: nina.id, start: '2027-02-15', end: '2027-02-19' }]);
    expect(wishRefused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // The unit, its lists and its real plan never saw any of it.
    const unitNow = await b.api.getUnit(unit.id);
    expect(unitNow.employees).toEqual(unitBefore.employees);
    expect(unitNow.shiftTypes).toEqual(unitBefore.shiftTypes);
    expect((await b.api.listUnits()).find((u) => u.id === unit.id)!.employeeCount).toBe(3);
    expect((await b.api.getPlan(plan.id)).file.assignments.some((a) => a.employee === per.id)).toBe(true);
    const refused = await b.dispatch('setCells', [plan.id, [{ employeeId: nina.id, date: '2027-01-05', code: 'D' }]]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const bad = await b.dispatch('saveScenarioEmployee', [s.id, ola.id, { ...ola, position: 0.9, wantedPosition: 0.8 }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!bad.ok && bad.error.message).toContain('Ønsket stillingsprosent');
    expect(!bad.ok && bad.error.message).not.toContain('employee.');

    // A copy owns its own Nina: deleting the original keeps the copy's person and her cells.
    const copy = await b.api.copyScenario(s.id);
    const copyNina = copy.plan.employees.find((e) => e.name === 'Nina')!;
    expect(copyNina.id).not.toBe(nina.id);
    await b.api.deleteScenario(s.id);
    const kept = await b.api.getScenario(copy.id);
    expect(kept.plan.assignments).toContainEqual({ employee: copyNina.id, date: '2027-01-05', code: 'D' });
  });

  it('«Gjør til gjeldende plan» applies the staff and shift lengths in one go and labels the cells in the real plan’s change log', async () => {
    const b = await openTestBackend();
    const { unit, plan, ola, per } = await seed(b);
    const s = await b.api.createScenario({ unitId: unit.id, planId: plan.id, name: 'Ny stilling' });
    const added = await b.api.saveScenarioEmployee(s.id, null, { name: 'Nina', competence: 'helsefagarbeider', position: 0.8 });
    const nina = added.plan.employees.find((e) => e.name === 'Nina')!;
    await b.api.saveScenarioEmployee(s.id, ola.id, { ...ola, position: 0.8, weekendGroup: 1, nightExempt: true });
    await b.api.removeScenarioEmployee(s.id, per.id);
    const d = (await b.api.getUnit(unit.id)).shiftTypes.find((x) => x.code === 'D')!;
    await b.api.saveScenarioShiftType(s.id, { ...d, end: '14:30' });
    await b.api.setCells(s.planId!, [
      { employeeId: nina.id, date: '2027-01-05', code: 'D' },
      { employeeId: ola.id, date: '2027-01-06', code: 'D' },
    ]);
    // Edits in the scenario's grid never reach the real plan's change log.
    const logBefore = await b.api.listChangeLog(plan.id, 100_000);
    expect(logBefore.some((e) => e.employeeId === nina.id || e.employeeId === ola.id)).toBe(false);

    const made = await b.api.makeScenarioCurrent(s.id);
    expect(made.summary).toContain('Ny ansatt i avdelingen: Nina (helsefagarbeider, stilling 80 %).');
    expect(made.summary).toContain('Ola: stilling 50 % → 80 %');
    expect(made.summary).toContain('Ola: fritak fra nattarbeid endret.');
    expect(made.summary).toContain(`Vakttype D: ${d.start}–${d.end} → ${d.start}–14:30.`);
    const u = await b.api.getUnit(unit.id);
    expect(u.employees.map((e) => e.name).sort()).toEqual(['Kari', 'Nina', 'Ola', 'Per']);
    expect(u.employees.find((e) => e.id === ola.id)).toMatchObject({ position: 0.8, weekendGroup: 1, nightExempt: true });
    expect(u.shiftTypes.find((x) => x.code === 'D')!.end).toBe('14:30');
    const real = (await b.api.getPlan(plan.id)).file.assignments;
    expect(real).toContainEqual({ employee: nina.id, date: '2027-01-05', code: 'D' });
    expect(real.some((a) => a.employee === per.id)).toBe(false);

    // The real plan's change log: the written cells name the scenario, and one entry says what happened.
    const log = await b.api.listChangeLog(plan.id, 100_000);
    const fresh = log.filter((e) => e.id > Math.max(0, ...logBefore.map((x) => x.id)));
    const cells = fresh.filter((e) => e.kind === 'cell');
    expect(cells.length).toBe(made.cellsWritten);
    expect(cells.every((e) => e.detail === 'Fra scenarioet «Ny stilling»')).toBe(true);
    expect(fresh.find((e) => e.kind === 'plan')!.detail).toMatch(/^Scenarioet «Ny stilling» er gjort til gjeldende plan: /);
    // Older entries keep no label.
    expect(logBefore.every((e) => e.kind !== 'cell' || e.detail === null)).toBe(true);
  });

  it('refuses, and changes nothing, when a person of the scenario has left the unit', async () => {
    const b = await openTestBackend();
    const { unit, plan, ola, per } = await seed(b);
    const s = await b.api.createScenario({ unitId: unit.id, planId: plan.id, name: 'Før Per sluttet' });
    await b.api.saveScenarioEmployee(s.id, null, { name: 'Nina', competence: 'helsefagarbeider', position: 0.8 });
    await b.api.saveScenarioEmployee(s.id, ola.id, { ...ola, position: 0.8 });
    await expectRefusedWhenPerLeft(b, unit.id, s.id, per.id);
  });

  it('a scenario’s own plan is never sent to drøfting: the tillitsvalgte review the real plan', async () => {
    const b = await openTestBackend();
    const { unit, plan } = await seed(b);
    const s = await b.api.createScenario({ unitId: unit.id, planId: plan.id, name: 'Variant' });
    const r = await b.dispatch('setPlanStatus', [s.planId!, { status: 'til_drofting', date: '2026-12-01', names: ['Tillitsvalgt'] }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!r.ok && r.error.message).toContain('Et scenario sendes ikke til drøfting');
    expect((await b.api.getReviewState(s.planId!)).status).toBe('utkast');
    // The real plan still can be.
    await b.api.setPlanStatus(plan.id, { status: 'til_drofting', date: '2026-12-01', names: ['Tillitsvalgt'] });
    expect((await b.api.getReviewState(plan.id)).status).toBe('til_drofting');
  });
});
