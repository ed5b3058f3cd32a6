/**
 * Issue 17 end to end: a tillitsvalgt answers from the PDF alone. The walkthrough plan (20 people,
 * 6 months, weekend groups, langvakter, a 12,5 h agreement) is imported over the API; the
 * drøfting is registered in the UI (a date after the aml § 10-3 deadline asks first); the PDF is
 * downloaded with the export button and read with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import type { PlanDetail } from '../../shared/api';
import { serializePlanFile } from '../../shared/planfile';
import { walkthroughPlan, WALKTHROUGH_AGREEMENT } from '../unit/review/walkthrough';

test('the review pack answers the tillitsvalgt: weekends, consents, the 12,5 h agreement, days short of a sykepleier', async ({
  page,
  host,
}, info) => {
  test.setTimeout(120_000);
  const file = walkthroughPlan();
  file.unit.name = `Solsiden ${Date.now()}`;
  const plan = await host.call<PlanDetail>('commitPlanImport', serializePlanFile(file), 'Turnus vår 2027');
  await host.call('updateUnitSettings', plan.unitId, { agreementRecords: [WALKTHROUGH_AGREEMENT] });

  // Drøfting after the deadline (18.01.2027): a warning before anything is sent.
  await page.goto(`/#/plan/${plan.id}/drofting`);
  const send = page.getByRole('form', { name: 'Send til drøfting' });
  await send.getByLabel('Dato for drøftingen').fill('2027-01-20');
  await send.getByLabel('Tillitsvalgte').fill('Siri Tillit (NSF), Geir Fag (Fagforbundet)');
  // The tense follows the calendar: a date still ahead «skal drøftes».
  const future = new Date().toISOString().slice(0, 10) < '2027-01-20';
  await expect(send.getByRole('alert')).toContainText(
    `${future ? 'Planen skal drøftes' : 'Drøftingen'} 20.01.2027, etter fristen 18.01.2027`,
  );
  if (process.env.TURNUS_SCREENSHOTS) await send.screenshot({ path: 'docs/screenshots/review-drofting-etter-fristen.png' });
  await send.getByRole('button', { name: /Send til drøfting/ }).click();
  await expect(page.locator('[data-plan-status]')).toHaveText('Utkast');
  await send.getByRole('button', { name: 'Send likevel' }).click();
  await expect(page.locator('[data-plan-status]')).toHaveText('Til drøfting');

  await page.goto(`/#/plan/${plan.id}/drofting/eksport`);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned PDF' }).click()]);
  const pdfPath = info.outputPath('drofting.pdf');
  await dl.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // Every page of the pack as a picture for docs/ (review-pack-01.png …), at 60 dpi.
  if (process.env.TURNUS_SCREENSHOTS) execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, 'docs/screenshots/review-pack']);

  // Who works which weekends: group 1 from the anchor, and Kari Nordmann's weekends.
  expect(text).toContain('Helger og helgegrupper');
  expect(text).toMatch(/gruppe 1 06\.02, 06\.03, 03\.04, 01\.05, 29\.05, 26\.06, 24\.07/);
  expect(text).toMatch(/Kari Nordmann gruppe 1 7 06\.02, 06\.03, 03\.04/);
  // Who has consented to langvakt, and when; the consent without a date.
  expect(text).toMatch(/Kari Nordmann ja, samtykket 01\.09\.2026/);
  expect(text).toMatch(/Ola Hansen ja, dato mangler/);
  expect(text).toMatch(/Anne Larsen nei/);
  // Which agreement allows 12,5 h.
  expect(text).toMatch(
    /Lengste vakt 12,5 t avtale med tillitsvalgte \(NSF og Fagforbundet, 01\.10\.2026\), aml § 10-5 \(2\) Avtale 01\.10\.2026, NSF og Fagforbundet/,
  );
  // Which days are short of a sykepleier.
  expect(text).toContain('Mangler sykepleier');
  expect(text).toMatch(/man\. 01\.02\.2027 D: 1 sykepleier; A: 1 sykepleier/);
  // Red days: as far as the report provides them (the section is there and says so).
  expect(text).toContain('Røde dager og gjennomsnittlig arbeidstid');
  // The drøfting in the future tense, after the deadline, with the recorded names.
  expect(text).toContain(
    `${future ? 'Planen skal drøftes' : 'Planen ble drøftet'} med Siri Tillit (NSF) og Geir Fag (Fagforbundet) 20.01.2027, ${future ? 'etter fristen' : 'senere enn fristen'} 18.01.2027`,
  );
  expect(text).toContain('Siri Tillit (NSF) (tillitsvalgt)');
  // No raw configuration, English rule ids or ISO dates in the footer.
  expect(text).not.toMatch(/\[KONFIG\]|UVERIFISERT|ordinary:|eveningWeekend|VACATION-PLACED|AML-SUNDAY/);
  expect(text).toMatch(/Laget \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d/);
});

test("next month's HR file in update mode: the preview lists what changes, then the unit is updated", async ({ page, host }) => {
  test.setTimeout(90_000);
  const file = walkthroughPlan();
  file.unit.name = `HR ${Date.now()}`;
  const plan = await host.call<PlanDetail>('commitPlanImport', serializePlanFile(file), 'Turnus vår 2027');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/#/avdeling/${plan.unitId}/ansatte`);
  // Ansattnr is shown in Ansatte.
  await expect(page.getByRole('table', { name: 'Ansatte' }).getByRole('row', { name: /Kari Nordmann/ })).toContainText('10401');
  await page.getByRole('button', { name: /Importer ansatte fra CSV eller Excel/ }).click();
  const panel = page.getByRole('region', { name: 'Importer ansatte' });
  await panel.getByRole('radio', { name: /Oppdatere avdelingen fra personalsystemet/ }).check();
  const hr = [
    'Ansattnr;Navn;Stillingstittel;Stillingsprosent;Langvakt;Samtykkedato langvakt',
    '10402;Ola Hansen;Helsefagarbeider;80;ja;15.01.2027',
    '10403;Ingrid Johansen;Helsefagarbeider;85;ja;03.09.2026',
    '10499;Mia Ny;Sykepleier;60;nei;',
  ];
  await panel
    .getByLabel('Fil med ansatte')
    .setInputFiles({ name: 'hr-mars.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${hr.join('\r\n')}`, 'utf8') });
  const changes = panel.getByRole('table', { name: 'Endringer per ansatt' });
  await expect(changes).toContainText('Samtykkedato langvakt');
  await expect(changes.getByRole('row', { name: /Stillingsprosent/ })).toContainText('75 %');
  await expect(changes.getByRole('row', { name: /Stillingsprosent/ })).toContainText('85 %');
  await expect(panel.getByText('2 ansatte endres, 1 nye, 0 uten endringer.')).toBeVisible();
  if (process.env.TURNUS_SCREENSHOTS) await panel.screenshot({ path: 'docs/screenshots/import-04-ansatte-oppdater.png' });
  await panel.getByRole('button', { name: 'Oppdater (2 endret, 1 nye)' }).click();
  await expect(page.getByText('1 ansatt er importert og 2 oppdatert fra «hr-mars.csv».')).toBeVisible();
  await page.reload();
  const staff = page.getByRole('table', { name: 'Ansatte' });
  await expect(staff.getByRole('row', { name: /Ingrid Johansen/ })).toContainText('85 %');
  await expect(staff.getByRole('row', { name: /Ola Hansen/ })).toContainText('15.01.2027');
  await expect(staff.getByRole('row', { name: /Mia Ny/ })).toContainText('10499');
});
