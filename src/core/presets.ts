/**
 * Ready-made scenarios: the paper's worked examples (docs/math.md) plus a few classics, each with
 * parameters chosen so the contrast between Nash-MD, OMD and RLHF is visible (docs/ux.md).
 * Matrices are computed from their definitions (dice faces, voter rankings, scores), never typed
 * in as rounded decimals, and the lower triangle is always 1 − upper so P + Pᵀ = 1 to rounding.
 */
import { createRng } from './rng.ts';

export interface PresetParams {
  /** Three rater types only: ε ∈ [−1/3, 1/3], default 0.1. */
  epsilon?: number;
  /** Random only: seed of the generator, default 1. */
  seed?: number;
  /** Random and leaderboard: number of responses, 2..500 (defaults 5 and 60). */
  n?: number;
}

export interface PresetScenario {
  preferences: number[][];
  labels: string[];
  reference: number[];
  initial: number[];
  tau: number;
  eta: number;
  schedule: 'constant' | 'theorem';
  /** A suggested number of steps to show. */
  steps: number;
}

/** Names of the PresetParams a preset actually reads, so the UI knows which controls to show. */
export type PresetParamName = keyof PresetParams;

export interface Preset {
  id: string;
  name: string;
  /**
   * One sentence: what to watch. Its statements about the algorithms are checked against the run
   * at the default parameters (__tests__/presetClaims.test.ts).
   */
  caption: string;
  params: readonly PresetParamName[];
  build(params: PresetParams): PresetScenario;
}

export const EPSILON_MIN = -1 / 3;
export const EPSILON_MAX = 1 / 3;
export const EPSILON_DEFAULT = 0.1;
export const RANDOM_N_MIN = 2;
export const RANDOM_N_MAX = 500;

/** Builds P from its strict upper triangle: upper(i, j) = P(y_i ≻ y_j) for i < j. */
export function fromUpper(n: number, upper: (i: number, j: number) => number): number[][] {
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      P[i][j] = upper(i, j);
      P[j][i] = 1 - P[i][j];
    }
  }
  return P;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Bradley–Terry matrix of scores s: P[i][j] = σ(s_i − s_j), i.e. e^{s_i}/(e^{s_i} + e^{s_j}). */
export function bradleyTerryPreferences(scores: readonly number[]): number[][] {
  return fromUpper(scores.length, (i, j) => sigmoid(scores[i] - scores[j]));
}

/** P(die a shows more than die b), counting all face pairs (faces never tie here). */
export function diceWinProbability(a: readonly number[], b: readonly number[]): number {
  let wins = 0;
  for (const x of a) for (const y of b) if (x > y) wins++;
  return wins / (a.length * b.length);
}

export const DICE_FACES: readonly (readonly number[])[] = [
  [2, 4, 9],
  [1, 6, 8],
  [3, 5, 7],
];

/** Voter groups (equal size), each a ranking best-first of response indices. */
export const CONDORCET_RANKINGS: readonly (readonly number[])[] = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
];

/** P[i][j] = the fraction of (equal-sized) voter groups that rank i above j. */
export function preferencesFromRankings(rankings: readonly (readonly number[])[], n: number): number[][] {
  return fromUpper(n, (i, j) => rankings.filter((r) => r.indexOf(i) < r.indexOf(j)).length / rankings.length);
}

/** §3.2: P(y2 ≻ y1) = 2/3 − ε/2, P(y1 ≻ y3) = 2/3 + ε/4, P(y3 ≻ y2) = 2/3 + ε/4. */
export function raterTypesPreferences(epsilon: number): number[][] {
  const p21 = 2 / 3 - epsilon / 2;
  const p13 = 2 / 3 + epsilon / 4;
  const p32 = 2 / 3 + epsilon / 4;
  return [
    [0.5, 1 - p21, p13],
    [p21, 0.5, 1 - p32],
    [1 - p13, p32, 0.5],
  ];
}

/**
 * Recovers ε if P has exactly the three-rater-types structure (within 1e-9), else null. Used to
 * restore the ε slider from a shared URL, where only the matrix is stored. The result is rounded
 * to 12 significant digits so a slider value like 0.1 comes back as 0.1, not 0.09999999999999987.
 */
