/**
 * Guided stories: a preset plus 3–5 short steps the reader clicks through. Each step lists only
 * what it changes; the scenario shown at step k is the preset with steps 0..k applied in order, so
 * Back and Next (and jumping into the middle) always give the same picture. Every number quoted in
 * a step's text was checked against the core (and is pinned by stories.test.ts).
 */
import type { AlgorithmId } from '../core/algorithms/catalog.ts';
import type { Comparisons } from '../core/types.ts';
import type { AppActions } from './appStore.ts';
import type { Sampling } from '../core/feedback.ts';
import type { PgSettings } from './pgSettings.ts';
import { scenarioFromPreset, type Scenario, type Schedule } from './scenario.ts';

export interface StoryChange {
  epsilon?: number;
  tau?: number;
  eta?: number;
  schedule?: Schedule;
  comparisons?: Comparisons;
  reference?: number[];
  algorithms?: AlgorithmId[];
  /** Learn from this many sampled comparisons (scenario `feedback`; absent in every step: the exact P). */
  feedback?: number;
  sampling?: Sampling;
  /** Policy-gradient settings (merged over the previous steps' and the preset's). */
  pg?: Partial<PgSettings>;
  /** The iteration to show. */
  t?: number;
}

export interface StoryStep {
  /** A few words, shown as the step's heading. */
  title: string;
  /** Two or three sentences: what changed and what to look at. */
  text: string;
  change: StoryChange;
}

export interface Story {
  id: string;
  title: string;
  preset: string;
  /**
   * A data preset's URL keys (preset 'llmfao', e.g. "rater=crowd"): its steps load the data on
   * demand (appStore.loadDataPreset), with the steps' changes read onto it as a link's keys.
   */
  data?: string;
  steps: readonly StoryStep[];
}

const ALL: AlgorithmId[] = ['nash-md', 'omd', 'rlhf'];

