/**
 * Exports (Excel, PDF review pack, calendars, plan file, print view) and imports (staff CSV with
 * a broken row, column mapping, plan file) through the real UI. Files are checked as a user
 * would: the PDF's text with pdftotext, the workbook with exceljs; imports after a reload.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { test, expect, rowOf, cellOf, startHost, type Host } from './fixtures';
import type { PlanDetail, UnitDetail } from '../../shared/api';
import type { ExportResult } from '../../shared/api/review';
import type { Page } from '@playwright/test';

async function seed(host: Host, name: string): Promise<PlanDetail> {
  const unit = await host.call<UnitDetail>('createUnit', name);
  const kari = await host.call<{ id: string }>('addEmployee', unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 1 });
  await host.call('addEmployee', unit.id, { name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.5 });
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Høstturnus 2027', '2027-09-06', 3);
  await host.call(
    'setCells',
    plan.id,
    ['2027-09-06', '2027-09-07', '2027-09-08'].map((date) => ({ employeeId: kari.id, date, code: 'D' })),
  );
  return plan;
}

async function download(page: Page, button: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return dl;
}

test('download Excel and the PDF review pack, calendars and the plan file; print view', async ({ page, host }, info) => {
  test.setTimeout(60_000);
  const plan = await seed(host, 'Eksport ' + Date.now());
  await page.goto(`/#/plan/${plan.id}/drofting/eksport`);

  const xlsx = await download(page, 'Last ned Excel');
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxPath = info.outputPath('plan.xlsx');
  await xlsx.saveAs(xlsxPath);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Plan', 'Per ansatt', 'Dekning', 'Åpne vakter', 'Regler', 'Helger', 'Nøkkeltall']);
  const names: string[] = [];
  wb.getWorksheet('Plan')!.eachRow((row) => row.eachCell((c) => names.push(String(c.value))));
  expect(names).toContain('Kari Nordmann');
  await expect(page.getByText(/Lastet ned «.*\.xlsx»/)).toBeVisible();

  await page.getByRole('radio', { name: /A3/ }).check();
  const pdf = await download(page, 'Last ned PDF');
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfPath = info.outputPath('pakke.pdf');
  await pdf.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Høstturnus 2027');
  expect(text).toContain('heltidsandel, avtalt stilling');
  // One of two employees has a full-time position.
  expect(text).toContain('50,0 %');
  expect(text).toContain('§ 10-3');

  const ics = await download(page, 'Last ned kalenderfiler');
  expect(ics.suggestedFilename()).toMatch(/\.zip$/);
  const turnus = await download(page, 'Last ned turnusfil');
  expect(turnus.suggestedFilename()).toMatch(/\.turnus\.json$/);
  const turnusPath = info.outputPath('plan.turnus.json');
  await turnus.saveAs(turnusPath);
  expect(JSON.parse(readFileSync(turnusPath, 'utf8')).employees).toHaveLength(2);

  await page.getByRole('button', { name: 'Forhåndsvis drøftingspakken' }).click();
  const frame = page.frameLocator('iframe[title="Drøftingspakke"]');
  await expect(frame.getByRole('heading', { level: 1 })).toContainText('Turnusplan til drøfting');
  await expect(frame.locator('body')).toContainText('Høstturnus 2027');
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeEnabled();
  await expect(page.locator('iframe[title="Drøftingspakke"]')).toHaveAttribute('sandbox', 'allow-same-origin allow-modals');
});

const csv = (rows: string[]) => Buffer.from('\ufeff' + rows.join('\r\n') + '\r\n', 'utf8');

test('staff CSV: a broken row is shown with line and field and nothing is imported; the fixed file imports', async ({ page, host }) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Import ' + Date.now());
  await page.goto(`/#/avdeling/${unit.id}/ansatte`);
  await page.getByRole('button', { name: /Importer ansatte fra CSV eller Excel/ }).click();
  const panel = page.getByRole('region', { name: 'Importer ansatte' });
  const header = 'Navn;Kompetanse;Stillingsprosent;Ønsket stilling;Langvakt';
  await panel.getByLabel('Fil med ansatte').setInputFiles({
    name: 'ansatte.csv',
    mimeType: 'text/csv',
    buffer: csv([header, 'Kari Nordmann;Sykepleier;80;100;ja', 'Per Feil;Helsefagarbeider;120;;nei', 'Anne Berg;Assistent;50;;nei']),
  });
  const errors = panel.getByRole('alert', { name: 'Feil i filen' });
  await expect(errors).toContainText('1 feil må rettes');
  await expect(errors).toContainText('Linje 3, Stillingsprosent');
  await expect(errors).toContainText('120');
  await expect(panel.getByRole('button', { name: 'Importer', exact: true })).toBeDisabled();
  // The preview shows how each column is read.
  await expect(panel.getByRole('combobox', { name: /Stillingsprosent leses som/ })).toHaveValue('position');

  await page.reload();
  await expect(page.getByText('Ingen ansatte ennå')).toBeVisible();

  await page.getByRole('button', { name: /Importer ansatte fra CSV eller Excel/ }).click();
  await panel.getByLabel('Fil med ansatte').setInputFiles({
    name: 'ansatte.csv',
    mimeType: 'text/csv',
    buffer: csv([header, 'Kari Nordmann;Sykepleier;80;100;ja', 'Per Feil;Helsefagarbeider;60;;nei', 'Anne Berg;Assistent;50;;nei']),
  });
  await expect(panel.getByText('Ingen feil. 3 ansatte kan importeres.')).toBeVisible();
  await panel.getByRole('button', { name: 'Importer 3 ansatte' }).click();
  await expect(page.getByText('3 ansatte er importert fra «ansatte.csv».')).toBeVisible();

  await page.reload();
  const staff = page.getByRole('table', { name: 'Ansatte' });
  for (const n of ['Kari Nordmann', 'Per Feil', 'Anne Berg']) await expect(staff.getByRole('cell', { name: n, exact: true })).toBeVisible();
  await expect(staff.getByRole('row', { name: /Kari Nordmann/ })).toContainText('80 %');
  await expect(staff.getByRole('row', { name: /Per Feil/ })).toContainText('60 %');
});

test('staff CSV: an unknown column header can be mapped by hand', async ({ page, host }) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Kolonner ' + Date.now());
  await page.goto(`/#/avdeling/${unit.id}/ansatte`);
  await page.getByRole('button', { name: /Importer ansatte fra CSV eller Excel/ }).click();
  const panel = page.getByRole('region', { name: 'Importer ansatte' });
  await panel.getByLabel('Fil med ansatte').setInputFiles({
    name: 'liste.csv',
    mimeType: 'text/csv',
    buffer: csv(['Navn;Yrke;Str', 'Liv Lie;sykepleier;75']),
  });
  await expect(panel.getByRole('alert', { name: 'Feil i filen' })).toContainText('Stillingsprosent');
  await expect(panel.getByRole('button', { name: 'Importer', exact: true })).toBeDisabled();
  await panel.getByRole('combobox', { name: 'Kolonnen Str leses som' }).selectOption('position');
  await expect(panel.getByText('Ingen feil. 1 ansatt kan importeres.')).toBeVisible();
  await panel.getByRole('button', { name: 'Importer 1 ansatt' }).click();
  await expect(page.getByText('1 ansatt er importert fra «liste.csv».')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('table', { name: 'Ansatte' }).getByRole('row', { name: /Liv Lie/ })).toContainText('75 %');
});

test('staff XLSX: percent-formatted positions are read as shown and imported', async ({ page, host }) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Excel ' + Date.now());
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ansatte');
  ws.addRow(['Navn', 'Kompetanse', 'Stillingsprosent', 'Langvakt']);
  ws.addRow(['Randi Ruud', 'Helsefagarbeider', 0.75, 'ja']);
  ws.addRow(['Tore Tangen', 'Sykepleier', 1, 'nei']);
  ws.getColumn(3).numFmt = '0%';
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await page.goto(`/#/avdeling/${unit.id}/ansatte`);
  await page.getByRole('button', { name: /Importer ansatte fra CSV eller Excel/ }).click();
  const panel = page.getByRole('region', { name: 'Importer ansatte' });
  await panel.getByLabel('Fil med ansatte').setInputFiles({
    name: 'ansatte.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await expect(panel.getByText('Ingen feil. 2 ansatte kan importeres.')).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Forhåndsvisning' })).toContainText('75 %');
  await panel.getByRole('button', { name: 'Importer 2 ansatte' }).click();
  // The import is done when it says so (a reload before that would cancel the request).
  await expect(page.getByText('2 ansatte er importert fra «ansatte.xlsx».')).toBeVisible();
  await page.reload();
  const staff = page.getByRole('table', { name: 'Ansatte' });
  await expect(staff.getByRole('row', { name: /Randi Ruud/ })).toContainText('75 %');
  await expect(staff.getByRole('row', { name: /Tore Tangen/ })).toContainText('100 %');
});

test('plan file: a broken file is refused, a valid one becomes a new unit with its plan', async ({ page, host }) => {
  const plan = await seed(host, 'Kilde ' + Date.now());
  const res = await host.call<ExportResult>('exportPlan', plan.id, 'turnus');
  const file = JSON.parse(Buffer.from(res.files[0].base64, 'base64').toString('utf8'));
  const unitName = 'Importert ' + Date.now();
  file.unit.name = unitName;
  // The parts a leader must not lose: an agreement on file and a meeting; a neighbour plan's cell is named as not kept.
  file.rules.agreementRecords = [{ key: 'dailyRestMinHours', signedDate: '2027-01-15', parties: 'Fagforbundet' }];
  file.activities = [{ code: 'MØTE', date: file.period.start, start: '13:00', end: '14:00', employees: 'all' }];
  file.assignments.push({ employee: file.employees[0].id, date: '2027-01-04', code: 'D' });

  await page.goto('/');
  await page.getByRole('button', { name: /Importer en turnusfil/ }).click();
  const panel = page.getByRole('region', { name: 'Importer turnusfil' });
  await panel.getByLabel('Turnusfil').setInputFiles({
    name: 'feil.turnus.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, period: { start: '2027-13-01', end: file.period.end } })),
  });
  await expect(panel.getByRole('alert', { name: 'Feil i turnusfilen' })).toContainText('period');
  await expect(panel.getByRole('button', { name: 'Importer som ny avdeling' })).toBeDisabled();
  await page.reload();
  await expect(page.getByRole('link', { name: unitName })).toHaveCount(0);

  await page.getByRole('button', { name: /Importer en turnusfil/ }).click();
  await panel.getByLabel('Turnusfil').setInputFiles({
    name: 'plan.turnus.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const summary = panel.getByRole('region', { name: 'Innhold i turnusfilen' }).or(panel.locator('.ex-summary'));
  await expect(summary).toContainText(unitName);
  await expect(summary).toContainText('06.09.2027');
  await expect(summary.locator('dt:has-text("Avtaler med tillitsvalgte") + dd')).toHaveText('1');
  await expect(summary.locator('dt:has-text("Møter og kurs") + dd')).toHaveText('1');
  await expect(summary.getByRole('list', { name: 'Merknader' })).toContainText('1 celle ligger utenfor perioden');
  await panel.getByLabel('Navn på planen (valgfritt)').fill('Importert høst');
  await panel.getByRole('button', { name: 'Importer som ny avdeling' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Importert høst');
  await page.reload();
  await expect(rowOf(page, 'Kari Nordmann')).toBeVisible();
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('D');
  await page.goto('/');
  await expect(page.getByRole('link', { name: unitName })).toBeVisible();
});

test('without Chromium the PDF button explains what to do instead, and HTML still downloads', async ({ page }) => {
  // A second host whose backend cannot find a Chromium (the page's own browser is already running).
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = '/finnes/ikke/chromium';
  let h: Awaited<ReturnType<typeof startHost>>;
  try {
    h = await startHost();
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
  try {
    const plan = await seed(h.host, 'Uten PDF');
    await page.goto(h.host.link); // the second host's own link hands this tab its token
    await page.goto(new URL(`#/plan/${plan.id}/drofting/eksport`, h.host.url).href);
    await page.getByRole('button', { name: 'Last ned PDF' }).click();
    const msg = page.locator('[data-export="pdf"]').getByRole('alert');
    await expect(msg).toContainText('PDF kan ikke lages på denne maskinen');
    await expect(msg).toContainText('Last ned som HTML');
    const html = await download(page, 'Last ned som HTML');
    expect(html.suggestedFilename()).toMatch(/\.html$/);
  } finally {
    await h.stop();
  }
});
