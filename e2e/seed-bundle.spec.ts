/**
 * Issue 17, seed bundles: a sampled Nash-MD-PG run shows its bundle. The link
 * `algos=nash-md-pg&gradient=sampled&seeds=5` gives "Current policies" rows for the run, the mean
 * of its 5 seeds and the exact-gradient run, equal to the core's simulate() run with pgSeed + k
 * (k = 0…4) and with exact gradients; the link round-trips; `seeds=0` is named and replaced by
 * the default; K can be typed in the policy-gradient settings.
 */
import type { Page } from '@playwright/test';
import { loadAlgorithms } from '../src/core/algorithms/registry.ts';
import { fromUpper } from '../src/core/presets.ts';
import { simulate } from '../src/core/simulate.ts';
import { expect, readPolicies, test } from './fixtures.ts';

const c = { upper: [0.2, 0.7, 0.35], mu: [0.5, 0.3, 0.2], pi0: [0.6, 0.25, 0.15], tau: 0.1, lr: 0.8, t: 60 };
const base = `P=${c.upper.join(',')}&mu=${c.mu.join(',')}&pi0=${c.pi0.join(',')}&tau=${c.tau}&eta=1&lr=${c.lr}`;

/** π_t of Nash-MD-PG from the core, with these policy-gradient settings. */
async function coreAt(t: number, pg: Record<string, unknown>): Promise<number[]> {
  await loadAlgorithms(['nash-md-pg']);
  let k = 0;
  const preferences = fromUpper(3, () => c.upper[k++]).map((row) => Array.from(row));
  const run = simulate({
    algorithm: 'nash-md-pg',
    preferences,
    reference: c.mu,
    initial: c.pi0,
    tau: c.tau,
    eta: 1,
    steps: t,
    pg: { lr: c.lr, ...pg },
  });
  return Array.from(run.policies.subarray(t * 3, t * 3 + 3));
}

/** The row names of "Current policies", read in one go (rows come and go while the settings change). */
const rowNames = (page: Page) =>
  page
    .getByRole('table', { name: 'Current policies' })
    .evaluate((t) => Array.from(t.querySelectorAll('tbody th[scope="row"]'), (th) => th.textContent ?? ''));

async function rowsAt(page: Page, t: number, count: number) {
  await expect(page.getByTestId('iteration')).toHaveText(String(t), { timeout: 20_000 });
  await expect.poll(async () => Object.keys(await readPolicies(page)).length, { timeout: 20_000 }).toBe(count);
  return readPolicies(page);
}

const close = (got: number[], want: number[], tol: number, label: string) => {
  expect(got, label).toHaveLength(want.length);
  got.forEach((x, i) => expect(Math.abs(x - want[i]), `${label}[${i}]`).toBeLessThan(tol));
};

test('seeds=5: the run, the mean of 5 seeds and the exact gradient are rows equal to the core; the link round-trips', async ({
  page,
}) => {
  await page.goto(`./#${base}&algos=nash-md-pg&gradient=sampled&batch=4&pgSeed=3&seeds=5&t=${c.t}`);
  const table = await rowsAt(page, c.t, 3);
  const sampled = { gradient: 'sampled', batch: 4 };
  const seeds = await Promise.all([0, 1, 2, 3, 4].map((k) => coreAt(c.t, { ...sampled, seed: 3 + k })));
  close(table['Nash-MD-PG'], seeds[0], 1e-12, 'run');
  const mean = [0, 1, 2].map((i) => seeds.reduce((s, q) => s + q[i], 0) / 5);
  close(table['Nash-MD-PG (mean of 5 seeds)'], mean, 1e-12, 'mean');
  close(table['Nash-MD-PG (exact gradient)'], await coreAt(c.t, { gradient: 'exact' }), 1e-12, 'exact');
  // The seeds differ from one another: the bundle has a spread to show.
  expect(Math.max(...seeds[0].map((x, i) => Math.abs(x - seeds[1][i])))).toBeGreaterThan(1e-4);
  // The simplex draws the four other seeds (faintly) with the three rows' paths; one legend entry names them.
  const drawn = page.getByTestId('trajectories');
  await expect(drawn).toHaveAttribute('data-drawn', /nash-md-pg\/seed4:/);
  await expect(page.locator('.simplex-legend')).toContainText('5 sampled seeds');
  // The link keeps seeds=5, and a reload shows the same rows.
  expect(page.url()).toContain('seeds=5');
  await page.reload();
  const again = await rowsAt(page, c.t, 3);
  expect(again).toEqual(table);
});

test('seeds=0 is named and replaced by the default (10); K is typed in the settings', async ({ page }) => {
  await page.goto(`./#${base}&algos=nash-md-pg&gradient=sampled&seeds=0&t=20`);
  const alert = page.getByRole('alert').filter({ hasText: 'not valid' });
  await expect(alert).toContainText('seeds');
  await expect(alert).toContainText('got 0');
  await rowsAt(page, 20, 3);
  expect(Object.keys(await readPolicies(page))).toContain('Nash-MD-PG (mean of 10 seeds)');
  const group = page.getByRole('group', { name: 'Policy-gradient settings' });
  const k = group.getByLabel(/^Seeds K/);
  await k.fill('51');
  await k.press('Enter');
  await expect(group.getByRole('alert')).toContainText('seeds must be');
  await k.fill('3');
  await k.press('Enter');
  await expect.poll(() => page.url()).toContain('seeds=3');
  await expect.poll(() => rowNames(page), { timeout: 20_000 }).toContain('Nash-MD-PG (mean of 3 seeds)');
  // Exact gradients: no bundle, one row.
  await group.getByLabel('Gradient').selectOption('exact');
  await expect.poll(() => rowNames(page), { timeout: 20_000 }).toEqual(['Nash-MD-PG']);
});
