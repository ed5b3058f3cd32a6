import { test, expect, cellOf, expectCell, scrollToDay, type Host } from './fixtures';
import type { PlanDetail, UnitDetail } from '../../shared/api';

async function seed(host: Host) {
  const unit = await host.call<UnitDetail>('createUnit', 'Askermodellen ' + Date.now());
  const add = (name: string, competence: string, position: number, consent: boolean) =>
    host.call('addEmployee', unit.id, { name, competence, position, consentsLongShifts: consent });
  await add('Kari Nordmann', 'sykepleier', 0.8, true);
  await add('Ola Hansen', 'helsefagarbeider', 0.6, true);
  await add('Per Olsen', 'helsefagarbeider', 0.5, false);
  await add('Anne Bakke', 'assistent', 0.5, true);
  await host.call('setDemand', unit.id, [{ dayType: 'weekday', shift: 'D', competence: 'any', count: 2 }]);
  return host.call<PlanDetail>('createPlan', unit.id, 'Vår 2027', '2027-01-04', 3);
}

// Day index in the plan: 2027-01-04 is 0.
const DAY = (date: string) => Math.round((Date.parse(date) - Date.parse('2027-01-04')) / 86_400_000);

test('the Askermodellen order of work, step by step, persisted', async ({ page, host, waitSaved }) => {
  test.setTimeout(60_000);
  const plan = await seed(host);
  await page.goto(`/#/plan/${plan.id}`);
  const steps = page
    .getByRole('region', { name: 'Arbeidsrekkefølge (Askermodellen)' })
    .or(page.getByLabel('Arbeidsrekkefølge (Askermodellen)'));
  await expect(steps.getByRole('button', { name: /Plan opprettet/ })).toContainText('✓');

  // 2. Ferieønsker: a bad range is refused next to the field; approve one wish, reject another.
  await page.getByRole('button', { name: /Ferieønsker/ }).click();
  const wishForm = page.getByRole('form', { name: 'Nytt ferieønske' });
  await wishForm.getByLabel('Ansatt').selectOption({ label: 'Kari Nordmann' });
  await wishForm.getByLabel('Første feriedag').fill('2027-02-19');
  await wishForm.getByLabel('Siste feriedag').fill('2027-02-15');
  await wishForm.getByRole('button', { name: 'Legg til ønske' }).click();
  await expect(wishForm.getByText('Siste feriedag kan ikke være før første.')).toBeVisible();
  await wishForm.getByLabel('Første feriedag').fill('2027-02-15');
  await wishForm.getByLabel('Siste feriedag').fill('2027-02-19');
  await wishForm.getByRole('button', { name: 'Legg til ønske' }).click();
  const wishes = page.getByRole('table', { name: 'Ferieønsker' });
  await expect(wishes.getByRole('row', { name: /Kari Nordmann/ })).toContainText('Ønsket');
  await wishForm.getByLabel('Ansatt').selectOption({ label: 'Ola Hansen' });
  await wishForm.getByLabel('Første feriedag').fill('2027-03-01');
  await wishForm.getByLabel('Siste feriedag').fill('2027-03-05');
  await wishForm.getByRole('button', { name: 'Legg til ønske' }).click();
  await wishes
    .getByRole('row', { name: /Kari Nordmann/ })
    .getByRole('button', { name: 'Godkjenn …' })
    .click();
  // The approval says first what it does; nothing is planned yet, so no shift is removed.
  const preview = page.getByRole('dialog', { name: 'Før du godkjenner' });
  await expect(preview).toContainText('Ingen planlagte vakter blir fjernet.');
  await preview.getByRole('button', { name: /^Godkjenn/ }).click();
  await expect(preview).toBeHidden();
  await wishes
    .getByRole('row', { name: /Ola Hansen/ })
    .getByRole('button', { name: 'Avslå' })
    .click();
  await expect(wishes.getByRole('row', { name: /Kari Nordmann/ })).toContainText('Godkjent');
  await expect(wishes.getByRole('row', { name: /Ola Hansen/ })).toContainText('Avslått');
  for (let d = DAY('2027-02-15'); d <= DAY('2027-02-19'); d++) await expectCell(page, 'Kari Nordmann', d, 'FE');
  await expectCell(page, 'Ola Hansen', DAY('2027-03-01'), '');
  await expect(page.getByRole('button', { name: /Ferieønsker/ })).toContainText('✓');
  // Clearing the ferie in the grid is flagged on the approved wish, and can be put back.
  await scrollToDay(page, DAY('2027-02-15'));
  await cellOf(page, 'Kari Nordmann', DAY('2027-02-15')).click();
  await page.keyboard.press('Delete');
  await expectCell(page, 'Kari Nordmann', DAY('2027-02-15'), '');
  await expect(wishes.getByRole('row', { name: /Kari Nordmann/ })).toContainText('1 dag mangler FE i turnusen');
  await wishes.getByRole('button', { name: 'Legg inn igjen' }).click();
  await expectCell(page, 'Kari Nordmann', DAY('2027-02-15'), 'FE');
  await expect(wishes.getByRole('row', { name: /Kari Nordmann/ })).not.toContainText('mangler FE');

  // 3. Known absence, meetings and training: a timed meeting for everyone, leave for Per; ferie is kept.
  await page.getByRole('button', { name: /Fravær, møter og kurs/ }).click();
  const meet = page.getByRole('form', { name: 'Legg inn møte eller kurs' });
  await meet.getByLabel('Type').selectOption('MØTE');
  await meet.getByLabel('Hvem').selectOption({ label: 'Alle ansatte' });
  await meet.getByLabel('Dato').fill('2027-01-13');
  await meet.getByLabel('Fra kl.').fill('13:00');
  await meet.getByLabel('Til kl.').fill('15:00');
  await meet.getByRole('button', { name: 'Legg inn møte/kurs' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'MØTE ons. 13.01.2027 kl. 13:00–15:00 for alle ansatte er lagt inn' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Møter og kurs i planen' })).toContainText('Alle ansatte');
  const abs = page.getByRole('form', { name: 'Legg inn fravær' });
  await abs.getByLabel('Hvem').selectOption({ label: 'Alle ansatte' });
  await abs.getByLabel('Type').selectOption('PERM');
  await abs.getByLabel('Fra').fill('2027-02-16');
  await abs.getByRole('button', { name: 'Legg inn' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 dager merket PERM. 1 feriedag ble ikke endret.' })).toBeVisible();
  await abs.getByLabel('Hvem').selectOption({ label: 'Per Olsen' });
  await abs.getByLabel('Type').selectOption('PERM');
  await abs.getByLabel('Fra').fill('2027-01-18');
  await abs.getByLabel('Til (valgfritt)').fill('2027-01-19');
  await abs.getByRole('button', { name: 'Legg inn' }).click();
  await scrollToDay(page, DAY('2027-01-13'));
  for (const n of ['Kari Nordmann', 'Ola Hansen', 'Per Olsen', 'Anne Bakke']) {
    await expectCell(page, n, DAY('2027-01-13'), '');
    await expect(cellOf(page, n, DAY('2027-01-13'))).toHaveAttribute('data-marks', /møte/);
  }
  await expectCell(page, 'Kari Nordmann', DAY('2027-02-16'), 'FE');
  await expectCell(page, 'Anne Bakke', DAY('2027-02-16'), 'PERM');
  await expectCell(page, 'Per Olsen', DAY('2027-01-19'), 'PERM');

  // 4. Weekend rhythm: every 4th weekend, groups dealt out evenly, L laid for those who consented.
  await page.getByRole('button', { name: /Helgerytme/ }).click();
  await page.getByLabel('Hver ansatt jobber').selectOption('4');
  await page.getByRole('button', { name: 'Fordel grupper jevnt' }).click();
  await expect(page.getByLabel('Helgegruppe for Kari Nordmann')).toHaveValue('0');
  await expect(page.getByLabel('Helgegruppe for Anne Bakke')).toHaveValue('3');
  await expect(page.getByRole('list', { name: 'Helgene til hver gruppe' })).toContainText('Gruppe 1: 09.01–10.01, 06.02–07.02');
  await page.getByRole('button', { name: 'Legg langvakter på gruppenes helger' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'langvakter (L) lagt inn' })).toContainText(
    'Uten samtykke til langvakt (legg inn helgevakter selv): Per Olsen.',
  );
  await expectCell(page, 'Kari Nordmann', DAY('2027-01-09'), 'L');
  await expectCell(page, 'Kari Nordmann', DAY('2027-01-10'), 'L');
  await expectCell(page, 'Ola Hansen', DAY('2027-01-16'), 'L');
  await expectCell(page, 'Anne Bakke', DAY('2027-01-30'), 'L');
  await expectCell(page, 'Kari Nordmann', DAY('2027-02-06'), 'L');
  await expectCell(page, 'Per Olsen', DAY('2027-01-23'), '');
  await expectCell(page, 'Kari Nordmann', DAY('2027-01-16'), '');

  // 5. Fill the weekdays: the missing count falls by one for each D painted.
  await page.getByRole('button', { name: /Fyll ukedagene/ }).click();
  const missing = async () => Number((await page.getByText(/Det mangler \d+ vakter/).textContent())!.match(/mangler (\d+)/)![1]);
  const before = await missing();
  await page.getByRole('toolbar', { name: 'Vaktkoder' }).getByRole('button', { name: 'D', exact: true }).click();
  await scrollToDay(page, 0);
  await cellOf(page, 'Ola Hansen', 0).click();
  await page.getByRole('toolbar', { name: 'Vaktkoder' }).getByRole('button', { name: 'D', exact: true }).click();
  await cellOf(page, 'Anne Bakke', 0).click();
  await expect.poll(missing).toBe(before - 2);
  await expect(page.locator('.hcell.cov.ok').first()).toHaveText('2/2');
  await page.getByRole('button', { name: 'Vis første dag som mangler folk' }).click();
  await expect(page.locator('.cursor-info')).toContainText('tir. 05.01.2027');

  // 6. Review: the checklist summarises rules, coverage and hours.
  await page.getByRole('button', { name: /Gjennomgang/ }).click();
  await expect(page.getByText(`${before - 2} vakter mangler mot bemanningsplanen`)).toBeVisible();
  await expect(page.getByText(/Gjennomsnittlig stillingsprosent: avtalt 60 %/)).toBeVisible();

  // Everything is still there after a reload.
  await waitSaved(page);
  await page.reload();
  await expectCell(page, 'Kari Nordmann', DAY('2027-02-15'), 'FE');
  await scrollToDay(page, DAY('2027-01-13'));
  await expect(cellOf(page, 'Anne Bakke', DAY('2027-01-13'))).toHaveAttribute('data-marks', /møte/);
  await expectCell(page, 'Per Olsen', DAY('2027-01-18'), 'PERM');
  await expectCell(page, 'Anne Bakke', DAY('2027-01-30'), 'L');
  await expectCell(page, 'Ola Hansen', 0, 'D');
  await page.getByRole('button', { name: /Ferieønsker/ }).click();
  await expect(page.getByRole('table', { name: 'Ferieønsker' }).getByRole('row', { name: /Ola Hansen/ })).toContainText('Avslått');
  await page.getByRole('button', { name: /Helgerytme/ }).click();
  await expect(page.getByLabel('Helgegruppe for Ola Hansen')).toHaveValue('1');
  await expect(page.getByRole('button', { name: /Helgerytme/ })).toContainText('✓');
});
