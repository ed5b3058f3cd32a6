/**
 * saveWeekendSetup: the unit's weekend rhythm, its anchor Saturday and every employee's weekend
 * group are written in ONE transaction on a real SQLite file: all of it, or nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TurnusApi, UnitDetail } from '../../../shared/api';
import { openTestBackend } from './helpers';

async function unitWithStaff(api: TurnusApi, name = 'Solsiden', n = 4): Promise<UnitDetail> {
  const unit = await api.createUnit(name);
  for (let i = 0; i < n; i++) await api.addEmployee(unit.id, { name: `Ansatt ${i + 1}`, competence: 'helsefagarbeider', position: 0.8 });
  return api.getUnit(unit.id);
}

/** What the weekend setup of a unit looks like to the user. */
const weekendOf = (u: UnitDetail) => ({
  frequency: u.settings.weekendFrequency,
  anchor: u.settings.weekendAnchor ?? null,
  groups: u.employees.map((e) => [e.name, e.weekendGroup ?? null]),
});

describe('saveWeekendSetup', () => {
  it('writes rhythm, anchor and groups together; they survive a reopen and reach the plan file', async () => {
    const tb = await openTestBackend();
    const unit = await unitWithStaff(tb.api);
    const [a, b, c, d] = unit.employees;
    const saved = await tb.api.saveWeekendSetup(unit.id, {
      weekendFrequency: 4,
      weekendAnchor: '2026-01-10',
      groups: [
        { employeeId: a.id, weekendGroup: 0 },
        { employeeId: b.id, weekendGroup: 1 },
        { employeeId: c.id, weekendGroup: 2 },
        { employeeId: d.id, weekendGroup: 3 },
      ],
    });
    expect(weekendOf(saved)).toEqual({
      frequency: 4,
      anchor: '2026-01-10',
      groups: [
        ['Ansatt 1', 0],
        ['Ansatt 2', 1],
        ['Ansatt 3', 2],
        ['Ansatt 4', 3],
      ],
    });
    const plan = await tb.api.createPlan(unit.id, 'Vår 2026', '2026-01-05', 3);
    const again = await tb.reopen();
    expect(weekendOf(await again.api.getUnit(unit.id))).toEqual(weekendOf(saved));
    const file = (await again.api.getPlan(plan.id)).file;
    expect(file.unit).toEqual({ name: 'Solsiden', heltidThreshold: 0.8, weekendFrequency: 4, weekendAnchor: '2026-01-10' });
    expect(file.employees.map((e) => e.weekendGroup)).toEqual([0, 1, 2, 3]);
  });

  it('a bad employee id leaves nothing written, not even the rhythm or the groups before it', async () => {
    const tb = await openTestBackend();
    const unit = await unitWithStaff(tb.api);
    const other = await unitWithStaff(tb.api, 'Bakkehaug', 1);
    const [a, b] = unit.employees;
    await tb.api.saveWeekendSetup(unit.id, {
      weekendFrequency: 3,
      weekendAnchor: '2026-01-03',
      groups: [{ employeeId: a.id, weekendGroup: 2 }],
    });
    const before = weekendOf(await tb.api.getUnit(unit.id));

    const res = await tb.dispatch('saveWeekendSetup', [
      unit.id,
      {
        weekendFrequency: 4,
        weekendAnchor: '2026-01-10',
        groups: [
          { employeeId: a.id, weekendGroup: 0 },
          { employeeId: b.id, weekendGroup: 1 },
          { employeeId: other.employees[0].id, weekendGroup: 1 },
        ],
      },
    ]);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('VALIDATION');
      expect(res.error.message).toMatch(/hører ikke til enheten/);
    }
    const missing = await tb.dispatch('saveWeekendSetup', [
      unit.id,
      { weekendFrequency: 2, groups: [{ employeeId: '999999', weekendGroup: 0 }] },
    ]);
    expect(missing.ok).toBe(false);

    const again = await tb.reopen();
    expect(weekendOf(await again.api.getUnit(unit.id))).toEqual(before);
    expect(weekendOf(await again.api.getUnit(other.id)).groups).toEqual([['Ansatt 1', null]]);
  });

  it('an anchor that is not a Saturday is refused with a Norwegian message', async () => {
    const tb = await openTestBackend();
    const unit = await unitWithStaff(tb.api, 'Solsiden', 1);
    const res = await tb.dispatch('saveWeekendSetup', [unit.id, { weekendFrequency: 4, weekendAnchor: '2026-01-11', groups: [] }]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/Ankerdatoen må være en lørdag/);
    const viaSettings = await tb.dispatch('updateUnitSettings', [unit.id, { weekendAnchor: '2026-01-09' }]);
    expect(viaSettings.ok).toBe(false);
    expect(weekendOf(await tb.api.getUnit(unit.id))).toEqual({ frequency: null, anchor: null, groups: [['Ansatt 1', null]] });
  });

  it('leaving the anchor out clears it; employees not listed keep their group', async () => {
    const tb = await openTestBackend();
    const unit = await unitWithStaff(tb.api, 'Solsiden', 2);
    const [a, b] = unit.employees;
    await tb.api.saveWeekendSetup(unit.id, {
      weekendFrequency: 4,
      weekendAnchor: '2026-01-10',
      groups: [
        { employeeId: a.id, weekendGroup: 1 },
        { employeeId: b.id, weekendGroup: 2 },
      ],
    });
    const after = await tb.api.saveWeekendSetup(unit.id, { weekendFrequency: null, groups: [{ employeeId: a.id, weekendGroup: null }] });
    expect(weekendOf(after)).toEqual({
      frequency: null,
      anchor: null,
      groups: [
        ['Ansatt 1', null],
        ['Ansatt 2', 2],
      ],
    });
    const plan = await tb.api.createPlan(unit.id, 'Vår', '2026-01-05', 3);
    expect((await tb.api.getPlan(plan.id)).file.unit).toEqual({ name: 'Solsiden', heltidThreshold: 0.8 });
  });

  it('property: any setup is written whole when every id is in the unit, and not at all when one is not', async () => {
    const tb = await openTestBackend();
    const unit = await unitWithStaff(tb.api, 'Solsiden', 5);
    const ids = unit.employees.map((e) => e.id);
    const stranger = (await unitWithStaff(tb.api, 'Andre', 1)).employees[0].id;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          frequency: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
          groups: fc.array(
            fc.record({ who: fc.integer({ min: 0, max: 4 }), group: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }) }),
            { maxLength: 8 },
          ),
          badAt: fc.option(fc.nat(8), { nil: null }),
        }),
        async ({ frequency, groups, badAt }) => {
          const before = weekendOf(await tb.api.getUnit(unit.id));
          const list = groups.map((g) => ({ employeeId: ids[g.who], weekendGroup: g.group }));
          if (badAt !== null) list.splice(Math.min(badAt, list.length), 0, { employeeId: stranger, weekendGroup: 0 });
          const res = await tb.dispatch('saveWeekendSetup', [unit.id, { weekendFrequency: frequency, groups: list }]);
          const now = await tb.api.getUnit(unit.id);
          if (badAt !== null) {
            expect(res.ok).toBe(false);
            expect(weekendOf(now)).toEqual(before);
          } else {
            expect(res.ok).toBe(true);
            const expected = new Map(before.groups.map(([name, g]) => [name as string, g]));
            for (const g of list) expected.set(now.employees.find((e) => e.id === g.employeeId)!.name, g.weekendGroup);
            expect(weekendOf(now)).toEqual({ frequency, anchor: null, groups: [...expected] });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the weekend anchor in a plan file', () => {
  const planFile = (anchor: string) =>
    JSON.stringify({
      format: 'turnusplan',
      version: 1,
      unit: { name: 'Importert', weekendFrequency: 4, weekendAnchor: anchor },
      period: { start: '2026-01-05', end: '2026-04-05' },
      shiftTypes: [{ code: 'D', start: '07:30', end: '15:00' }],
      employees: [{ id: 'e1', name: 'Kari', competence: 'sykepleier', position: 1, weekendGroup: 2 }],
      demand: [],
      assignments: [{ employee: 'e1', date: '2026-01-10', code: 'D' }],
    });

  it('an imported anchor becomes the unit setting and comes back in the plan file', async () => {
    const tb = await openTestBackend();
    const plan = await tb.api.commitPlanImport(planFile('2026-01-10'));
    expect(plan.file.unit).toMatchObject({ weekendFrequency: 4, weekendAnchor: '2026-01-10' });
    expect((await tb.api.getUnit(plan.unitId)).settings.weekendAnchor).toBe('2026-01-10');
  });

  it('an anchor that is not a Saturday is refused and nothing is imported', async () => {
    const tb = await openTestBackend();
    const res = await tb.dispatch('commitPlanImport', [planFile('2026-01-11')]);
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect(res.error.message).toBe('Planfilen kan ikke importeres: unit.weekendAnchor: «Første helg for gruppe 1»: må være en lørdag.');
    expect(await tb.api.listUnits()).toEqual([]);
  });
});
