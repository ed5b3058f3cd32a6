import { test, expect, cellOf } from './fixtures';
import type { Page } from '@playwright/test';
import type { PlanDetail, UnitDetail } from '../../shared/api';
import type { Employee } from '../../shared/plan/model';

// What the department head sees is painted on a canvas (renderer/src/views/plan/grid/gridPaint.ts); the
// DOM cells above it are transparent. These tests read the painted pixels.

const CELL_W = 34;
const ROW_H = 26;

/** The painted colour a few pixels inside a cell (grid row r, day c), as #rrggbb. */
async function paintedAt(page: Page, r: number, c: number): Promise<string> {
  return page.evaluate(
    ({ r, c, W, H }) => {
      const el = document.querySelector<HTMLElement>('.grid-scroll')!;
      const cv = document.querySelector<HTMLCanvasElement>('.gcanvas')!;
      const dpr = cv.width / cv.clientWidth;
      const x = (c * W + 4 - el.scrollLeft) * dpr;
      const y = (r * H + 4 - el.scrollTop) * dpr;
      const [red, g, b] = cv.getContext('2d')!.getImageData(Math.round(x), Math.round(y), 1, 1).data;
      return '#' + [red, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
    },
    { r, c, W: CELL_W, H: ROW_H },
  );
}

const nextFrame = (page: Page) => page.evaluate(() => new Promise((res) => requestAnimationFrame(() => res(null))));

test('the grid paints codes in their colours, weekends shaded and the selection, also straight after a fast scroll', async ({
  page,
  host,
}) => {
  const unit = await host.call<UnitDetail>('createUnit', 'Lerret ' + Date.now());
  const kari = await host.call<Employee>('addEmployee', unit.id, { name: 'Kari Nordmann', competence: 'sykepleier', position: 1 });
  await host.call('addEmployee', unit.id, { name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.5 });
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Årsturnus', '2027-01-04', 12);
  // Kari: D on the first Tuesday and N on the plan's last day.
  const days = (Date.parse(plan.end) - Date.parse(plan.start)) / 86_400_000;
  await host.call('setCells', plan.id, [
    { employeeId: kari.id, date: '2027-01-05', code: 'D' },
    { employeeId: kari.id, date: plan.end, code: 'N' },
  ]);
  const colour = Object.fromEntries(plan.file.shiftTypes.map((t) => [t.code, t.color]));

  await page.goto(`/#/plan/${plan.id}`);
  await expect(cellOf(page, 'Kari Nordmann', 1)).toHaveText('D');
  const kariRow = Number(await cellOf(page, 'Kari Nordmann', 0).getAttribute('data-r'));
  const olaRow = Number(await cellOf(page, 'Ola Hansen', 0).getAttribute('data-r'));

  expect(await paintedAt(page, kariRow, 1)).toBe(colour.D);
  expect(await paintedAt(page, olaRow, 1)).toBe('#ffffff'); // an empty Tuesday
  expect(await paintedAt(page, olaRow, 5)).toBe('#eef0f4'); // Saturday: --weekend

  // Click Ola's Tuesday, shift-click his Thursday: Tuesday and Wednesday get the selection colour
  // (--sel) at once; Thursday, where the cursor now is, keeps its own look (as in a spreadsheet).
  await cellOf(page, 'Ola Hansen', 1).click();
  await cellOf(page, 'Ola Hansen', 3).click({ modifiers: ['Shift'] });
  await nextFrame(page);
  expect(await paintedAt(page, olaRow, 1)).toBe('#b9d4f5');
  expect(await paintedAt(page, olaRow, 2)).toBe('#b9d4f5');
  expect(await paintedAt(page, olaRow, 3)).toBe('#ffffff');

  // Jump to the end of the year: the last day is painted in the very next frame (the DOM cells
  // wait until scrolling has stopped).
  await page.locator('.grid-scroll').evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await nextFrame(page);
  expect(await paintedAt(page, kariRow, days)).toBe(colour.N);
  // …and the DOM cells follow once scrolling has stopped (for screen readers and tests).
  await expect(cellOf(page, 'Kari Nordmann', days)).toHaveText('N');
});
