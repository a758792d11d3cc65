// @vitest-environment happy-dom
/**
 * Golden tests of every D3 renderer in src/viz: a seeded scenario computed by the core, rendered in
 * happy-dom through the renderer's create → resize → update → destroy contract, serialized
 * (golden.ts) and compared with one file per figure under files/. Where a renderer exports a
 * standalone SVG (snapshot(), what the SVG/PNG exporters and the video use), that is a golden too:
 * the simplex's snapshot draws the trajectories as SVG paths, which on screen are on a canvas.
 *
 * happy-dom has no canvas and no layout: canvasStub.ts records what each canvas is asked to draw
 * and measures text at 0.6 em per character; element sizes come from resize() only.
 * Update the files with `npm run golden:update`, then review `git diff`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConvergencePlot } from '../convergencePlot.ts';
import { createEquilibriumBars } from '../equilibriumBars.ts';
import { createHeatmapEditor } from '../heatmapEditor.ts';
import { matrixOrder } from '../matrixOrder.ts';
import { createPolicyTable, type PolicyTableProps } from '../policyTable.ts';
import { flowField } from '../../core/flowField.ts';
import { simplexGrid } from '../../core/simplexGrid.ts';
import { createRaceTable, type RaceProps } from '../raceTable.ts';
import { createSampleSizeChart } from '../sampleSizeChart.ts';
import { createTruthPanel } from '../truthPanel.ts';
import { createCountsTable } from '../countsTable.ts';
import { learnedModels, sampleFeedback } from '../../core/feedback.ts';
import { nashEquilibrium } from '../../core/nashEquilibrium.ts';
import { regularizedNash } from '../../core/regularizedNash.ts';
import { rlhfOptimum } from '../../core/bradleyTerry.ts';
import { judgeUnderTruth } from '../../core/truthJudgement.ts';
import { sampleSizeCurve, sampleSizeGrid } from '../../core/sampleSizeCurve.ts';
import { averageIterate, exploitabilityZero, exploitabilityZeroRows, firstBelow } from '../../core/race.ts';
import { createSimplexPlot } from '../simplexPlot.ts';
import { createBetaSweepPlot, type BetaSweepProps } from '../betaSweepPlot.ts';
import { betaSweep } from '../../core/betaSweep.ts';
import { validatePreferences } from '../../core/validate.ts';
import { createTimeSeriesPlot } from '../timeSeriesPlot.ts';
import { TOP_K_DEFAULT, chooseTopK } from '../topK.ts';
import { createTopKPlot } from '../topKPlot.ts';
import { DEFAULT_THEME, LECTURE_THEME, type FigureTheme, type Renderer, type SimplexProps } from '../types.ts';
import { createWinRatePlot } from '../winRatePlot.ts';
import { installCanvasStub, resetCanvasList } from './canvasStub.ts';
import { expectGoldens, goldenMismatch, serialize, serializeOffscreen } from './golden.ts';
import {
  policiesAt,
  rpsWithAverages,
  rpsWithSeedBundle,
  scenarios,
  winRateRows,
  type GoldenScenario,
} from './scenarios.ts';

beforeAll(() => {
  installCanvasStub();
  document.body.style.fontFamily = 'sans-serif';
});

let hosts: HTMLElement[] = [];
afterEach(() => {
  for (const h of hosts) h.remove();
  hosts = [];
});

/**
 * Creates a renderer in a fresh host, sizes it, applies each props object in turn (as a run that
 * advances does) and returns the host and the renderer.
 */
function render<P, R extends Renderer<P>>(
  create: (el: HTMLElement) => R,
  width: number,
  height: number,
  frames: readonly P[],
) {
  resetCanvasList();
  const element = document.createElement('div');
  document.body.append(element);
  hosts.push(element);
  const renderer = create(element);
  renderer.resize(width, height);
  for (const props of frames) renderer.update(props);
  return { element, renderer };
}

/** The host's golden, then destroy: the renderer must leave its host empty. */
function checkAndDestroy(name: string, element: HTMLElement, renderer: Renderer<never>, extra = '') {
  const screen = goldenMismatch(`${name}.golden`, serialize(element) + extra);
  const exported = renderer.snapshot ? goldenMismatch(`${name}.snapshot.golden`, serialize(renderer.snapshot())) : null;
  expectGoldens([screen, exported]);
  renderer.destroy();
  expect(element.childNodes.length, `${name}: destroy leaves nothing behind`).toBe(0);
}

