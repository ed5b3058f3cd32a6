/**
 * Issue 16, the forms and the words: each trap of the issue reproduced as a new user meets it,
 * and what the user sees after a reload.
 */
import { test, expect, cellOf, type Host } from './fixtures';
import type { PlanDetail, UnitDetail } from '../../shared/api';
import type { Employee } from '../../shared/plan/model';

async function seedUnit(host: Host, name: string) {
  const unit = await host.call<UnitDetail>('createUnit', name);
  const kari = await host.call<Employee>('addEmployee', unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 0.8 });
  return { unit, kari };
}

test('a shift of 0 or 24 hours is refused, in the form and by the API', async ({ page, host }) => {
  const { unit } = await seedUnit(host, 'Døgn ' + Date.now());
  await expect(host.call('saveShiftType', unit.id, { code: 'X', start: '08:00', end: '08:00' })).rejects.toThrow(
    /«Til»: kan ikke være lik starttiden/,
  );
  await page.goto(`/#/avdeling/${unit.id}/vakter`);
  const form = page.getByRole('form', { name: 'ny vakt' });
  await form.getByLabel('Kode').fill('X');
  await form.getByLabel('Start').fill('08:00');
  await form.getByLabel('Slutt').fill('08:00');
  await form.getByRole('button', { name: 'Legg til vakt' }).click();
  await expect(form.getByRole('alert')).toHaveText('Slutt kan ikke være lik start: en vakt må vare mer enn 0 og under 24 timer.');
  // A code that starts another code's letters is pointed out before saving.
  await form.getByLabel('Kode').fill('K');
  await expect(form.getByRole('status')).toContainText('KURS skrives da KU (nå K)');
  await page.reload();
  await expect(page.getByRole('form', { name: 'vakt X' })).toHaveCount(0);
});

