/**
 * The LLMFAO presets (issue 15): real crowd judgements of 59 LLMs load on demand from the app's own
 * files, attributed; the crowd preset's reward leaderboard equals the maximum-likelihood fit on
 * the crowd's battles computed here; the share slider mixes crowd and GPT-4 as
 * P = w · P_crowd + (1 − w) · P_GPT-4; one prompt at a time is sparse; a failed fetch keeps the scenario.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { denseCounts, llmfaoCounts, parseLlmfao, winRates } from '../src/state/llmfao.ts';
import { bootstrapElo, eloScores, fitCounts, strongestCycles } from '../src/core/leaderboard.ts';
import { countsFromDense } from '../src/core/feedback.ts';
import { BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED } from '../src/state/leaderboard.ts';

const data = parseLlmfao(JSON.parse(readFileSync(new URL('../public/data/llmfao.json', import.meta.url), 'utf8')));
const ATTRIBUTION = /LLMFAO by Dmitry Ustalov, built on the Crowdsourced LLM Benchmark by llmonitor\.com; CC BY 4\.0/;

async function choose(page: Page, value: string) {
  await page.getByLabel('Preset', { exact: true }).selectOption(value);
  await expect(page.getByTestId('llmfao-attribution')).toBeVisible();
}

test('the crowd leaderboard loads from the app’s own files, attributed, and ranks as the maximum-likelihood fit', async ({
  page,
  baseURL,
}) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && url.origin !== new URL(baseURL!).origin) foreign.push(r.url());
  });
  await page.goto('./');
  await choose(page, 'llmfao-crowd');
  await expect(page.getByTestId('llmfao-attribution')).toContainText(ATTRIBUTION);
  await expect(page.getByTestId('llmfao-attribution').getByRole('link', { name: 'LLMFAO' })).toHaveAttribute(
    'href',
    'https://github.com/dustalov/llmfao',
  );
  // Under the figure too (its caption), and in the link: only the choice.
  await expect(page.getByTestId('caption')).toContainText(ATTRIBUTION);
  await expect.poll(() => page.url()).toContain('preset=llmfao&rater=crowd');
  await expect(page.getByTestId('llmfao-sparsity')).toContainText('927 of 1,711 model pairs judged');
  await expect(page.getByLabel('RLHF reward fitted on')).toHaveValue('observed');

  const counts = llmfaoCounts(data, 'crowd', null);
  const elo = Array.from(eloScores(fitCounts(counts)));
  const order = elo.map((_, i) => i).sort((a, b) => elo[b] - elo[a]);
  await page.locator('summary', { hasText: 'Reward scores' }).click();
  const table = page.getByRole('table', { name: 'Reward model leaderboard' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(59);
  const names = await rows.locator('th').allTextContents();
  const shown = await rows.locator('td:nth-of-type(2)').allTextContents();
  expect(names).toEqual(order.map((i) => data.models[i]));
  expect(shown.map((s) => s.split(' ')[0])).toEqual(order.map((i) => elo[i].toFixed(1)));
  expect(foreign).toEqual([]);
});

test('the leaderboard’s bootstrap intervals, computed in a worker, equal bootstrapElo with the same seed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await choose(page, 'llmfao-crowd');
  await page.locator('summary', { hasText: 'Reward scores' }).click();
  const table = page.getByRole('table', { name: 'Reward model leaderboard' });
  await expect(table.getByRole('columnheader', { name: 'Elo, 95 % interval' })).toBeVisible();
  await expect(page.locator('details.reward-scores')).toContainText(
    `over ${BOOTSTRAP_ROUNDS} bootstrap rounds (the battles resampled with replacement`,
  );
  const C = denseCounts(llmfaoCounts(data, 'crowd', null));
  const ci = bootstrapElo(countsFromDense(C.flat(), C.length), BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED);
  const order = Array.from(ci.elo, (_, i) => i).sort((a, b) => ci.elo[b] - ci.elo[a]);
  const expected = order.map((i) => `${ci.elo[i].toFixed(0)} (${ci.low[i].toFixed(0)}–${ci.high[i].toFixed(0)})`);
  const cells = table.getByTestId('elo-interval');
  await expect(cells.first()).not.toHaveText('…', { timeout: 90_000 });
  expect(await cells.allTextContents()).toEqual(expected);
  // Every interval holds its Elo.
  for (const i of order) expect(ci.low[i] <= ci.elo[i] && ci.elo[i] <= ci.high[i]).toBe(true);
});

test('the share slider mixes the raters: P = w · P_crowd + (1 − w) · P_GPT-4', async ({ page }) => {
  await page.goto('./');
  await choose(page, 'llmfao-mix');
  const slider = page.getByLabel('Crowd’s share w');
  await expect(slider).toHaveValue('0.5');
  const crowd = winRates(llmfaoCounts(data, 'crowd', null));
  const gpt4 = winRates(llmfaoCounts(data, 'gpt4', null));
  // The first pair of model 0 the two raters judge clearly differently.
  const j = crowd[0].findIndex((p, k) => k > 0 && Math.abs(p - gpt4[0][k]) > 0.2);
  expect(j).toBeGreaterThan(0);
  const readCell = async () => {
    await page.getByTestId('heatmap-canvas').focus();
    for (let k = 1; k < j; k++) await page.keyboard.press('ArrowRight');
    return page.getByTestId('heatmap-readout');
  };
  const expected = (w: number) =>
    `Selected: P(${data.models[0]} ≻ ${data.models[j]}) = ${(w * crowd[0][j] + (1 - w) * gpt4[0][j]).toFixed(3)}`;
  // The crowd's battles of the pair are kept, split by the mixed P.
  await expect(await readCell()).toContainText(`${expected(0.5)} (`);
  await slider.focus();
  for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveValue('0.3');
  await expect.poll(() => page.url()).toContain('share=0.3');
  await expect(await readCell()).toContainText(`${expected(0.3)} (`);
  await expect(page.getByTestId('llmfao-attribution')).toBeVisible();
  // A link with the share comes back with it; a bad share is named.
  await page.goto(`./#preset=llmfao&rater=mix&share=0.3`);
  await expect(page.getByLabel('Crowd’s share w')).toHaveValue('0.3');
  await page.goto(`./#preset=llmfao&rater=mix&share=7`);
  await expect(page.getByText(/share \(the crowd's share\) must be from 0 to 1, got "7"/)).toBeVisible();
});

test('one prompt at a time: a menu of the 13 prompts, each far sparser', async ({ page }) => {
  await page.goto('./');
  await choose(page, 'llmfao-prompt');
  const prompt = page.getByLabel('Prompt', { exact: true });
  await expect(prompt.locator('option')).toHaveCount(14);
  await prompt.selectOption('qft');
  const index = data.prompts.findIndex((p) => p.slug === 'qft');
  const pairs = llmfaoCounts(data, 'crowd', index).i.length;
  await expect(page.getByTestId('llmfao-sparsity')).toContainText(`${pairs} of 1,711 model pairs judged`);
  await expect.poll(() => page.url()).toContain('prompt=qft');
});

test('a failed fetch says so and keeps the scenario', async ({ page }) => {
  await page.route('**/data/llmfao.json', (r) => r.abort());
  await page.goto('./');
  await page.getByLabel('Preset', { exact: true }).selectOption('llmfao-crowd');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toContainText(
    'The scenario shown is kept',
  );
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('rps');
  await expect(page.getByTestId('caption')).toContainText('Rock-paper-scissors, n = 3, τ = 0.05, η = 2, t = 300.');
  await expect(page.getByTestId('llmfao-attribution')).toHaveCount(0);
});

