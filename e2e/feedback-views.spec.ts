/**
 * Learning from sampled feedback, as the views name and show it (issue 16): the learned targets are
 * "of P̂" (the true P's "of the true P"), the equilibrium bars (n > 3) show the true targets beside
 * the learned ones, and `hide=`/`lock=` know the feedback controls by the name `feedback`.
 */
import { nashEquilibrium } from '../src/core/nashEquilibrium.ts';
import { presetById } from '../src/core/presets.ts';
import { expect, test } from './fixtures.ts';

test('the learned targets are named “… of P̂” on hover and in the simplex’s description', async ({ page }) => {
  await page.goto('./#preset=rater-types&eps=0.1&feedback=30&dataSeed=3&t=200');
  await expect(page.getByTestId('iteration')).toHaveText('200', { timeout: 20_000 });
  const simplex = page.getByRole('img', { name: /^Simplex of/ }).first();
  await expect(simplex).toHaveAttribute('aria-label', /Nash of P̂/, { timeout: 20_000 });
  const label = (await simplex.getAttribute('aria-label')) ?? '';
  expect(label).toContain('Nash of the true P');
  expect(label).not.toContain('Nash of P (τ = 0)');
  // Hovering the filled (learned) Nash marker names it.
  const marker = page.locator('[data-testid="simplex"] [data-marker="nash"]').first();
  const box = (await marker.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole('tooltip')).toContainText('Nash of P̂');
});

test('with n > 3 the equilibrium bars show the true P’s targets beside the learned ones', async ({ page }) => {
  await page.goto('./#preset=random&n=8&seed=3&feedback=300&dataSeed=2&t=100');
  const bars = page.getByTestId('equilibrium-bars');
  await expect(bars.locator('rect.bar[data-kind="truthNash"]').first()).toBeAttached({ timeout: 20_000 });
  for (const kind of ['truthRegularized', 'truthNash', 'truthRlhfOptimum'])
    await expect(bars.locator(`rect.bar[data-kind="${kind}"]`)).toHaveCount(8);
  await expect(bars.locator('.bars-legend')).toContainText('Nash of the true P');
  await expect(bars.locator('.bars-legend')).toContainText('Nash of P̂');
  // The hollow Nash bars are the true P's Nash.
  const truth = nashEquilibrium(presetById('random')!.build({ seed: 3, n: 8 }).preferences);
  const shown = await bars
    .locator('rect.bar[data-kind="truthNash"]')
    .evaluateAll((rs) =>
      rs.map((r) => [Number(r.getAttribute('data-response')), Number(r.getAttribute('data-value'))]),
    );
  for (const [y, v] of shown) expect(Math.abs(v - truth[y]), `response ${y}`).toBeLessThan(1e-9);
});

test('hide=feedback removes the feedback controls, lock=feedback shows them read-only', async ({ page }) => {
  await page.goto('./#preset=rps&t=50&feedback=1000&hide=feedback');
  await expect(page.getByTestId('iteration')).toHaveText('50');
  await expect(page.getByTestId('feedback-controls')).toHaveCount(0);
  // The data are still learned from (the link asks for it): only the controls are hidden.
  await expect(page.getByTestId('counts-table')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto('./#preset=rps&t=50&lock=feedback');
  await expect(page.getByTestId('feedback-on')).toBeDisabled();
  await expect(page.locator('[data-control="feedback"]')).toHaveAttribute('data-locked', 'true');
});
