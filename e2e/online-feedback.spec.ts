/**
 * Online feedback (issue 16, `sampling=online`): ten rounds of N/10 comparisons drawn from the
 * chosen run's current policy at t = 0, R, …, 9R, every run training on the models of the
 * comparisons drawn so far. The "Current policies" rows are checked against plain updates written
 * out here, run on P̂_k and r̂_k rebuilt from the JSON export's per-round counts (1e-9).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { countsFromDense, learnedModels } from '../src/core/feedback.ts';
import { presetById } from '../src/core/presets.ts';
import { expect, readPolicies, test } from './fixtures.ts';

const T = 300;
const R = 20;
const rater = presetById('rater-types')!.build({ epsilon: 0.1 });
const LINK = `./#preset=rater-types&eps=0.1&feedback=1000&sampling=online&dataSeed=3&roundSteps=${R}&t=${T}`;

/** Downloads the Export menu's `button` file and returns its text. */
async function exported(page: Page, button: string): Promise<string> {
  const summary = page.locator('.export-menu summary');
  if (!(await page.locator('.export-menu details').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile(await file.path(), 'utf8');
}

interface RoundJson {
  step: number;
  run: string;
  comparisons: number;
  pairs: { a: string; b: string; winsA: number; winsB: number }[];
}

/** P̂_k and r̂_k of rounds 0…k pooled, for every k. */
function modelsOf(rounds: RoundJson[]) {
  const wins = new Float64Array(9);
  return rounds.map((round) => {
    for (const p of round.pairs) {
      const [i, j] = [rater.labels.indexOf(p.a), rater.labels.indexOf(p.b)];
      wins[i * 3 + j] += p.winsA;
      wins[j * 3 + i] += p.winsB;
    }
    return learnedModels(countsFromDense(wins, 3), 0.5);
  });
}

/** Nash-MD (Eqs. 3–5), OMD (Eqs. 7–8) and RLHF (§3) written out, on model k for t ∈ [kR, (k+1)R). */
function reference(algorithm: 'Nash-MD' | 'OMD' | 'RLHF', models: ReturnType<typeof modelsOf>): number[] {
  const { reference: mu, tau } = rater;
  const eta = rater.eta as number;
  const normalize = (logs: number[]) => {
    const m = Math.max(...logs);
    const w = logs.map((x) => Math.exp(x - m));
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  };
  const times = (P: number[][], x: number[]) => P.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
  let pi = rater.initial.slice();
  for (let t = 0; t < T; t++) {
    const { preferences: P, rewards } = models[Math.min(Math.floor(t / R), models.length - 1)];
    const geo = normalize(pi.map((p, i) => (1 - eta * tau) * Math.log(p) + eta * tau * Math.log(mu[i])));
    const win = algorithm === 'Nash-MD' ? times(P, geo) : algorithm === 'OMD' ? times(P, pi) : Array.from(rewards);
    pi = normalize(geo.map((g, i) => Math.log(g) + eta * win[i]));
  }
  return pi;
}

test('online feedback: the rows equal plain updates on the models of the exported rounds (1e-9)', async ({ page }) => {
  await page.goto(LINK);
  await expect(page.getByTestId('iteration')).toHaveText(String(T), { timeout: 20_000 });
  await expect.poll(async () => Object.keys(await readPolicies(page)).length, { timeout: 20_000 }).toBe(3);
  await expect(page.getByTestId('counts-table').locator('caption')).toContainText(
    `pairs drawn online from Nash-MD’s policy in 10 rounds, at t = 0, ${R}, …, ${9 * R}`,
    { timeout: 20_000 },
  );
  const json = JSON.parse(await exported(page, 'Comparisons JSON'));
  expect(json.feedback).toMatchObject({ sampling: 'online', online: { run: 'nash-md', roundSteps: R } });
  const rounds: RoundJson[] = json.rounds;
  expect(rounds.map((r) => r.step)).toEqual(Array.from({ length: 10 }, (_, k) => k * R));
  expect(rounds.map((r) => r.comparisons)).toEqual(Array(10).fill(100));
  for (const r of rounds) {
    expect(r.run).toBe('nash-md');
    expect(r.pairs.reduce((s, p) => s + p.winsA + p.winsB, 0)).toBe(r.comparisons);
  }
  const models = modelsOf(rounds);
  // The export's P̂ is the last round's.
  json.learned.preferences
    .flat()
    .forEach((x: number, k: number) => expect(Math.abs(x - models[9].preferences.flat()[k])).toBeLessThan(1e-12));
  const table = await readPolicies(page);
  for (const name of ['Nash-MD', 'OMD', 'RLHF'] as const) {
    const want = reference(name, models);
    table[name].forEach((x, i) => expect(Math.abs(x - want[i]), `${name}[${i}]`).toBeLessThan(1e-9));
  }
  // The CSV has the totals: the sum of the rounds.
  const csv = (await exported(page, 'Comparisons CSV')).trim().split('\n').slice(1);
  const total = csv.reduce((s, line) => s + Number(line.split(',')[2]) + Number(line.split(',')[3]), 0);
  expect(total).toBe(1000);
  // The sample-size curve is not computed for online feedback, and says why.
  await expect(page.getByTestId('sample-size')).toContainText('drawn for pairs sampled uniformly or from μ', {
    timeout: 20_000,
  });
});

test('the controls follow the link and change the run; sampling=online&onlineRun=bogus names the field', async ({
  page,
}) => {
  await page.goto(`${LINK}&onlineRun=omd`);
  await expect(page.getByTestId('feedback-sampling')).toHaveValue('online');
  await expect(page.getByTestId('feedback-online-run')).toHaveValue('omd');
  await expect(page.getByTestId('feedback-round-steps')).toHaveValue(String(R));
  await expect(page.getByTestId('counts-table').locator('caption')).toContainText('from OMD’s policy', {
    timeout: 20_000,
  });
  await page.getByTestId('feedback-online-run').selectOption('rlhf');
  await expect.poll(() => page.url()).toContain('onlineRun=rlhf');
  await expect(page.getByTestId('counts-table').locator('caption')).toContainText('from RLHF’s policy');
  const steps = page.getByTestId('feedback-round-steps');
  await steps.fill('0');
  await steps.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Steps between rounds' })).toContainText(`It stays ${R}`);

  await page.goto('./#preset=rater-types&eps=0.1&tau=0.2&feedback=1000&sampling=online&onlineRun=bogus');
  await expect(page.getByText(/onlineRun must/).first()).toBeVisible();
  await expect(page.getByTestId('tau')).toHaveValue('0.2');
  await expect(page.getByTestId('feedback-sampling')).toHaveValue('online');
  await expect(page.getByTestId('feedback-online-run')).toHaveValue('nash-md');
  await expect(page.getByTestId('counts-table').locator('caption')).toContainText('from Nash-MD’s policy', {
    timeout: 20_000,
  });
});
