/** Touch devices at phone width: the stacked layout, editing cells and dragging markers by touch. */
import { expect, readPolicies, test } from './fixtures.ts';

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

test('at 375 px everything stacks in one column, figure first, with no sideways scrolling', async ({ page }) => {
  await page.goto('./#preset=rps&t=300');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  const figure = (await page.getByTestId('simplex').boundingBox())!;
  const inputs = (await page.getByRole('complementary', { name: 'Inputs' }).boundingBox())!;
  expect(figure.y).toBeLessThan(inputs.y);
  expect(figure.x + figure.width).toBeLessThanOrEqual(375);
  await page.screenshot({ path: 'test-results/phone-375.png', fullPage: true });
});

test('a cell is edited by tapping and typing; μ is dragged with a finger', async ({ page }) => {
  await page.goto('./#preset=rps&t=300');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  const cell = page.getByLabel('P(rock ≻ paper)');
  await cell.tap();
  await cell.fill('0.25');
  await cell.press('Enter');
  await expect(page.getByLabel('P(paper ≻ rock)')).toHaveValue(/^0\.750*$/);

  const before = await readPolicies(page);
  const marker = page.getByLabel('Reference policy μ, drag to move');
  await marker.scrollIntoViewIfNeeded();
  const box = (await marker.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // Real touch input through the DevTools protocol (Playwright's touchscreen only taps).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let k = 1; k <= 8; k++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + 6 * k, y: y - 5 * k }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect(page.getByLabel('μ(rock)')).not.toHaveValue('0.5');
  await expect.poll(async () => (await readPolicies(page))['RLHF'][0]).not.toBe(before['RLHF'][0]);
});
