import { test, expect, cellOf, expectCell, statOf } from './fixtures';
import type { PlanDetail, UnitDetail } from '../../shared/api';

async function seed(host: { call: <T>(m: string, ...a: unknown[]) => Promise<T> }, name: string) {
  const unit = await host.call<UnitDetail>('createUnit', name);
  await host.call('addEmployee', unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 0.8 });
  await host.call('addEmployee', unit.id, { name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.5 });
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Vår 2027', '2027-01-04', 3);
  return plan;
}

test('keyboard only: arrows, letters, range fill, delete, copy a week and paste it, persisted', async ({ page, host, waitSaved }) => {
  const plan = await seed(host, 'Tastatur ' + Date.now());
  await page.goto(`/#/plan/${plan.id}`);
  const grid = page.getByRole('grid');
  await expect(cellOf(page, 'Kari Nordmann', 0)).toBeVisible();
  await grid.focus();

  // A letter writes the code and moves right: D D A on Monday–Wednesday.
  await page.keyboard.press('d');
  await page.keyboard.press('d');
  await page.keyboard.press('a');
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('D');
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('D');
  await expect(cellOf(page, 'Kari Nordmann', 2)).toHaveText('A');
  await expect(page.locator('.cursor-info')).toContainText('Kari Nordmann · tor. 07.01.2027');
  // Screen readers follow the cursor: the grid's active descendant is Kari's Thursday.
  await expect(cellOf(page, 'Kari Nordmann', 3)).toHaveAttribute('id', /.+/);
  await expect(grid).toHaveAttribute('aria-activedescendant', (await cellOf(page, 'Kari Nordmann', 3).getAttribute('id'))!);

  // F is the only code starting with F: ferie.
  await page.keyboard.press('f');
  await expect(cellOf(page, 'Kari Nordmann', 3)).toHaveText('FE');

  // Down to Ola, back to Monday, Shift+Right ×2 marks three days, N fills them.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.cursor-info')).toContainText('3 celler markert');
  await page.keyboard.press('n');
  for (const c of [0, 1, 2]) await expect(cellOf(page, 'Ola Hansen', c)).toHaveText('N');

  // Delete clears the marked range except what we step out of: mark Tue–Wed, Delete.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Delete');
  await expect(cellOf(page, 'Ola Hansen', 0)).toHaveText('N');
  await expect(cellOf(page, 'Ola Hansen', 1)).toHaveText('');
  await expect(cellOf(page, 'Ola Hansen', 2)).toHaveText('');

  // Copy Kari's first week (Mon–Sun) and paste it into week 2.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+ArrowRight'); // a week on, collapses the selection
  await page.keyboard.press('Home');
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+v');
  await expect(cellOf(page, 'Kari Nordmann', 7)).toHaveText('D');
  await expect(cellOf(page, 'Kari Nordmann', 9)).toHaveText('A');
  await expect(cellOf(page, 'Kari Nordmann', 10)).toHaveText('FE');
  await expect(statOf(page, 'Kari Nordmann', 'planned')).toHaveText('45,0');

  await waitSaved(page);
  await page.reload();
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('D');
  await expect(cellOf(page, 'Kari Nordmann', 3)).toHaveText('FE');
  await expect(cellOf(page, 'Kari Nordmann', 8)).toHaveText('D');
  await expect(cellOf(page, 'Ola Hansen', 0)).toHaveText('N');
  await expect(cellOf(page, 'Ola Hansen', 1)).toHaveText('');
});