function simplexProps(s: GoldenScenario, t: number, theme: FigureTheme = DEFAULT_THEME): SimplexProps {
  const eq = s.equilibria;
  return {
    n: s.n,
    labels: s.labels,
    corners: s.corners,
    series: s.series,
    t,
    reference: s.reference,
    initial: s.initial,
    regularized: eq.regularized,
    nash: eq.nash,
    rlhfOptimum: eq.rlhfOptimum,
    // Constant-step scenarios: Nash-MD's biased fixed point, as the app's selector passes it.
    nashMdFixedPoint: eq.nashMdFixedPoint ?? null,
    regularizedPath: eq.regularizedPath,
    rlhfPath: eq.rlhfPath,
    draggable: s.n === 3,
    theme,
  };
}

describe('golden SVG of the renderers', () => {
  const S = scenarios();

  describe('simplexPlot', () => {
    // Drawn at t = 100, then played on to the end: the canvas gets the appended segments only.
    for (const [name, s, theme] of [
      ['rps', S.rps, DEFAULT_THEME],
      ['rater-types', S.raterTypes, DEFAULT_THEME],
      ['random-8', S.random8, DEFAULT_THEME],
      ['random-2 (a segment)', S.random2, DEFAULT_THEME],
      ['rps-lecture', S.rps, LECTURE_THEME],
    ] as const) {
      it(name, () => {
        const { element, renderer } = render((el) => createSimplexPlot(el, {}), 480, 420, [
          simplexProps(s, 100, theme),
          simplexProps(s, s.steps, theme),
        ]);
        checkAndDestroy(`simplex.${name.split(' ')[0]}`, element, renderer as Renderer<never>);
      });
    }
  });

  it('simplexPlot with average iterates', () => {
    const s = rpsWithAverages(300);
    const { element, renderer } = render((el) => createSimplexPlot(el, {}), 480, 420, [
      simplexProps(s, 100, DEFAULT_THEME),
      simplexProps(s, s.steps, DEFAULT_THEME),
    ]);
    // Each run's average has its own hollow marker and legend entry.
    expect(element.querySelectorAll('[data-average="true"]').length).toBe(2);
    checkAndDestroy('simplex.rps-average', element, renderer as Renderer<never>);
  });

  it('simplexPlot with a seed bundle (sampled Nash-MD-PG)', async () => {
    const s = await rpsWithSeedBundle(200);
    const { element, renderer } = render((el) => createSimplexPlot(el, {}), 480, 420, [
      simplexProps(s, s.steps, DEFAULT_THEME),
    ]);
    // Markers for the run, its mean and its exact path; none for the four faint seeds.
    expect(element.querySelectorAll('[data-algorithm="nash-md-pg"]').length).toBe(3);
    expect(element.querySelectorAll('[data-bundle="seed"]').length).toBe(0);
    // One legend entry names the seeds.
    expect(element.textContent).toContain('5 sampled seeds');
    expect(element.textContent).toContain('Nash-MD-PG mean');
    expect(element.textContent).toContain('Nash-MD-PG exact');
    expect(element.querySelector('[data-testid="trajectories"]')!.getAttribute('data-drawn')).toContain(
      'nash-md-pg/seed4:201',
    );
    checkAndDestroy('simplex.rps-bundle', element, renderer as Renderer<never>);
  });

  describe('simplexPlot with a flow field', () => {
    // Nash-MD's one-step field on rock-paper-scissors, under the trajectories (and in the export).
    for (const [name, theme] of [
      ['rps-field', DEFAULT_THEME],
      ['rps-field-lecture', LECTURE_THEME],
    ] as const) {
      it(name, async () => {
        const s = S.rps;
        const points = simplexGrid(20);
        const next = flowField(
          { preferences: s.preferences, reference: s.reference, tau: s.tau, eta: 0.1 },
          'nash-md',
          points,
        );
        const field = {
          legend: "Flow of Nash-MD: one step (t = 0's step size) from each point",
          short: 'flow of Nash-MD',
          points,
          next,
        };
        const { element, renderer } = render((el) => createSimplexPlot(el, {}), 480, 420, [
          { ...simplexProps(s, s.steps, theme), field },
        ]);
        // The layer's code loads on first use: wait for it.
        await import('../simplexField.ts');
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(element.querySelectorAll('.simplex-field path.field-arrow').length).toBeGreaterThan(150);
        checkAndDestroy(`simplex.${name}`, element, renderer as Renderer<never>);
      });
    }
  });

  describe('convergencePlot', () => {
    for (const [name, s] of [
      ['rps', S.rps],
      ['random-8-theorem', S.random8Theorem],
      // MWU's average converges while its last iterate cycles: thinner dotted lines, hollow markers.
      ['rps-average', rpsWithAverages(300)],
    ] as const) {
      it(name, () => {
        const props = (t: number) => ({
          series: s.series,
          t,
          tau: s.tau,
          theoremBound: s.theorem,
          constantStep: !s.theorem,
          n: s.n,
          emptyMessage: 'Computing…',
          theme: DEFAULT_THEME,
        });
        const { element, renderer } = render((el) => createConvergencePlot(el), 520, 360, [props(100), props(s.steps)]);
        checkAndDestroy(`convergence.${name}`, element, renderer as Renderer<never>);
      });
    }

    it('empty', () => {
      const { element, renderer } = render((el) => createConvergencePlot(el), 520, 360, [
        {
          series: [],
          t: 0,
          tau: 0.05,
          theoremBound: false,
          emptyMessage: 'No algorithm is shown: tick one under “Show”.',
        },
      ]);
      checkAndDestroy('convergence.empty', element, renderer as Renderer<never>);
    });
  });

  describe('winRatePlot', () => {
    for (const [name, s] of [
      ['rps', S.rps],
      ['rater-types', S.raterTypes],
    ] as const) {
      it(name, () => {
        const props = {
          rows: winRateRows(s, s.steps),
          noteKey: s.equilibria,
          emptyMessage: 'Computing…',
          theme: DEFAULT_THEME,
        };
        const { element, renderer } = render((el) => createWinRatePlot(el), 360, 240, [props]);
        checkAndDestroy(`winrates.${name}`, element, renderer as Renderer<never>);
      });
    }
  });

  describe('policyTable', () => {
    it('rps', () => {
      const props = (t: number): PolicyTableProps => ({
        labels: S.rps.labels,
        rows: policiesAt(S.rps, t),
        t,
      });
      const { element, renderer } = render(createPolicyTable, 360, 200, [props(100), props(S.rps.steps)]);
      checkAndDestroy('policy-table.rps', element, renderer as Renderer<never>);
    });

    it('random-20 (top k and "other")', () => {
      const s = S.random20;
      const eq = s.equilibria;
      const top = chooseTopK(s.n, s.series, s.steps, [eq.regularized, eq.nash, eq.rlhfOptimum], TOP_K_DEFAULT);
      const { element, renderer } = render(createPolicyTable, 360, 200, [
        { labels: s.labels, rows: policiesAt(s, s.steps), t: s.steps, top },
      ]);
      checkAndDestroy('policy-table.random-20', element, renderer as Renderer<never>);
    });
  });

  it('timeSeriesPlot: random-8', () => {
    const s = S.random8;
    const props = (t: number) => ({
      n: s.n,
      labels: s.labels,
      series: s.series,
      t,
      emptyMessage: 'Computing…',
      theme: DEFAULT_THEME,
    });
    const { element, renderer } = render((el) => createTimeSeriesPlot(el), 600, 400, [props(100), props(s.steps)]);
    checkAndDestroy('timeseries.random-8', element, renderer as Renderer<never>);
  });

  describe('topKPlot', () => {
    // Lecture mode: the top-k chart is the main figure and fills the height it is given (fit).
    for (const [name, theme, fit, width, height] of [
      ['random-20', DEFAULT_THEME, false, 600, 400],
      ['random-20-lecture (fit)', LECTURE_THEME, true, 1200, 560],
    ] as const) {
      it(name, () => {
        const s = S.random20;
        const eq = s.equilibria;
        const indices = chooseTopK(s.n, s.series, s.steps, [eq.regularized, eq.nash, eq.rlhfOptimum], TOP_K_DEFAULT);
        const props = (t: number) => ({
          n: s.n,
          labels: s.labels,
          series: s.series,
          t,
          indices,
          emptyMessage: 'Computing…',
          theme,
          fit,
        });
        const { element, renderer } = render((el) => createTopKPlot(el), width, height, [props(100), props(s.steps)]);
        checkAndDestroy(`topk.${name.split(' ')[0]}`, element, renderer as Renderer<never>);
      });
    }
  });

  describe('equilibriumBars', () => {
    for (const [name, s] of [
      ['random-8', S.random8],
      ['random-20', S.random20],
      ['rps-copy (Nash not unique: whiskers)', S.rpsCopy],
      ['rps-copy-limit (the τ → 0 limit drawn instead of the LP vertex)', S.rpsCopy],
    ] as const) {
      it(name, () => {
        const eq = s.equilibria;
        const limit = name.startsWith('rps-copy-limit');
        const props = {
          // The limit splits the copies' weight evenly (as for μ uniform); the legend says which.
          nashDrawn: limit ? ('limit' as const) : undefined,
          n: s.n,
          labels: s.labels,
          tau: s.tau,
          regularized: eq.regularized,
          nash: limit ? Float64Array.from(eq.nash, (_, y) => (y === 1 || y === 2 ? 1 / 3 : 1 / 6)) : eq.nash,
          rlhfOptimum: eq.rlhfOptimum,
          nashLow: eq.nashLow,
          nashHigh: eq.nashHigh,
          theme: DEFAULT_THEME,
        };
        const { element, renderer } = render((el) => createEquilibriumBars(el), 600, 300, [props]);
        checkAndDestroy(`equilibria.${name.split(' ')[0]}`, element, renderer as Renderer<never>);
      });
    }
  });

  it('equilibriumBars: random-8 learned from 300 comparisons, the true P’s targets hollow beside them', () => {
    const s = S.random8;
    const { preferences, rewards } = learnedModels(sampleFeedback(s.preferences, 300, 'uniform', null, 2), 0.5);
    const props = {
      n: s.n,
      labels: s.labels,
      tau: s.tau,
      regularized: regularizedNash(preferences, s.reference, s.tau),
      nash: nashEquilibrium(preferences),
      rlhfOptimum: rlhfOptimum(rewards, s.reference, s.tau),
      truth: { regularized: s.equilibria.regularized, nash: s.equilibria.nash, rlhfOptimum: s.equilibria.rlhfOptimum },
      theme: DEFAULT_THEME,
    };
    const { element, renderer } = render((el) => createEquilibriumBars(el), 600, 300, [props]);
    expect(element.querySelectorAll('rect.bar[data-kind="truthNash"]').length).toBeGreaterThan(0);
    checkAndDestroy('equilibria.random-8-feedback', element, renderer as Renderer<never>);
  });

  it('heatmapEditor: random-20, ordered by Nash probability, a cell selected, zoomed in', () => {
    const s = S.random20;
    const order = matrixOrder('nash', s.n, {
      nash: s.equilibria.nash,
      rewards: s.equilibria.rewards,
    });
    const props = {
      preferences: s.preferences,
      labels: s.labels,
      order,
      selected: { i: order[2], j: order[5] },
      theme: DEFAULT_THEME,
    };
    const { element, renderer } = render((el) => createHeatmapEditor(el, { label: 'Preference matrix' }), 520, 520, [
      props,
    ]);
    // Zoomed in around the selection: the cells are large enough to print their values.
    renderer.zoomBy(2);
    checkAndDestroy('heatmap.random-20', element, renderer as Renderer<never>, serializeOffscreen());
  });

  it('heatmapEditor: battle counts, the pairs with no battles hatched', () => {
    const s = S.random20;
    const order = s.labels.map((_, k) => k);
    // Every third pair unplayed; the others with a few battles.
    const counts = s.preferences.map((row, i) =>
      row.map((_, j) => (i === j || (i + j) % 3 === 0 ? 0 : 1 + ((i * j) % 5))),
    );
    const props = {
      preferences: s.preferences,
      labels: s.labels,
      order,
      selected: { i: 0, j: 1 },
      theme: DEFAULT_THEME,
      counts,
    };
    const { element, renderer } = render((el) => createHeatmapEditor(el, { label: 'Preference matrix' }), 520, 520, [
      props,
    ]);
    renderer.zoomBy(2);
    checkAndDestroy('heatmap.counts-20', element, renderer as Renderer<never>, serializeOffscreen());
  });

  describe('raceTable', () => {
    /** The race props the selector (views.ts raceProps) makes, from the core's functions. */
    function raceProps(s: GoldenScenario, t: number, epsilon: number, theme: FigureTheme): RaceProps {
      const p = Float64Array.from(s.preferences.flat());
      const win = new Float64Array(s.n);
      return {
        t,
        epsilon,
        averageShown: true,
        fixedPointShown: !s.theorem,
        theme,
        rows: s.series.map((x) => {
          const values = new Float64Array(t + 1);
          exploitabilityZeroRows(p, s.n, x.policies, 0, t + 1, values);
          return {
            algorithm: x.algorithm,
            t,
            last: values[t],
            average: exploitabilityZero(p, s.n, averageIterate(x.policies, s.n, t), 0, win),
            kl: x.kl[t],
            firstBelow: firstBelow(values, t, epsilon),
            values,
            times: null,
            rows: t + 1,
          };
        }),
      };
    }
    for (const [name, s, theme, epsilon] of [
      ['rps', S.rps, DEFAULT_THEME, 1e-3],
      ['random-8-theorem-lecture', S.random8Theorem, LECTURE_THEME, 1e-2],
    ] as const) {
      it(name, () => {
        const { element, renderer } = render((el) => createRaceTable(el, {}), 360, 300, [
          raceProps(s, 50, epsilon, theme),
          raceProps(s, s.steps, epsilon, theme),
        ]);
        checkAndDestroy(`race.${name}`, element, renderer as Renderer<never>);
      });
    }
  });

  describe('sampleSizeChart', () => {
    // The three rater types with ε > 0 (non-transitive): NLHF's learned target improves with N,
    // RLHF's levels off at the reward model's limit.
    const curve = sampleSizeCurve({
      preferences: S.raterTypes.preferences,
      reference: S.raterTypes.reference,
      tau: 0.05,
      sampling: 'uniform',
      smoothing: 0.5,
      sizes: sampleSizeGrid(10_000),
      seeds: 10,
      seed: 1,
    });
    for (const [name, theme] of [
      ['rater-types', DEFAULT_THEME],
      ['rater-types-lecture', LECTURE_THEME],
    ] as const) {
      it(name, () => {
        const { element, renderer } = render((el) => createSampleSizeChart(el), 420, 320, [
          { ...curve, seeds: 10, tau: 0.05, theme },
        ]);
        expect(element.querySelectorAll('tbody tr').length).toBe(curve.sizes.length);
        checkAndDestroy(`sample-size.${name}`, element, renderer as Renderer<never>);
      });
    }
    it('with no curve: the message, no table rows', () => {
      const { element, renderer } = render((el) => createSampleSizeChart(el), 420, 320, [
        {
          sizes: [],
          nlhf: { median: new Float64Array(0), low: new Float64Array(0), high: new Float64Array(0) },
          rlhf: { median: new Float64Array(0), low: new Float64Array(0), high: new Float64Array(0) },
          seeds: 20,
          tau: 0.1,
          emptyMessage: 'Computing the curve…',
        },
      ]);
      expect(element.textContent).toContain('Computing the curve…');
      expect(element.querySelectorAll('tbody tr').length).toBe(0);
      renderer.destroy();
    });
    it('with no curve to come (a reason): the message alone, not an empty plot of the curve’s size', () => {
      const empty = {
        sizes: [],
        nlhf: { median: new Float64Array(0), low: new Float64Array(0), high: new Float64Array(0) },
        rlhf: { median: new Float64Array(0), low: new Float64Array(0), high: new Float64Array(0) },
        seeds: 20,
        tau: 0.1,
        emptyMessage: 'The sample-size curve is drawn for pairs sampled uniformly or from μ.',
      };
      const heightOf = (unavailable: boolean) => {
        const { element, renderer } = render((el) => createSampleSizeChart(el), 420, 320, [{ ...empty, unavailable }]);
        const svg = element.querySelector('svg')!;
        const out = { height: Number(svg.getAttribute('height')), text: svg.textContent ?? '' };
        renderer.destroy();
        return out;
      };
      const computing = heightOf(false);
      const reason = heightOf(true);
      expect(reason.text).toContain('drawn for pairs sampled uniformly');
      // One or two lines of 12 px type, not the plot's 200-odd pixels.
      expect(reason.height).toBeLessThan(60);
      expect(computing.height).toBeGreaterThan(150);
    });
  });

  describe('truthPanel', () => {
    // Three rater types: each policy at t = 400 judged under the true P (no feedback run needed
    // for the drawing: the table's numbers come from judgeUnderTruth, checked here too).
    const s = S.raterTypes;
    const rows = policiesAt(s, 400).map((r) => ({ label: r.algorithm, trainedOn: 'P̂', policy: r.policy }));
    const props = {
      n: s.n,
      preferences: Float64Array.from(s.preferences.flat()),
      reference: s.reference,
      tau: s.tau,
      nash: s.equilibria.nash,
      rows: [...rows, { label: 'π*τ of the true P', trainedOn: 'P', policy: s.equilibria.regularized }],
      rlhf: { label: 'RLHF', policy: rows.find((r) => r.label === 'rlhf')!.policy },
      caption: 'Judged by the true P at t = 400.',
    };
    it('rater-types', () => {
      const { element, renderer } = render((el) => createTruthPanel(el), 480, 300, [props]);
      const judged = judgeUnderTruth(
        props.preferences,
        s.n,
        s.reference,
        s.tau,
        s.equilibria.nash,
        [s.equilibria.regularized],
        null,
      );
      const last = element.querySelectorAll('tbody tr')[rows.length];
      expect(Number(last.querySelector('[data-col=exploitability]')!.getAttribute('data-value'))).toBe(
        judged[0].exploitability,
      );
      checkAndDestroy('truth.rater-types', element, renderer as Renderer<never>);
    });
    it('before the answer: the message, no table', () => {
      const { element, renderer } = render((el) => createTruthPanel(el), 480, 300, [
        { ...props, rows: [], emptyMessage: 'Learning from the sampled feedback…' },
      ]);
      expect(element.textContent).toContain('Learning from the sampled feedback…');
      renderer.destroy();
    });
  });

  describe('countsTable', () => {
    // 300 comparisons of the three rater types (a heatmap), and 2,000 of a random 20 (a list).
    for (const [name, s, N] of [
      ['rater-types', S.raterTypes, 300],
      ['random-20', S.random20, 2000],
    ] as const) {
      it(name, () => {
        const counts = sampleFeedback(s.preferences, N, 'uniform', s.reference, 3);
        const { element, renderer } = render((el) => createCountsTable(el), 480, 300, [
          { labels: s.labels, ...counts, caption: `${N} comparisons.` },
        ]);
        checkAndDestroy(`counts.${name}`, element, renderer as Renderer<never>);
      });
    }
  });

  describe('betaSweepPlot', () => {
    // Rock-paper-scissors, the core's sweep for 300 exact steps (what the worker answers).
    const s = S.rps;
    const r = betaSweep(
      {
        preferences: s.preferences,
        reference: Array.from(s.reference),
        initial: Array.from(s.initial),
        tau: 0.1,
        eta: 0.1,
        comparisons: 'uniform',
        algorithms: ['nash-md-pg'],
        pg: { lr: 0.5 },
      },
      validatePreferences(s.preferences),
      300,
    );
    const result: BetaSweepProps['sweep']['result'] = {
      steps: r.steps,
      labels: r.entries.map((e) => e.label),
      betas: r.entries.map((e) => e.beta),
      matrix: r.matrix,
      average: r.average,
      order: r.order,
      best: r.best,
    };
    for (const [name, theme] of [
      ['rps', DEFAULT_THEME],
      ['rps-lecture', LECTURE_THEME],
    ] as const) {
      it(name, () => {
        const { element, renderer } = render((el) => createBetaSweepPlot(el), 640, 420, [
          { sweep: { result: null, asked: 300, fraction: 0.3, problem: null }, theme },
          { sweep: { result, asked: 300, fraction: 1, problem: null }, theme },
        ]);
        expect(element.querySelectorAll('tbody tr').length).toBe(11);
        expect(element.querySelectorAll('tr[data-best="true"]').length).toBe(r.best === null ? 0 : 1);
        checkAndDestroy(`beta-sweep.${name}`, element, renderer as Renderer<never>);
      });
    }
  });

  it('covers every renderer factory in src/viz', () => {
    const here = readFileSync(fileURLToPath(import.meta.url), 'utf8');
    const factories = readdirSync(join(__dirname, '..'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) =>
        [
          ...readFileSync(join(__dirname, '..', f), 'utf8').matchAll(
            /export function (create\w+)\(\s*element: HTMLElement[^)]*\): (\w*Renderer)\b/g,
          ),
        ].map((m) => m[1]),
      );
    expect(factories.length).toBeGreaterThanOrEqual(8);
    for (const name of factories)
      expect(new RegExp(`${name}\\(\\s*el|render\\(\\s*${name},`).test(here), `${name} has no golden test`).toBe(true);
  });
});
