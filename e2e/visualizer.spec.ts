import { simulate } from '../src/core/simulate.ts';
import { expect, iteration, readPolicies, test } from './fixtures.ts';

test.describe('live visualizer', () => {
  test('loads the default preset, runs it in a worker and draws every view', async ({ page, errors }) => {
    await page.goto('./');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
    const policies = await readPolicies(page);
    expect(Object.keys(policies)).toEqual(['Nash-MD', 'OMD', 'RLHF']);
    for (const row of Object.values(policies)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    await expect(page.getByTestId('simplex').locator('svg path').first()).toBeVisible();
    await expect(page.getByTestId('convergence').locator('svg')).toBeVisible();
    await expect(page.getByTestId('winrates').locator('svg')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('editing a cell updates its mirror and the trajectory', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const before = await readPolicies(page);
    const cell = page.getByLabel('P(rock ≻ paper)');
    await cell.fill('0.3');
    await cell.press('Enter');
    await expect(page.getByLabel('P(paper ≻ rock)')).toHaveValue(/^0\.7/);
    await expect.poll(async () => (await readPolicies(page))['Nash-MD'][0]).not.toBe(before['Nash-MD'][0]);
    await expect(page.getByTestId('iteration')).toHaveText('300');
  });

  test('a preset loads its matrix', async ({ page }) => {
    await page.goto('./');
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Non-transitive dice' });
    // A beats B, B beats C, C beats A, each with probability 5/9.
    await expect(page.getByLabel(/^P\(A \{.*\} ≻ B \{.*\}\)$/)).toHaveValue('0.556');
    await expect(page.getByLabel(/^P\(B \{.*\} ≻ C \{.*\}\)$/)).toHaveValue('0.556');
    await expect(page.getByLabel(/^P\(C \{.*\} ≻ A \{.*\}\)$/)).toHaveValue('0.556');
    await expect(page.getByLabel(/^P\(B \{.*\} ≻ A \{.*\}\)$/)).toHaveValue('0.444');
    await expect(page.locator('.preset-caption')).not.toBeEmpty();
    await expect.poll(() => page.url()).toContain('preset=dice');
  });

  test('Play moves t and the paths grow; Pause stops them', async ({ page }) => {
    await page.goto('./#preset=rps&t=0');
    await expect(page.getByTestId('iteration')).toHaveText('0');
    await page.getByRole('button', { name: /Play/ }).click();
    await expect.poll(() => iteration(page)).toBeGreaterThan(20);
    await page.getByRole('button', { name: /Pause/ }).click();
    const paused = await iteration(page);
    await page.waitForTimeout(400);
    expect(await iteration(page)).toBe(paused);
    const pathLength = await page.getByTestId('simplex').locator('svg path[data-algorithm="nash-md"]').first().evaluate((p) => (p as SVGPathElement).getTotalLength());
    expect(pathLength).toBeGreaterThan(10);
  });

  test('Step and Reset move t by one and back to 0', async ({ page }) => {
    await page.goto('./#preset=rps&t=5');
    await expect(page.getByTestId('iteration')).toHaveText('5');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByTestId('iteration')).toHaveText('6');
    await page.getByRole('button', { name: /Reset/ }).click();
    await expect(page.getByTestId('iteration')).toHaveText('0');
  });

  test('the URL round-trips: the table matches src/core run on the hash', async ({ page }) => {
    const P = [
      [0.5, 0.7, 0.2, 0.6],
      [0.3, 0.5, 0.9, 0.4],
      [0.8, 0.1, 0.5, 0.35],
      [0.4, 0.6, 0.65, 0.5],
    ];
    const mu = [0.4, 0.3, 0.2, 0.1];
    const pi0 = [0.1, 0.2, 0.3, 0.4];
    const hash = `#P=0.7,0.2,0.6,0.9,0.4,0.35&labels=a,b,c,d&mu=${mu}&pi0=${pi0}&tau=0.1&eta=theorem&t=137&algos=nash-md,rlhf&comparisons=reference`;
    await page.goto('./' + hash);
    await expect(page.getByTestId('iteration')).toHaveText('137');
    const table = await readPolicies(page);
    expect(Object.keys(table)).toEqual(['Nash-MD', 'RLHF']);
    for (const [name, algorithm] of [['Nash-MD', 'nash-md'], ['RLHF', 'rlhf']] as const) {
      const { policies } = simulate({ algorithm, preferences: P, reference: mu, initial: pi0, tau: 0.1, eta: 'theorem', steps: 137, comparisons: 'reference' });
      const expected = Array.from(policies.subarray(137 * 4, 138 * 4));
      table[name].forEach((x, i) => expect(x).toBeCloseTo(expected[i], 12));
    }
    // The app writes the same state back into the URL.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('t=137');
    expect(await page.evaluate(() => location.hash)).toContain('eta=theorem');
  });

  test('a hash with bad values shows a message naming them and still renders', async ({ page }) => {
    await page.goto('./#preset=rps&tau=-3&mu=1,x,2&t=12');
    const alert = page.getByRole('alert').filter({ hasText: 'not valid' });
    await expect(alert).toContainText('tau');
    await expect(alert).toContainText('mu');
    await expect(page.getByTestId('iteration')).toHaveText('12');
    expect(Object.keys(await readPolicies(page))).toEqual(['Nash-MD', 'OMD', 'RLHF']);
  });
});
