import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../backend/helpers';

describe('ferieønsker (wishes section)', () => {
  it('stores a wish, changes its status, keeps it after reopening, and deletes it', async () => {
    const b = await openTestBackend();
    const unit = await b.api.createUnit('Avdeling Solsiden');
    const kari = await b.api.addEmployee(unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 0.75 });
    const plan = await b.api.createPlan(unit.id, 'Vår 2027', '2027-01-04', 3);

    const w = await b.api.addWish(plan.id, { employeeId: kari.id, start: '2027-02-15', end: '2027-02-19', note: 'vinterferie' });
    expect(w).toMatchObject({ planId: plan.id, employeeId: kari.id, status: 'onsket', note: 'vinterferie' });
    await b.api.setWishStatus(w.id, 'godkjent');

    const again = await b.reopen();
    expect(await again.api.listWishes(plan.id)).toEqual([{ ...w, status: 'godkjent', replacedCells: 5 }]);
    await again.api.deleteWish(w.id);
    expect(await again.api.listWishes(plan.id)).toEqual([]);
  });

  it('refuses a wish outside the plan period or for another unit, with a Norwegian message naming the field', async () => {
    const b = await openTestBackend();
    const unit = await b.api.createUnit('A');
    const other = await b.api.createUnit('B');
    const ola = await b.api.addEmployee(other.id, { name: 'Ola', competence: 'assistent', position: 0.5 });
    const kari = await b.api.addEmployee(unit.id, { name: 'Kari', competence: 'sykepleier', position: 0.5 });
    const plan = await b.api.createPlan(unit.id, 'P', '2027-01-04', 3);

    const outside = await b.dispatch('addWish', [plan.id, { employeeId: kari.id, start: '2027-06-01', end: '2027-06-10' }]);
    expect(outside).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'wish.start' } });
    expect(!outside.ok && outside.error.message).toContain('planperioden');

    const foreign = await b.dispatch('addWish', [plan.id, { employeeId: ola.id, start: '2027-02-01', end: '2027-02-02' }]);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'wish.employeeId' } });

    const backwards = await b.dispatch('addWish', [plan.id, { employeeId: kari.id, start: '2027-02-05', end: '2027-02-01' }]);
    expect(backwards.ok).toBe(false);
    expect(await b.api.listWishes(plan.id)).toEqual([]);
  });
});
