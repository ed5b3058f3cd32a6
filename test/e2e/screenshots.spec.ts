/**
 * Screenshots of every main screen for docs/screenshots (and for looking at what we build).
 * Skipped in the normal suite: run with TURNUS_SCREENSHOTS=1 npx playwright test screenshots.
 */
import { test, expect } from './fixtures';
import { seedUnit } from './seed';

test.skip(!process.env.TURNUS_SCREENSHOTS, 'set TURNUS_SCREENSHOTS=1 to write docs/screenshots');

const OUT = 'docs/screenshots';

test('screenshots of the main screens', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { unit, plan } = await seedUnit(host, { name: 'Avdeling Solsiden', employees: 18, start: '2027-01-04', months: 6, fill: true });
  await host.call('addWish', plan.id, {
    employeeId: plan.file.employees[2].id,
    start: '2027-02-15',
    end: '2027-02-21',
    note: 'vinterferie',
  });
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Avdelinger' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/01-avdelinger.png` });

  await page.goto(`/#/avdeling/${unit.id}/ansatte`);
  await expect(page.getByRole('table', { name: 'Ansatte' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/02-ansatte.png`, fullPage: true });

  await page.goto(`/#/avdeling/${unit.id}/vakter`);
  await page.screenshot({ path: `${OUT}/03-vakttyper.png`, fullPage: true });

  await page.goto(`/#/avdeling/${unit.id}/bemanningsplan`);
  await page.screenshot({ path: `${OUT}/04-bemanningsplan.png`, fullPage: true });

  await page.goto(`/#/avdeling/${unit.id}/innstillinger`);
  await page.screenshot({ path: `${OUT}/05-avtaler.png`, fullPage: true });

  await page.goto(`/#/avdeling/${unit.id}`);
  await page.screenshot({ path: `${OUT}/06-planer.png` });

  await page.goto(`/#/plan/${plan.id}`);
  await expect(page.locator('[data-cell]').first()).toBeVisible();
  await page.locator('[data-c="3"]').nth(2).click();
  await page.screenshot({ path: `${OUT}/07-turnus.png` });

  await page.getByRole('button', { name: /Ferieønsker/ }).click();
  await page.screenshot({ path: `${OUT}/08-steg-ferie.png` });
  await page.getByRole('button', { name: /Fravær, møter og kurs/ }).click();
  await page.screenshot({ path: `${OUT}/08b-steg-fravaer.png` });
  await page.getByRole('button', { name: /Helgerytme/ }).click();
  await page.screenshot({ path: `${OUT}/09-steg-helg.png` });
  await page.getByRole('button', { name: /Fyll ukedagene/ }).click();
  await page.screenshot({ path: `${OUT}/09b-steg-ukedager.png` });
  await page.getByRole('button', { name: /Gjennomgang/ }).click();
  await page.screenshot({ path: `${OUT}/10-steg-gjennomgang.png` });
});

test('screenshots of daily use (issue 16): compact grid, paste preview, key help, bemanningsplan checks', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { unit, plan } = await seedUnit(host, { name: 'Avdeling Solsiden', employees: 18, start: '2027-01-04', months: 6, fill: true });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.addInitScript(() => localStorage.setItem('turnus.userNameAsked', '1'));

  await page.goto(`/#/plan/${plan.id}`);
  await expect(page.locator('[data-cell]').first()).toBeVisible();
  await page.getByLabel('Kompakt (en måned)').check();
  await page.getByRole('button', { name: 'Hurtigtaster' }).click();
  await page.locator('[data-c="3"]').nth(2).click();
  await page.screenshot({ path: `${OUT}/07b-turnus-kompakt.png` });
  await page.getByLabel('Kompakt (en måned)').uncheck();
  await page.getByRole('button', { name: 'Hurtigtaster' }).click();

  await page.locator('[data-c="8"]').nth(4).click();
  await page.locator('.grid-scroll').evaluate((el) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'D\tD\tKV\tA\r\nN\tX\t\tL\r\n');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('alertdialog', { name: 'Lime inn fra regneark' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/07c-lim-inn-fra-regneark.png` });
  await page.getByRole('button', { name: 'Avbryt' }).click();

  await page.goto(`/#/avdeling/${unit.id}/bemanningsplan`);
  await page.getByLabel('D Sykepleier Hverdag', { exact: true }).fill('999');
  await page.getByLabel('A Hvem som helst Lørdag', { exact: true }).fill('-1');
  await page.getByLabel('Egen dato').fill('24.12.27');
  await page.getByRole('button', { name: 'Legg til dato' }).click();
  await page.screenshot({ path: `${OUT}/04b-bemanningsplan-feil.png`, fullPage: true });
});