export function epsilonFromRaterTypes(P: readonly (readonly number[])[]): number | null {
  const tol = 1e-9;
  if (!Array.isArray(P) || P.length !== 3) return null;
  for (const row of P) {
    if (!Array.isArray(row) || row.length !== 3) return null;
    for (const x of row) if (typeof x !== 'number' || !Number.isFinite(x)) return null;
  }
  const eps = 2 * (2 / 3 - P[1][0]);
  if (eps < EPSILON_MIN - tol || eps > EPSILON_MAX + tol) return null;
  const expected = raterTypesPreferences(eps);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) if (Math.abs(P[i][j] - expected[i][j]) > tol) return null;
  }
  const rounded = Number(eps.toPrecision(12));
  return Math.min(EPSILON_MAX, Math.max(EPSILON_MIN, Object.is(rounded, -0) ? 0 : rounded));
}

/** Strictly positive weights normalised to sum to 1. */
function normalise(v: readonly number[]): number[] {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
}

function clampEpsilon(eps: number | undefined): number {
  if (typeof eps !== 'number' || !Number.isFinite(eps)) return EPSILON_DEFAULT;
  return Math.min(EPSILON_MAX, Math.max(EPSILON_MIN, eps));
}

function clampN(n: number | undefined, fallback = 5): number {
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  return Math.min(RANDOM_N_MAX, Math.max(RANDOM_N_MIN, Math.round(n)));
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'rps',
    name: 'Rock-paper-scissors',
    caption:
      'Nash-MD spirals in towards π*_τ, OMD keeps circling it, and RLHF (whose reward is flat on a cycle) only drifts back to μ.',
    params: [],
    build: () => ({
      // Each response loses to the next (rock to paper, paper to scissors) 0.1 to 0.9, and
      // beats the one after it (rock beats scissors) 0.9 to 0.1.
      preferences: fromUpper(3, (i, j) => (j === i + 1 ? 0.1 : 0.9)),
      labels: ['rock', 'paper', 'scissors'],
      reference: [0.5, 0.3, 0.2],
      initial: [0.7, 0.2, 0.1],
      tau: 0.05,
      eta: 2,
      schedule: 'constant',
      steps: 300,
    }),
  },
  {
    id: 'rater-types',
    name: 'Three rater types (§3.2)',
    caption:
      'Move ε across 0: the RLHF optimum jumps between the y1 and y2 corners while the Nash equilibrium moves smoothly; Nash-MD and OMD both converge to π*_τ, and OMD ends closer.',
    params: ['epsilon'],
    build: ({ epsilon }) => ({
      preferences: raterTypesPreferences(clampEpsilon(epsilon)),
      labels: ['y1', 'y2', 'y3'],
      reference: [0.4, 0.35, 0.25],
      initial: [0.08, 0.12, 0.8],
      tau: 0.05,
      eta: 0.5,
      schedule: 'constant',
      steps: 400,
    }),
  },
  {
    id: 'dice',
    name: 'Non-transitive dice',
    caption:
      'Each die beats the next with probability only 5/9, yet with a large step Nash-MD still settles near π*_τ while OMD circles and RLHF stays at μ.',
    params: [],
    build: () => ({
      preferences: fromUpper(3, (i, j) => diceWinProbability(DICE_FACES[i], DICE_FACES[j])),
      labels: DICE_FACES.map((f, k) => `${'ABC'[k]} {${f.join(',')}}`),
      reference: [0.5, 0.3, 0.2],
      initial: [0.7, 0.2, 0.1],
      tau: 0.01,
      eta: 20,
      schedule: 'constant',
      steps: 300,
    }),
  },
  {
    id: 'condorcet',
    name: 'Condorcet cycle',
    caption:
      'Every voter group ranks transitively, yet the majority is a 2/3 cycle: RLHF finds no reward and stays at μ, and with this constant step OMD converges to π*_τ while Nash-MD levels off at its O(η) bias (Theorem 1’s step removes it).',
    params: [],
    build: () => ({
      preferences: preferencesFromRankings(CONDORCET_RANKINGS, 3),
      labels: ['y1', 'y2', 'y3'],
      reference: [0.5, 0.3, 0.2],
      initial: [0.1, 0.2, 0.7],
      tau: 0.05,
      eta: 2,
      schedule: 'constant',
      steps: 300,
    }),
  },
  {
    id: 'bradley-terry',
    name: 'Transitive (Bradley–Terry)',
    caption:
      'With transitive, exactly Bradley–Terry preferences, RLHF and Nash-MD rank the responses the same way and both head for "good".',
    params: [],
    build: () => ({
      preferences: bradleyTerryPreferences([1, 0, -1]),
      labels: ['good', 'fair', 'poor'],
      reference: [0.2, 0.3, 0.5],
      initial: [0.1, 0.3, 0.6],
      tau: 0.1,
      eta: 1,
      schedule: 'constant',
      steps: 200,
    }),
  },
  {
    id: 'elo',
    name: 'Elo scores (paper)',
    caption:
      'A perfect Elo model with scores (0, log 9, log 2): RLHF and Nash-MD agree y2 is best, but RLHF goes all in on y2 while Nash-MD keeps some weight on y3 and y1.',
    params: [],
    build: () => ({
      preferences: bradleyTerryPreferences([0, Math.log(9), Math.log(2)]),
      labels: ['y1', 'y2', 'y3'],
      reference: [0.4, 0.3, 0.3],
      initial: [0.6, 0.1, 0.3],
      tau: 0.1,
      eta: 1,
      schedule: 'constant',
      steps: 200,
    }),
  },
  {
    id: 'random',
    name: 'Random matrix',
    caption:
      'A random matrix is usually cyclic somewhere: watch whether RLHF and Nash-MD favour different responses, then try another seed.',
    params: ['seed', 'n'],
    build: ({ seed = 1, n }) => {
      const size = clampN(n);
      const rng = createRng(seed);
      const preferences = fromUpper(size, () => rng());
      // Floor of 0.2 keeps π0 away from the boundary, where log π0 would dominate the picture.
      const initial = normalise(Array.from({ length: size }, () => 0.2 + rng()));
      return {
        preferences,
        labels: Array.from({ length: size }, (_, k) => `y${k + 1}`),
        reference: new Array<number>(size).fill(1 / size),
        initial,
        tau: 0.05,
        eta: 2,
        schedule: 'constant',
        steps: 300,
      };
    },
  },
  {
    id: 'leaderboard',
    name: 'Model leaderboard (large n)',
    caption:
      'Win rates of many models: mostly Bradley–Terry with a few upsets, so the Nash equilibrium mixes a handful of top models while the RLHF optimum backs the single highest-rated one.',
    params: ['seed', 'n'],
    build: ({ seed = 1, n }) => {
      const size = clampN(n, 60);
      const rng = createRng(seed);
      // Elo-like strengths spread over ~4 logits, the top few close together, as on public
      // leaderboards; listed best first, as a leaderboard is (so model-001 and model-002, the
      // simplex's default corners, are the two strongest).
      const scores = Array.from({ length: size }, () => 4 * Math.sqrt(rng())).sort((a, b) => b - a);
      const preferences = fromUpper(size, (i, j) => {
        const bt = sigmoid(scores[i] - scores[j]);
        // Upsets: one pair in eight departs from Bradley–Terry by up to ±0.25 (style, length bias…).
        const upset = rng() < 0.125 ? (rng() - 0.5) * 0.5 : (rng() - 0.5) * 0.04;
        return Math.min(0.98, Math.max(0.02, bt + upset));
      });
      const width = String(size).length;
      return {
        preferences,
        labels: Array.from({ length: size }, (_, k) => `model-${String(k + 1).padStart(width, '0')}`),
        reference: new Array<number>(size).fill(1 / size),
        initial: new Array<number>(size).fill(1 / size),
        tau: 0.02,
        eta: 5,
        schedule: 'constant',
        steps: 300,
      };
    },
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