export const STORIES: readonly Story[] = [
  {
    id: 'rlhf-jumps',
    title: 'RLHF jumps, Nash moves smoothly',
    preset: 'rater-types',
    steps: [
      {
        title: 'Three kinds of raters, ε = −0.1',
        text: 'Three groups of raters, each with its own taste, mixed by ε. At ε = −0.1 the Bradley–Terry reward favours y2, and the RLHF optimum (red diamond) sits near the y2 corner. Nash-MD settles at π*_τ (black star), near the middle.',
        change: { epsilon: -0.1, t: 400 },
      },
      {
        title: 'ε = 0: a tie',
        text: 'At ε = 0 the fitted reward is zero for every response, so the RLHF optimum falls back onto μ (grey square). π*_τ moves only a little, to (0.32, 0.37, 0.30).',
        change: { epsilon: 0 },
      },
      {
        title: 'ε = +0.1: RLHF jumps',
        text: 'A small change in the raters, and the RLHF optimum jumps to the y1 corner (about 0.91 on y1). π*_τ moves only a little, from (0.25, 0.37, 0.38) to (0.40, 0.37, 0.23).',
        change: { epsilon: 0.1 },
      },
      {
        title: 'Try it yourself',
        text: 'At ε = +0.02 the diamond is already more than halfway to y1 (0.55). Drag the ε slider in the inputs panel across 0: the diamond leaps from corner to corner while the stars glide. That is the paper’s central point.',
        change: { epsilon: 0.02 },
      },
    ],
  },
  {
    id: 'cycles',
    title: 'Cycles: the reward model sees nothing',
    preset: 'dice',
    steps: [
      {
        title: 'Non-transitive dice',
        text: 'Die A beats B, B beats C and C beats A, each with probability 5/9. No die is best; the Nash equilibrium is to pick one at random.',
        change: { t: 300, algorithms: ALL },
      },
      {
        title: 'RLHF alone',
        text: 'Fitted on uniform pairs, the Bradley–Terry reward is exactly zero for all three dice: a single score per die cannot describe a cycle. So the RLHF optimum is μ itself, and RLHF just drifts from π₀ back to μ.',
        change: { algorithms: ['rlhf'] },
      },
      {
        title: 'Nash-MD and OMD, 3,000 steps',
        text: 'Nash-MD needs no reward: it plays against a mix of itself and μ and comes to rest next to π*_τ (KL ≈ 0.004, the bias of its large constant step η = 20). OMD, playing against itself, is still circling after 3,000 steps (KL ≈ 0.08).',
        change: { algorithms: ALL, t: 3000 },
      },
      {
        title: 'Pairs drawn from μ',
        text: 'Fit the reward on pairs sampled from μ instead, and it is no longer zero: a tiny artefact of who was compared, which τ = 0.01 blows up into an RLHF optimum with 0.79 on die C. Nash-MD does not change at all.',
        change: { comparisons: 'reference' },
      },
    ],
  },
  {
    id: 'sampling',
    title: 'The reward model depends on who was sampled',
    preset: 'condorcet',
    steps: [
      {
        title: 'A Condorcet cycle',
        text: 'Three equal groups of voters, each ranking transitively, add up to a cycle: y1 beats y2, y2 beats y3, y3 beats y1, each 2 to 1. Fitted on uniform pairs, the reward is zero, so the RLHF optimum is μ.',
        change: { t: 300, comparisons: 'uniform' },
      },
      {
        title: 'A skewed μ',
        text: 'Now the reference policy puts 0.8 on y3. With uniform pairs the reward is still zero, so the RLHF optimum simply follows μ. π*_τ moves too, to (0.13, 0.42, 0.45).',
        change: { reference: [0.1, 0.1, 0.8] },
      },
      {
        title: 'Pairs drawn from μ',
        text: 'Same preferences, but the reward is now fitted on pairs drawn from μ, which are mostly comparisons with y3. y2 beats y3, so y2 gets the top reward and the RLHF optimum jumps to the y2 corner. π*_τ and Nash-MD do not move: they use P itself, not a reward.',
        change: { comparisons: 'reference' },
      },
      {
        title: 'Skew μ the other way',
        text: 'Put μ’s weight on y1 instead and the RLHF optimum leaps to the y3 corner. Which response RLHF calls best depends on who was sampled (the paper’s Theorem 2); the Nash equilibrium of P does not.',
        change: { reference: [0.8, 0.1, 0.1] },
      },
    ],
  },
  {
    id: 'step-size',
    title: 'Constant step versus the theorem’s step',
    preset: 'rps',
    steps: [
      {
        title: 'Constant η = 2, 300 steps',
        text: 'Rock-paper-scissors with τ = 0.05 and a constant step η = 2. Nash-MD spirals into π*_τ quickly: KL(π*_τ‖π_t) is about 0.0014 at t = 300.',
        change: { schedule: 'constant', eta: 2, t: 300 },
      },
      {
        title: 'Constant η, 3,000 steps',
        text: 'Ten times longer, and KL is stuck at 0.00074: a constant step converges only to a neighbourhood of π*_τ, biased by O(η). The convergence plot goes flat.',
        change: { t: 3000 },
      },
      {
        title: 'Theorem 1’s step, 300 steps',
        text: 'Switch to the decreasing step η_t = 2/(τ(t+2)) of Theorem 1. At t = 300 KL is already 0.00016, and the dashed bound 8/(τ²(t+1)) appears on the convergence plot.',
        change: { schedule: 'theorem', t: 300 },
      },
      {
        title: 'Theorem 1’s step, 3,000 steps',
        text: 'KL keeps falling, to about 2·10⁻⁸ at t = 3,000: the last iterate converges, with no bias. The bound holds with lots of room. On this example OMD also settles with the decreasing step.',
        change: { t: 3000 },
      },
    ],
  },
  {
    id: 'tau-path',
    title: 'From μ to the Nash as τ shrinks',
    preset: 'rps',
    steps: [
      {
        title: 'τ = 5: stay near μ',
        text: 'Strong regularisation: π*_τ (black star) is almost μ = (0.5, 0.3, 0.2), and every algorithm stays there. The faint grey curve is the path π*_τ will follow as τ shrinks.',
        change: { tau: 5, eta: 0.1, schedule: 'constant', t: 1000 },
      },
      {
        title: 'τ = 0.5',
        text: 'Weaker pull towards μ: π*_τ moves along its path to (0.44, 0.37, 0.19), shifting weight to paper, which beats the rock μ favours.',
        change: { tau: 0.5 },
      },
      {
        title: 'τ = 0.05',
        text: 'π*_τ is now (0.32, 0.37, 0.31), close to the Nash equilibrium (open star) at the centre. Nash-MD reaches it: KL ≈ 2·10⁻⁶ at t = 3,000.',
        change: { tau: 0.05, t: 3000 },
      },
      {
        title: 'τ = 0.005',
        text: 'π*_τ is practically the Nash (1/3, 1/3, 1/3). With so little regularisation the dynamics spiral in slowly (KL ≈ 0.002 at t = 10,000). RLHF’s optimum stayed on μ the whole time: its reward is zero on a cycle.',
        change: { tau: 0.005, t: 10000 },
      },
    ],
  },
  {
    id: 'cycling-cures',
    title: 'Cycling and its cures',
    preset: 'rps',
    steps: [
      {
        title: 'MWU spirals out',
        text: 'Multiplicative weights (MWU, the exact update of SPPO) moves towards whatever beats the current policy. On rock-paper-scissors its last iterate spirals outwards, away from the Nash of P (open star, the uniform policy): by t = 300 it puts 0.99 on rock, and it keeps swinging from corner to corner.',
        change: { tau: 0.2, eta: 1, schedule: 'constant', algorithms: ['mwu'], t: 300 },
      },
      {
        title: 'Optimism and extragradient',
        text: 'Two cures make the last iterate converge. Optimistic MWU (ONPO) steps along 2r_t − r_{t−1}, anticipating the next reward, and spirals in to the Nash of P: (0.333, 0.333, 0.333) at t = 300. Extragradient (EGPO) takes a look-ahead half step and pulls towards μ: it sits on π*_τ = (0.36, 0.41, 0.23) (black star) from t = 50 on.',
        change: { algorithms: ['mwu', 'omwu', 'extragradient'] },
      },
      {
        title: 'The magnet decides the target',
        text: 'MMD is pulled towards μ at every step, so it converges to π*_τ = (0.36, 0.41, 0.23). MPO moves its magnet to the current policy every 50 steps, and the prox point COMAL regularises towards its own last iterate: both reach the Nash of P instead, (0.333, 0.333, 0.333) at t = 1,000 — COMAL already by t = 50.',
        change: { algorithms: ['mmd', 'mpo', 'comal'], t: 1000 },
      },
      {
        title: 'A smaller τ, a smaller gap',
        text: 'At τ = 0.05, π*_τ = (0.32, 0.37, 0.31) lies nearer the centre: extragradient converges to it, MPO and COMAL still to (0.333, 0.333, 0.333). At τ = 0 COMAL is unavailable (each of its steps needs τ > 0): try it.',
        change: { tau: 0.05, algorithms: ['extragradient', 'mpo', 'comal'] },
      },
    ],
  },
  {
    id: 'wrong-reward',
    title: 'Learning the wrong reward',
    preset: 'rater-types',
    steps: [
      {
        title: 'The raters’ true preferences',
        text: 'Three rater types at ε = +0.1, read exactly: Nash-MD settles at π*_τ = (0.40, 0.37, 0.23), while the optimum of the Bradley–Terry reward sits in the y1 corner (0.91 on y1). Real feedback is never this exact: next, both pipelines learn from sampled comparisons.',
        change: { epsilon: 0.1, t: 400 },
      },
      {
        title: '1,000 sampled comparisons',
        text: 'Both learn from the same 1,000 comparisons, pairs drawn uniformly: Nash-MD and OMD from the preference model P̂, RLHF from the reward model r̂. The hollow markers are the true P’s targets. π*_τ of P̂ lands at (0.40, 0.38, 0.22), beside the true one; judged by the true P (the table below) it is 1,000 times less exploitable than RLHF’s optimum.',
        change: { feedback: 1000, sampling: 'uniform' },
      },
      {
        title: 'More data does not mend the reward',
        text: 'With 100,000 comparisons P̂ is all but the true P, and Nash-MD heads for the true π*_τ. RLHF’s optimum stays in the y1 corner (0.92 on y1): a reward model cannot represent raters who disagree in a cycle, so no amount of data makes its optimum a Nash equilibrium.',
        change: { feedback: 100_000 },
      },
      {
        title: 'Pairs drawn from μ instead',
        text: 'The same raters, with pairs drawn from μ rather than uniformly. The reward model changes with the sampling: RLHF’s optimum moves to (0.59, 0.31, 0.10). P̂ converges to the same P either way, and π*_τ of P̂ stays at (0.40, 0.37, 0.23).',
        change: { sampling: 'reference' },
      },
      {
        title: 'How many comparisons?',
        text: 'Back to uniform pairs. The sample-size curve below learns from 20 samples of each size N = 10, 30, …, 100,000 and judges both targets by the true P: NLHF’s median exploitability falls from 0.06 at N = 10 to below 0.002 from N = 1,000 on, while RLHF’s levels off near 0.08: NLHF is ahead at every N.',
        change: { sampling: 'uniform' },
      },
    ],
  },
  {
    // Every number below is the β sweep's (core betaSweep.ts) for this scenario, pinned by
    // stories.test.ts: the story says what the sweep shows here, not what the paper found.
    id: 'paper-trained',
    title: 'What the paper trained',
    preset: 'rps',
    steps: [
      {
        title: 'Self-play: β = 0',
        text: 'Nash-MD-PG trains a policy π_θ ∝ exp(θ·φ) by gradient steps against the opponent π^β ∝ π_θ^(1−β) μ^β. At β = 0 the opponent is the policy itself (self-play): after 1,000 steps it sits at (0.32, 0.37, 0.31), next to π*_τ. The β sweep under the simplex trains every β of the paper’s grid, Nash-EMA-PG and RLHF-PG for the same steps and plays each pair: self-play comes 8th of 11.',
        change: { algorithms: ['nash-md-pg'], pg: { beta: 0, lr: 0.5, gradient: 'exact' }, t: 1000 },
      },
      {
        title: 'Best response to μ: β = 1',
        text: 'At β = 1 the opponent is μ, which plays rock half the time, so the policy learns to beat μ: 0.92 on paper. It beats μ 60.7% of the time, more than any other β, yet it is 9th of 11 in the sweep: it over-adapts to μ.',
        change: { pg: { beta: 1 } },
      },
      {
        title: 'An intermediate β wins here',
        text: 'Between the two, β = 0.625 wins the sweep: it beats the others 52.2% of the time on average (the star in the table). RLHF-PG does not move from μ: the Bradley–Terry reward of a cycle is flat. Change lr, τ or the preset and the figure’s caption says who wins then.',
        change: { pg: { beta: 0.625 } },
      },
    ],
  },
  {
    id: 'leaderboard-winner',
    title: 'Does the leaderboard’s winner win?',
    preset: 'llmfao',
    data: 'rater=crowd',
    steps: [
      {
        title: 'The leaderboard’s winner',
        text: '8,931 crowd judgements of 59 LLMs (LLMFAO). Fitted on the observed battles, as leaderboards do, the Bradley–Terry reward ranks GPT 4 first (Elo 1172), ahead of Platypus-2 Instruct (70B) (Elo 1112). Open “Reward scores” for the whole table and its bootstrap intervals.',
        change: { algorithms: ALL, comparisons: 'observed', t: 300 },
      },
      {
        title: 'The Nash does not play it',
        text: 'The Nash equilibrium drawn (the LP’s vertex) mixes 7 models, Platypus-2 Instruct (70B) 0.31, Luminous Base Control 0.20 and command-nightly 0.15 the largest, and gives GPT 4 nothing. GPT 4 wins exactly half against it: it was never compared with any of the seven, and a pair never compared counts as a tie (½).',
        change: {},
      },
      {
        title: 'Many equilibria',
        text: 'This Nash is not unique: 31 of the 59 models carry weight in some equilibrium; LLaMA-2-Chat (70B) anywhere from 0 to 0.65, GPT 4 from 0 to 0.17 (the ranges beside the equilibrium bars). With 927 of the 1,711 pairs judged, the data leave the Nash open; the Bradley–Terry fit fills the gaps with a ranking.',
        change: {},
      },
      {
        title: 'Cycles in the data',
        text: 'Where the crowd did compare, it is not always transitive. The strongest cycles with at least 5 battles a step: Code Llama Instruct (7B) ≻ Luminous Base ≻ Guanaco (33B) ≻ Code Llama Instruct (7B), won 71 %, 75 % and 88 % of 12, 6 and 13 battles; Airoboros L2 70B ≻ Koala (13B) ≻ GPT 3.5 Turbo ≻ Airoboros L2 70B, won 72 %, 70 % and 71 % of 9, 5 and 7. No reward explains a cycle; a mixture can answer it.',
        change: {},
      },
    ],
  },
];

