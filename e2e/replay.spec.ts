/**
 * Going back after a long run draws what a fresh run draws: a run of 400,000 steps keeps a
 * thinned history (every step of the first 4,096 and the last 50,000, every 8th between), and
 * dragging the timeline back to t = 10,000 or 300, or Reset, recomputes it at full resolution:
 * the exported paths equal a fresh page's, point for point.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, iteration, test } from './fixtures.ts';

/** Iterations every long run keeps at full resolution (runStore.ts HEAD_STEPS). */
const HEAD = 4096;

const full = (t: number) => `nash-md:${t + 1} omd:${t + 1} rlhf:${t + 1}`;

/** The simplex's exported trajectories: one `d` per algorithm. */
async function exportedPaths(page: Page): Promise<Record<string, string>> {
  const summary = page.locator('.export-menu summary');
  if (!(await page.locator('.export-menu details').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Simplex SVG', exact: true }).click(),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return Object.fromEntries(
      [...doc.querySelectorAll('path.trajectory')].map((p) => [p.getAttribute('data-algorithm'), p.getAttribute('d')]),
    );
  }, text);
}

/** The exported paths of a fresh page at t. */
async function freshAt(page: Page, t: number): Promise<Record<string, string>> {
  await page.goto(`./#preset=rps&t=${t}`);
  await expect(page.getByTestId('iteration')).toHaveText(t.toLocaleString('en'));
  await expect(page.getByTestId('trajectories')).toHaveAttribute('data-rows', full(t));
  return exportedPaths(page);
}

async function longRun(page: Page): Promise<void> {
  await page.goto('./#preset=rps&t=400000');
  await expect(page.getByTestId('iteration')).toHaveText('400,000', { timeout: 20_000 });
  // One format for t wherever it is shown: the table's line, the read-out, the caption, the timeline.
  await expect(page.locator('.t-readout')).toHaveText('400,000');
  await expect(page.getByTestId('caption')).toContainText('t = 400,000.');
  await expect(page.getByRole('slider', { name: 't', exact: true })).toHaveAttribute(
    'aria-valuetext',
    /^t = 400,000 of 400,\d{3}$/,
  );
  // The drawn paths go through the thinned history: far fewer rows than iterations.
  await expect(page.getByTestId('trajectories')).toHaveAttribute('data-drawn', 'nash-md:400001 omd:400001 rlhf:400001');
  const rows = Number(
    /nash-md:(\d+)/.exec((await page.getByTestId('trajectories').getAttribute('data-rows')) ?? '')?.[1],
  );
  expect(rows).toBeLessThan(120_000);
}

test.describe('replaying after a long run', () => {
  test('dragging the timeline back to t = 10,000 and 300 draws the paths of fresh runs to them', async ({
    page,
    errors,
  }) => {
    test.setTimeout(90_000);
    const fresh300 = await freshAt(page, 300);
    const fresh10k = await freshAt(page, 10_000);
    expect(Object.keys(fresh300).sort()).toEqual(['nash-md', 'omd', 'rlhf']);
    await longRun(page);
    const timeline = page.getByRole('slider', { name: 't', exact: true });
    await timeline.fill('10000');
    await expect(page.getByTestId('iteration')).toHaveText('10,000');
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-rows', full(10_000));
    expect(await exportedPaths(page)).toEqual(fresh10k);
    await timeline.fill('300');
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-rows', full(300));
    expect(await exportedPaths(page)).toEqual(fresh300);
    // The timeline still reaches the end of the long run, and goes back there.
    await expect(timeline).toHaveAttribute('max', /^4000\d\d$/);
    await timeline.fill('400000');
    await expect(page.getByTestId('iteration')).toHaveText('400,000', { timeout: 20_000 });
    expect(errors).toEqual([]);
  });

  test('Reset after a long run, then Play, draws every step', async ({ page, errors }) => {
    test.setTimeout(60_000);
    await longRun(page);
    await page.getByRole('button', { name: '⟲ Reset' }).click();
    await expect(page.getByTestId('iteration')).toHaveText('0');
    // Play from the reset at full speed for a moment: every step up to where it paused is drawn.
    await page.getByRole('slider', { name: 'Speed' }).fill('100');
    await page.getByRole('button', { name: '▶ Play' }).click();
    await expect.poll(() => iteration(page)).toBeGreaterThan(HEAD);
    await page.getByRole('button', { name: '❚❚ Pause' }).click();
    const t = await iteration(page);
    expect(t).toBeLessThan(100_000);
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-rows', full(t));
    expect(errors).toEqual([]);
  });
});
