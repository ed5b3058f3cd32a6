/**
 * «Fyll ut» (issue 6) in the browser: a small unit with a bemanningsplan and an empty plan is
 * seeded through the API; the department head runs the generator with a short budget, watches
 * the progress, reads the preview (open shifts with reasons, rule check 0), applies it, undoes
 * it in one step, redoes it, reloads and finds the cells saved. A pinned cell and registered
 * ferie are never touched; «Avbryt» keeps the best plan so far as a preview and changes nothing.
 * With TURNUS_SCREENSHOTS=1 it also writes docs/screenshots/fyll-ut-*.png.
 */
import { test, expect, uniq, expectCell, cellOf } from './fixtures';
import type { Host } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import type { CellChange, PlanDetail, UnitDetail } from '../../shared/api';
import type { Employee } from '../../shared/plan/model';
import { addDays } from '../../shared/calendar';
import { indexPlan } from '../../shared/plan/plan-index';
import { plannedHours, targetHours } from '../../shared/plan/hours';

const SHOTS = !!process.env.TURNUS_SCREENSHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `docs/screenshots/fyll-ut-${name}.png` });
};
// For the pictures, the one-time «what is your name» question (daily-use-forms.spec.ts) is answered.
if (SHOTS) test.beforeEach(({ page }) => page.evaluate(() => localStorage.setItem('turnus.userNameAsked', '1')));

const START = '2027-01-04'; // a Monday
const PEOPLE: { name: string; competence: string; position: number }[] = [
  { name: 'Kari Sykepleier', competence: 'sykepleier', position: 1 },
  { name: 'Siri Sykepleier', competence: 'sykepleier', position: 0.8 },
  { name: 'Ola Fagarbeider', competence: 'helsefagarbeider', position: 1 },
  { name: 'Anne Fagarbeider', competence: 'helsefagarbeider', position: 0.75 },
  { name: 'Per Fagarbeider', competence: 'helsefagarbeider', position: 0.6 },
  { name: 'Liv Fagarbeider', competence: 'helsefagarbeider', position: 1 },
  { name: 'Tor Assistent', competence: 'assistent', position: 0.5 },
  { name: 'Åse Assistent', competence: 'assistent', position: 0.8 },
];

interface Seeded {
  unit: UnitDetail;
  plan: PlanDetail;
  emp: Employee[];
  pinned: CellChange;
  ferie: CellChange[];
}

/**
 * Empty 3-month plan; the bemanningsplan asks for a sykepleier on every night although only two
 * are employed, so some shifts must stay open (and be explained). Kari has a pinned A on day 2,
 * Ola registered ferie on days 7–13.
 */
async function seedEmpty(host: Host, name: string): Promise<Seeded> {
  const unit = await host.call<UnitDetail>('createUnit', name);
  const emp: Employee[] = [];
  for (const [i, p] of PEOPLE.entries()) {
    emp.push(
      await host.call<Employee>('addEmployee', unit.id, {
        ...p,
        consentsLongShifts: true,
        longShiftConsentDate: '2026-09-01',
        weekendGroup: i % 3,
      }),
    );
  }
  await host.call('updateUnitSettings', unit.id, { weekendFrequency: 3 });
  await host.call('setDemand', unit.id, [
    { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 1 },
    { dayType: 'weekday', shift: 'D', competence: 'any', count: 1 },
    { dayType: 'weekday', shift: 'A', competence: 'any', count: 1 },
    { dayType: 'weekday', shift: 'N', competence: 'sykepleier', count: 1 },
    { dayType: 'saturday', shift: 'L', competence: 'any', count: 2 },
    { dayType: 'saturday', shift: 'N', competence: 'sykepleier', count: 1 },
    { dayType: 'sunday', shift: 'L', competence: 'any', count: 2 },
    { dayType: 'sunday', shift: 'N', competence: 'sykepleier', count: 1 },
    { dayType: 'holiday', shift: 'L', competence: 'any', count: 2 },
    { dayType: 'holiday', shift: 'N', competence: 'sykepleier', count: 1 },
  ]);
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Vinter 2027', START, 3);
  const pinned: CellChange = { employeeId: emp[0].id, date: addDays(START, 2), code: 'A', pinned: true };
  const ferie: CellChange[] = [];
  for (let d = 7; d <= 13; d++) ferie.push({ employeeId: emp[2].id, date: addDays(START, d), code: 'FE' });
  await host.call('setCells', plan.id, [pinned, ...ferie]);
  return { unit, plan: await host.call<PlanDetail>('getPlan', plan.id), emp, pinned, ferie };
}

