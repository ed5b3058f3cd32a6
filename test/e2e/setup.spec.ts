import { test, expect } from './fixtures';
import type { UnitDetail } from '../../shared/api';

test('unit settings: agreements with limits, weekend rhythm, holiday mode, persisted', async ({ page, host }) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Innstillinger ' + Date.now());
  await page.goto(`/#/avdeling/${unit.id}/innstillinger`);
  const form = page.getByRole('form', { name: 'Avtaler og regler' });
  await form.getByLabel('Daglig hvile (timer)', { exact: true }).fill('7');
  await form.getByRole('button', { name: 'Lagre innstillinger' }).click();
  await expect(form.getByText('Daglig hvile (timer) må være mellom 8 og 11.')).toBeVisible();
  await form.getByLabel('Daglig hvile (timer)', { exact: true }).fill('9');
  await form.getByLabel('Avtalt dato: Daglig hvile (timer)').fill('2026-10-01');
  await form.getByRole('button', { name: 'Lagre innstillinger' }).click();
  await expect(form.getByText('Skriv hvem som inngikk avtalen.')).toBeVisible();
  await form.getByLabel('Avtalt med: Daglig hvile (timer)').fill('Hovedtillitsvalgte NSF og Fagforbundet');
  await form.getByLabel('Lengste vakt (timer)', { exact: true }).fill('12,5');
  await form.getByLabel('Helgerytme').selectOption('4');
  await form.getByLabel('Heltid fra (stillingsprosent)').fill('100');
  await form.getByLabel('Reduksjon for helligdager og ferie').selectOption('MONFRI_T_OVER_5');
  await form.getByRole('button', { name: 'Lagre innstillinger' }).click();
  await expect(form.getByRole('status')).toHaveText('Innstillingene er lagret.');

  await page.reload();
  const again = page.getByRole('form', { name: 'Avtaler og regler' });
  await expect(again.getByLabel('Daglig hvile (timer)', { exact: true })).toHaveValue('9');
  await expect(again.getByLabel('Avtalt dato: Daglig hvile (timer)')).toHaveValue('01.10.2026');
  await expect(again.getByLabel('Avtalt med: Daglig hvile (timer)')).toHaveValue('Hovedtillitsvalgte NSF og Fagforbundet');
  await expect(again.getByLabel('Helgerytme')).toHaveValue('4');
  await expect(again.getByLabel('Heltid fra (stillingsprosent)')).toHaveValue('100');
  await expect(again.getByLabel('Reduksjon for helligdager og ferie')).toHaveValue('MONFRI_T_OVER_5');
});

test('bemanningsplan editor: day type × shift × competence, a date of its own, persisted', async ({ page, host }) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Bemanning ' + Date.now());
  await page.goto(`/#/avdeling/${unit.id}/bemanningsplan`);
  const table = page.getByRole('table', { name: 'Bemanningsplan' });
  await table.getByLabel('D Sykepleier Hverdag').fill('1');
  await table.getByLabel('D Hvem som helst Hverdag').fill('3');
  await table.getByLabel('L Hvem som helst Lørdag').fill('tre');
  await page.getByRole('button', { name: 'Lagre bemanningsplan' }).click();
  await expect(page.getByText('Skriv et helt antall personer (0–200).')).toBeVisible();
  await table.getByLabel('L Hvem som helst Lørdag').fill('3');
  await page.getByLabel('Egen dato').fill('2027-12-24');
  await page.getByRole('button', { name: 'Legg til dato' }).click();
  await table.getByLabel('A Hvem som helst fre. 24.12.2027').fill('2');
  await page.getByRole('button', { name: 'Lagre bemanningsplan' }).click();
  await expect(page.getByRole('status')).toHaveText('Bemanningsplanen er lagret.');

  await page.reload();
  const again = page.getByRole('table', { name: 'Bemanningsplan' });
  await expect(again.getByLabel('D Sykepleier Hverdag')).toHaveValue('1');
  await expect(again.getByLabel('D Hvem som helst Hverdag')).toHaveValue('3');
  await expect(again.getByLabel('L Hvem som helst Lørdag')).toHaveValue('3');
  await expect(again.getByLabel('A Hvem som helst fre. 24.12.2027')).toHaveValue('2');
  await expect(again.getByLabel('N Hvem som helst Hverdag')).toHaveValue('');
});

test('staff details: wanted position, langvakt consent with date, night exemption, persisted', async ({ page, host }) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Personal ' + Date.now());
  await page.goto(`/#/avdeling/${unit.id}/ansatte`);
  const form = page.getByRole('form', { name: 'Ny ansatt' });
  await form.getByLabel('Navn', { exact: true }).fill('Åse Nilsen');
  await form.getByLabel('Kompetanse').selectOption('helsefagarbeider');
  await form.getByLabel('Stillingsprosent', { exact: true }).fill('60');
  await form.getByLabel('Ønsket stillingsprosent').fill('100');
  await form.getByLabel('Har samtykket til langvakter').check();
  await form.getByLabel('Dato for samtykke').fill('2026-09-01');
  await form.getByLabel('Fritatt for nattarbeid').check();
  await form.getByRole('button', { name: 'Legg til ansatt' }).click();

  await page.reload();
  const row = page.getByRole('table', { name: 'Ansatte' }).getByRole('row', { name: /Åse Nilsen/ });
  await expect(row).toContainText('Helsefagarbeider');
  await expect(row).toContainText('60 %');
  await expect(row).toContainText('100 %');
  await expect(row).toContainText('Ja (01.09.2026)');
  await expect(row).toContainText('Fritatt');
  await page.getByRole('button', { name: 'Endre Åse Nilsen' }).click();
  const edit = page.getByRole('form', { name: 'Endre ansatt' });
  await expect(edit.getByLabel('Dato for samtykke')).toHaveValue('01.09.2026');
  await expect(edit.getByLabel('Fritatt for nattarbeid')).toBeChecked();
});

test('unit settings: saving the form keeps what an imported plan file brought and the form does not show', async ({ page, host }) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Importerte avtaler ' + Date.now());
  const records = [
    { key: 'dailyRestMinHours', signedDate: '2026-01-15', parties: 'Fagforbundet', validUntil: '2027-12-31' },
    { key: 'splitShiftMaxBreakHours', signedDate: '2026-02-01', parties: 'NSF' },
  ];
  await host.call('updateUnitSettings', unit.id, { agreementRecords: records, splitShiftMaxBreakHours: 3, averagingWeeks: 8 });
  await page.goto(`/#/avdeling/${unit.id}/innstillinger`);
  const form = page.getByRole('form', { name: 'Avtaler og regler' });
  await expect(form.getByLabel('Avtalt med: Daglig hvile (timer)')).toHaveValue('Fagforbundet');
  await form.getByLabel('Flest arbeidsdager på rad').fill('5');
  await form.getByRole('button', { name: 'Lagre innstillinger' }).click();
  await expect(form.getByRole('status')).toHaveText('Innstillingene er lagret.');
  const after = await host.call<UnitDetail>('getUnit', unit.id);
  expect(after.settings.maxConsecutiveDays).toBe(5);
  expect(after.settings.agreementRecords).toEqual(expect.arrayContaining(records));
  expect(after.settings.agreementRecords).toHaveLength(2);
  expect(after.settings.splitShiftMaxBreakHours).toBe(3);
  expect(after.settings.averagingWeeks).toBe(8);
});
