/**
 * The views for large n: the top-k chart (k named responses + "other"), the equilibrium bars and
 * the policy table's top-k columns, checked against the same computation done here with src/core
 * (the worker runs the same code, so values agree to rounding). Small n keeps its old views.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fitBradleyTerry, rlhfOptimum } from '../src/core/bradleyTerry.ts';
import { presetById } from '../src/core/presets.ts';
import { regularizedNash } from '../src/core/regularizedNash.ts';
import { simulate } from '../src/core/simulate.ts';
import type { Algorithm } from '../src/core/types.ts';
import { expect, readPolicies, test } from './fixtures.ts';
import { nashEquilibrium } from '../src/core/nashEquilibrium.ts';
import { highsReady } from '../src/core/lpSolver.ts';

// The Nash equilibria computed here for comparison solve LPs with HiGHS, loaded asynchronously.
test.beforeAll(async () => {
  await highsReady;
});

const ALGOS: Algorithm[] = ['nash-md', 'omd', 'rlhf'];
const NAMES: Partial<Record<Algorithm, string>> = { 'nash-md': 'Nash-MD', omd: 'OMD', rlhf: 'RLHF' };

/** Everything the large-n views show, computed from the preset in Node. */
async function expected(preset: string, n: number, seed: number, k: number) {
  const s = presetById(preset)!.build({ n, seed });
  const eta = Math.min(s.eta, 1 / s.tau);
  const runs = ALGOS.map(
    (algorithm) =>
      simulate({
        algorithm,
        preferences: s.preferences,
        reference: s.reference,
        initial: s.initial,
        tau: s.tau,
        eta,
        steps: s.steps,
      }).policies,
  );
  const eq = {
    regularized: regularizedNash(s.preferences, s.reference, s.tau),
    nash: nashEquilibrium(s.preferences),
    rlhfOptimum: rlhfOptimum(fitBradleyTerry(s.preferences), s.reference, s.tau),
  };
  // The documented ranking: largest probability reached over rows 0..t of every run (all rows
  // here: t = steps ≤ 1024) and over the three equilibria; ties by index.
  const peak = new Array<number>(n).fill(-Infinity);
  for (const p of [...runs, eq.regularized, eq.nash, eq.rlhfOptimum])
    for (let i = 0; i < p.length; i++) peak[i % n] = Math.max(peak[i % n], p[i]);
  const top = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => peak[b] - peak[a] || a - b)
    .slice(0, k);
  const last = (a: Algorithm) => Array.from(runs[ALGOS.indexOf(a)].subarray(s.steps * n, (s.steps + 1) * n));
  return { s, top, eq, last, labels: s.labels };
}

async function waitForRun(page: Page, t: number, timeout = 20_000) {
  await expect(page.getByTestId('iteration')).toHaveText(String(t), { timeout });
  await expect(page.locator('[data-testid=topk] g.topk-panel')).toHaveCount(3, { timeout });
  await expect(page.locator('[data-testid=equilibrium-bars] rect.bar').first()).toBeAttached({ timeout });
}

/** Hovers the figure's svg at a fraction of `part`'s box (the svg, not the part, takes the pointer). */
async function hoverOver(page: Page, testId: string, part: import('@playwright/test').Locator, fx: number, fy: number) {
  const svg = page.locator(`[data-testid=${testId}] > svg`);
  await svg.scrollIntoViewIfNeeded();
  const [s, b] = [(await svg.boundingBox())!, (await part.boundingBox())!];
  await svg.hover({ position: { x: b.x - s.x + Math.max(1, b.width * fx), y: b.y - s.y + b.height * fy } });
}

async function legendResponses(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid=topk] g.legend-item')
    .evaluateAll((items) => items.map((g) => g.getAttribute('data-response') ?? ''));
}

