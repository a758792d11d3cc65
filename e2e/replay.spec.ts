/**
 * Going back after a long run draws what a fresh run draws: a run of 400,000 steps keeps a
 * thinned history (every 8th step before the last 50,000), and dragging the timeline back to
 * t = 300, or Reset, recomputes that stretch at full resolution — the exported paths equal a
 * fresh page's at t = 300, point for point.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, iteration, test } from './fixtures.ts';

const FULL = 'nash-md:301 omd:301 rlhf:301';

/** The simplex's exported trajectories: one `d` per algorithm. */
async function exportedPaths(page: Page): Promise<Record<string, string>> {
  const summary = page.locator('.export-menu summary');
  if (!(await page.locator('.export-menu details').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Simplex SVG', exact: true }).click()]);
  const text = await readFile(await file.path(), 'utf8');
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return Object.fromEntries([...doc.querySelectorAll('path.trajectory')].map((p) => [p.getAttribute('data-algorithm'), p.getAttribute('d')]));
  }, text);
}

async function freshAt300(page: Page): Promise<Record<string, string>> {
  await page.goto('./#preset=rps&t=300');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  await expect(page.getByTestId('trajectories')).toHaveAttribute('data-rows', FULL);
  return exportedPaths(page);
}

async function longRun(page: Page): Promise<void> {
  await page.goto('./#preset=rps&t=400000');
  await expect(page.getByTestId('iteration')).toHaveText('400,000', { timeout: 20_000 });
  // The read-out and the table's line write t the same way.
  await expect(page.locator('.t-readout')).toHaveText('400,000');
  // The drawn paths go through the thinned history: far fewer rows than iterations.
  await expect(page.getByTestId('trajectories')).toHaveAttribute('data-drawn', 'nash-md:400001 omd:400001 rlhf:400001');
  const rows = Number(/nash-md:(\d+)/.exec((await page.getByTestId('trajectories').getAttribute('data-rows')) ?? '')?.[1]);
  expect(rows).toBeLessThan(120_000);
}

test.describe('replaying after a long run', () => {
  test('dragging the timeline back to t = 300 draws the paths of a fresh run to 300', async ({ page, errors }) => {
    test.setTimeout(60_000);
    const fresh = await freshAt300(page);
    expect(Object.keys(fresh).sort()).toEqual(['nash-md', 'omd', 'rlhf']);
    await longRun(page);
    const timeline = page.getByRole('slider', { name: 't', exact: true });
    await timeline.fill('300');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-rows', FULL);
    expect(await exportedPaths(page)).toEqual(fresh);
    // The timeline still reaches the end of the long run, and goes back there.
    await expect(timeline).toHaveAttribute('max', /^4000\d\d$/);
    await timeline.fill('400000');
    await expect(page.getByTestId('iteration')).toHaveText('400,000', { timeout: 20_000 });
    expect(errors).toEqual([]);
  });

  test('Reset after a long run, then stepping to 300, draws every step', async ({ page, errors }) => {
    test.setTimeout(60_000);
    const fresh = await freshAt300(page);
    await longRun(page);
    await page.getByRole('button', { name: '⟲ Reset' }).click();
    await expect(page.getByTestId('iteration')).toHaveText('0');
    // Play from the reset: a few steps at 1 step/s would be slow; +1 steps walk the same rows.
    for (let k = 0; k < 3; k++) await page.getByRole('button', { name: '+1: step forward' }).click();
    await expect.poll(() => iteration(page)).toBe(3);
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-rows', 'nash-md:4 omd:4 rlhf:4');
    await page.getByRole('slider', { name: 't', exact: true }).fill('300');
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-rows', FULL);
    expect(await exportedPaths(page)).toEqual(fresh);
    expect(errors).toEqual([]);
  });
});
