/** Embedding: embed=1 fits any iframe size, hide=/lock= make focused exercises, Share builds the snippet. */
import { expect, test } from './fixtures.ts';

for (const [w, h] of [
  [360, 300],
  [480, 640],
  [800, 600],
  [1280, 720],
] as const) {
  test(`embed=1 at ${w}×${h}: the figure is drawn, nothing overflows sideways`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./#preset=rps&t=300&embed=1');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-drawn', /nash-md:301/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The figure comes first and fits in the width.
    const box = (await page.getByTestId('simplex').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(w + 0.5);
    expect(box.y).toBeLessThan(h / 2);
    await page.screenshot({ path: `test-results/embed-${w}x${h}.png` });
  });
}

test('hide= removes controls and lock= shows them read-only; unknown names are reported', async ({ page }) => {
  await page.goto('./#preset=rps&t=50&embed=1&hide=matrix,paste,tools&lock=tau,play&lock2=x');
  await expect(page.getByRole('table', { name: /Preference matrix/ })).toHaveCount(0);
  await expect(page.getByText('Paste from a spreadsheet')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share / Embed' })).toHaveCount(0);
  await expect(page.getByTestId('tau')).toBeDisabled();
  await expect(page.getByRole('button', { name: /Play/ })).toBeDisabled();
  await expect(page.getByTestId('eta')).toBeEnabled();
  // The view keys survive the app rewriting the hash.
  await page.getByTestId('eta').fill('1.5');
  await page.getByTestId('eta').press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('eta=1.5');
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toContain('embed=1');
  expect(hash).toContain('hide=matrix,paste,tools');
  expect(hash).toContain('lock=tau,play');
  await page.goto('./#preset=rps&hide=matrix,bogus');
  await expect(page.getByRole('alert').filter({ hasText: 'bogus' })).toBeVisible();
});

test('Share / Embed builds the link and an iframe snippet with the chosen hidden and locked controls', async ({ page }) => {
  await page.goto('./#preset=dice&t=120');
  await expect(page.getByTestId('iteration')).toHaveText('120');
  await page.getByRole('button', { name: 'Share / Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this state' });
  await expect(dialog.getByLabel('Link to exactly this state')).toHaveValue(/#preset=dice.*t=120/);
  await dialog.getByLabel('Preference matrix: hide').check();
  await dialog.getByLabel('τ slider: read-only').check();
  const snippet = await dialog.getByLabel('Embed code').inputValue();
  expect(snippet).toMatch(/^<iframe src="[^"]*#preset=dice[^"]*&amp;embed=1&amp;hide=matrix&amp;lock=tau" title="Nash-MD explorer"/);
  // The snippet's URL reproduces the state in embed mode.
  const src = snippet.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
  await page.goto(src);
  await expect(page.getByTestId('iteration')).toHaveText('120');
  await expect(page.getByRole('table', { name: /Preference matrix/ })).toHaveCount(0);
  await expect(page.getByTestId('tau')).toBeDisabled();
});

test('Play pauses while the figure is scrolled out of view and resumes after', async ({ page }) => {
  await page.setContent('<div style="height:10px"></div>');
  await page.goto('./#preset=rps&t=0&embed=1');
  await page.setViewportSize({ width: 420, height: 420 });
  await page.getByRole('button', { name: /Play/ }).click();
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent())).toBeGreaterThan(5);
  // Scroll the figure out of view (the measurements sit below it in embed mode).
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(async () => page.evaluate(() => document.querySelector('[data-testid="simplex"]')!.getBoundingClientRect().bottom)).toBeLessThan(0);
  const t1 = Number(await page.getByTestId('iteration').textContent());
  await page.waitForTimeout(500);
  expect(Number(await page.getByTestId('iteration').textContent())).toBe(t1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent())).toBeGreaterThan(t1);
});
