/**
 * Ferie without silent loss (issue 14): approving a wish lays FE and remembers the shifts it
 * replaced; rejecting, editing or deleting it puts exactly those cells back. Real SQLite files.
 */
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../backend/helpers';

async function setup() {
  const b = await openTestBackend();
  const unit = await b.api.createUnit('Avdeling Solsiden');
  const kari = await b.api.addEmployee(unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 0.8 });
  const ola = await b.api.addEmployee(unit.id, { name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.6 });
  const plan = await b.api.createPlan(unit.id, 'Vår 2027', '2027-01-04', 3);
  // Kari's planned week: D Mon–Wed (Tuesday pinned), A Thursday, KURS Friday, nothing at the weekend.
  await b.api.setCells(plan.id, [
    { employeeId: kari.id, date: '2027-02-15', code: 'D' },
    { employeeId: kari.id, date: '2027-02-16', code: 'D', pinned: true },
    { employeeId: kari.id, date: '2027-02-17', code: 'D' },
    { employeeId: kari.id, date: '2027-02-18', code: 'A' },
    { employeeId: kari.id, date: '2027-02-19', code: 'KURS' },
    { employeeId: ola.id, date: '2027-02-16', code: 'N' },
  ]);
  return { b, unit, kari, ola, plan };
}

const cellsOf = async (b: Awaited<ReturnType<typeof openTestBackend>>, planId: number) =>
  (await b.api.getPlan(planId)).file.assignments
    .map((a) => ({ ...a }))
    .sort((x, y) => (x.employee + x.date < y.employee + y.date ? -1 : 1));