export function storyById(id: string): Story | undefined {
  return STORIES.find((s) => s.id === id);
}

/** The scenario and t of step k: the preset with steps 0..k applied in order. */
export function storyScenario(story: Story, k: number, base?: Scenario): { scenario: Scenario; t: number } {
  const merged: StoryChange = {};
  for (const step of story.steps.slice(0, Math.max(0, Math.min(k, story.steps.length - 1)) + 1))
    Object.assign(merged, step.change, step.change.pg && { pg: { ...merged.pg, ...step.change.pg } });
  const { scenario: preset, steps } = scenarioFromPreset(
    story.preset,
    merged.epsilon === undefined ? {} : { epsilon: merged.epsilon },
    base,
  );
  const scenario: Scenario = {
    ...preset,
    tau: merged.tau ?? preset.tau,
    eta: merged.eta ?? preset.eta,
    schedule: merged.schedule ?? preset.schedule,
    comparisons: merged.comparisons ?? 'uniform',
    reference: merged.reference ?? preset.reference,
    algorithms: merged.algorithms ?? ALL,
    pg: merged.pg ? { ...preset.pg, ...merged.pg } : preset.pg,
  };
  // Feedback only where the story asks for it (a base scenario's settings do not leak in).
  delete scenario.feedback;
  delete scenario.sampling;
  delete scenario.dataSeed;
  delete scenario.smoothing;
  if (merged.feedback !== undefined)
    Object.assign(scenario, { feedback: merged.feedback, sampling: merged.sampling ?? 'uniform' });
  return { scenario, t: merged.t ?? steps };
}