test('undo and redo with keys and buttons, and the undone state is what is saved', async ({ page, host, waitSaved }) => {
  const plan = await seed(host, 'Angre ' + Date.now());
  await page.goto(`/#/plan/${plan.id}`);
  await expect(cellOf(page, 'Kari Nordmann', 0)).toBeVisible();
  await page.getByRole('grid').focus();
  await page.keyboard.press('d');
  await page.keyboard.press('a');
  await page.keyboard.press('n');
  await expect(cellOf(page, 'Kari Nordmann', 2)).toHaveText('N');

  await page.keyboard.press('Control+z');
  await expect(cellOf(page, 'Kari Nordmann', 2)).toHaveText('');
  await page.getByRole('button', { name: 'Angre' }).click();
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('');
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('D');
  await page.keyboard.press('Control+y');
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('A');
  await page.getByRole('button', { name: 'Gjør om' }).click();
  await expect(cellOf(page, 'Kari Nordmann', 2)).toHaveText('N');
  await expect(page.getByRole('button', { name: 'Gjør om' })).toBeDisabled();

  // A drag with the palette is one undo step.
  await page.getByRole('toolbar', { name: 'Vaktkoder' }).getByRole('button', { name: 'L', exact: true }).click();
  const from = await cellOf(page, 'Ola Hansen', 5).boundingBox();
  const to = await cellOf(page, 'Ola Hansen', 6).boundingBox();
  await page.mouse.move(from!.x + 5, from!.y + 5);
  await page.mouse.down();
  await page.mouse.move(to!.x + 5, to!.y + 5, { steps: 3 });
  await page.mouse.up();
  await expect(cellOf(page, 'Ola Hansen', 5)).toHaveText('L');
  await expect(cellOf(page, 'Ola Hansen', 6)).toHaveText('L');
  await page.getByRole('button', { name: 'Angre' }).click();
  await expect(cellOf(page, 'Ola Hansen', 5)).toHaveText('');
  await expect(cellOf(page, 'Ola Hansen', 6)).toHaveText('');
  await page.getByRole('grid').focus();
  await page.keyboard.press('Control+z');
  await expect(cellOf(page, 'Kari Nordmann', 2)).toHaveText('');

  // Mark Ola's Monday–Wednesday with the mouse, a palette code fills them; one undo removes them.
  const palette = page.getByRole('toolbar', { name: 'Vaktkoder' });
  await palette.getByRole('button', { name: 'Marker' }).click();
  await cellOf(page, 'Ola Hansen', 7).click();
  await cellOf(page, 'Ola Hansen', 9).click({ modifiers: ['Shift'] });
  await palette.getByRole('button', { name: 'PERM' }).click();
  for (const c of [7, 8, 9]) await expect(cellOf(page, 'Ola Hansen', c)).toHaveText('PERM');
  await page.getByRole('button', { name: 'Angre' }).click();
  for (const c of [7, 8, 9]) await expect(cellOf(page, 'Ola Hansen', c)).toHaveText('');

  await waitSaved(page);
  await page.reload();
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('D');
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('A');
  await expect(cellOf(page, 'Kari Nordmann', 2)).toHaveText('');
  await expect(cellOf(page, 'Ola Hansen', 5)).toHaveText('');
});

test('a copied week repeats to the end of the plan and keeps ferie', async ({ page, host, waitSaved }) => {
  const plan = await seed(host, 'Gjenta ' + Date.now());
  const kari = plan.file.employees.find((e) => e.name === 'Kari Nordmann')!;
  await host.call('setCells', plan.id, [{ employeeId: kari.id, date: '2027-01-20', code: 'FE' }]);
  await page.goto(`/#/plan/${plan.id}`);
  await expect(cellOf(page, 'Kari Nordmann', 0)).toBeVisible();
  await page.getByRole('grid').focus();
  const kariRow = Number(await cellOf(page, 'Kari Nordmann', 0).getAttribute('data-r'));
  for (let i = 0; i < kariRow; i++) await page.keyboard.press('ArrowDown');
  for (const k of ['d', 'd', 'a', 'a', 'n']) await page.keyboard.press(k);
  await page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Home');
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Gjenta ut perioden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'celler fylt ut perioden' })).toBeVisible();
  await expectCell(page, 'Kari Nordmann', 14, 'D');
  await expectCell(page, 'Kari Nordmann', 16, 'FE');
  await expectCell(page, 'Kari Nordmann', 18, 'N');
  await expectCell(page, 'Kari Nordmann', 84, 'D');
  // «Gå til» a month puts the cursor on its first day.
  await page.getByLabel('Gå til').selectOption({ label: 'mars 2027' });
  await expect(page.locator('.cursor-info')).toContainText('man. 01.03.2027');
  await waitSaved(page);
  await page.reload();
  await expectCell(page, 'Kari Nordmann', 86, 'A');
  await expectCell(page, 'Kari Nordmann', 16, 'FE');
});