describe('ferie approval that can be undone', () => {
  it('approve lays FE over the planned shifts; reject puts back exactly the cells (pins too), also after reopening the file', async () => {
    const { b, kari, plan } = await setup();
    const before = await cellsOf(b, plan.id);
    const w = await b.api.addWish(plan.id, { employeeId: kari.id, start: '2027-02-15', end: '2027-02-21' });

    const approved = await b.api.setWishStatus(w.id, 'godkjent');
    expect(approved).toMatchObject({ status: 'godkjent', replacedCells: 7 });
    const during = (await b.api.getPlan(plan.id)).file.assignments.filter((a) => a.employee === kari.id);
    expect(during.map((a) => `${a.date} ${a.code}`)).toEqual(['15', '16', '17', '18', '19', '20', '21'].map((d) => `2027-02-${d} FE`));

    const again = await b.reopen();
    const rejected = await again.api.setWishStatus(w.id, 'avslatt');
    expect(rejected.status).toBe('avslatt');
    expect(rejected.replacedCells).toBeUndefined();
    expect(await cellsOf(again, plan.id)).toEqual(before);
  });

  it('leaves a cell the user changed after the approval, and days another approved wish covers', async () => {
    const { b, kari, plan } = await setup();
    const a = await b.api.addWish(plan.id, { employeeId: kari.id, start: '2027-02-15', end: '2027-02-17' });
    const c = await b.api.addWish(plan.id, { employeeId: kari.id, start: '2027-02-17', end: '2027-02-18' });
    await b.api.approveWishes([a.id, c.id]);
    await b.api.setCells(plan.id, [{ employeeId: kari.id, date: '2027-02-15', code: 'PERM' }]);
    await b.api.setWishStatus(a.id, 'onsket');
    const cells = new Map(
      (await b.api.getPlan(plan.id)).file.assignments.filter((x) => x.employee === kari.id).map((x) => [x.date, x.code]),
    );
    expect(cells.get('2027-02-15')).toBe('PERM'); // the user's own edit stays
    expect(cells.get('2027-02-16')).toBe('D'); // put back
    expect(cells.get('2027-02-17')).toBe('FE'); // still the other approved wish
    expect(cells.get('2027-02-18')).toBe('FE');
  });

  it('bulk approve is one transaction: an unknown wish leaves every cell and status as it was', async () => {
    const { b, kari, ola, plan } = await setup();
    const before = await cellsOf(b, plan.id);
    const w1 = await b.api.addWish(plan.id, { employeeId: kari.id, start: '2027-02-15', end: '2027-02-16' });
    const w2 = await b.api.addWish(plan.id, { employeeId: ola.id, start: '2027-02-16', end: '2027-02-16' });
    const bad = await b.dispatch('approveWishes', [[w1.id, w2.id, 9999]]);
    expect(bad.ok).toBe(false);
    expect(await cellsOf(b, plan.id)).toEqual(before);
    expect((await b.api.listWishes(plan.id)).map((w) => w.status)).toEqual(['onsket', 'onsket']);

    const done = await b.api.approveWishes([w1.id, w2.id]);
    expect(done.map((w) => w.status)).toEqual(['godkjent', 'godkjent']);
    const fe = (await b.api.getPlan(plan.id)).file.assignments.filter((x) => x.code === 'FE').length;
    expect(fe).toBe(3);
  });

  it('editing an approved wish moves the ferie: old days back, new days FE', async () => {
    const { b, kari, plan } = await setup();
    const w = await b.api.addWish(plan.id, { employeeId: kari.id, start: '2027-02-15', end: '2027-02-16' });
    await b.api.setWishStatus(w.id, 'godkjent');
    const moved = await b.api.updateWish(w.id, { employeeId: kari.id, start: '2027-02-18', end: '2027-02-19', note: 'flyttet' });
    expect(moved).toMatchObject({ status: 'godkjent', start: '2027-02-18', note: 'flyttet', replacedCells: 2 });
    const cells = new Map(
      (await b.api.getPlan(plan.id)).file.assignments.filter((x) => x.employee === kari.id).map((x) => [x.date, x.code]),
    );
    expect([cells.get('2027-02-15'), cells.get('2027-02-16'), cells.get('2027-02-18'), cells.get('2027-02-19')]).toEqual([
      'D',
      'D',
      'FE',
      'FE',
    ]);
    await b.api.deleteWish(w.id);
    const after = new Map(
      (await b.api.getPlan(plan.id)).file.assignments.filter((x) => x.employee === kari.id).map((x) => [x.date, x.code]),
    );
    expect([after.get('2027-02-18'), after.get('2027-02-19')]).toEqual(['A', 'KURS']);
  });

  it('a wish running past the plan end is kept whole, laid only inside the period, and says so', async () => {
    const { b, kari, plan } = await setup();
    const w = await b.api.addWish(plan.id, { employeeId: kari.id, start: '2027-04-01', end: '2027-04-14' });
    expect(w.end).toBe('2027-04-14');
    expect(w.clipped).toMatch(/utenfor planperioden; bare 01\.04\.2027–03\.04\.2027/);
    await b.api.setWishStatus(w.id, 'godkjent');
    const fe = (await b.api.getPlan(plan.id)).file.assignments.filter((x) => x.code === 'FE').map((x) => x.date);
    expect(fe).toEqual(['2027-04-01', '2027-04-02', '2027-04-03']);
  });

  it('timed activities are stored and carried into the plan file; bad input is named in Norwegian', async () => {
    const { b, kari, plan } = await setup();
    const m = await b.api.addActivity(plan.id, { code: 'MØTE', date: '2027-03-10', start: '13:00', end: '15:00', employees: 'all' });
    await b.api.addActivity(plan.id, { code: 'KURS', date: '2027-03-11', start: '08:00', end: '15:30', employees: [kari.id] });
    const again = await b.reopen();
    expect((await again.api.getPlan(plan.id)).file.activities).toEqual([
      { id: String(m.id), code: 'MØTE', date: '2027-03-10', start: '13:00', end: '15:00', employees: 'all' },
      expect.objectContaining({ code: 'KURS', employees: [kari.id] }),
    ]);
    const bad = await again.dispatch('addActivity', [
      plan.id,
      { code: 'D', date: '2027-03-10', start: '13:00', end: '15:00', employees: 'all' },
    ]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'activity.code' } });
    const badTime = await again.dispatch('addActivity', [
      plan.id,
      { code: 'MØTE', date: '2027-03-10', start: '25:00', end: '15:00', employees: 'all' },
    ]);
    expect(badTime.ok).toBe(false);
    await again.api.deleteActivity(m.id);
    expect((await again.api.listActivities(plan.id)).map((a) => a.code)).toEqual(['KURS']);
  });
});
