/**
 * The Nash drawn: the LP's vertex unless the τ → 0 limit is chosen and known for this P and μ; the
 * simplex, the equilibrium bars and the win rates use the same one; the bars' ranges come from the
 * worker's Nash set once it has answered.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/appStore.ts';
import { createRunStore, replaceRun } from '../state/runStore.ts';
import { createUiStore } from '../state/uiStore.ts';
import { createViews } from './views.ts';

describe('the Nash drawn', () => {
  it('switches between the LP vertex and the τ → 0 limit, for the shown P and μ only', () => {
    const appStore = createAppStore();
    const runStore = createRunStore();
    const ui = createUiStore();
    const views = createViews(ui);
    const app = appStore.getState();
    const n = app.scenario.preferences.length;
    const vertex = Float64Array.from({ length: n }, (_, y) => (y === 0 ? 1 : 0));
    const limit = new Float64Array(n).fill(1 / n);
    const eq = {
      regularized: new Float64Array(n).fill(1 / n),
      nash: vertex,
      rewards: new Float64Array(n),
      rlhfOptimum: new Float64Array(n).fill(1 / n),
      tauGrid: new Float64Array(0),
      regularizedPath: new Float64Array(0),
      rlhfPath: new Float64Array(0),
    };
    const rows = 2;
    const weights = Array.from({ length: n }, (_, y) => (y + 1) ** 2);
    const policy = weights.map((w) => w / weights.reduce((a, b) => a + b, 0));
    const P = app.scenario.preferences;
    /** P(π ≻ ν) = Σ π_i P_ij ν_j, written out here. */
    const win = (nu: ArrayLike<number>) =>
      policy.reduce((s, pi, i) => s + pi * P[i].reduce((t, v, j) => t + v * nu[j], 0), 0);
    const chunk = {
      algorithm: 'nash-md' as const,
      start: 0,
      rows,
      policies: Float64Array.from({ length: rows * n }, (_, k) => policy[k % n]),
      kl: new Float64Array(rows),
      exploitability: new Float64Array(rows),
    };
    replaceRun(runStore, n, eq, [chunk], 1);
    const run = runStore.getState();
    const result = {
      ok: true as const,
      version: 1,
      n,
      nash: vertex,
      unique: false,
      low: new Float64Array(n),
      high: new Float64Array(n).fill(1),
      inSome: n,
      complete: true,
      limit: { policy: limit, tau: 1e-8, exploitability: 1e-10, stable: true },
    };
    ui.setState({
      nashSet: {
        preferences: app.scenario.preferences,
        reference: app.scenario.reference,
        limitAsked: true,
        fraction: 1,
        result,
      },
    });
    expect(views.simplexProps(run, app).nash).toBe(vertex);
    expect(views.equilibriumBarsProps(run, app)?.nashHigh).toBe(result.high);
    expect(views.winRateProps(run, app)!.rows[0].vsNash).toBeCloseTo(win(vertex), 12);

    ui.getState().setNashPick('limit');
    expect(views.simplexProps(run, app).nash).toBe(limit);
    const bars = views.equilibriumBarsProps(run, app)!;
    expect(bars.nash).toBe(limit);
    expect(bars.nashDrawn).toBe('limit');
    expect(views.winRateProps(run, app)!.rows[0].vsNash).toBeCloseTo(win(limit), 12);
    expect(Math.abs(win(limit) - win(vertex))).toBeGreaterThan(0.01); // the two differ here

    // Another μ than the limit was computed for: the vertex again, until the new limit comes.
    appStore.getState().setReference(Array.from({ length: n }, (_, y) => (y + 1) / ((n * (n + 1)) / 2)));
    expect(views.simplexProps(run, appStore.getState()).nash).toBe(vertex);
  });
});
