/**
 * Issue 18 in the browser: two scenarios of a 20-person, 6-month unit are plan variants in the
 * same workspace. «Langvakter hver 4. helg» (12,5 t) and «Hver 3. helg, 7,5 t» are made in the
 * Scenarioer tab, each opened as its own turnus (banner «Scenario: … (variant av …)»), filled
 * with «Fyll ut», and compared; the compared figures are the backend's and survive a reload.
 */
import type { Page } from '@playwright/test';
import { test, expect, uniq } from './fixtures';
import { seedUnit } from './seed';
import type { PlanSummary } from '../../shared/api';
import type { ScenarioSummary } from '../../shared/api/scenario';
import type { DemandRow } from '../../shared/plan/model';
import { COMPARISON_METRICS, formatMetric, savingWords, type ScenarioComparison } from '../../shared/scenario';

/** With TURNUS_SCREENSHOTS=1 the tests also write docs/screenshots/scenario-*.png. */
const SHOTS = !!process.env.TURNUS_SCREENSHOTS;

/** Weekends on 7,5 t shifts: D and A (the base the langvakt scenario converts to L). */
const DEMAND: DemandRow[] = [
  { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 1 },
  { dayType: 'weekday', shift: 'D', competence: 'any', count: 3 },
  { dayType: 'weekday', shift: 'A', competence: 'any', count: 2 },
  { dayType: 'weekday', shift: 'N', competence: 'any', count: 1 },
  ...(['saturday', 'sunday', 'holiday'] as const).flatMap((dayType) => [
    { dayType, shift: 'D', competence: 'any', count: 2 },
    { dayType, shift: 'A', competence: 'any', count: 2 },
    { dayType, shift: 'N', competence: 'any', count: 1 },
  ]),
];

async function makeScenario(page: Page, unitId: number, name: string, pick: (page: Page) => Promise<void>) {
  await page.goto(`/#/avdeling/${unitId}`);
  await page.getByRole('link', { name: 'Scenarioer', exact: true }).click();
  const form = page.getByRole('form', { name: 'Nytt scenario' });
  await form.getByLabel('Navn').fill(name);
  await pick(page);
  await form.getByRole('button', { name: 'Lag scenario' }).click();
  await expect(page.getByRole('heading', { name: `Scenario: ${name}` })).toBeVisible();
}

async function fillScenarioPlan(page: Page, name: string, basePlan: string, waitSaved: (p: Page) => Promise<void>) {
  await page.getByRole('link', { name: 'Åpne scenarioets turnus' }).click();
  await expect(page.getByRole('note', { name: 'Scenario' })).toContainText(`Scenario: ${name} (variant av ${basePlan})`);
  if (SHOTS) await page.screenshot({ path: 'docs/screenshots/scenario-egen-turnus.png' });
  await page.getByRole('button', { name: 'Fyll ut …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fyll ut turnusen' });
  await dialog.getByLabel('Fyll tomme ruter').check();
  await dialog.getByLabel('5 sekunder').check();
  await dialog.getByRole('button', { name: 'Start utfylling' }).click();
  const preview = page.getByRole('dialog', { name: 'Forslag fra «Fyll ut»' });
  await expect(preview).toBeVisible({ timeout: 60_000 });
  await preview.getByRole('button', { name: 'Bruk endringene' }).click();
  await expect(preview).toHaveCount(0);
  await waitSaved(page);
}

