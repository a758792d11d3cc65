/**
 * Issue 17, "Done when": a link naming Nash-MD-PG, Nash-EMA-PG and RLHF-PG with exact gradients
 * shows rows in "Current policies" equal to the formulas (written out below, not the core's code)
 * at t to 1e-9, for n = 3 and n = 5; with random features the JSON export carries φ and θ_0 and the
 * rows equal the formulas run from them. The settings appear only with such an algorithm, and a
 * refused value is named.
 */
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fitBradleyTerry } from '../src/core/bradleyTerry.ts';
import { fromUpper } from '../src/core/presets.ts';
import { expect, readPolicies, test } from './fixtures.ts';

type Vec = number[];
const norm = (v: Vec) => {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
};
const softmax = (phi: Vec[], theta: Vec) => norm(phi.map((f) => Math.exp(f.reduce((s, x, k) => s + x * theta[k], 0))));

/**
 * θ ← θ + lr·g, g = E_{y∼π_θ, y′∼π′}[∇log π_θ(y)(P(y ≻ y′) − ½ − τ log(π_θ(y)/μ(y)))] (Nash-MD-PG:
 * π′ ∝ π_θ^(1−β) μ^β; Nash-EMA-PG: π′ = π_θ̄, θ̄ ← λθ̄ + (1−λ)θ) or, for RLHF-PG,
 * E_{y∼π_θ}[∇log π_θ(y)(r(y) − τ log(π_θ(y)/μ(y)))]; ∇log π_θ(y) = φ(y) − Σ_z π_θ(z)φ(z).
 */
function formulaRun(
  algorithm: string,
  o: { P: Vec[]; mu: Vec; tau: number; phi: Vec[]; theta0: Vec; lr: number; beta: number; ema: number; r: Vec },
  steps: number,
): Vec {
  const n = o.mu.length;
  let theta = o.theta0.slice();
  let bar = o.theta0.slice();
  for (let t = 0; t < steps; t++) {
    const pi = softmax(o.phi, theta);
    const opp =
      algorithm === 'nash-md-pg' ? norm(pi.map((x, i) => x ** (1 - o.beta) * o.mu[i] ** o.beta)) : softmax(o.phi, bar);
    const d = theta.length;
    const mean = Array.from({ length: d }, (_, k) => pi.reduce((s, p, z) => s + p * o.phi[z][k], 0));
    const g = new Array<number>(d).fill(0);
    for (let y = 0; y < n; y++) {
      let bracket = 0;
      if (algorithm === 'rlhf-pg') bracket = o.r[y];
      else for (let y2 = 0; y2 < n; y2++) bracket += opp[y2] * (o.P[y][y2] - 0.5);
      bracket -= o.tau * Math.log(pi[y] / o.mu[y]);
      for (let k = 0; k < d; k++) g[k] += pi[y] * (o.phi[y][k] - mean[k]) * bracket;
    }
    theta = theta.map((x, k) => x + o.lr * g[k]);
    bar = bar.map((x, k) => o.ema * x + (1 - o.ema) * theta[k]);
  }
  return softmax(o.phi, theta);
}

const NAMES = { 'nash-md-pg': 'Nash-MD-PG', 'nash-ema-pg': 'Nash-EMA-PG', 'rlhf-pg': 'RLHF-PG' } as const;
const ALGOS = Object.keys(NAMES) as (keyof typeof NAMES)[];

const CASES = [
  { n: 3, upper: [0.2, 0.7, 0.35], mu: [0.5, 0.3, 0.2], pi0: [0.6, 0.25, 0.15], lr: 0.8, beta: 0.25, t: 150 },
  {
    n: 5,
    upper: [0.3, 0.65, 0.45, 0.8, 0.6, 0.25, 0.55, 0.4, 0.7, 0.35],
    mu: [0.3, 0.2, 0.2, 0.15, 0.15],
    pi0: [0.1, 0.4, 0.2, 0.2, 0.1],
    lr: 0.5,
    beta: 0.125,
    t: 90,
  },
];

const matrix = (c: (typeof CASES)[number]) => {
  let k = 0;
  return fromUpper(c.n, () => c.upper[k++]).map((row) => Array.from(row));
};

async function rowsAt(page: Page, t: number) {
  await expect(page.getByTestId('iteration')).toHaveText(String(t), { timeout: 20_000 });
  await expect.poll(async () => Object.keys(await readPolicies(page)).length, { timeout: 20_000 }).toBe(3);
  return readPolicies(page);
}

