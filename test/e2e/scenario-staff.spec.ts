/**
 * Issue 18 in the browser: a scenario's own staff. On the scenario page the leader adds a new
 * 80 % position, raises one person, takes one out and shortens the day shift; the unit's staff
 * and shift types stay as they were, the scenario's own turnus shows the new person, and
 * «Gjør til gjeldende plan» writes it all into the unit, with the real plan's change log
 * naming the scenario.
 */
import { test, expect, uniq } from './fixtures';
import { seedUnit } from './seed';
import type { UnitDetail } from '../../shared/api';
import type { ChangeLogEntry } from '../../shared/api/review';
import type { ScenarioSummary } from '../../shared/api/scenario';

/** With TURNUS_SCREENSHOTS=1 the test also writes docs/screenshots/scenario-ansatte.png. */
const SHOTS = !!process.env.TURNUS_SCREENSHOTS;

test('a scenario adds, changes and takes out staff and shortens a shift without touching the unit until it is made current', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const { unit, plan, employees } = await seedUnit(host, { name: uniq('Lia'), employees: 8, start: '2027-01-04', months: 3, fill: true });
  const before = await host.call<UnitDetail>('getUnit', unit.id);
  const s = await host.call<ScenarioSummary>('createScenario', { unitId: unit.id, planId: plan.id, name: 'Ny 80 %-stilling' });
  const [raised, out] = [employees.find((e) => e.position === 0.5)!, employees[1]];
  page.on('dialog', (d) => void d.accept());

  await page.goto(`/#/scenario/${s.id}`);
  const panel = page.getByRole('region', { name: 'Ansatte og vakttyper i scenarioet' });
  await expect(panel.getByRole('table', { name: 'Ansatte i scenarioet' }).locator('tbody tr')).toHaveCount(8);

  // A new 80 % position.
  await panel.getByRole('button', { name: 'Legg til ansatt (ny stilling) i scenarioet' }).click();
  const form = panel.getByRole('form', { name: 'Ny ansatt i scenarioet' });
  await form.getByLabel('Navn (ny ansatt)').fill('Nina Ny');
  await form.getByLabel('Stillingsprosent (ny ansatt)', { exact: true }).fill('80');
  await form.getByLabel('Helgegruppe (ny ansatt)').fill('2');
  await form.getByRole('button', { name: 'Legg til i scenarioet' }).click();
  await expect(panel.locator('tr[data-scenario-person="Nina Ny"]')).toContainText('80,0 %');

  // A raise to 80 % and a person taken out.
  await panel.getByRole('button', { name: `Endre ${raised.name} i scenarioet` }).click();
  await panel.getByLabel(`Stillingsprosent (${raised.name})`, { exact: true }).fill('80');
  await panel.getByRole('button', { name: 'Lagre i scenarioet' }).click();
  await expect(panel.locator(`tr[data-scenario-person="${raised.name}"]`)).toContainText('80,0 %');
  await panel.getByRole('button', { name: `Ta ${out.name} ut av scenarioet` }).click();
  await expect(panel.locator(`tr[data-scenario-person="${out.name}"]`)).toHaveCount(0);

  // The day shift ends at 14:30 in the scenario.
  const d = panel.locator('tr[data-shift="D"]');
  await d.getByLabel('Til (D)').fill('14:30');
  await d.getByRole('button', { name: 'Lagre D' }).click();
  await expect(d.getByLabel('Til (D)')).toHaveValue('14:30');
  await expect(d.getByRole('button', { name: 'Lagre D' })).toHaveCount(0);
  if (SHOTS) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await panel.screenshot({ path: 'docs/screenshots/scenario-ansatte.png' });
  }

  // The unit never saw it; the scenario's own turnus has Nina and not the one taken out.
  expect(await host.call<UnitDetail>('getUnit', unit.id)).toMatchObject({ employees: before.employees, shiftTypes: before.shiftTypes });
  await page.getByRole('link', { name: 'Åpne scenarioets turnus' }).first().click();
  await expect(page.getByRole('note', { name: 'Scenario' })).toBeVisible();
  await expect(page.locator('[role="rowheader"][data-name="Nina Ny"]')).toBeVisible();
  await expect(page.locator(`[role="rowheader"][data-name="${out.name}"]`)).toHaveCount(0);
  await page.getByRole('button', { name: /Plan opprettet/ }).click();
  await expect(page.getByRole('link', { name: 'Ansatte og vakttyper i scenarioet' })).toBeVisible();
  await page.getByRole('link', { name: 'Ansatte og vakttyper i scenarioet' }).click();

  // «Gjør til gjeldende plan».
  await page.getByRole('button', { name: 'Gjør til gjeldende plan' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Scenarioet er nå gjeldende plan.' });
  await expect(done).toContainText('Ny ansatt i avdelingen: Nina Ny');
  await expect(done).toContainText(`${raised.name}: stilling 50 % → 80 %`);
  const after = await host.call<UnitDetail>('getUnit', unit.id);
  expect(after.employees.find((e) => e.name === 'Nina Ny')).toMatchObject({ position: 0.8, weekendGroup: 1 });
  expect(after.employees.find((e) => e.id === raised.id)!.position).toBe(0.8);
  expect(after.employees.some((e) => e.id === out.id)).toBe(true);
  expect(after.shiftTypes.find((x) => x.code === 'D')!.end).toBe('14:30');
  const log = await host.call<ChangeLogEntry[]>('listChangeLog', plan.id, 5000);
  expect(log.find((e) => e.kind === 'plan')!.detail).toContain('Scenarioet «Ny 80 %-stilling» er gjort til gjeldende plan');
  expect(log.filter((e) => e.kind === 'cell' && e.detail === 'Fra scenarioet «Ny 80 %-stilling»').length).toBeGreaterThan(0);
});