test('the story “Does the leaderboard’s winner win?” loads the crowd data, attributed, and steps through it', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Stories' }).click();
  await page.getByRole('button', { name: 'Does the leaderboard’s winner win?' }).click();
  await expect(page.getByTestId('llmfao-attribution')).toBeVisible();
  await expect(page.getByTestId('caption')).toContainText('LLMFAO (crowd)');
  await expect(page.getByTestId('caption')).toContainText(ATTRIBUTION);
  await expect(page.getByText(/ranks GPT 4 first \(Elo 1172\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/gives GPT 4 nothing/)).toBeVisible();
  await expect(page.getByTestId('llmfao-attribution')).toBeVisible();
});

test('the cycles in the data: the strongest non-transitive triples with their win rates and battles', async ({
  page,
}) => {
  await page.goto('./');
  await choose(page, 'llmfao-crowd');
  await page.locator('summary', { hasText: 'Cycles in the data' }).click();
  const items = page.getByTestId('llmfao-cycles').locator('li');
  const cycles = strongestCycles(llmfaoCounts(data, 'crowd', null), 5, 5);
  await expect(items).toHaveCount(cycles.length);
  const pct = (x: number) => `${Math.round(100 * x)} %`;
  const [c] = cycles;
  const [a, b, d] = c.members.map((i) => data.models[i]);
  await expect(items.first()).toHaveText(
    `${a} ≻ ${b} ≻ ${d} ≻ ${a}: ${pct(c.rates[0])} (${c.battles[0]}), ${pct(c.rates[1])} (${c.battles[1]}), ${pct(c.rates[2])} (${c.battles[2]})`,
  );
});

test('axe: no serious or critical violations with the mixture, its leaderboard and cycles open', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('./#preset=llmfao&rater=mix&share=0.3');
  await expect(page.getByTestId('llmfao-attribution')).toBeVisible();
  await page.locator('summary', { hasText: 'Cycles in the data' }).click();
  await page.locator('summary', { hasText: 'Reward scores' }).click();
  await expect(page.getByTestId('elo-interval').first()).not.toHaveText('…', { timeout: 60_000 });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
});

test('<nash-md-explorer preset="llmfao" rater="mix" share="0.3">: the data beside the library script, attributed', async ({
  page,
}) => {
  await page.route('**/examples/llmfao-element.html', (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>LLMFAO element</title></head><body>
<script type="module" src="../nash-md-explorer.js"></script>
<nash-md-explorer preset="llmfao" rater="mix" share="0.3" figures="simplex"></nash-md-explorer></body></html>`,
    }),
  );
  const data: string[] = [];
  page.on('request', (r) => r.url().endsWith('/llmfao.json') && data.push(new URL(r.url()).pathname));
  await page.goto('./examples/llmfao-element.html');
  const caption = page.locator('nash-md-explorer').getByTestId('caption');
  await expect(caption).toContainText('LLMFAO (mix 0.3), n = 59');
  await expect(caption).toContainText(ATTRIBUTION);
  expect(data).toEqual(['/data/llmfao.json']);
});