/** A data story's step as a link (its data is fetched, the changes read onto it as the link's keys). */
export function storyHash(story: Story, k: number): string {
  const m: StoryChange = {};
  for (const step of story.steps.slice(0, Math.max(0, Math.min(k, story.steps.length - 1)) + 1))
    Object.assign(m, step.change);
  const keys: string[] = [`preset=${story.preset}`, story.data ?? ''];
  if (m.tau !== undefined) keys.push(`tau=${m.tau}`);
  if (m.schedule === 'theorem') keys.push('eta=theorem');
  else if (m.eta !== undefined) keys.push(`eta=${m.eta}`);
  if (m.comparisons) keys.push(`comparisons=${m.comparisons}`);
  if (m.reference) keys.push(`mu=${m.reference.join(',')}`);
  keys.push(`algos=${(m.algorithms ?? ALL).join(',')}`);
  if (m.t !== undefined) keys.push(`t=${m.t}`);
  return '#' + keys.filter((x) => x !== '').join('&');
}

/** Shows step k of a story: loads its scenario and t (stops playback); a data story loads its data first. */
export function applyStoryStep(actions: AppActions, story: Story, k: number): void {
  if (story.data !== undefined) {
    void actions.loadDataPreset(null, storyHash(story, k));
    return;
  }
  const { scenario, t } = storyScenario(story, k);
  actions.loadScenario(scenario, t);
}
