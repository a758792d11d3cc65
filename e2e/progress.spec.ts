/**
 * Long computations (issue "Fast at every size"): anything over 200 ms shows what it is doing, and
 * for large n the trajectories are drawn before the equilibria are solved.
 */
import { expect, test } from './fixtures.ts';

test('n = 500: the trajectories come first, a labelled progress indicator shows while the equilibria are solved, then goes', async ({
  page,
}) => {
  // Record, in the page, what is drawn while the indicator is up (polling from the test could miss it).
  await page.addInitScript(() => {
    const seen: { stage: string; drawn: string }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="compute-progress"]');
      if (status)
        seen.push({
          stage: status.textContent ?? '',
          drawn: document.querySelector('[data-testid="trajectories"]')?.getAttribute('data-drawn') ?? '',
        });
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.goto('./#preset=leaderboard&n=500&t=40');
  await expect(page.getByTestId('iteration')).toHaveText('40', { timeout: 30_000 });
  // The final result includes RLHF (it needs the reward model), and the indicator is gone.
  await expect(page.getByTestId('trajectories')).toHaveAttribute('data-drawn', /rlhf:41/, { timeout: 30_000 });
  await expect(page.getByTestId('compute-progress')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { seen: { stage: string; drawn: string }[] }).seen);
  // The indicator appeared, named its stage, and was a status (read by screen readers politely).
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.some((s) => /Solving|Fitting|Tracing|Loading|Running|Measuring/.test(s.stage))).toBe(true);
  // While it was up, Nash-MD and OMD were already drawn (the preview) before RLHF.
  expect(seen.some((s) => /nash-md:41/.test(s.drawn) && !/rlhf/.test(s.drawn))).toBe(true);
});

test('n = 500: during an edit the RLHF path and table row stay until its new run replaces them', async ({ page }) => {
  await page.goto('./?debug#preset=leaderboard&n=500&t=40');
  await expect(page.getByTestId('trajectories')).toHaveAttribute('data-drawn', /rlhf:41/, { timeout: 30_000 });
  await expect(page.getByTestId('compute-progress')).toHaveCount(0);
  const canvas = page.getByTestId('heatmap-canvas');
  await canvas.focus();
  await page.keyboard.press('ArrowRight'); // selects a cell
  await page.evaluate(() => {
    const w = window as unknown as { drawn: string[]; rows: number[] };
    w.drawn = [];
    w.rows = [];
    new MutationObserver(() => {
      w.drawn.push(document.querySelector('[data-testid="trajectories"]')?.getAttribute('data-drawn') ?? '');
      w.rows.push(document.querySelectorAll('.policy-table tbody tr').length);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const before = await page.locator('.policy-table tbody td[data-value]').allTextContents();
  await page.keyboard.press('+');
  // The edit's results arrive (new values in the table), then the computation ends.
  await expect
    .poll(() => page.locator('.policy-table tbody td[data-value]').allTextContents(), { timeout: 30_000 })
    .not.toEqual(before);
  await expect
    .poll(
      () =>
        page.evaluate(() => (window as unknown as { nashmdDebug: { computing(): boolean } }).nashmdDebug.computing()),
      { timeout: 30_000 },
    )
    .toBe(false);
  const { drawn, rows } = await page.evaluate(() => {
    const w = window as unknown as { drawn: string[]; rows: number[] };
    return { drawn: w.drawn, rows: w.rows };
  });
  expect(drawn.length).toBeGreaterThan(0);
  expect(drawn.every((d) => /rlhf:41/.test(d))).toBe(true);
  expect(new Set(rows)).toEqual(new Set([rows[0]]));
});

test('n = 3: an edit computed in a few milliseconds never shows the indicator', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { shown: boolean }).shown = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="compute-progress"]'))
        (window as unknown as { shown: boolean }).shown = true;
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto('./#preset=rps&t=300');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  // The first load may show it (the worker loads the LP solver); watch only the edits after.
  await expect(page.getByTestId('compute-progress')).toHaveCount(0);
  await page.evaluate(() => ((window as unknown as { shown: boolean }).shown = false));
  const slider = page.getByLabel('τ (regularisation)', { exact: true });
  await slider.focus();
  for (let k = 0; k < 5; k++) await slider.press('ArrowRight');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { shown: boolean }).shown)).toBe(false);
});