test('two scenarios as plan variants: made, filled, compared, and the figures kept after a reload', async ({ page, host, waitSaved }) => {
  test.setTimeout(240_000);
  const { unit, plan } = await seedUnit(host, { name: uniq('Pilot'), employees: 20, start: '2027-01-04', months: 6, fill: false });
  await host.call('setDemand', unit.id, DEMAND);
  await host.call('updateUnitSettings', unit.id, { weekendFrequency: 3 });

  const L4 = 'Langvakter hver 4. helg';
  const K3 = 'Hver 3. helg, 7,5 t';
  await makeScenario(page, unit.id, L4, async (p) => {
    await p.getByLabel('Start fra turnusplan').selectOption(String(plan.id));
    await p.getByLabel(/Langvakter i helgene/).check();
  });
  await fillScenarioPlan(page, L4, plan.name, waitSaved);
  await makeScenario(page, unit.id, K3, async (p) => {
    await p.getByLabel('Start fra turnusplan').selectOption(String(plan.id));
    await p.getByLabel('Helgerytme i scenarioet').selectOption('3');
  });
  await fillScenarioPlan(page, K3, plan.name, waitSaved);

  // The plans list holds only the real plan; the scenario plans are not mixed in.
  expect((await host.call<PlanSummary[]>('listPlans', unit.id)).map((p) => p.name)).toEqual([plan.name]);
  const list = await host.call<ScenarioSummary[]>('listScenarios', unit.id);
  const ids = [L4, K3].map((n) => list.find((s) => s.name === n)!.id);
  const filled = await Promise.all(
    list.map((s) => host.call<{ file: { assignments: unknown[]; unit: { weekendFrequency?: number } } }>('getPlan', s.planId)),
  );
  for (const f of filled) expect(f.file.assignments.length).toBeGreaterThan(1000);
  expect(filled.map((f) => f.file.unit.weekendFrequency).sort()).toEqual([3, 4]);

  await page.goto(`/#/avdeling/${unit.id}`);
  await page.getByRole('link', { name: 'Scenarioer', exact: true }).click();
  await page.getByLabel(`Velg ${L4} for sammenligning`).check();
  await page.getByLabel(`Velg ${K3} for sammenligning`).check();
  await page.getByRole('button', { name: 'Sammenlign valgte (2)' }).click();
  await expect(page.getByRole('heading', { name: 'Sammenligning av 2 scenarioer' })).toBeVisible();

  const expected = await host.call<ScenarioComparison>('compareScenarios', ids);
  const cell = (metric: string, scenario: string) => page.locator(`tr[data-metric="${metric}"] td[data-scenario="${scenario}"] .v`);
  const check = async () => {
    for (const key of [
      'helgetimer',
      'helger',
      'apne',
      'udekket',
      'betalt',
      'planlagt',
      'ikke-planlagt',
      'vikarkr',
      'feil',
      'netto',
      'netto-ar',
    ]) {
      const m = COMPARISON_METRICS.find((x) => x.key === key)!;
      await expect(cell(key, L4)).toHaveText(m.kind === 'saving' ? 'referanse' : formatMetric(m.kind, m.get(expected.rows[0])));
      await expect(cell(key, K3)).toHaveText(formatMetric(m.kind, m.get(expected.rows[1])));
    }
    // Money without double negatives; the Asker 2030 targets; a chart people would rather look at.
    await expect(cell('netto', K3)).toHaveText(/^(Sparer [\d\s]+ kr|Koster [\d\s]+ kr mer|Koster det samme)$/);
    await expect(page.locator('tr[data-metric="mal-heltidsandel"]')).toContainText('Asker 2030');
    await expect(page.locator('figure[data-chart="Helgetimer per person"] svg rect')).toHaveCount(2);
  };
  // Langvakter: fewer weekends per person than every 3rd weekend.
  expect(expected.rows[0].weekendsWorkedPerPerson).toBeLessThan(expected.rows[1].weekendsWorkedPerPerson);
  await check();
  await page.reload();
  await check();
  if (SHOTS) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: 'docs/screenshots/scenario-sammenligning-to-planer.png', fullPage: true });
  }
});

