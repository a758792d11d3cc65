/**
 * Issue 14, average iterates: `average=1` adds, for every algorithm shown, a row
 * "<display name> (average)" equal to π̄_t = (1/(t+1)) Σ_{s≤t} π_s (summed here from simulate()'s
 * rows) and a dotted companion path with a hollow marker; the check box turns it on and off and
 * the link follows; a bad value is named.
 */
import { algorithmInfo, type AlgorithmId } from '../src/core/algorithms/catalog.ts';
import { fromUpper } from '../src/core/presets.ts';
import { simulate } from '../src/core/simulate.ts';
import { expect, readPolicies, test } from './fixtures.ts';

const UPPER = [0.2, 0.7, 0.35];
const MU = [0.5, 0.3, 0.2];
const PI0 = [0.6, 0.25, 0.15];
const SHOWN: AlgorithmId[] = ['nash-md', 'mwu', 'fictitious-play'];
const T = 150;
const LINK = `./#P=${UPPER.join(',')}&mu=${MU.join(',')}&pi0=${PI0.join(',')}&tau=0.1&eta=0.5&algos=${SHOWN.join(',')}&t=${T}`;

function naiveAverage(algorithm: AlgorithmId, t: number): number[] {
  let k = 0;
  const P = fromUpper(3, () => UPPER[k++]);
  const rows = simulate({ algorithm, preferences: P, reference: MU, initial: PI0, tau: 0.1, eta: 0.5, steps: t });
  const sum = [0, 0, 0];
  for (let s = 0; s <= t; s++) for (let i = 0; i < 3; i++) sum[i] += rows.policies[s * 3 + i];
  return sum.map((x) => x / (t + 1));
}

test('average=1: an "(average)" row per algorithm equal to the mean of its iterates, and a dotted path', async ({
  page,
  errors,
}) => {
  await page.goto(`${LINK}&average=1`);
  await expect(page.getByTestId('iteration')).toHaveText(String(T), { timeout: 20_000 });
  const names = SHOWN.map((a) => algorithmInfo(a)!.displayName);
  await expect
    .poll(async () => Object.keys(await readPolicies(page)), { timeout: 20_000 })
    .toEqual(names.flatMap((name) => [name, `${name} (average)`]));
  const table = await readPolicies(page);
  for (const a of SHOWN) {
    const want = naiveAverage(a, T);
    const got = table[`${algorithmInfo(a)!.displayName} (average)`];
    got.forEach((x, i) => expect(Math.abs(x - want[i]), `${a}[${i}]`).toBeLessThan(1e-9));
  }
  // The canvas draws each average through every iteration, and each has a hollow marker.
  const drawn = await page.getByTestId('trajectories').getAttribute('data-drawn');
  for (const a of SHOWN) expect(drawn).toContain(`${a}/average:${T + 1}`);
  await expect(page.locator('svg [data-average="true"][data-algorithm="mwu"]')).toHaveCount(1);
  await expect(page.locator('svg [data-average="true"][data-algorithm="mwu"]')).toHaveAttribute('fill', '#fff');
  // Stepping on continues the averages (the worker's extension): still the mean at t + 1.
  await page.getByRole('button', { name: '+1: step forward' }).click();
  await expect(page.getByTestId('iteration')).toHaveText(String(T + 1));
  const after = (await readPolicies(page))['MWU (SPPO) (average)'];
  naiveAverage('mwu', T + 1).forEach((w, i) => expect(Math.abs(after[i] - w)).toBeLessThan(1e-9));
  expect(errors).toEqual([]);
});

test('the check box adds and removes the averages, and the link follows', async ({ page }) => {
  await page.goto(LINK);
  await expect(page.getByTestId('iteration')).toHaveText(String(T), { timeout: 20_000 });
  expect(Object.keys(await readPolicies(page))).toHaveLength(SHOWN.length);
  const box = page.getByRole('checkbox', { name: 'Average iterates too' });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect.poll(async () => Object.keys(await readPolicies(page)).length).toBe(2 * SHOWN.length);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('average=1');
  await box.uncheck();
  await expect.poll(async () => Object.keys(await readPolicies(page)).length).toBe(SHOWN.length);
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('average');
});

test('a bad average value is named and the scenario still renders', async ({ page }) => {
  await page.goto(`${LINK}&average=yes`);
  const alert = page.getByRole('alert').filter({ hasText: 'not valid' });
  await expect(alert).toContainText('average');
  await expect(page.getByTestId('iteration')).toHaveText(String(T), { timeout: 20_000 });
  expect(Object.keys(await readPolicies(page))).toHaveLength(SHOWN.length);
});
