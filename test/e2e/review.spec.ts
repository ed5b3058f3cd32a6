/**
 * Drøfting og godkjenning, versions, diff, change log and comments, through the real UI against
 * the browser host (real SQLite). Every result is checked again after a reload.
 */
import { test, expect, cellOf, type Host } from './fixtures';
import type { PlanDetail, UnitDetail } from '../../shared/api';
import { seedUnit } from './seed';

async function seed(host: Host, name: string): Promise<PlanDetail> {
  const unit = await host.call<UnitDetail>('createUnit', name);
  const kari = await host.call<{ id: string }>('addEmployee', unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 1 });
  await host.call('addEmployee', unit.id, { name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.5 });
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Vårturnus 2027', '2027-03-01', 3);
  await host.call(
    'setCells',
    plan.id,
    ['2027-03-01', '2027-03-02', '2027-03-03'].map((date) => ({ employeeId: kari.id, date, code: 'D' })),
  );
  return plan;
}

test('send to drøfting, approve, edit a cell, then see versions, the diff and the change log', async ({ page, host, waitSaved }) => {
  const plan = await seed(host, 'Drøfting ' + Date.now());
  await page.goto(`/#/plan/${plan.id}`);
  await page.getByRole('link', { name: 'Drøfting, versjoner og eksport' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Utkast');

  // aml § 10-3: start 01.03.2027 − 14 days.
  await expect(page.getByTestId('drofting-deadline')).toContainText('15.02.2027');
  await expect(page.getByTestId('drofting-deadline')).toContainText('§ 10-3');

  // Names are required.
  const send = page.getByRole('form', { name: 'Send til drøfting' });
  await send.getByRole('button', { name: 'Send til drøfting' }).click();
  await expect(send.getByText('Skriv inn minst ett navn')).toBeVisible();

  await send.getByLabel('Dato for drøftingen').fill('2027-01-10');
  await send.getByLabel('Tillitsvalgte').fill('Anne Berg, Per Lie');
  await send.getByLabel('Merknad (valgfritt)').fill('Første gjennomgang');
  await send.getByRole('button', { name: 'Send til drøfting' }).click();
  await expect(page.locator('[data-plan-status]')).toHaveText('Til drøfting');
  await expect(page.getByRole('status').filter({ hasText: 'Til drøfting 10.01.2027' })).toBeVisible();

  const approve = page.getByRole('form', { name: 'Godkjenn' });
  await approve.getByLabel('Dato for godkjenningen').fill('2027-01-12');
  await approve.getByLabel('Godkjent av').fill('Eva Leder');
  await approve.getByRole('button', { name: 'Godkjenn' }).click();
  await expect(page.locator('[data-plan-status]')).toHaveText('Godkjent');

  await page.reload();
  await expect(page.locator('[data-plan-status]')).toHaveText('Godkjent');
  const history = page.getByRole('table', { name: 'Historikk' });
  await expect(history).toContainText('Anne Berg, Per Lie');
  await expect(history).toContainText('Første gjennomgang');
  await expect(history).toContainText('Eva Leder');
  await expect(history).toContainText('12.01.2027');

  // Change Kari's first day D → N in the grid.
  await page.getByRole('link', { name: 'Tilbake til turnusen' }).click();
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  await grid.focus();
  await page.keyboard.press('n');
  await waitSaved(page);

  // The status page now warns that cells changed after approval.
  await page.getByRole('link', { name: 'Drøfting, versjoner og eksport' }).click();
  await expect(page.getByRole('alert', { name: 'Advarsler' })).toContainText('endret etter');

  await page.getByRole('link', { name: 'Versjoner og endringer' }).click();
  await page.reload();
  const versions = page.getByRole('table', { name: 'Versjoner' });
  await expect(versions).toContainText('Til drøfting 10.01.2027');
  await expect(versions).toContainText('Godkjent 12.01.2027');
  await expect(versions).toContainText('Sist godkjente');

  await page.getByRole('button', { name: 'Vis forskjeller' }).click();
  const diff = page.getByTestId('diff');
  await expect(diff).toContainText('1 vakt er endret for 1 ansatt');
  const cells = page.getByRole('table', { name: 'Endrede vakter' });
  await expect(cells.getByRole('row')).toHaveCount(2);
  await expect(cells.getByRole('row').nth(1)).toContainText('Kari Nordmann');
  await expect(cells.getByRole('row').nth(1)).toContainText('01.03.2027');
  await expect(cells.getByRole('row').nth(1).locator('.rv-code').first()).toHaveText('D');
  await expect(cells.getByRole('row').nth(1).locator('.rv-code').nth(1)).toHaveText('N');
  await expect(page.getByRole('table', { name: 'Endringer per ansatt' })).toContainText('Kari Nordmann');

  // The same version against itself: nothing differs.
  const to = page.getByLabel('Til', { exact: true });
  const approvedId = await to.locator('option', { hasText: 'Godkjent 12.01.2027' }).getAttribute('value');
  await to.selectOption(approvedId!);
  await page.getByRole('button', { name: 'Vis forskjeller' }).click();
  await expect(page.getByText('Ingen forskjeller')).toBeVisible();

  // Change log: who changed what.
  const log = page.getByRole('table', { name: 'Endringslogg' });
  await expect(log).toContainText('Kari Nordmann');
  await expect(log).toContainText('D → N');

  // Save a named version by hand; it stays after reload.
  await page.getByLabel('Lagre planen slik den er nå som en versjon').fill('Etter nattbytte');
  await page.getByRole('button', { name: 'Lagre versjon' }).click();
  await expect(versions).toContainText('Etter nattbytte');
  await page.reload();
  await expect(page.getByRole('table', { name: 'Versjoner' })).toContainText('Etter nattbytte');
});

test('comments on a cell and on the plan: add, see after reload, resolve, go to the cell, delete', async ({ page, host }) => {
  const plan = await seed(host, 'Kommentar ' + Date.now());
  // Mark Ola's Saturday in the grid; the comment form starts from that cell.
  await page.goto(`/#/plan/${plan.id}`);
  await cellOf(page, 'Ola Hansen', 5).click();
  await expect(page.locator('.cursor-info')).toContainText('Ola Hansen · lør. 06.03.2027');
  await page.getByRole('link', { name: 'Kommentarer', exact: true }).click();
  const form = page.getByRole('form', { name: 'Ny kommentar' });
  await expect(form.getByLabel('Ansatt', { exact: true })).toHaveValue(/\d+/);
  await expect(form.getByLabel('Ansatt', { exact: true }).locator('option:checked')).toHaveText('Ola Hansen');
  await expect(form.getByLabel('Dato', { exact: true })).toHaveValue('06.03.2027');
  await form.getByLabel('Kommentar', { exact: true }).fill('Ola ønsker fri denne lørdagen');
  await form.getByRole('button', { name: 'Legg til kommentar' }).click();
  await expect(page.getByRole('list', { name: 'Åpne kommentarer' })).toContainText('Ola ønsker fri denne lørdagen');

  await form.getByLabel('Hele planen').check();
  await form.getByLabel('Kommentar', { exact: true }).fill('Helgene ser jevne ut');
  await form.getByRole('button', { name: 'Legg til kommentar' }).click();

  await page.reload();
  const open = page.getByRole('list', { name: 'Åpne kommentarer' });
  await expect(open.getByRole('listitem')).toHaveCount(2);
  const ola = open.getByRole('listitem').filter({ hasText: 'Ola ønsker fri' });
  await expect(ola).toContainText('Ola Hansen');
  await expect(ola).toContainText('06.03.2027');
  await expect(page.getByRole('link', { name: /Kommentarer/ })).toContainText('2');

  // Resolve the plan comment; it moves to the resolved list and stays there after reload.
  await open.getByRole('listitem').filter({ hasText: 'Helgene ser jevne ut' }).getByRole('button', { name: 'Merk som løst' }).click();
  await expect(open.getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Åpne kommentarer' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: /Vis løste kommentarer \(1\)/ }).click();
  await expect(page.getByRole('list', { name: 'Løste kommentarer' })).toContainText('Helgene ser jevne ut');

  // «Gå til cellen» opens the plan with the cursor on Ola's Saturday.
  await page.getByRole('list', { name: 'Åpne kommentarer' }).getByRole('button', { name: 'Gå til cellen' }).click();
  await expect(page.locator('.cursor-info')).toContainText('Ola Hansen · lør. 06.03.2027');

  // The plan view tells how many comments are open.
  await expect(page.getByRole('link', { name: 'Kommentarer (1 åpne)' })).toBeVisible();
  // …and marks the cell that has an open comment (and no other).
  await expect(cellOf(page, 'Ola Hansen', 5)).toHaveAttribute('data-marks', 'kommentar');
  await expect(cellOf(page, 'Ola Hansen', 4)).not.toHaveAttribute('data-marks', /./);

  // Delete the cell comment.
  await page.goto(`/#/plan/${plan.id}/drofting/kommentarer`);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('list', { name: 'Åpne kommentarer' }).getByRole('button', { name: 'Slett' }).click();
  await expect(page.getByText('Ingen åpne kommentarer.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Ingen åpne kommentarer.')).toBeVisible();
});

test('user name setting is used in the change log and kept after reload', async ({ page, host }) => {
  const plan = await seed(host, 'Navn ' + Date.now());
  await page.goto(`/#/plan/${plan.id}/drofting`);
  const form = page.getByRole('form', { name: 'Ditt navn i endringsloggen' });
  await form.getByLabel('Ditt navn').fill('Lise Avdelingsleder');
  await form.getByRole('button', { name: 'Lagre navnet' }).click();
  await expect(form.getByText('Navnet er lagret.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('form', { name: 'Ditt navn i endringsloggen' }).getByLabel('Ditt navn')).toHaveValue('Lise Avdelingsleder');
  await page.goto(`/#/plan/${plan.id}/drofting/versjoner`);
  await page.getByLabel('Lagre planen slik den er nå som en versjon').fill('Kopi');
  await page.getByRole('button', { name: 'Lagre versjon' }).click();
  await expect(page.getByRole('table', { name: 'Versjoner' })).toContainText('Lise Avdelingsleder');
  // Back to the machine's user name, so other tests in this worker see the default.
  await page.goto(`/#/plan/${plan.id}/drofting`);
  await page.getByRole('button', { name: 'Bruk brukernavnet på maskinen' }).click();
  await expect(page.getByText('Navnet er lagret.')).toBeVisible();
});

test.describe('screenshots', () => {
  test.skip(!process.env.TURNUS_SCREENSHOTS, 'set TURNUS_SCREENSHOTS=1 to write docs/screenshots');

  test('review and import screens for docs/screenshots', async ({ page, host }) => {
    test.setTimeout(120_000);
    const OUT = 'docs/screenshots';
    const { unit, plan, employees } = await seedUnit(host, {
      name: 'Avdeling Solsiden',
      employees: 12,
      start: '2027-01-04',
      months: 3,
      fill: true,
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await host.call('setUserName', 'Lise Avdelingsleder');

    await page.goto(`/#/plan/${plan.id}/drofting`);
    await expect(page.getByTestId('drofting-deadline')).toBeVisible();
    await page.screenshot({ path: `${OUT}/review-01-utkast.png`, fullPage: true });

    await host.call('setPlanStatus', plan.id, {
      status: 'til_drofting',
      date: '2026-12-08',
      names: ['Anne Berg (Fagforbundet)', 'Per Lie (NSF)'],
      note: 'Gjennomgått i drøftingsmøte',
    });
    await page.reload();
    await expect(page.locator('[data-plan-status]')).toHaveText('Til drøfting');
    await page.screenshot({ path: `${OUT}/review-02-til-drofting.png`, fullPage: true });

    await host.call('setPlanStatus', plan.id, {
      status: 'godkjent',
      date: '2026-12-15',
      names: ['Lise Avdelingsleder', 'Anne Berg (Fagforbundet)'],
    });
    const changes = [
      { employeeId: employees[1].id, date: '2027-01-05', code: 'N' },
      { employeeId: employees[1].id, date: '2027-01-06', code: 'N' },
      { employeeId: employees[4].id, date: '2027-01-09', code: 'L' },
      { employeeId: employees[4].id, date: '2027-01-10', code: 'L' },
    ];
    await host.call('setCells', plan.id, changes);
    await host.call('addComment', plan.id, {
      employeeId: employees[4].id,
      date: '2027-01-09',
      text: 'Anne har bedt om fri denne helgen. Kan vi bytte med Lars?',
    });
    await host.call('addComment', plan.id, { text: 'Tillitsvalgte ønsker at nattevaktene fordeles jevnere i februar.' });
    await page.reload();
    await expect(page.locator('[data-plan-status]')).toHaveText('Godkjent');
    await page.screenshot({ path: `${OUT}/review-03-godkjent-med-endringer.png`, fullPage: true });

    await page.goto(`/#/plan/${plan.id}/drofting/versjoner`);
    await page.getByRole('button', { name: 'Vis forskjeller' }).click();
    await expect(page.getByTestId('diff')).toBeVisible();
    await page.screenshot({ path: `${OUT}/review-04-versjoner-diff.png`, fullPage: true });

    await page.goto(`/#/plan/${plan.id}/drofting/kommentarer`);
    await expect(page.getByRole('list', { name: 'Åpne kommentarer' })).toBeVisible();
    await page.screenshot({ path: `${OUT}/review-05-kommentarer.png`, fullPage: true });

    await page.goto(`/#/plan/${plan.id}/drofting/eksport`);
    await page.getByRole('button', { name: 'Forhåndsvis drøftingspakken' }).click();
    await expect(page.frameLocator('iframe[title="Drøftingspakke"]').locator('h1')).toBeVisible();
    await page.screenshot({ path: `${OUT}/review-06-eksport.png`, fullPage: false });
    await page.locator('iframe[title="Drøftingspakke"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/review-07-utskrift.png` });

    await page.goto(`/#/avdeling/${unit.id}/ansatte`);
    await page.getByRole('button', { name: /Importer ansatte fra CSV eller Excel/ }).click();
    const rows = [
      'Navn;Yrke;Stillingsprosent;Ønsket stilling;Langvakt',
      'Mari Dahl;Sykepleier;80;100;ja',
      'Jon Eide;Hjelpepleier;120;;nei',
      'Siv Moe;Vaskehjelp;50;;nei',
      'Kari Nordmann;Sykepleier;60;;kanskje',
    ];
    await page
      .getByLabel('Fil med ansatte')
      .setInputFiles({ name: 'ansatte.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n'), 'utf8') });
    await expect(page.getByRole('alert', { name: 'Feil i filen' })).toBeVisible();
    await page.getByRole('region', { name: 'Importer ansatte' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/import-01-ansatte-feil.png`, fullPage: true });
    await page.getByLabel('Fil med ansatte').setInputFiles({
      name: 'ansatte.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([rows[0], rows[1], 'Jon Eide;Hjelpepleier;60;;nei', 'Siv Moe;Assistent;50;;nei'].join('\r\n'), 'utf8'),
    });
    await expect(page.getByText(/Ingen feil/)).toBeVisible();
    await page.screenshot({ path: `${OUT}/import-02-ansatte-ok.png`, fullPage: true });

    const res = await host.call<{ files: { base64: string }[] }>('exportPlan', plan.id, 'turnus');
    await page.goto('/');
    await page.getByRole('button', { name: /Importer en turnusfil/ }).click();
    await page
      .getByLabel('Turnusfil', { exact: true })
      .setInputFiles({ name: 'solsiden.turnus.json', mimeType: 'application/json', buffer: Buffer.from(res.files[0].base64, 'base64') });
    await expect(page.locator('.ex-summary')).toBeVisible();
    await page.screenshot({ path: `${OUT}/import-03-turnusfil.png`, fullPage: true });

    await page.goto(`/#/plan/${plan.id}`);
    await expect(page.getByRole('link', { name: 'Drøfting, versjoner og eksport' })).toBeVisible();
    await expect(page.locator('[data-cell]').first()).toBeVisible();
    await page.screenshot({ path: `${OUT}/review-00-turnus-lenker-og-kommentarmerke.png`, clip: { x: 0, y: 0, width: 1000, height: 520 } });
    await host.call('setUserName', null);
  });
});
