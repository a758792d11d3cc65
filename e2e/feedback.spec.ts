/**
 * Learning from sampled feedback (issue 16): `feedback=N&dataSeed=s` makes the runs learn P̂ and r̂
 * from N sampled comparisons of the true P; Nash-MD and OMD run on P̂ and RLHF on r̂ (checked here
 * against the core run on models learned from the same seed's sample, to 1e-9), the truth panel
 * judges them under the true P, the keys round-trip and bad values are named.
 */
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { countsFromDense, learnedModels, sampleFeedback } from '../src/core/feedback.ts';
import { parsePastedMatrix } from '../src/state/pasteParser.ts';
import { exploitability } from '../src/core/exploitability.ts';
import { presetById } from '../src/core/presets.ts';
import { sampleSizeCurve, sampleSizeGrid } from '../src/core/sampleSizeCurve.ts';
import { createRunner } from '../src/core/simulate.ts';
import { winProbability } from '../src/core/winProbability.ts';
import { expect, readPolicies, test } from './fixtures.ts';
import { nashEquilibrium } from '../src/core/nashEquilibrium.ts';
import { highsReady } from '../src/core/lpSolver.ts';

// The Nash equilibria computed here for comparison solve LPs with HiGHS, loaded asynchronously.
test.beforeAll(async () => {
  await highsReady;
});

const T = 200;
const rater = presetById('rater-types')!.build({ epsilon: 0.1 });
const LINK = `./#preset=rater-types&eps=0.1&feedback=1000&dataSeed=3&t=${T}`;

/** The core's run of `algorithm` for T steps on the models learned from the seed's sample. */
function expected(algorithm: 'nash-md' | 'omd' | 'rlhf', sampling: 'uniform' | 'reference' = 'uniform') {
  const counts = sampleFeedback(rater.preferences, 1000, sampling, rater.reference, 3);
  const { preferences, rewards } = learnedModels(counts, 0.5);
  const runner = createRunner(
    {
      algorithm,
      preferences,
      reference: rater.reference,
      initial: rater.initial,
      tau: rater.tau,
      eta: rater.eta,
      steps: 0,
    },
    algorithm === 'rlhf' ? rewards : undefined,
  );
  const policies = runner.advance(T);
  return Array.from(policies.subarray(T * 3, T * 3 + 3));
}

/** The truth panel's row `label`: column → full-precision value. */
async function truthRow(page: import('@playwright/test').Page, label: string) {
  const row = page.getByTestId('truth-table').locator(`tbody tr[data-row="${label}"]`);
  const read = async (col: string) => Number(await row.locator(`[data-col="${col}"]`).getAttribute('data-value'));
  return {
    model: await row.locator('[data-col="model"]').textContent(),
    exploitability: await read('exploitability'),
    vsNash: await read('vs-nash'),
    vsRlhf: await read('vs-rlhf'),
  };
}

test('Nash-MD and OMD run on P̂ and RLHF on r̂ learned from the seed’s 1,000 comparisons (1e-9)', async ({ page }) => {
  await page.goto(LINK);
  await expect(page.getByTestId('iteration')).toHaveText(String(T), { timeout: 20_000 });
  await expect.poll(async () => Object.keys(await readPolicies(page)).length, { timeout: 20_000 }).toBe(3);
  const table = await readPolicies(page);
  for (const [name, algorithm] of [
    ['Nash-MD', 'nash-md'],
    ['OMD', 'omd'],
    ['RLHF', 'rlhf'],
  ] as const) {
    const want = expected(algorithm);
    table[name].forEach((x, i) => expect(Math.abs(x - want[i]), `${name}[${i}]`).toBeLessThan(1e-9));
  }
  // Not the runs on the true P: learning moved them.
  const exact = createRunner({ algorithm: 'nash-md', ...rater, steps: 0 })
    .advance(T)
    .subarray(T * 3);
  expect(Math.max(...table['Nash-MD'].map((x, i) => Math.abs(x - exact[i])))).toBeGreaterThan(1e-6);
  // The simplex draws the true P's targets beside the learned ones.
  const legend = page.locator('[data-testid="simplex"] .simplex-legend');
  await expect(legend).toContainText('π*τ of the true P');
  await expect(legend).toContainText('Nash of the true P');
  await expect(legend).toContainText('RLHF optimum of the true P');
  for (const key of ['truthRegularized', 'truthNash', 'truthRlhfOptimum'])
    await expect(page.locator(`[data-testid="simplex"] [data-marker="${key}"]`).first()).toBeAttached();
});