const assignments = async (host: Host, planId: number) => (await host.call<PlanDetail>('getPlan', planId)).file.assignments;

async function openDialog(page: Page, planId: number) {
  await page.goto(`/#/plan/${planId}`);
  await expect(page.getByRole('button', { name: 'Fyll ut …' })).toBeVisible();
  await page.getByRole('button', { name: 'Fyll ut …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fyll ut turnusen' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Runs «Fyll ut» for 5 seconds and returns its preview, which has no hard-rule breach. */
async function runFiveSeconds(page: Page, dialog: Locator) {
  await dialog.getByLabel('5 sekunder').check();
  await dialog.getByRole('button', { name: 'Start utfylling' }).click();
  const preview = page.getByRole('dialog', { name: 'Forslag fra «Fyll ut»' });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByTestId('gen-rulecheck')).toContainText('0 brudd på harde regler');
  return preview;
}

test('Fyll ut: progress, preview with reasons, apply, one-step undo, redo and reload', async ({ page, host, waitSaved }) => {
  const s = await seedEmpty(host, uniq('Fyll ut'));
  // Siri has asked for ferie on days 21–23; nobody has answered yet.
  await host.call('addWish', s.plan.id, { employeeId: s.emp[1].id, start: addDays(START, 21), end: addDays(START, 23) });
  const dialog = await openDialog(page, s.plan.id);
  await expect(dialog.getByLabel(/Prøv å gi fri der ansatte har ferieønsker som ikke er behandlet ennå \(1 ønske\)/)).toBeChecked();
  // The promise about pinned cells and absence is on the first screen.
  await expect(dialog.getByRole('note')).toContainText('låste ruter (1 i denne planen)');
  await expect(dialog.getByRole('note')).toContainText('fravær som ferie, kurs og permisjon (7 ruter)');
  await shot(page, '1-valg');
  await dialog.getByLabel('Fyll tomme ruter').check();
  await dialog.getByLabel('5 sekunder').check();
  // «Tillatt over måltimer» starts at the solver's default; a bad value is named, a tighter one is used.
  await expect(dialog.getByLabel('Prosent av måltimene')).toHaveValue('5');
  await expect(dialog.getByLabel('Minst antall timer')).toHaveValue('0');
  await dialog.getByLabel('Prosent av måltimene').fill('-5');
  await dialog.getByRole('button', { name: 'Start utfylling' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('«Tillatt over måltimer» må være en prosent fra 0 til 100, for eksempel 5.');
  await expect(dialog.getByLabel('Prosent av måltimene')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Prosent av måltimene').fill('2,5');
  await dialog.getByLabel('Minst antall timer').fill('2');
  await dialog.getByRole('button', { name: 'Start utfylling' }).click();

  const running = page.getByRole('dialog', { name: 'Turnus lager et forslag …' });
  await expect(running.getByTestId('gen-progress')).toContainText(/Udekkede vakter: \d+ · Regelbrudd: \d+/);
  await expect(running.getByTestId('gen-elapsed')).toContainText(/Tid brukt: \d+ av 5 sekunder/);
  await shot(page, '2-fremdrift');

  const preview = page.getByRole('dialog', { name: 'Forslag fra «Fyll ut»' });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview).toContainText('Ingenting er endret i planen ennå.');
  await expect(preview.getByTestId('gen-rulecheck')).toContainText('0 brudd på harde regler');
  await expect(preview.locator('[data-kpi="hard"] b')).toHaveText('0');
  // Two sykepleiere cannot cover every night: the open shifts are listed with a reason each.
  const open = preview.getByRole('list', { name: 'Udekkede vakter' });
  await expect(open.locator('li').first()).toContainText(/[DANL]-vakt · sykepleier/);
  await expect(open.locator('li').first()).toContainText(/Ingen sykepleier (er ledig|kunne ta)/);
  const changes = Number((await preview.locator('[data-kpi="changes"] b').textContent())!.replace(/\s/g, ''));
  expect(changes).toBeGreaterThan(50);
  // Per employee: hours before → after; the employee on ferie is still in the list.
  const table = preview.getByRole('table', { name: 'Endringer per ansatt' });
  await expect(table.locator('[data-employee="Ola Fagarbeider"] [data-stat="hours"]')).toContainText('→');
  // The hours figures: the largest deviation from target hours, under the tolerance that was used.
  const hours = preview.getByTestId('gen-hours');
  await expect(hours).toContainText(/Største avvik fra måltimer: \d+,\d t/);
  await expect(hours).toContainText('tillatt over måltimer: 2,5 % av måltimene, minst 2 t');
  const largest = /Største avvik fra måltimer: (\d+,\d) t/.exec((await hours.textContent())!)![1];
  await shot(page, '3-forslag');
  await expect(preview.getByTestId('gen-open-sum')).toContainText(/Mest mangler: \d+ [DANL]-vakt(er)? \(sykepleier\)/);
  if (SHOTS) {
    await preview.getByRole('heading', { name: /Vakter som fortsatt mangler folk/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shot(page, '3b-aapne-vakter');
  }
  // The wished days are free in the proposal, or the preview says why not.
  const siri = await preview
    .getByRole('table', { name: 'Endringer per ansatt' })
    .locator('[data-employee="Siri Sykepleier"] li')
    .allTextContents();
  const wishedWorked = siri.filter((t) => [21, 22, 23].some((d) => t.includes(addDays(START, d).split('-').reverse().join('.'))));
  if (wishedWorked.length)
    await expect(preview.getByRole('list', { name: 'Ønsker som ikke ble innfridd' })).toContainText('Siri Sykepleier');
  // Nothing was written before «Bruk endringene».
  expect(await assignments(host, s.plan.id)).toHaveLength(8);

  await preview.getByRole('button', { name: 'Bruk endringene' }).click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'fylt ut' })).toContainText(`${changes} ruter fylt ut`);
  await waitSaved(page);
  await shot(page, '4-brukt');
  let saved = await assignments(host, s.plan.id);
  expect(saved).toHaveLength(8 + changes);
  // The pinned A and the ferie are untouched.
  expect(saved.find((a) => a.employee === s.pinned.employeeId && a.date === s.pinned.date)).toMatchObject({ code: 'A', pinned: true });
  for (const f of s.ferie) expect(saved.find((a) => a.employee === f.employeeId && a.date === f.date)?.code).toBe('FE');

  // One «Angre» takes the whole generated batch away again.
  await page.getByRole('button', { name: 'Angre', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'angret' })).toHaveText(
    'Utfyllingen er angret. «Gjør om» (Ctrl+Y) legger den inn igjen.',
  );
  await waitSaved(page);
  saved = await assignments(host, s.plan.id);
  expect(saved).toHaveLength(8);
  expect(saved.filter((a) => a.code !== 'FE').map((a) => a.code)).toEqual(['A']);

  // Ctrl+Y brings it back; after a reload the cells are there and the rule check is clean.
  await page.getByRole('button', { name: 'Gjør om', exact: true }).focus();
  await page.keyboard.press('Control+y');
  await expect(page.getByRole('status').filter({ hasText: 'fylt ut' })).toContainText(`${changes} ruter fylt ut`);
  await waitSaved(page);
  expect(await assignments(host, s.plan.id)).toHaveLength(8 + changes);
  // The saved plan has the largest deviation the preview showed, and nobody above target + 2,5 % (at least 2 t).
  const file = (await host.call<PlanDetail>('getPlan', s.plan.id)).file;
  const idx = indexPlan(file);
  const diffs = file.employees.map((e) => ({
    name: e.name,
    diff: plannedHours(idx, e.id) - targetHours(idx, e.id),
    target: targetHours(idx, e.id),
  }));
  expect(
    Math.max(...diffs.map((d) => Math.abs(d.diff)))
      .toFixed(1)
      .replace('.', ','),
  ).toBe(largest);
  for (const d of diffs)
    expect({ name: d.name, within: d.diff <= Math.max(0.025 * d.target, 2) + 1e-6 }).toEqual({ name: d.name, within: true });
  await page.reload();
  await expectCell(page, 'Kari Sykepleier', 2, 'A');
  await expectCell(page, 'Ola Fagarbeider', 8, 'FE');
  // The grid's rule check: no hard-rule breaches (a merknad about ferie may remain).
  await expect(page.getByRole('complementary', { name: 'Regelsjekk' })).toContainText(/Ingen brudd|(?<!\d)0 brudd/);
});

test('Fyll ut: «Avbryt» keeps the best plan so far as a preview; «Forkast» changes nothing', async ({ page, host }) => {
  const s = await seedEmpty(host, uniq('Avbryt'));
  const dialog = await openDialog(page, s.plan.id);
  await dialog.getByLabel('1 minutt').check();
  await dialog.getByRole('button', { name: 'Start utfylling' }).click();
  const running = page.getByRole('dialog', { name: 'Turnus lager et forslag …' });
  await expect(running.getByTestId('gen-progress')).toContainText('Udekkede vakter:');
  await running.getByRole('button', { name: 'Avbryt' }).click();
  const preview = page.getByRole('dialog', { name: 'Forslag fra «Fyll ut»' });
  await expect(preview).toBeVisible({ timeout: 15_000 });
  await expect(preview).toContainText('Du avbrøt søket etter');
  await expect(preview).toContainText('Dette er det beste forslaget Turnus fant så langt.');
  await expect(preview.getByTestId('gen-rulecheck')).toContainText('0 brudd på harde regler');
  await shot(page, '5-avbrutt');
  await preview.getByRole('button', { name: 'Forkast' }).click();
  await expect(preview).toHaveCount(0);
  expect(await assignments(host, s.plan.id)).toHaveLength(8);
  await expect(page.getByRole('button', { name: 'Angre', exact: true })).toBeDisabled();
});

test('Fyll ut: «Tråder» starts at all cores but one, keeps the choice after a reload and runs on it', async ({ page, host }) => {
  const s = await seedEmpty(host, uniq('Tråder'));
  let dialog = await openDialog(page, s.plan.id);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency || 1);
  await expect(dialog.getByLabel('Tråder')).toHaveValue(String(Math.max(1, cores - 1)));
  await expect(dialog.getByLabel('Tråder').locator('option')).toHaveCount(cores);
  await dialog.getByLabel('Tråder').selectOption(String(cores));
  await dialog.getByRole('button', { name: 'Lukk' }).click();
  await page.reload();
  dialog = await openDialog(page, s.plan.id);
  await expect(dialog.getByLabel('Tråder')).toHaveValue(String(cores));
  await runFiveSeconds(page, dialog);
});

test('Fyll ut: re-planning a period needs a valid from–to range, named in Norwegian', async ({ page, host }) => {
  const s = await seedEmpty(host, uniq('Periode'));
  const dialog = await openDialog(page, s.plan.id);
  await dialog.getByLabel('Planlegg en periode på nytt').check();
  await dialog.getByLabel('Fra og med').fill('2027-02-10');
  await dialog.getByLabel('Til og med').fill('2027-02-01');
  await dialog.getByRole('button', { name: 'Start utfylling' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Til-dato kan ikke være før fra-dato.');
  await expect(dialog.getByLabel('Til og med')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Lukk' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await assignments(host, s.plan.id)).toHaveLength(8);
});

test('Lås vakter: a shift locked in the grid survives «Planlegg en periode på nytt»', async ({ page, host, waitSaved }) => {
  const s = await seedEmpty(host, uniq('Lås'));
  // Siri has an N on day 15 (not locked) and a D on day 16 that the department head locks.
  await host.call('setCells', s.plan.id, [
    { employeeId: s.emp[1].id, date: addDays(START, 15), code: 'N' },
    { employeeId: s.emp[1].id, date: addDays(START, 16), code: 'D' },
  ]);
  await page.goto(`/#/plan/${s.plan.id}`);
  await expectCell(page, 'Siri Sykepleier', 16, 'D');
  await cellOf(page, 'Siri Sykepleier', 16).click();
  await page.getByRole('button', { name: 'Lås vakter' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'låst' })).toHaveText('1 vakt låst (mørk ramme). «Fyll ut» endrer den aldri.');
  await expect(page.getByRole('button', { name: 'Lås opp' })).toBeVisible();
  await expect(cellOf(page, 'Siri Sykepleier', 16)).toHaveAttribute('data-marks', 'låst');
  await expect(cellOf(page, 'Siri Sykepleier', 15)).not.toHaveAttribute('data-marks', /./);
  let saved = await assignments(host, s.plan.id);
  expect(saved.find((a) => a.employee === s.emp[1].id && a.date === addDays(START, 16))).toMatchObject({ code: 'D', pinned: true });
  await shot(page, '6-laast-vakt');

  await page.getByRole('button', { name: 'Fyll ut …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fyll ut turnusen' });
  await expect(dialog.getByRole('note')).toContainText('låste ruter (2 i denne planen)');
  await dialog.getByLabel('Planlegg en periode på nytt').check();
  await dialog.getByLabel('Fra og med').fill(addDays(START, 14));
  await dialog.getByLabel('Til og med').fill(addDays(START, 27));
  const preview = await runFiveSeconds(page, dialog);
  await preview.getByRole('button', { name: 'Bruk endringene' }).click();
  await waitSaved(page);
  saved = await assignments(host, s.plan.id);
  expect(saved.find((a) => a.employee === s.emp[1].id && a.date === addDays(START, 16))).toMatchObject({ code: 'D', pinned: true });
  // Nothing outside the period changed: no shift before day 14 except the seeded pinned A and ferie.
  const outside = saved.filter((a) => a.date < addDays(START, 14) || a.date > addDays(START, 27));
  expect(outside).toHaveLength(8);
});

test('Fyll ut: «Reparer regelbrudd» removes a rest-time breach and shows before → after', async ({ page, host, waitSaved }) => {
  const s = await seedEmpty(host, uniq('Reparer'));
  // Siri: N on day 15 followed by D on day 16 breaks the daily rest (aml § 10-8 (1)).
  await host.call('setCells', s.plan.id, [
    { employeeId: s.emp[1].id, date: addDays(START, 15), code: 'N' },
    { employeeId: s.emp[1].id, date: addDays(START, 16), code: 'D' },
  ]);
  const dialog = await openDialog(page, s.plan.id);
  await dialog.getByLabel('Reparer regelbrudd').check();
  await expect(dialog).toContainText('Planen har nå 1 regelbrudd.');
  const preview = await runFiveSeconds(page, dialog);
  await expect(preview.getByTestId('gen-rulecheck')).toContainText('Før: 1 brudd.');
  await preview.getByRole('button', { name: 'Bruk endringene' }).click();
  await waitSaved(page);
  await expect(page.getByRole('complementary', { name: 'Regelsjekk' })).toContainText(/Ingen brudd|(?<!\d)0 brudd/);
  // The pinned A and the ferie are still there.
  const saved = await assignments(host, s.plan.id);
  expect(saved.find((a) => a.employee === s.pinned.employeeId && a.date === s.pinned.date)).toMatchObject({ code: 'A', pinned: true });
  expect(saved.filter((a) => a.code === 'FE')).toHaveLength(7);
});
