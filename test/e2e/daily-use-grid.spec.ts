/**
 * Issue 16, the grid as a tired department head meets it: each trap of the issue, reproduced
 * with mouse and keyboard, and what the user sees after a reload.
 */
import { test, expect, cellOf, statOf, type Host } from './fixtures';
import type { Page } from '@playwright/test';
import type { PlanDetail, UnitDetail } from '../../shared/api';
import type { Employee } from '../../shared/plan/model';
import { DEMAND } from './seed';

async function seed(host: Host, name: string, months: 3 | 6 = 6, shiftTypes?: { code: string; start: string; end: string }[]) {
  const unit = await host.call<UnitDetail>('createUnit', name);
  const kari = await host.call<Employee>('addEmployee', unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 0.8 });
  const ola = await host.call<Employee>('addEmployee', unit.id, {
    name: 'Ola Hansen',
    competence: 'helsefagarbeider',
    position: 0.5,
    consentsLongShifts: true,
    longShiftConsentDate: '2026-09-01',
  });
  for (const s of shiftTypes ?? []) await host.call('saveShiftType', unit.id, s);
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Vår 2027', '2027-01-04', months);
  return { unit, plan, kari, ola };
}

/**
 * For every date shown in the header and in view: how far (px) it stands from where the body
 * shows that day (the body's DOM cell of the first row where rendered, else the body's own
 * column position). 0 everywhere when header and body share one scroll position.
 */
async function headerOffset(page: Page, start: string): Promise<{ worst: number; checked: number; firstDate: string | null }> {
  await page.waitForTimeout(200); // the body's DOM cells follow once scrolling has settled
  return page.evaluate((start) => {
    const body = document.querySelector<HTMLElement>('.grid-scroll')!;
    const box = body.getBoundingClientRect();
    const t0 = Date.parse(start);
    let worst = 0,
      checked = 0;
    let firstDate: string | null = null;
    for (const h of document.querySelectorAll<HTMLElement>('.ghead-days .hcell.dt')) {
      const r = h.getBoundingClientRect();
      if (r.right <= box.left || r.left >= box.left + body.clientWidth) continue;
      const date = h.dataset.date!;
      const c = Math.round((Date.parse(date) - t0) / 86_400_000);
      const cell = document.querySelector<HTMLElement>(`.grow [data-c="${c}"]`);
      const x = cell ? cell.getBoundingClientRect().left : box.left + body.clientLeft + c * 34 - body.scrollLeft;
      worst = Math.max(worst, Math.abs(r.left - x));
      checked++;
      if (r.left >= box.left - 1 && (firstDate === null || date < firstDate)) firstDate = date;
    }
    return { worst, checked, firstDate };
  }, start);
}

test('header and body never part: Tab through every header button, «Gå til», Home; the month is kept after a reload', async ({
  page,
  host,
}) => {
  const { plan } = await seed(host, 'Topptekst ' + Date.now());
  await page.goto(`/#/plan/${plan.id}`);
  await expect(cellOf(page, 'Kari Nordmann', 0)).toBeVisible();

  // From «Hurtigtaster» the Tab key walks into the header's week buttons, one by one.
  await page.getByRole('button', { name: 'Hurtigtaster' }).focus();
  let inHeader = 0,
    scrolled = 0;
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() =>
      document.activeElement?.closest('.ghead-days') ? 'head' : (document.activeElement?.className ?? ''),
    );
    if (where !== 'head') {
      if (inHeader > 0) break;
      continue;
    }
    inHeader++;
    const o = await headerOffset(page, plan.start);
    expect(o.checked).toBeGreaterThan(10);
    expect(o.worst, `week button ${inHeader}`).toBeLessThan(1);
    scrolled = Math.max(scrolled, await page.locator('.grid-scroll').evaluate((el) => el.scrollLeft));
  }
  // The week buttons of the weeks rendered (the grid is virtualised), the last ones out of view.
  expect(inHeader).toBeGreaterThanOrEqual(4);
  expect(scrolled).toBeGreaterThan(0);

  // «Gå til måned: april» moves header and body together.
  await page.getByLabel('Gå til').selectOption({ label: 'april 2027' });
  await expect(page.locator('.cursor-info')).toContainText('01.04.2027');
  let o = await headerOffset(page, plan.start);
  expect(o.worst).toBeLessThan(1);
  expect(o.firstDate! >= '2027-03-01' && o.firstDate! <= '2027-04-01').toBe(true);

  // Home in the grid, then the mouse wheel: still together.
  await page.keyboard.press('Home');
  expect((await headerOffset(page, plan.start)).worst).toBeLessThan(1);
  await page.locator('.grid-scroll').hover();
  await page.mouse.wheel(34 * 40, 0);
  o = await headerOffset(page, plan.start);
  expect(o.worst).toBeLessThan(1);
  const shown = o.firstDate!;

  // After a reload the same month is in view, header and body together.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.locator('.grow').first()).toBeVisible();
  o = await headerOffset(page, plan.start);
  expect(o.worst).toBeLessThan(1);
  expect(o.firstDate).toBe(shown);
});

