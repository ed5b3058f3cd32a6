import { test, expect, cellOf, statOf } from './fixtures';
import type { PlanDetail, UnitDetail } from '../../shared/api';

test('live rules: hits appear on the cell and in the side list, a click jumps to the cell, and they survive a reload', async ({
  page,
  host,
  waitSaved,
}) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Regler ' + Date.now());
  await host.call('addEmployee', unit.id, { name: 'Per Olsen', competence: 'helsefagarbeider', position: 0.5, consentsLongShifts: false });
  await host.call('addEmployee', unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 1, consentsLongShifts: true });
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Regelsjekk', '2027-01-04', 3);
  await page.goto(`/#/plan/${plan.id}`);
  const panel = page.getByRole('complementary', { name: 'Regelsjekk' });
  await expect(panel).toContainText('Ingen brudd');

  // A (15:00–22:30) Monday, then D (07:30) Tuesday: 9 hours of rest.
  await page.getByRole('grid').focus();
  const perRow = Number(await cellOf(page, 'Per Olsen', 0).getAttribute('data-r'));
  for (let i = 0; i < perRow; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('a');
  await page.keyboard.press('d');
  await expect(cellOf(page, 'Per Olsen', 1)).toHaveClass(/\bhit\b/);
  await expect(panel.locator('.rules-emp')).toContainText('Per Olsen');
  const rest = panel.locator('.rules-item').filter({ hasText: /hvile/i }).first();
  await expect(rest).toContainText('05.01.2027');

  // Langvakt on Saturday without consent.
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('l');
  await expect(
    panel
      .locator('.rules-item')
      .filter({ hasText: /langvakt/i })
      .first(),
  ).toBeVisible();

  // Clicking the rest entry moves the cursor to Per's Tuesday.
  await rest.click();
  await expect(page.locator('.cursor-info')).toContainText('Per Olsen · tir. 05.01.2027');

  // The panel folds away to give the grid room, and stays folded after a reload.
  await panel.getByRole('button', { name: 'Skjul' }).click();
  await expect(panel.getByRole('button', { name: /Regelsjekk/ })).toContainText('brudd');

  await waitSaved(page);
  await page.reload();
  await page
    .getByRole('complementary', { name: 'Regelsjekk' })
    .getByRole('button', { name: /Regelsjekk/ })
    .click();
  await expect(
    page.getByRole('complementary', { name: 'Regelsjekk' }).locator('.rules-item').filter({ hasText: /hvile/i }).first(),
  ).toBeVisible();
  await expect(statOf(page, 'Per Olsen', 'hits')).not.toHaveText('0');
});