test('the truth panel judges each policy under the true P, and its caption names the models', async ({ page }) => {
  await page.goto(LINK);
  await expect(page.getByTestId('iteration')).toHaveText(String(T), { timeout: 20_000 });
  const panel = page.getByTestId('truth-table');
  await expect(panel.locator('caption')).toContainText('Nash-MD and OMD trained on P̂, RLHF on r̂', {
    timeout: 20_000,
  });
  await expect(panel.locator('caption')).toContainText('N = 1,000 comparisons');
  const p = rater.preferences.flat();
  const nash = nashEquilibrium(rater.preferences);
  const table = await readPolicies(page);
  for (const name of ['Nash-MD', 'OMD', 'RLHF']) {
    const row = await truthRow(page, name);
    const pi = table[name];
    expect(row.model).toBe(name === 'RLHF' ? 'r̂' : 'P̂');
    expect(
      Math.abs(row.exploitability - exploitability(rater.preferences, rater.reference, rater.tau, pi)),
    ).toBeLessThan(1e-12);
    expect(Math.abs(row.vsNash - winProbability(p, 3, pi, nash))).toBeLessThan(1e-9);
    expect(Math.abs(row.vsRlhf - winProbability(p, 3, pi, table.RLHF))).toBeLessThan(1e-12);
  }
  // π*_τ of the true P is what e_τ measures against: 0 there.
  expect(Math.abs((await truthRow(page, 'π*τ of the true P')).exploitability)).toBeLessThan(1e-9);
});

test('the keys round-trip, and the controls follow them', async ({ page }) => {
  await page.goto('./#preset=rater-types&eps=0.1&feedback=3000&sampling=reference&dataSeed=42&smoothing=0.25');
  await expect(page.getByTestId('feedback-on')).toBeChecked();
  await expect(page.getByTestId('feedback-n')).toHaveValue('3000');
  await expect(page.getByTestId('feedback-sampling')).toHaveValue('reference');
  await expect(page.getByTestId('feedback-seed')).toHaveValue('42');
  await expect(page.getByTestId('feedback-smoothing')).toHaveValue('0.25');
  await expect.poll(() => page.url()).toContain('feedback=3000&sampling=reference&dataSeed=42&smoothing=0.25');
  // Unticking turns learning off (the link forgets N), ticking brings the same N back.
  await page.getByTestId('feedback-on').uncheck();
  await expect.poll(() => page.url()).not.toContain('feedback=');
  await expect(page.getByTestId('truth-table')).toHaveCount(0);
  await page.getByTestId('feedback-on').check();
  await expect.poll(() => page.url()).toContain('feedback=3000');
  // A typed seed is applied on Enter; a bad one is named and the seed stays.
  const seed = page.getByTestId('feedback-seed');
  await seed.fill('abc');
  await seed.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Data seed' })).toContainText('It stays 42');
  await seed.fill('7');
  await seed.press('Enter');
  await expect.poll(() => page.url()).toContain('dataSeed=7');
});

test('feedback=-3, smoothing=0 and dataSeed=abc are named and replaced by defaults; the rest loads', async ({
  page,
}) => {
  await page.goto('./#preset=rater-types&eps=0.1&tau=0.2&feedback=-3&smoothing=0&dataSeed=abc');
  for (const field of ['feedback', 'smoothing', 'dataSeed'])
    await expect(page.getByText(new RegExp(`${field} must`)).first()).toBeVisible();
  await expect(page.getByTestId('tau')).toHaveValue('0.2');
  await expect(page.getByTestId('feedback-on')).not.toBeChecked();
});

test('the sample-size curve is the core’s for the scenario (K = 20, N = 10 … 1,000) and follows an edit of N', async ({
  page,
}) => {
  await page.goto(LINK);
  const rows = page.getByTestId('sample-size-table').locator('tbody tr');
  await expect(rows).toHaveCount(5, { timeout: 20_000 });
  const want = sampleSizeCurve({
    preferences: rater.preferences,
    reference: rater.reference,
    tau: rater.tau,
    sampling: 'uniform',
    smoothing: 0.5,
    sizes: sampleSizeGrid(1000),
    seeds: 20,
    seed: 3,
  });
  const medians = await rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => Number(td.getAttribute('data-value')))),
  );
  // The browser's Math.exp/log may differ from Node's in the last bits: equal to 1e-9.
  medians.forEach(([nlhf, rlhf], g) => {
    expect(Math.abs(nlhf - want.nlhf.median[g])).toBeLessThan(1e-9);
    expect(Math.abs(rlhf - want.rlhf.median[g])).toBeLessThan(1e-9);
  });
  const n = page.getByTestId('feedback-n');
  await n.fill('3000');
  await n.press('Enter');
  await expect(rows).toHaveCount(6, { timeout: 20_000 });
  await expect(rows.last().locator('th')).toHaveText('3,000');
});

