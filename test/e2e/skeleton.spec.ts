import { test, expect, uniq, createUnitUI, addEmployeeUI, cellOf, statOf } from './fixtures';

test('walking skeleton: unit, shift types, staff, plan, painting and reload', async ({ page, waitSaved }) => {
  const unit = uniq('Avdeling Solsiden');
  await createUnitUI(page, unit);

  // Staff: a bad stillingsprosent gets a Norwegian message next to the field.
  const form = page.getByRole('form', { name: 'Ny ansatt' });
  await form.getByLabel('Navn', { exact: true }).fill('Kari Nordmann');
  await form.getByLabel('Stillingsprosent', { exact: true }).fill('150');
  await form.getByRole('button', { name: 'Legg til ansatt' }).click();
  await expect(form.getByText('Stillingsprosent må være et tall mellom 1 og 100.')).toBeVisible();

  await form.getByLabel('Kompetanse').selectOption('sykepleier');
  await form.getByLabel('Stillingsprosent', { exact: true }).fill('75');
  await form.getByRole('button', { name: 'Legg til ansatt' }).click();
  await expect(page.getByRole('table', { name: 'Ansatte' }).getByRole('cell', { name: 'Kari Nordmann', exact: true })).toBeVisible();
  await addEmployeeUI(page, { name: 'Ola Hansen', pct: '50' });
  await addEmployeeUI(page, { name: 'Slettes Snart', pct: '40' });

  const staff = page.getByRole('table', { name: 'Ansatte' });
  await expect(staff.getByRole('row', { name: /Kari Nordmann/ })).toContainText('75 %');
  await expect(staff.getByRole('row', { name: /Kari Nordmann/ })).toContainText('Sykepleier');

  // Edit: Ola goes from 50 % to 62,5 %.
  await page.getByRole('button', { name: 'Endre Ola Hansen' }).click();
  const edit = page.getByRole('form', { name: 'Endre ansatt' });
  await edit.getByLabel('Stillingsprosent', { exact: true }).fill('62,5');
  await edit.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(staff.getByRole('row', { name: /Ola Hansen/ })).toContainText('62,5 %');

  // Delete.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Fjern Slettes Snart' }).click();
  await expect(staff.getByText('Slettes Snart')).toHaveCount(0);

  // Shift types: the four defaults, and an edit that persists.
  await page.getByRole('link', { name: 'Vakttyper' }).click();
  for (const code of ['D', 'A', 'N', 'L']) await expect(page.getByRole('form', { name: `vakt ${code}` })).toBeVisible();
  const d = page.getByRole('form', { name: 'vakt D' });
  await d.getByLabel('Slutt').fill('15:30');
  await d.getByRole('button', { name: 'Lagre' }).click();
  await expect(d.getByRole('status')).toHaveText('Lagret');
  const n = page.getByRole('form', { name: 'vakt N' });
  await n.getByLabel('Start').fill('25:00');
  await n.getByRole('button', { name: 'Lagre' }).click();
  await expect(n.getByText('Skriv start som tt:mm, f.eks. 07:30.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('form', { name: 'vakt D' }).getByLabel('Slutt')).toHaveValue('15:30');
  await expect(page.getByRole('form', { name: 'vakt D' })).toContainText('8,0 t');

  // Plan: 3 months from Monday 4 January 2027.
  await page.getByRole('link', { name: 'Turnusplaner' }).click();
  const planForm = page.getByRole('form', { name: 'Ny turnusplan' });
  await planForm.getByLabel('Navn på planen').fill('Vår 2027');
  await planForm.getByLabel('Første dag').fill('2027-01-04');
  await planForm.getByLabel('Lengde').selectOption('3');
  await planForm.getByRole('button', { name: 'Opprett plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Vår 2027/ })).toBeVisible();
  await expect(page.getByText(/man\. 04\.01\.2027 – /)).toBeVisible();

  // Paint D on Kari's first two days with the palette, N on Ola's first day.
  // A palette code paints one stroke (a click or a drag), then the palette is back on «Marker».
  await page.getByRole('toolbar', { name: 'Vaktkoder' }).getByRole('button', { name: 'D', exact: true }).click();
  await cellOf(page, 'Kari Nordmann', 0).click();
  await page.getByRole('toolbar', { name: 'Vaktkoder' }).getByRole('button', { name: 'D', exact: true }).click();
  await cellOf(page, 'Kari Nordmann', 1).click();
  await page.getByRole('toolbar', { name: 'Vaktkoder' }).getByRole('button', { name: 'N', exact: true }).click();
  await cellOf(page, 'Ola Hansen', 0).click();
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('D');
  await expect(statOf(page, 'Kari Nordmann', 'planned')).toHaveText('16,0');
  await expect(statOf(page, 'Ola Hansen', 'planned')).toHaveText('9,5');
  await waitSaved(page);

  await page.reload();
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('D');
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('D');
  await expect(cellOf(page, 'Kari Nordmann', 2)).toHaveText('');
  await expect(cellOf(page, 'Ola Hansen', 0)).toHaveText('N');
  await expect(statOf(page, 'Kari Nordmann', 'planned')).toHaveText('16,0');

  // Rename the plan from the plan list.
  await page.getByRole('link', { name: unit }).click();
  await page.getByRole('button', { name: 'Gi nytt navn til Vår 2027' }).click();
  await page.getByRole('textbox', { name: 'Nytt navn', exact: true }).fill('Vår og sommer 2027');
  await page.getByRole('form', { name: 'Nytt navn på planen' }).getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('table', { name: 'Turnusplaner' }).getByRole('link', { name: 'Vår og sommer 2027' })).toBeVisible(); // saved
  await page.reload();
  await expect(page.getByRole('table', { name: 'Turnusplaner' }).getByRole('link', { name: 'Vår og sommer 2027' })).toBeVisible();

  // The unit list shows the new unit with its counts.
  await page.goto('/');
  await expect(page.getByRole('listitem').filter({ hasText: unit })).toContainText('2 ansatte · 1 turnusplan');
});
