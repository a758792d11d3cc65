/**
 * The flow field (issue 14 §3): `field=<id>` draws one step of that algorithm from each point of a
 * grid over the simplex as arrows, computed in the worker (or on the main thread without one), and
 * redrawn after an edit; an unknown id and n ≠ 3 are named, not drawn.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const arrows = (page: Page) => page.locator('[data-testid="simplex"] .simplex-field path.field-arrow');
const arrowPaths = (page: Page) => arrows(page).evaluateAll((els) => els.map((e) => e.getAttribute('d')).join(' '));

test('field=nash-md draws arrows on rock-paper-scissors, and an edit of τ redraws them', async ({ page }) => {
  await page.goto('./#preset=rps&field=nash-md');
  // 210 grid points; a rest point would be a dot instead of an arrow.
  await expect.poll(() => arrows(page).count()).toBeGreaterThan(200);
  expect((await arrows(page).count()) + (await page.locator('.simplex-field circle.field-rest').count())).toBe(210);
  await expect(page.getByLabel('Flow field')).toHaveValue('nash-md');
  await expect(page.locator('[data-testid="simplex"] .simplex-legend')).toContainText('Nash-MD');
  const before = await arrowPaths(page);
  const tau = page.getByTestId('tau');
  await tau.fill('0.5');
  await tau.press('Enter');
  await expect.poll(() => arrowPaths(page)).not.toBe(before);
  expect(await arrows(page).count()).toBeGreaterThan(150);
});

test('the Flow field control switches the layer and the link follows', async ({ page }) => {
  await page.goto('./#preset=rps');
  await expect(page.getByTestId('iteration')).toBeVisible();
  await expect(arrows(page)).toHaveCount(0);
  await page.getByLabel('Flow field').selectOption('mwu');
  await expect.poll(() => arrows(page).count()).toBeGreaterThan(150);
  await expect.poll(() => page.url()).toContain('field=mwu');
  await expect(page.locator('[data-testid="simplex"] .simplex-legend')).toContainText('MWU (SPPO)');
  await page.getByLabel('Flow field').selectOption('');
  await expect(arrows(page)).toHaveCount(0);
  await expect.poll(() => page.url()).not.toContain('field=');
});

test('field=bogus is named in a message and nothing is drawn', async ({ page }) => {
  await page.goto('./#preset=rps&field=bogus');
  await expect(page.getByText(/field: "bogus" is not an algorithm, so no flow field is drawn/).first()).toBeVisible();
  await expect(page.getByLabel('Flow field')).toHaveValue('');
  await expect(arrows(page)).toHaveCount(0);
});

test('with four responses the field is not drawn, and the note says why', async ({ page }) => {
  await page.goto('./#preset=random&n=4&field=nash-md');
  await expect(page.getByTestId('flow-field-note')).toContainText('three responses only (here n = 4)');
  await expect(arrows(page)).toHaveCount(0);
});

test('an algorithm that cannot run says why (COMAL at τ = 0)', async ({ page }) => {
  await page.goto('./#preset=rps&tau=0&field=comal');
  await expect(page.getByTestId('flow-field-note')).toContainText('needs τ > 0');
  await expect(arrows(page)).toHaveCount(0);
});

test('without a Web Worker the field is computed on the main thread', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  await page.goto('./#preset=rps&field=replicator');
  await expect(page.getByText('Computing on the main thread').first()).toBeVisible();
  await expect.poll(() => arrows(page).count()).toBeGreaterThan(150);
});

for (const [name, hash, size] of [
  ['1280x800', '#preset=rps&field=nash-md', { width: 1280, height: 800 }],
  ['lecture-1280x720', '#preset=rps&field=nash-md&lecture=1', { width: 1280, height: 720 }],
] as const) {
  test(`screenshot ${name}: arrows inside the triangle, the markers above them`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto(`./${hash}`);
    await expect.poll(() => arrows(page).count()).toBeGreaterThan(200);
    // Every arrow lies within the simplex figure.
    const figure = (await page.getByTestId('simplex').boundingBox())!;
    const field = (await page.locator('[data-testid="simplex"] .simplex-field').boundingBox())!;
    expect(field.x).toBeGreaterThanOrEqual(figure.x);
    expect(field.y).toBeGreaterThanOrEqual(figure.y);
    expect(field.x + field.width).toBeLessThanOrEqual(figure.x + figure.width);
    expect(field.y + field.height).toBeLessThanOrEqual(figure.y + figure.height);
    // The field is in the background SVG, under the trajectories' canvas and the markers' SVG.
    const order = await page.getByTestId('simplex').evaluate((el) => {
      const kids = Array.from(el.children);
      const bg = kids.findIndex((k) => k.querySelector('.simplex-field'));
      const canvas = kids.findIndex((k) => k.tagName === 'CANVAS');
      return { bg, canvas };
    });
    expect(order.bg).toBeLessThan(order.canvas);
    await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
  });
}
