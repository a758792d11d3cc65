/**
 * Issue 17, custom features: φ edited as a table in the policy-gradient settings. Editing a cell
 * changes the link (phi=…) and the rows, which equal the formulas (written out here) run from that
 * φ and the θ_0 the JSON export carries; a bad paste names the row and column and changes nothing;
 * the link round-trips.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { fromUpper } from '../src/core/presets.ts';
import { expect, readPolicies, test } from './fixtures.ts';

type Vec = number[];
const norm = (v: Vec) => {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
};
const softmax = (phi: Vec[], theta: Vec) => norm(phi.map((f) => Math.exp(f.reduce((s, x, k) => s + x * theta[k], 0))));

/** Nash-MD-PG, exact gradients: θ ← θ + lr·Σ_y π(y)(φ(y) − φ̄)(Σ_y′ π^β(y′)(P(y ≻ y′) − ½) − τ log(π(y)/μ(y))). */
function nashMdPg(P: Vec[], mu: Vec, tau: number, phi: Vec[], theta0: Vec, lr: number, beta: number, steps: number) {
  let theta = theta0.slice();
  for (let t = 0; t < steps; t++) {
    const pi = softmax(phi, theta);
    const opp = norm(pi.map((x, i) => x ** (1 - beta) * mu[i] ** beta));
    const mean = theta.map((_, k) => pi.reduce((s, p, z) => s + p * phi[z][k], 0));
    const g = theta.map(() => 0);
    pi.forEach((p, y) => {
      const a = opp.reduce((s, q, y2) => s + q * (P[y][y2] - 0.5), 0) - tau * Math.log(p / mu[y]);
      g.forEach((_, k) => (g[k] += p * (phi[y][k] - mean[k]) * a));
    });
    theta = theta.map((x, k) => x + lr * g[k]);
  }
  return softmax(phi, theta);
}

const c = {
  upper: [0.2, 0.7, 0.35],
  mu: [0.5, 0.3, 0.2],
  pi0: [0.6, 0.25, 0.15],
  tau: 0.1,
  lr: 0.8,
  beta: 0.25,
  t: 80,
};
const base = `P=${c.upper.join(',')}&mu=${c.mu.join(',')}&pi0=${c.pi0.join(',')}&tau=${c.tau}&eta=1&lr=${c.lr}&beta=${c.beta}&algos=nash-md-pg&t=${c.t}`;

async function exported(page: Page) {
  const details = page.locator('.export-menu details');
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await page.locator('.export-menu summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Trajectories JSON' }).click(),
  ]);
  return JSON.parse(await readFile(await file.path(), 'utf8')).parametric as { phi: Vec[]; theta0: Vec; d: number };
}

test('editing a cell of φ: the link and the rows follow, equal to the formulas run from that φ; the link round-trips', async ({
  page,
}) => {
  await page.goto(`./#${base}&features=custom&phi=1,0;0,1;0.5,0.5`);
  const cell = page.getByLabel('φ(paper) component 1');
  await expect(cell).toHaveValue('0', { timeout: 20_000 });
  await cell.fill('-0.75');
  await cell.press('Enter');
  await expect.poll(() => page.url()).toContain('phi=1,0;-0.75,1;0.5,0.5');
  await expect(page.getByTestId('iteration')).toHaveText(String(c.t), { timeout: 20_000 });
  const phi = [
    [1, 0],
    [-0.75, 1],
    [0.5, 0.5],
  ];
  const doc = await exported(page);
  expect(doc.phi).toEqual(phi);
  expect(doc.d).toBe(2);
  let k = 0;
  const P = fromUpper(3, () => c.upper[k++]).map((row) => Array.from(row));
  const want = nashMdPg(P, c.mu, c.tau, phi, doc.theta0, c.lr, c.beta, c.t);
  await expect
    .poll(async () => Math.max(...(await readPolicies(page))['Nash-MD-PG'].map((x, i) => Math.abs(x - want[i]))), {
      timeout: 20_000,
    })
    .toBeLessThan(1e-9);
  // With the old φ the rows were elsewhere: the edit is what moved them.
  const before = nashMdPg(
    P,
    c.mu,
    c.tau,
    [
      [1, 0],
      [0, 1],
      [0.5, 0.5],
    ],
    doc.theta0,
    c.lr,
    c.beta,
    c.t,
  );
  expect(Math.max(...want.map((x, i) => Math.abs(x - before[i])))).toBeGreaterThan(1e-3);
  // The link round-trips: a reload shows the same table and rows.
  const rows = await readPolicies(page);
  await page.reload();
  await expect(page.getByLabel('φ(paper) component 1')).toHaveValue('-0.75', { timeout: 20_000 });
  await expect(page.getByTestId('iteration')).toHaveText(String(c.t), { timeout: 20_000 });
  await expect
    .poll(async () => (await readPolicies(page))['Nash-MD-PG'], { timeout: 20_000 })
    .toEqual(rows['Nash-MD-PG']);
});

test('a bad paste names the row and column and changes nothing; a good paste applies; a bad cell is named', async ({
  page,
}) => {
  await page.goto(`./#${base}&features=custom&phi=1,0;0,1;0.5,0.5`);
  const editor = page.getByTestId('phi-editor');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  const box = editor.getByLabel(/^Paste φ/);
  await box.fill('1\t2\n3\tx\n5\t6');
  await editor.getByRole('button', { name: 'Apply pasted φ' }).click();
  await expect(editor.getByRole('alert')).toHaveText('Row 2, column 2: “x” is not a number. Nothing was changed.');
  await expect(box).toHaveValue('1\t2\n3\tx\n5\t6');
  expect(page.url()).toContain('phi=1,0;0,1;0.5,0.5');
  await box.fill('1 2 3\n4,5,6\n7;8;9');
  await editor.getByRole('button', { name: 'Apply pasted φ' }).click();
  await expect.poll(() => page.url()).toContain('phi=1,2,3;4,5,6;7,8,9');
  await expect(editor.getByLabel('φ(scissors) component 3')).toHaveValue('9');
  const cell = editor.getByLabel('φ(rock) component 2');
  await cell.fill('two');
  await cell.press('Enter');
  await expect(editor.getByRole('alert')).toContainText('φ(rock) component 2: “two” is not a number; it stays 2.');
  expect(page.url()).toContain('phi=1,2,3;4,5,6;7,8,9');
});