test('a palette code paints one stroke; the next click only looks (also after a reload)', async ({ page, host, waitSaved }) => {
  const { plan, kari } = await seed(host, 'Pensel ' + Date.now(), 3);
  await host.call('setCells', plan.id, [{ employeeId: kari.id, date: '2027-01-05', code: 'D' }]);
  await page.goto(`/#/plan/${plan.id}`);
  const palette = page.getByRole('toolbar', { name: 'Vaktkoder' });
  await palette.getByRole('button', { name: 'L', exact: true }).click();
  await expect(palette.getByRole('button', { name: 'L', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await cellOf(page, 'Ola Hansen', 5).click();
  await expect(cellOf(page, 'Ola Hansen', 5)).toHaveText('L');
  // The stroke is over: the palette is back on «Marker».
  await expect(palette.getByRole('button', { name: 'Marker' })).toHaveAttribute('aria-pressed', 'true');
  // A click «to look at» Kari's D leaves it.
  await cellOf(page, 'Kari Nordmann', 1).click();
  await expect(page.locator('.cursor-info')).toContainText('Kari Nordmann · tir. 05.01.2027 · D 07:30–15:00');
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('D');
  await waitSaved(page);
  await page.reload();
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('D');
  await expect(cellOf(page, 'Ola Hansen', 5)).toHaveText('L');
});

test('cells copied from a spreadsheet paste from the cursor; unknown codes are shown first and left out', async ({
  page,
  host,
  waitSaved,
}) => {
  const { plan } = await seed(host, 'Regneark ' + Date.now(), 3);
  await page.goto(`/#/plan/${plan.id}`);
  await cellOf(page, 'Kari Nordmann', 0).click();
  const paste = (text: string) =>
    page.locator('.grid-scroll').evaluate((el, text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
  // What Excel puts on the clipboard: tabs between cells, CRLF after each row, lower case allowed.
  await paste('d\tA\tX\r\nN\t\tfe\r\n');
  const preview = page.getByRole('alertdialog', { name: 'Lime inn fra regneark' });
  await expect(preview).toContainText('2 rader × 3 dager');
  await expect(preview).toContainText('«X» (1 celle)');
  await preview.getByRole('button', { name: 'Lim inn de kjente kodene' }).click();
  await expect(preview).toBeHidden();
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('D');
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('A');
  await expect(cellOf(page, 'Kari Nordmann', 2)).toHaveText('');
  await expect(cellOf(page, 'Ola Hansen', 0)).toHaveText('N');
  await expect(cellOf(page, 'Ola Hansen', 2)).toHaveText('FE');
  await expect(page.locator('.cursor-info')).toContainText('6 celler markert');

  // Known codes only: written at once, one undo step.
  await cellOf(page, 'Kari Nordmann', 7).click();
  await paste('L\tL\n');
  await expect(cellOf(page, 'Kari Nordmann', 8)).toHaveText('L');
  await page.getByRole('button', { name: 'Angre' }).click();
  await expect(cellOf(page, 'Kari Nordmann', 7)).toHaveText('');

  await waitSaved(page);
  await page.reload();
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('A');
  await expect(cellOf(page, 'Ola Hansen', 2)).toHaveText('FE');
  await expect(cellOf(page, 'Kari Nordmann', 8)).toHaveText('');
});

test('a skip link is the first Tab stop and lands in the grid', async ({ page, host }) => {
  const { plan } = await seed(host, 'Snarvei ' + Date.now(), 3);
  await page.goto(`/#/plan/${plan.id}`);
  await expect(cellOf(page, 'Kari Nordmann', 0)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Gå til rutenettet' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('grid')).toBeFocused();
  await page.keyboard.press('a');
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('A');
});

test('a shift code K never silently takes KURS: palette and help show the keys, both can be typed', async ({ page, host, waitSaved }) => {
  const { plan } = await seed(host, 'Kurs ' + Date.now(), 3, [{ code: 'K', start: '08:00', end: '16:00' }]);
  await page.goto(`/#/plan/${plan.id}`);
  const palette = page.getByRole('toolbar', { name: 'Vaktkoder' });
  await expect(palette.getByRole('button', { name: 'KURS', exact: true })).toContainText('KU');
  await expect(palette.getByRole('button', { name: 'K', exact: true })).toContainText('K…');
  await page.getByRole('button', { name: 'Hurtigtaster' }).click();
  await expect(page.getByRole('note')).toContainText('KU for kurs');
  await expect(page.getByRole('note')).not.toContainText('K for kurs');
  await cellOf(page, 'Kari Nordmann', 0).click();
  await page.keyboard.press('k');
  await page.keyboard.press('u');
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('KURS');
  await page.keyboard.press('k');
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('K');
  await waitSaved(page);
  await page.reload();
  await expect(cellOf(page, 'Kari Nordmann', 0)).toHaveText('KURS');
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('K');
});

test('the Brudd column counts what the panel counts; Gjennomgang is not green with open shifts; the open step is kept', async ({
  page,
  host,
}) => {
  const { unit, plan, kari } = await seed(host, 'Tall ' + Date.now(), 3);
  await host.call('setDemand', unit.id, DEMAND);
  const week = ['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'];
  await host.call(
    'setCells',
    plan.id,
    week.map((date) => ({ employeeId: kari.id, date, code: 'FE' })),
  );
  await host.call('setPlanStatus', plan.id, { status: 'til_drofting', date: '2026-12-01', names: ['Tone Tillitsvalgt'] });
  await page.goto(`/#/plan/${plan.id}`);
  const panel = page.getByRole('complementary', { name: 'Regelsjekk' });
  await expect(panel).toContainText('0 brudd');
  await expect(statOf(page, 'Kari Nordmann', 'hits')).toHaveText(/^0/);
  await expect(statOf(page, 'Kari Nordmann', 'hits')).not.toHaveClass(/bad/);

  const review = page.getByRole('button', { name: /Gjennomgang/ });
  await expect(review).not.toHaveClass(/done/);
  await expect(review).not.toContainText('✓');
  await page.getByRole('button', { name: /Helgerytme/ }).click();
  await expect(page.getByRole('region', { name: 'Helgerytme' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Helgerytme' })).toBeVisible();
  await expect(statOf(page, 'Kari Nordmann', 'hits')).toHaveText(/^0/);
  await expect(page.getByRole('button', { name: /Gjennomgang/ })).not.toContainText('✓');
});

test('the compact density shows a whole month at 1400 × 900 with the rules panel open, and is kept', async ({ page, host }) => {
  const { plan } = await seed(host, 'Kompakt ' + Date.now(), 3);
  await page.goto(`/#/plan/${plan.id}`);
  await expect(cellOf(page, 'Kari Nordmann', 0)).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Regelsjekk' })).toBeVisible();
  const daysInView = () =>
    page.evaluate(() => {
      const body = document.querySelector<HTMLElement>('.grid-scroll')!.getBoundingClientRect();
      const scroll = document.querySelector<HTMLElement>('.grid-scroll')!;
      return [...document.querySelectorAll<HTMLElement>('.ghead-days .hcell.dt')].filter((h) => {
        const r = h.getBoundingClientRect();
        return r.left >= body.left - 0.5 && r.right <= body.left + scroll.clientWidth + 0.5;
      }).length;
    });
  const normal = await daysInView();
  await page.getByLabel('Kompakt (en måned)').check();
  await expect.poll(daysInView).toBeGreaterThanOrEqual(31);
  expect(normal).toBeLessThan(31);
  // Still a working grid: a typed code lands in the cell under the cursor.
  await cellOf(page, 'Ola Hansen', 20).click();
  await page.keyboard.press('n');
  await expect(cellOf(page, 'Ola Hansen', 20)).toHaveText('N');
  expect((await headerOffset(page, plan.start)).worst).toBeLessThan(1);
  await page.reload();
  await expect(page.getByLabel('Kompakt (en måned)')).toBeChecked();
  await expect.poll(daysInView).toBeGreaterThanOrEqual(31);
});
