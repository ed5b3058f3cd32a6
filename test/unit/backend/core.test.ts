import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFT_TYPES } from '../../../shared/plan/model';
import { planEndDate } from '../../../electron/backend/store/plans';
import { openTestBackend } from './helpers';

const kari = { name: 'Kari Nordmann', competence: 'sykepleier', position: 0.75, wantedPosition: 1 };

describe('core handlers (real SQLite file)', () => {
  it('createUnit gives the default shift types D, A, N, L and default settings', async () => {
    const { api } = await openTestBackend();
    const unit = await api.createUnit('Avdeling Solsiden');
    expect(unit.shiftTypes.map((s) => [s.code, s.start, s.end])).toEqual([
      ['D', '07:30', '15:00'],
      ['A', '15:00', '22:30'],
      ['N', '22:15', '07:45'],
      ['L', '08:00', '20:30'],
    ]);
    expect(unit.shiftTypes).toEqual(DEFAULT_SHIFT_TYPES);
    expect(unit.settings.heltidThreshold).toBe(0.8);
    expect(unit.settings.absenceCodes.map((a) => a.code)).toEqual(['FE', 'KURS', 'MØTE', 'PERM']);
    expect(await api.listUnits()).toEqual([{ id: unit.id, name: 'Avdeling Solsiden', employeeCount: 0, planCount: 0 }]);
  });

  it('everything written is still there after closing and reopening the file', async () => {
    const tb = await openTestBackend();
    const unit = await tb.api.createUnit('Solsiden');
    const emp = await tb.api.addEmployee(unit.id, kari);
    await tb.api.setDemand(unit.id, [{ dayType: 'weekday', shift: 'D', competence: 'any', count: 3 }]);
    await tb.api.updateUnitSettings(unit.id, { weekendFrequency: 4 });
    const plan = await tb.api.createPlan(unit.id, 'Vår 2026', '2026-01-05', 3);
    await tb.api.setCells(plan.id, [
      { employeeId: emp.id, date: '2026-01-05', code: 'D' },
      { employeeId: emp.id, date: '2026-01-06', code: 'FE', pinned: true },
    ]);
    const again = await tb.reopen();
    const p = await again.api.getPlan(plan.id);
    expect(p.file.assignments).toEqual([
      { employee: emp.id, date: '2026-01-05', code: 'D' },
      { employee: emp.id, date: '2026-01-06', code: 'FE', pinned: true },
    ]);
    expect(p.file.employees).toEqual([emp]);
    expect(p.file.demand).toEqual([{ dayType: 'weekday', shift: 'D', competence: 'any', count: 3 }]);
    expect(p.file.unit).toEqual({ name: 'Solsiden', heltidThreshold: 0.8, weekendFrequency: 4 });
    expect(await again.api.listUnits()).toEqual([{ id: unit.id, name: 'Solsiden', employeeCount: 1, planCount: 1 }]);
  });

  it('createPlan: 3, 6 and 12 months end the day before the same date months later', async () => {
    const { api } = await openTestBackend();
    const unit = await api.createUnit('U');
    expect((await api.createPlan(unit.id, 'a', '2026-01-05', 3)).end).toBe('2026-04-04');
    expect((await api.createPlan(unit.id, 'b', '2026-01-05', 6)).end).toBe('2026-07-04');
    expect((await api.createPlan(unit.id, 'c', '2026-01-05', 12)).end).toBe('2027-01-04');
    expect(planEndDate('2026-11-30', 3)).toBe('2027-02-27');
    const p = await api.getPlan((await api.listPlans(unit.id))[0].id);
    expect(p.status).toBe('utkast');
    expect(p.file.format).toBe('turnusplan');
    expect(p.file.version).toBe(1);
  });

  it('names are sorted the Norwegian way (Æ, Ø, Å after Z)', async () => {
    const { api } = await openTestBackend();
    for (const n of ['Åse', 'Ørjan', 'Zara', 'anne', 'Ærlig']) await api.createUnit(n);
    expect((await api.listUnits()).map((u) => u.name)).toEqual(['anne', 'Zara', 'Ærlig', 'Ørjan', 'Åse']);
    const unit = (await api.listUnits())[0];
    for (const n of ['Åsmund', 'Øystein', 'Bjørn']) await api.addEmployee(unit.id, { ...kari, name: n });
    expect((await api.getUnit(unit.id)).employees.map((e) => e.name)).toEqual(['Bjørn', 'Øystein', 'Åsmund']);
  });

  it('setCells rejects unknown codes, employees and dates outside the period, writing nothing', async () => {
    const { api } = await openTestBackend();
    const unit = await api.createUnit('U');
    const other = await api.createUnit('Annen');
    const e = await api.addEmployee(unit.id, kari);
    const stranger = await api.addEmployee(other.id, kari);
    const plan = await api.createPlan(unit.id, 'P', '2026-01-05', 3);
    const good = { employeeId: e.id, date: '2026-01-05', code: 'D' };
    await expect(api.setCells(plan.id, [good, { employeeId: e.id, date: '2026-01-06', code: 'XYZ' }])).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'changes[1].code',
      message: expect.stringContaining('«XYZ»'),
    });
    await expect(api.setCells(plan.id, [good, { employeeId: stranger.id, date: '2026-01-06', code: 'D' }])).rejects.toMatchObject({
      field: 'changes[1].employeeId',
    });
    await expect(api.setCells(plan.id, [good, { employeeId: e.id, date: '2026-04-05', code: 'D' }])).rejects.toMatchObject({
      field: 'changes[1].date',
      message: expect.stringContaining('utenfor turnusperioden'),
    });
    expect((await api.getPlan(plan.id)).file.assignments).toEqual([]);
  });

  it('setCells overwrites, keeps pins unless told, and clears with null', async () => {
    const { api } = await openTestBackend();
    const unit = await api.createUnit('U');
    const e = await api.addEmployee(unit.id, kari);
    const plan = await api.createPlan(unit.id, 'P', '2026-01-05', 3);
    await api.setCells(plan.id, [{ employeeId: e.id, date: '2026-01-05', code: 'D', pinned: true }]);
    const res = await api.setCells(plan.id, [{ employeeId: e.id, date: '2026-01-05', code: 'A' }]);
    expect(res.written).toBe(1);
    expect((await api.getPlan(plan.id)).file.assignments).toEqual([{ employee: e.id, date: '2026-01-05', code: 'A', pinned: true }]);
    await api.setCells(plan.id, [{ employeeId: e.id, date: '2026-01-05', code: null }]);
    expect((await api.getPlan(plan.id)).file.assignments).toEqual([]);
  });

  it('renaming a shift type carries the code into cells and demand; a used one cannot be deleted', async () => {
    const { api } = await openTestBackend();
    const unit = await api.createUnit('U');
    const e = await api.addEmployee(unit.id, kari);
    await api.setDemand(unit.id, [{ dayType: 'weekday', shift: 'A', competence: 'any', count: 2 }]);
    const plan = await api.createPlan(unit.id, 'P', '2026-01-05', 3);
    await api.setCells(plan.id, [{ employeeId: e.id, date: '2026-01-05', code: 'A' }]);
    const u2 = await api.saveShiftType(unit.id, { code: 'K', start: '15:00', end: '23:00', name: 'Kveld' }, 'A');
    expect(u2.shiftTypes.map((s) => s.code)).toEqual(['D', 'K', 'N', 'L']);
    expect(u2.demand[0].shift).toBe('K');
    expect((await api.getPlan(plan.id)).file.assignments[0].code).toBe('K');
    await expect(api.deleteShiftType(unit.id, 'K')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('brukes i 1 vakt'),
    });
    await expect(api.saveShiftType(unit.id, { code: 'D', start: '07:00', end: '15:00' })).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'shiftType.code',
    });
    await expect(api.saveShiftType(unit.id, { code: 'FE', start: '07:00', end: '15:00' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const u3 = await api.saveShiftType(unit.id, { code: 'K2', start: '08:00', end: '16:00', unpaidBreakMinutes: 30 });
    expect(u3.shiftTypes.at(-1)).toEqual({ code: 'K2', start: '08:00', end: '16:00', unpaidBreakMinutes: 30 });
    expect((await api.deleteShiftType(unit.id, 'K2')).shiftTypes.map((s) => s.code)).toEqual(['D', 'K', 'N', 'L']);
    // L counts toward D: deleting D is refused only because of use; its reference is cleaned when allowed
    expect(u2.shiftTypes.find((s) => s.code === 'L')?.countsToward).toEqual(['D']);
  });

  it('employees: add, update (patch), delete; wanted position below position is refused', async () => {
    const { api } = await openTestBackend();
    const unit = await api.createUnit('U');
    const e = await api.addEmployee(unit.id, kari);
    expect(e).toMatchObject({ name: 'Kari Nordmann', position: 0.75, wantedPosition: 1, consentsLongShifts: false });
    const e2 = await api.updateEmployee(Number(e.id), { position: 0.9, consentsLongShifts: true, longShiftConsentDate: '2026-01-01' });
    expect(e2).toMatchObject({ position: 0.9, wantedPosition: 1, consentsLongShifts: true, longShiftConsentDate: '2026-01-01' });
    await expect(api.updateEmployee(Number(e.id), { wantedPosition: 0.5 })).rejects.toMatchObject({ field: 'patch.wantedPosition' });
    await api.deleteEmployee(Number(e.id));
    expect((await api.getUnit(unit.id)).employees).toEqual([]);
    await expect(api.deleteEmployee(Number(e.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('settings: patch is merged and validated; demand must name existing shift types', async () => {
    const { api } = await openTestBackend();
    const unit = await api.createUnit('U');
    const u = await api.updateUnitSettings(unit.id, { heltidThreshold: 0.9, holidayReduction: 'NONE' });
    expect(u.settings).toMatchObject({ heltidThreshold: 0.9, holidayReduction: 'NONE', maxConsecutiveDays: 6 });
    await expect(api.updateUnitSettings(unit.id, { absenceCodes: [{ code: 'D', kind: 'leave' }] })).rejects.toMatchObject({
      field: 'settings.absenceCodes[0].code',
    });
    await expect(api.setDemand(unit.id, [{ dayType: 'weekday', shift: 'Q', competence: 'any', count: 1 }])).rejects.toMatchObject({
      field: 'rows[0].shift',
    });
  });

  it('a custom absence code in use cannot be removed from the settings', async () => {
    const { api } = await openTestBackend();
    const unit = await api.createUnit('U');
    const e = await api.addEmployee(unit.id, kari);
    const codes = [...unit.settings.absenceCodes, { code: 'OMS', kind: 'leave' as const, name: 'Omsorgsdag' }];
    await api.updateUnitSettings(unit.id, { absenceCodes: codes });
    const plan = await api.createPlan(unit.id, 'P', '2026-01-05', 3);
    await api.setCells(plan.id, [{ employeeId: e.id, date: '2026-01-07', code: 'OMS' }]);
    await expect(api.updateUnitSettings(unit.id, { absenceCodes: unit.settings.absenceCodes })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('«OMS» brukes i 1 celle'),
    });
    await api.setCells(plan.id, [{ employeeId: e.id, date: '2026-01-07', code: null }]);
    expect(
      (await api.updateUnitSettings(unit.id, { absenceCodes: unit.settings.absenceCodes })).settings.absenceCodes.map((a) => a.code),
    ).toEqual(['FE', 'KURS', 'MØTE', 'PERM']);
  });

  it('unit names are unique (ignoring case); rename, delete and NOT_FOUND', async () => {
    const { api } = await openTestBackend();
    const a = await api.createUnit('Solsiden');
    await expect(api.createUnit('solsiden')).rejects.toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect((await api.renameUnit(a.id, 'Skyggesiden')).name).toBe('Skyggesiden');
    const plan = await api.createPlan(a.id, 'P', '2026-01-05', 3);
    expect((await api.renamePlan(plan.id, 'Sommer')).name).toBe('Sommer');
    await api.deleteUnit(a.id);
    await expect(api.getUnit(a.id)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    await expect(api.getPlan(plan.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('damaged settings JSON is reported on read, not guessed', async () => {
    const tb = await openTestBackend();
    const unit = await tb.api.createUnit('U');
    tb.opened.db.prepare('UPDATE units SET settings = ? WHERE id = ?').run('{"heltidThreshold": 7}', unit.id);
    await expect(tb.api.getUnit(unit.id)).rejects.toMatchObject({
      code: 'DB_DAMAGED',
      message: expect.stringContaining('heltidThreshold'),
    });
  });

  it('appInfo reports the data file and mode', async () => {
    const tb = await openTestBackend();
    expect(await tb.api.appInfo()).toEqual({ version: 'test', dataFile: tb.opened.file, mode: 'browser' });
  });
});
