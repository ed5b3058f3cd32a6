import { test, expect } from './fixtures';

test('browser mode: the link hands over the token and leaves the address bar; without it the page says to open the link', async ({
  page,
  host,
  browser,
}) => {
  // `page` has opened host.link (fixtures): the token is gone from the address bar and history
  expect(page.url()).toBe(host.url);
  expect(await page.evaluate(() => location.hash)).toBe('');
  await expect(page.getByRole('heading', { name: 'Åpne lenken fra Turnus' })).toHaveCount(0);
  // a reload in the same tab keeps working
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Åpne lenken fra Turnus' })).toHaveCount(0);

  const other = await browser.newPage();
  await other.goto(host.url);
  await expect(other.getByRole('heading', { name: 'Åpne lenken fra Turnus' })).toBeVisible();
  await other.close();
});