for (const c of CASES) {
  test(`n = ${c.n}, tabular features, exact gradients: each row equals the formulas at t to 1e-9`, async ({ page }) => {
    const tau = 0.1;
    await page.goto(
      `./#P=${c.upper.join(',')}&mu=${c.mu.join(',')}&pi0=${c.pi0.join(',')}&tau=${tau}&eta=1&algos=${ALGOS.join(',')}&gradient=exact&lr=${c.lr}&beta=${c.beta}&features=tabular&t=${c.t}`,
    );
    const table = await rowsAt(page, c.t);
    const P = matrix(c);
    const phi = c.mu.map((_, i) => c.mu.map((__, k) => (k === i ? 1 : 0)));
    const r = Array.from(fitBradleyTerry(P)); // RLHF's reward model (not the update under test)
    for (const algorithm of ALGOS) {
      const want = formulaRun(
        algorithm,
        { P, mu: c.mu, tau, phi, theta0: c.pi0.map(Math.log), lr: c.lr, beta: c.beta, ema: 0.99, r },
        c.t,
      );
      const got = table[NAMES[algorithm]];
      expect(got, algorithm).toHaveLength(c.n);
      got.forEach((x, i) => expect(Math.abs(x - want[i]), `${algorithm}[${i}]`).toBeLessThan(1e-9));
      // It moved away from π_0: the comparison means something.
      expect(Math.max(...want.map((x, i) => Math.abs(x - c.pi0[i]))), algorithm).toBeGreaterThan(1e-3);
    }
  });
}

test('random features, d = 2: the JSON export carries φ and θ_0, and the rows are the formulas run from them', async ({
  page,
}) => {
  const c = CASES[1];
  const tau = 0.1;
  await page.goto(
    `./#P=${c.upper.join(',')}&mu=${c.mu.join(',')}&pi0=${c.pi0.join(',')}&tau=${tau}&eta=1&algos=${ALGOS.join(',')}&gradient=exact&lr=${c.lr}&beta=${c.beta}&ema=0.9&features=random&d=2&t=${c.t}`,
  );
  const table = await rowsAt(page, c.t);
  const summary = page.locator('.export-menu summary');
  if (!(await page.locator('.export-menu details').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Trajectories JSON' }).click(),
  ]);
  const doc = JSON.parse(await readFile(await file.path(), 'utf8'));
  const { phi, theta0, d } = doc.parametric as { phi: Vec[]; theta0: Vec; d: number };
  expect(d).toBe(2);
  expect(phi).toHaveLength(5);
  expect(phi.every((f) => f.length === 2)).toBe(true);
  // θ_0 is the KL-closest policy of the class: its feature means equal π_0's.
  const pi = softmax(phi, theta0);
  for (let k = 0; k < 2; k++)
    expect(
      Math.abs(pi.reduce((s, p, y) => s + p * phi[y][k], 0) - c.pi0.reduce((s, p, y) => s + p * phi[y][k], 0)),
    ).toBeLessThan(1e-10);
  const P = matrix(c);
  const r = Array.from(fitBradleyTerry(P));
  for (const algorithm of ALGOS) {
    const want = formulaRun(algorithm, { P, mu: c.mu, tau, phi, theta0, lr: c.lr, beta: c.beta, ema: 0.9, r }, c.t);
    table[NAMES[algorithm]].forEach((x, i) => expect(Math.abs(x - want[i]), `${algorithm}[${i}]`).toBeLessThan(1e-9));
  }
});

test('the settings show only with a parametric algorithm; a refused value is named and nothing changes', async ({
  page,
}) => {
  await page.goto('./#preset=rps&t=50');
  await expect(page.getByTestId('iteration')).toHaveText('50', { timeout: 20_000 });
  await expect(page.getByTestId('pg-controls')).toHaveCount(0);
  await page.goto('./#preset=rps&algos=nash-md,nash-md-pg&t=50');
  await page.reload();
  const group = page.getByRole('group', { name: 'Policy-gradient settings' });
  await expect(group).toBeVisible({ timeout: 20_000 });
  const lr = group.getByLabel('Learning rate');
  await lr.fill('-1');
  await lr.press('Enter');
  await expect(group.getByRole('alert')).toContainText('lr must be');
  expect(page.url()).not.toContain('lr=');
  await lr.fill('0.25');
  await lr.press('Enter');
  await expect(group.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => page.url()).toContain('lr=0.25');
  await group.getByLabel('Gradient').selectOption('sampled');
  await expect(group.getByLabel('Batch B')).toBeVisible();
  await expect.poll(() => page.url()).toContain('gradient=sampled');
  await group.getByLabel('Features').selectOption('random');
  await expect(group.getByLabel(/^d \(1 to 2\)/)).toHaveValue('2');
  // No serious accessibility problem in the settings (labels, names, contrast).
  const axe = await new AxeBuilder({ page }).include('[data-testid="pg-controls"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