/** Downloads the Export menu's `button` file and returns its text. */
async function exported(page: Page, button: string): Promise<string> {
  const summary = page.locator('.export-menu summary');
  if (!(await page.locator('.export-menu details').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile(await file.path(), 'utf8');
}

test('the sampled comparisons: a win-count table, and the same dataSeed gives the same export', async ({ page }) => {
  await page.goto(LINK);
  await expect(page.getByTestId('iteration')).toHaveText(String(T), { timeout: 20_000 });
  const counts = sampleFeedback(rater.preferences, 1000, 'uniform', rater.reference, 3);
  // The heatmap's cell (y1, y2) holds the wins of y1 over y2.
  const cell = page.getByTestId('counts-table').locator('tbody tr').nth(0).locator('td').nth(1);
  await expect(cell).toHaveAttribute('data-value', String(counts.winsI[0]), { timeout: 20_000 });
  const csv = await exported(page, 'Comparisons CSV');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe('a,b,wins of a,wins of b');
  expect(lines.slice(1)).toEqual(
    Array.from(
      counts.i,
      (i, k) => `${rater.labels[i]},${rater.labels[counts.j[k]]},${counts.winsI[k]},${counts.winsJ[k]}`,
    ),
  );
  // The paste reader takes it back as win counts of the same responses; its counts give P̂ and r̂.
  const pasted = parsePastedMatrix(csv, 'auto');
  expect(pasted.ok && pasted.kind === 'counts' && pasted.labels).toEqual(rater.labels);
  const json = JSON.parse(await exported(page, 'Comparisons JSON'));
  const wins = new Float64Array(9);
  for (const p of json.pairs) {
    const [i, j] = [rater.labels.indexOf(p.a), rater.labels.indexOf(p.b)];
    wins[i * 3 + j] = p.winsA;
    wins[j * 3 + i] = p.winsB;
  }
  const learned = learnedModels(countsFromDense(wins, 3), 0.5);
  json.learned.preferences
    .flat()
    .forEach((x: number, k: number) => expect(Math.abs(x - learned.preferences.flat()[k])).toBeLessThan(1e-12));
  json.learned.rewards.forEach((x: number, k: number) => expect(Math.abs(x - learned.rewards[k])).toBeLessThan(1e-9));
  // A fresh page with the same link exports the same file; another seed does not.
  await page.goto('about:blank');
  await page.goto(LINK);
  await expect(page.getByTestId('iteration')).toHaveText(String(T), { timeout: 20_000 });
  await expect(page.getByTestId('counts-table')).toBeVisible();
  expect(await exported(page, 'Comparisons CSV')).toBe(csv);
  const seed = page.getByTestId('feedback-seed');
  await seed.fill('4');
  await seed.press('Enter');
  await expect(cell).not.toHaveAttribute('data-value', String(counts.winsI[0]));
  expect(await exported(page, 'Comparisons CSV')).not.toBe(csv);
});

test('axe: the feedback controls, the comparisons, the truth panel and the curve have no serious violations', async ({
  page,
}) => {
  await page.goto(LINK);
  await expect(page.getByTestId('sample-size-table').locator('tbody tr')).toHaveCount(5, { timeout: 20_000 });
  await expect(page.getByTestId('truth-table')).toBeVisible();
  const results = await new AxeBuilder({ page })
    .include('[data-testid="feedback-controls"]')
    .include('[data-testid="comparisons"]')
    .include('[data-testid="truth-panel"]')
    .include('[data-testid="sample-size"]')
    .analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
  // Keyboard: the box is reachable and turns learning off.
  await page.getByTestId('feedback-on').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('feedback-on')).not.toBeChecked();
  await expect(page.getByTestId('truth-panel')).toHaveCount(0);
});

test('the explanations give the feedback formulas, typeset, only with feedback on', async ({ page }) => {
  await page.goto(LINK);
  await page.getByRole('button', { name: 'What am I looking at?' }).click();
  const heading = page.getByRole('heading', { name: 'Learning from sampled feedback' });
  await expect(heading).toBeVisible();
  const section = page.locator('.formula', {
    has: page.getByRole('heading', { name: 'The learned preference model (NLHF)' }),
  });
  await expect(section.locator('.katex').first()).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('feedback-on').uncheck();
  await expect(heading).toHaveCount(0);
});