async function checkViews(page: Page, preset: string, n: number, seed: number) {
  const want = await expected(preset, n, seed, 8);
  // Legend: the top 8 by largest probability reached, best first, then "other".
  expect(await legendResponses(page)).toEqual([...want.top.map(String), '-1']);
  const legendText = await page.locator('[data-testid=topk] g.legend-item text').allTextContents();
  expect(legendText.slice(0, 8)).toEqual(want.top.map((i, r) => `${r + 1}. ${want.labels[i]}`));
  expect(legendText[8]).toBe(`other (${n - 8} more)`);
  // One panel per algorithm, each with 8 named lines and "other".
  for (const panel of await page.locator('[data-testid=topk] g.topk-panel').all()) {
    await expect(panel.locator('g.lines path')).toHaveCount(9);
  }
  // Bars: every value equals the core's, per response and for "other".
  const bars = await page.locator('[data-testid=equilibrium-bars] rect.bar').evaluateAll((rs) =>
    rs.map((r) => ({
      kind: r.getAttribute('data-kind') as 'regularized' | 'nash' | 'rlhfOptimum',
      response: Number(r.getAttribute('data-response')),
      value: Number(r.getAttribute('data-value')),
    })),
  );
  expect(bars.length % 3).toBe(0);
  expect(bars.length / 3).toBeLessThanOrEqual(16);
  const named = new Set(bars.filter((b) => b.response >= 0).map((b) => b.response));
  for (const kind of ['regularized', 'nash', 'rlhfOptimum'] as const) {
    const v = want.eq[kind];
    let rest = 0;
    for (let i = 0; i < n; i++) if (!named.has(i)) rest += v[i];
    for (const b of bars.filter((x) => x.kind === kind))
      expect(b.value).toBeCloseTo(b.response < 0 ? rest : v[b.response], 6);
    // Each kind's largest entry is named.
    const argmax = Array.from(v).indexOf(Math.max(...v));
    expect(named.has(argmax)).toBe(true);
  }
  // Table: Algorithm, the same 8 responses, other; each row sums to 1 and matches the runs at t.
  const head = await page.locator('.policy-table thead th').allTextContents();
  expect(head).toEqual(['Algorithm', ...want.top.map((i) => want.labels[i]), `other (${n - 8})`]);
  const table = await readPolicies(page);
  for (const a of ALGOS) {
    const row = table[NAMES[a]!];
    const pi = want.last(a);
    expect(row).toHaveLength(9);
    expect(Math.abs(row.reduce((x, y) => x + y, 0) - 1)).toBeLessThan(1e-9);
    want.top.forEach((i, c) => expect(row[c]).toBeCloseTo(pi[i], 9));
  }
  return want;
}

test('n = 60 leaderboard: top-k chart, bars and table agree with the core; k can be changed; hover shows values', async ({
  page,
}) => {
  await page.goto('./#preset=leaderboard&n=60&seed=1');
  await waitForRun(page, 300);
  await expect(page.getByTestId('timeseries')).toHaveCount(0);
  await checkViews(page, 'leaderboard', 60, 1);

  // k = 5: five named series and "other", in the chart and in the table.
  await page.getByLabel(/Show top/).selectOption('5');
  const want5 = await expected('leaderboard', 60, 1, 5);
  await expect.poll(() => legendResponses(page)).toEqual([...want5.top.map(String), '-1']);
  await expect(page.locator('.policy-table thead th')).toHaveCount(7);

  // Hover: a tooltip with t and one value per series.
  await hoverOver(page, 'topk', page.locator('[data-testid=topk] g.topk-panel').first(), 0.4, 0.5);
  const tip = page.locator('[data-testid=topk] .large-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip.locator('.large-tooltip-title')).toContainText(/Nash-MD · t = \d+/);
  await expect(tip.locator('.large-tooltip-row')).toHaveCount(6);
  await hoverOver(page, 'equilibrium-bars', page.locator('[data-testid=equilibrium-bars] rect.bar').first(), 0, 0.5);
  await expect(page.locator('[data-testid=equilibrium-bars] .large-tooltip .large-tooltip-row')).toHaveCount(3);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
});

test('n = 500 random: the views stay correct at the largest n', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('./#preset=random&n=500&seed=1');
  await waitForRun(page, 300, 120_000);
  await checkViews(page, 'random', 500, 1);
});

test('n = 3 is unchanged: no top-k chart, no bars, no small multiples; the full table', async ({ page }) => {
  await page.goto('./#preset=rps&t=300');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  await expect(page.getByTestId('simplex')).toBeVisible();
  await expect(page.getByTestId('topk')).toHaveCount(0);
  await expect(page.getByTestId('equilibrium-bars')).toHaveCount(0);
  await expect(page.getByTestId('timeseries')).toHaveCount(0);
  await expect(page.locator('.policy-table thead th')).toHaveText(['Algorithm', 'rock', 'paper', 'scissors']);
});

test('n = 6 keeps the small multiples and adds the bars of all six responses', async ({ page }) => {
  await page.goto('./#preset=random&seed=3&n=6&t=100');
  await expect(page.getByTestId('iteration')).toHaveText('100');
  await expect(page.getByTestId('timeseries')).toBeVisible();
  await expect(page.getByTestId('topk')).toHaveCount(0);
  // All six responses, in matrix order, no "other".
  await expect(page.locator('[data-testid=equilibrium-bars] rect.bar')).toHaveCount(18);
  const responses = await page
    .locator('[data-testid=equilibrium-bars] rect.bar[data-kind=nash]')
    .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-response')));
  expect(responses).toEqual(['0', '1', '2', '3', '4', '5']);
  await expect(page.locator('.policy-table thead th')).toHaveCount(7);
});