test('«Øk og planlegg»: the three part-timers are raised in the legal order and planned, each within 5 % or with a reason', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  const { unit, plan, employees } = await seedUnit(host, {
    name: uniq('Pilot'),
    employees: 20,
    start: '2027-01-04',
    months: 6,
    fill: true,
  });
  const s = await host.call<ScenarioSummary>('createScenario', { unitId: unit.id, planId: plan.id, name: 'Øk de tre' });
  const [anne, tor, ingrid] = [employees[4], employees[14], employees[2]];
  expect([anne.position, tor.position, ingrid.position]).toEqual([0.5, 0.5, 0.75]);
  await page.goto(`/#/scenario/${s.id}`);
  await page.getByLabel(`${ingrid.name} har fortrinnsrett`).check();
  const panel = page.getByRole('region', { name: 'Øk og planlegg' });
  for (const input of await panel.getByRole('textbox', { name: /^Ny stilling for / }).all()) await input.fill('');
  await panel.getByLabel(`Ny stilling for ${anne.name}`).fill('80');
  await panel.getByLabel(`Ny stilling for ${tor.name}`).fill('75');
  await panel.getByLabel(`Ny stilling for ${ingrid.name}`).fill('100');
  await panel.getByLabel('Tid til planleggingen').selectOption('10');
  await panel.getByRole('button', { name: 'Øk og planlegg' }).click();

  const result = panel.getByRole('table', { name: 'Resultat av stillingsøkningen' });
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result.locator('tbody tr')).toHaveCount(3);
  for (const e of [anne, tor, ingrid]) {
    const row = result.locator(`tr[data-raise="${e.name}"]`);
    if ((await row.getAttribute('data-planned')) === 'ja') await expect(row).toContainText('Planlagt innenfor 5 %');
    else await expect(row).toContainText(/Planen gir .* betalt uten planlagte vakter\. .+/);
  }
  await expect(result.locator(`tr[data-raise="${ingrid.name}"]`)).toContainText('75,0 % → 100,0 %');
  // Fortrinnsrett first in the log; the ledger shows its sum line and never a double negative.
  await page.getByText(/Hva endringene gjorde/).click();
  await expect(page.getByText(`1. ${ingrid.name}: stilling 75 % → 100 %`)).toBeVisible();
  // The raise alone first; the whole scenario says it includes re-planning the others; the parts add up.
  await expect(page.locator('[data-ledger-raise]')).toContainText(
    /^Stillingsøkningen alene \(3 personer\): (Sparer|Koster) .* i perioden \(\d+ dager\)/,
  );
  await expect(page.locator('[data-ledger-net]')).toContainText(
    /^Hele scenarioet \(stillingsøkning, omplanlegging av de andre\): (Sparer|Koster)/,
  );
  await expect(page.locator('[data-ledger-part="raise"]')).toContainText('Stillingsøkning for de økte (3)');
  await expect(page.locator('[data-ledger-part="others"]')).toContainText('Omplanlegging av de andre (17)');
  const detail = await host.call<{ comparison: ScenarioComparison }>('getScenario', s.id);
  const split = detail.comparison.rows[1].ledger.split;
  expect(split.parts[0].net.period + split.parts[1].net.period).toBeCloseTo(detail.comparison.rows[1].ledger.net.period, 2);
  await expect(page.locator('[data-ledger-part="sum"]')).toContainText(savingWords(detail.comparison.rows[1].ledger.net.period));
  if (split.warning) await expect(page.locator('[data-ledger-replan-warning]')).toHaveText(split.warning);
  // The Økonomi tab of the scenario's plan, against the real plan, shows the same split.
  const planId = (await host.call<{ planId: number }>('getScenario', s.id)).planId;
  await page.goto(`/#/plan/${planId}/nokkeltall/okonomi`);
  await page.getByRole('radio', { name: 'En annen turnusplan' }).check();
  await expect(page.locator('[data-ledger-split-headline]')).toHaveText(split.headline);
  await expect(page.locator('[data-ledger-part="raise"]')).toContainText(savingWords(split.parts[0].net.period));
  // «Per ansatt» lists the three raised, and its sum is the split's raise line.
  await expect(page.locator('[data-raise-person]')).toHaveCount(3);
  await expect(page.locator('[data-raise-sum] td').nth(6)).toContainText(savingWords(split.parts[0].net.period));
  await expect(page.locator('[data-raise-rule]')).toContainText('summen er linjen «Stillingsøkning»');
  await page.goto(`/#/scenario/${s.id}`);
  await expect(page.locator('[data-ledger="paidNotPlanned"]')).toBeVisible();
  await expect(page.locator('[data-ledger="tillegg"]')).toContainText('Tillegg: beregnes når satsene er lagt inn');
  await expect(page.getByRole('region', { name: 'Regnskap for scenarioet' })).not.toContainText('minus = merkostnad');
  if (SHOTS) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('region', { name: 'Regnskap for scenarioet' }).screenshot({ path: 'docs/screenshots/scenario-regnskap.png' });
    await panel.screenshot({ path: 'docs/screenshots/scenario-planlagt-okning.png' });
  }
});