test('bemanningsplan: every wrong cell at once beside it, totals, a date of its own from its day type, and a guard on unsaved edits', async ({
  page,
  host,
}) => {
  const { unit } = await seedUnit(host, 'Bemanning ' + Date.now());
  await page.goto(`/#/avdeling/${unit.id}/bemanningsplan`);
  const cell = (shift: string, comp: string, col: string) => page.getByLabel(`${shift} ${comp} ${col}`, { exact: true });
  await cell('D', 'Sykepleier', 'Hverdag').fill('999');
  await cell('D', 'Hvem som helst', 'Hverdag').fill('-1');
  await cell('A', 'Hvem som helst', 'Hverdag').fill('to');
  await cell('N', 'Hvem som helst', 'Hverdag').fill('1');
  await page.getByRole('button', { name: 'Lagre bemanningsplan' }).click();
  // All three messages at once, each in its cell; never an internal path.
  await expect(page.locator('.cell-error')).toHaveCount(3);
  await expect(cell('D', 'Sykepleier', 'Hverdag').locator('xpath=..')).toContainText('Antall personer kan være høyst 200.');
  await expect(cell('D', 'Hvem som helst', 'Hverdag').locator('xpath=..')).toContainText('Antall personer kan ikke være negativt.');
  await expect(cell('A', 'Hvem som helst', 'Hverdag').locator('xpath=..')).toContainText('Skriv et helt antall personer (0–200).');
  await expect(page.getByText('3 celler må rettes')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('rows[');

  await cell('D', 'Sykepleier', 'Hverdag').fill('1');
  await cell('D', 'Hvem som helst', 'Hverdag').fill('3');
  await cell('A', 'Hvem som helst', 'Hverdag').fill('2');
  await expect(page.locator('.cell-error')).toHaveCount(0);
  await expect(page.locator('[data-total="D Hverdag"]')).toHaveText('4');

  // Leaving with unsaved edits asks; «no» keeps the page and the edits.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole('link', { name: 'Ansatte' }).click();
  expect(asked).toContain('bemanningsplanen');
  await expect(cell('D', 'Hvem som helst', 'Hverdag')).toHaveValue('3');

  // A date of its own starts as the day type it replaces (24.12.2027 is a Friday), and can go.
  await page.getByLabel('Egen dato').fill('24.12.27');
  await page.getByRole('button', { name: 'Legg til dato' }).click();
  await expect(cell('D', 'Hvem som helst', 'fre. 24.12.2027')).toHaveValue('3');
  await expect(page.locator('[data-total="D fre. 24.12.2027"]')).toHaveText('4');
  await cell('D', 'Hvem som helst', 'fre. 24.12.2027').fill('1');
  await page.getByLabel('Egen dato').fill('31.12.2027');
  await page.getByRole('button', { name: 'Legg til dato' }).click();
  await page.getByRole('button', { name: 'Fjern fre. 31.12.2027' }).click();
  await expect(cell('D', 'Hvem som helst', 'fre. 31.12.2027')).toHaveCount(0);

  await page.getByRole('button', { name: 'Lagre bemanningsplan' }).click();
  await expect(page.getByText('Bemanningsplanen er lagret.')).toBeVisible();
  await page.reload();
  await expect(cell('D', 'Hvem som helst', 'Hverdag')).toHaveValue('3');
  await expect(cell('D', 'Hvem som helst', 'fre. 24.12.2027')).toHaveValue('1');
  await expect(page.locator('[data-total="D fre. 24.12.2027"]')).toHaveText('2');
  await expect(page.locator('[data-total="N Hverdag"]')).toHaveText('1');

  // Closing the window with unsaved edits asks too.
  await cell('N', 'Hvem som helst', 'Hverdag').fill('2');
  const before = new Promise<string>((res) =>
    page.once('dialog', (d) => {
      res(d.type());
      void d.accept();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await before).toBe('beforeunload');
});

test('ansatte: the same name twice warns, the delete dialog tells them apart, «Endre» shows the form', async ({ page, host }) => {
  const { unit } = await seedUnit(host, 'Navnelikhet ' + Date.now());
  for (let i = 0; i < 18; i++)
    await host.call('addEmployee', unit.id, { name: `Ansatt ${String(i + 1).padStart(2, '0')}`, competence: 'assistent', position: 0.5 });
  await page.goto(`/#/avdeling/${unit.id}/ansatte`);
  const form = page.getByRole('form', { name: 'Ny ansatt' });
  await form.getByLabel('Navn', { exact: true }).fill('kari nordmann');
  await expect(form).toContainText('Obs: Kari Nordmann (sykepleier, 80 %) heter det samme.');
  await form.getByLabel('Navn', { exact: true }).fill('Kari Nordmann');
  await form.getByLabel('Kompetanse').selectOption('helsefagarbeider');
  await form.getByLabel('Stillingsprosent', { exact: true }).fill('50');
  await form.getByRole('button', { name: 'Legg til ansatt' }).click();
  await expect(page.getByRole('table', { name: 'Ansatte' }).getByRole('cell', { name: 'Kari Nordmann', exact: true })).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Ansatte' })).toContainText('20 ansatte');

  let text = '';
  page.once('dialog', (d) => {
    text = d.message();
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Fjern Kari Nordmann' }).last().click();
  expect(text).toMatch(/Fjerne Kari Nordmann \((helsefagarbeider, 50 %|sykepleier, 80 %)\)/);
  expect(text).toContain('Vaktene til Kari Nordmann');
  expect(text).not.toContain('hennes/hans');

  await page.getByRole('button', { name: 'Endre Ansatt 03' }).click();
  const edit = page.getByRole('form', { name: 'Endre ansatt' });
  await expect(edit).toBeInViewport();
  await expect(edit.getByLabel('Navn', { exact: true })).toBeFocused();
  // A consent without its date is pointed out.
  await edit.getByLabel('Har samtykket til langvakter').check();
  await expect(edit).toContainText('Mangler: skriv datoen samtykket ble gitt');
  await edit.getByLabel('Dato for samtykke').fill('1.9.26');
  await edit.getByLabel('Dato for samtykke').blur();
  await expect(edit.getByLabel('Dato for samtykke')).toHaveValue('01.09.2026');
  await edit.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(page.getByRole('row', { name: /Ansatt 03/ })).toContainText('Ja (01.09.2026)'); // saved
  await page.reload();
  await expect(page.getByRole('row', { name: /Ansatt 03/ })).toContainText('Ja (01.09.2026)');
});

test('dates are typed the Norwegian way in any browser language; a summer vacation may cross the plan end', async ({ browser, host }) => {
  // An English browser: the date fields still show and read dd.mm.åååå, with Norwegian messages.
  const context = await browser.newContext({ locale: 'en-US', baseURL: host.url });
  const page = await context.newPage();
  const { unit, kari } = await seedUnit(host, 'Datoer ' + Date.now());
  // A new browser context has no token yet: open the host's link first, as the user does.
  await page.goto(host.link);
  await expect(page).toHaveURL(host.url);
  await page.goto(`/#/avdeling/${unit.id}`);
  const form = page.getByRole('form', { name: 'Ny turnusplan' });
  await form.getByLabel('Navn på planen').fill('Vår 2027');
  await expect(form.getByLabel('Første dag')).toHaveAttribute('placeholder', 'dd.mm.åååå');
  await form.getByLabel('Første dag').fill('31.02.2027');
  await form.getByLabel('Første dag').blur();
  await expect(form).toContainText('«Første dag»: 31.02.2027 finnes ikke i kalenderen.');
  await form.getByLabel('Første dag').fill('4.1.27');
  await form.getByLabel('Lengde').selectOption('3');
  await form.getByRole('button', { name: 'Opprett plan' }).click();
  await expect(page.getByText(/man\. 04\.01\.2027 – /)).toBeVisible();
  const planId = Number(/plan\/(\d+)/.exec(page.url())![1]);
  const plan = await host.call<PlanDetail>('getPlan', planId);
  expect(plan.start).toBe('2027-01-04');
  expect(plan.end < '2027-04-09').toBe(true);

  // Ferieønsker: a wish from 29.03 to 09.04 runs past the plan end; it is taken and clipped.
  await page.getByRole('button', { name: /Ferieønsker/ }).click();
  const wish = page.getByRole('form', { name: 'Nytt ferieønske' });
  await wish.getByLabel('Ansatt').selectOption({ label: 'Kari Nordmann' });
  await wish.getByLabel('Første feriedag').fill('29.03.2027');
  await wish.getByLabel('Siste feriedag').fill('9.4.2027');
  await expect(wish).toContainText('Ønsket går utenfor planen');
  await wish.getByRole('button', { name: 'Legg til ønske' }).click();
  await expect(page.getByRole('region', { name: 'Ferieønsker' })).toContainText('fre. 09.04.2027');
  const wishes = await host.call<{ start: string; end: string }[]>('listWishes', planId);
  expect(wishes).toMatchObject([{ start: '2027-03-29', end: '2027-04-09' }]);
  expect(kari.id).toBeTruthy();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Ferieønsker' })).toContainText('fre. 09.04.2027');
  await context.close();
});

test('the words: one employee, «avdeling», a plan file error with line and column, the user asked for a name once', async ({
  page,
  host,
  waitSaved,
}) => {
  const { unit } = await seedUnit(host, 'Ord ' + Date.now());
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Vår 2027', '2027-01-04', 3);
  await page.goto(`/#/plan/${plan.id}`);
  await expect(page.locator('.plan-head')).toContainText('1 ansatt ·');
  await expect(page.locator('.plan-head')).not.toContainText('1 ansatte');
  await expect(page.locator('body')).not.toContainText(/enhet/i);

  // The first edit asks which name the change log should carry; later edits carry it.
  await cellOf(page, 'Kari Nordmann', 0).click();
  await page.keyboard.press('d');
  const ask = page.getByRole('form', { name: 'Ditt navn i endringsloggen' });
  await expect(ask).toBeVisible();
  await ask.getByLabel('Ditt navn').fill('Lise Leder');
  await ask.getByRole('button', { name: 'Lagre navnet' }).click();
  await expect(ask).toBeHidden();
  await page.getByRole('grid').focus();
  await page.keyboard.press('a');
  await waitSaved(page);
  await page.reload();
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('A');
  await page.keyboard.press('n');
  await expect(page.getByRole('form', { name: 'Ditt navn i endringsloggen' })).toHaveCount(0);
  await page.goto(`/#/plan/${plan.id}/drofting/versjoner`);
  await expect(page.getByRole('table', { name: 'Endringslogg' })).toContainText('Lise Leder');

  // A plan file with a trailing comma: where, in Norwegian.
  await page.goto('/');
  await page.getByRole('button', { name: /Importer en turnusfil/ }).click();
  await page.getByLabel('Turnusfil', { exact: true }).setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "turnusplan",\n  "version": 1,\n}\n'),
  });
  const errors = page.getByRole('alert', { name: 'Feil i turnusfilen' });
  await expect(errors).toContainText('Filen er ikke gyldig JSON. Linje 4, kolonne 1:');
  await expect(errors).not.toContainText('Expected');
  await expect(errors).not.toContainText('position');
});
