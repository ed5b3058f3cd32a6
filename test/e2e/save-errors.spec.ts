import { test, expect, cellOf } from './fixtures';
import type { PlanDetail, UnitDetail } from '../../shared/api';
import type { Employee } from '../../shared/plan/model';

test('a failed save says so in Norwegian, keeps the edit for a retry, and can be discarded', async ({ page, host }) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Lagringsfeil ' + Date.now());
  const kari = await host.call<Employee>('addEmployee', unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 0.8 });
  await host.call('addEmployee', unit.id, { name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.5 });
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Vår 2027', '2027-01-04', 3);
  await page.goto(`/#/plan/${plan.id}`);
  await expect(cellOf(page, 'Kari Nordmann', 0)).toBeVisible();

  // Someone removes Kari in another window; an edit on her row can then not be saved.
  await host.call('deleteEmployee', Number(kari.id));
  await page.getByRole('grid').focus();
  const row = Number(await cellOf(page, 'Kari Nordmann', 0).getAttribute('data-r'));
  for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('d');
  const status = page.locator('[data-save-state]');
  await expect(status).toHaveAttribute('data-save-state', 'feil', { timeout: 10_000 });
  await expect(status).toContainText('Ikke lagret');
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('D');

  page.once('dialog', (d) => void d.accept());
  await status.getByRole('button', { name: 'Forkast endringene' }).click();
  await expect(status).toHaveAttribute('data-save-state', 'lagret');
  await expect(page.locator('.grow[data-name="Kari Nordmann"]')).toHaveCount(0);
  await expect(cellOf(page, 'Ola Hansen', 0)).toHaveText('');
});
