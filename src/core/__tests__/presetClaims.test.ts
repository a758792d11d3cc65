/**
 * Each preset's caption is read against the run it describes, at the preset's default parameters
 * and its suggested t: a caption must not promise what its convergence plot denies (issue 12:
 * "Nash-MD converges, OMD cycles" read backwards in 6 of the 8 presets, where a constant η leaves
 * Nash-MD at its O(η) bias while OMD reaches π*_τ to rounding).
 *
 * Every mention of Nash-MD or OMD in a caption must lie inside a phrase of CLAIMS, and each
 * phrase found is checked on the computed run; a caption with a new, unchecked statement about
 * the algorithms fails here until the statement gets its check.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate.ts';
import { regularizedNash } from '../regularizedNash.ts';
import { kl } from '../logspace.ts';
import { plateauOf } from '../plateau.ts';
import { PRESETS, type PresetScenario } from '../presets.ts';
import type { Algorithm } from '../types.ts';

interface Run {
  s: PresetScenario;
  T: number;
  /** KL(π*_τ‖π_t), t = 0..T. */
  kl: Record<Algorithm, number[]>;
  /** π_T. */
  last: Record<Algorithm, number[]>;
  /** π_t, t = 0..T. */
  policy: Record<Algorithm, (t: number) => Float64Array>;
}

function runPreset(s: PresetScenario): Run {
  const target = regularizedNash(s.preferences, s.reference, s.tau);
  const n = s.preferences.length;
  const T = s.steps;
  const out = { s, T, kl: {}, last: {}, policy: {} } as Run;
  for (const algorithm of ['nash-md', 'omd', 'rlhf'] as const) {
    const eta = s.schedule === 'theorem' ? 'theorem' : s.eta;
    const { policies } = simulate({
      algorithm,
      preferences: s.preferences,
      reference: s.reference,
      initial: s.initial,
      tau: s.tau,
      eta,
      steps: T,
    });
    out.kl[algorithm] = Array.from({ length: T + 1 }, (_, t) => kl(target, policies.subarray(t * n, t * n + n)));
    out.last[algorithm] = Array.from(policies.subarray(T * n, T * n + n));
    out.policy[algorithm] = (t) => policies.subarray(t * n, t * n + n);
  }
  return out;
}

const klAt = (r: Run, a: Algorithm, t = r.T) => r.kl[a][t];
const secondHalf = (r: Run, a: Algorithm) => r.kl[a].slice(Math.floor(r.T / 2));
const argmax = (v: readonly number[]) => v.indexOf(Math.max(...v));
const l1 = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0);
const ranking = (v: readonly number[]) => v.map((_, i) => i).sort((i, j) => v[j] - v[i]);
const levelsOff = (r: Run, a: Algorithm) => plateauOf(r.kl[a], r.T, undefined, undefined, r.policy[a]) !== null;
/** "Converges": KL at T tiny and far below where it started. */
const converges = (r: Run, a: Algorithm, below: number) => klAt(r, a) < below && klAt(r, a) < 1e-3 * klAt(r, a, 0);
/** "Keeps circling": over the second half, KL never comes near π*_τ and is not flat either. */
const circles = (r: Run, a: Algorithm) => Math.min(...secondHalf(r, a)) > 1e-3 && !levelsOff(r, a);
const labelIndex = (r: Run, label: string) => r.s.labels.indexOf(label);

/** A phrase a caption may use, and what it requires of the run (a message when it fails, else null). */
const CLAIMS: { phrase: RegExp; holds: (r: Run) => string | null }[] = [
  {
    phrase: /Nash-MD spirals in towards π\*_τ/,
    holds: (r) =>
      klAt(r, 'nash-md') < 0.01 && klAt(r, 'nash-md') < 0.1 * klAt(r, 'nash-md', Math.floor(r.T / 10))
        ? null
        : `Nash-MD KL ${klAt(r, 'nash-md')} at T`,
  },
  {
    phrase: /OMD keeps circling|OMD circles/,
    holds: (r) =>
      circles(r, 'omd') ? null : `OMD KL over the second half reaches ${Math.min(...secondHalf(r, 'omd'))}`,
  },
  {
    phrase: /Nash-MD (still )?settles near π\*_τ|Nash-MD levels off/,
    holds: (r) =>
      levelsOff(r, 'nash-md')
        ? null
        : `Nash-MD KL is not flat over the second half: ${Math.min(...secondHalf(r, 'nash-md'))}…${Math.max(...secondHalf(r, 'nash-md'))}`,
  },
  {
    phrase: /OMD converges to π\*_τ/,
    holds: (r) => (converges(r, 'omd', 1e-10) ? null : `OMD KL ${klAt(r, 'omd')} at T`),
  },
  {
    phrase: /Nash-MD and OMD both converge/,
    holds: (r) =>
      converges(r, 'nash-md', 1e-5) && converges(r, 'omd', 1e-5)
        ? null
        : `KL at T: Nash-MD ${klAt(r, 'nash-md')}, OMD ${klAt(r, 'omd')}`,
  },
  {
    phrase: /OMD (ends )?closer/,
    holds: (r) =>
      klAt(r, 'omd') < klAt(r, 'nash-md') ? null : `OMD ${klAt(r, 'omd')} ≥ Nash-MD ${klAt(r, 'nash-md')}`,
  },
  {
    phrase: /RLHF and Nash-MD rank the responses the same way and both head for "good"/,
    holds: (r) => {
      const good = labelIndex(r, 'good');
      const same = ranking(r.last.rlhf).join() === ranking(r.last['nash-md']).join();
      return same &&
        argmax(r.last.rlhf) === good &&
        argmax(r.last['nash-md']) === good &&
        r.last['nash-md'][good] > r.s.initial[good]
        ? null
        : 'rankings differ or "good" not on top';
    },
  },
  {
    phrase:
      /RLHF and Nash-MD agree y2 is best, but RLHF goes all in on y2 while Nash-MD keeps some weight on y3 and y1/,
    holds: (r) => {
      const [y1, y2, y3] = ['y1', 'y2', 'y3'].map((l) => labelIndex(r, l));
      const ok =
        argmax(r.last.rlhf) === y2 &&
        argmax(r.last['nash-md']) === y2 &&
        r.last.rlhf[y2] > 0.99 &&
        [y1, y3].every((i) => r.last['nash-md'][i] > 0.01 && r.last['nash-md'][i] > 1000 * r.last.rlhf[i]);
      return ok ? null : `RLHF ${r.last.rlhf}, Nash-MD ${r.last['nash-md']}`;
    },
  },
  // A prompt, not a statement: nothing to check.
  { phrase: /watch whether RLHF and Nash-MD favour different responses/, holds: () => null },
  {
    phrase: /RLHF (\([^)]*\) )?(only drifts back to μ|stays at μ|finds no reward and stays at μ)/,
    holds: (r) => (l1(r.last.rlhf, r.s.reference) < 0.02 ? null : `RLHF ends at ${r.last.rlhf}, μ = ${r.s.reference}`),
  },
];

describe('preset captions agree with their runs at the default parameters', () => {
  for (const preset of PRESETS) {
    it(preset.id, () => {
      // The large-n preset is checked at a small n: its caption speaks of equilibria, not dynamics.
      const s = preset.build(preset.id === 'leaderboard' ? { n: 12 } : {});
      const run = runPreset(s);
      const matches = CLAIMS.flatMap((c) =>
        [...preset.caption.matchAll(new RegExp(c.phrase, 'g'))].map((m) => ({
          c,
          start: m.index,
          end: m.index + m[0].length,
        })),
      );
      for (const m of [...preset.caption.matchAll(/Nash-MD|OMD/g)]) {
        const covered = matches.some((x) => x.start <= m.index && m.index < x.end);
        expect(
          covered,
          `“${m[0]}” at ${m.index} of the ${preset.id} caption is in no checked phrase: ${preset.caption}`,
        ).toBe(true);
      }
      for (const m of matches)
        expect(m.c.holds(run), `${preset.id}: “${preset.caption.slice(m.start, m.end)}”`).toBeNull();
    });
  }

  it('the plateau test tells a levelled-off Nash-MD from a converging or circling run', () => {
    const condorcet = runPreset(PRESETS.find((p) => p.id === 'condorcet')!.build({}));
    expect(levelsOff(condorcet, 'nash-md')).toBe(true);
    expect(levelsOff(condorcet, 'omd')).toBe(false);
    const rps = runPreset(PRESETS.find((p) => p.id === 'rps')!.build({}));
    expect(levelsOff(rps, 'omd')).toBe(false);
    expect(levelsOff(rps, 'nash-md')).toBe(false);
    // Theorem 1's schedule: KL ≤ 8/(τ²(t+1)) keeps falling, never a plateau.
    const theorem = runPreset({
      ...PRESETS.find((p) => p.id === 'condorcet')!.build({}),
      schedule: 'theorem',
      steps: 2000,
    });
    expect(levelsOff(theorem, 'nash-md')).toBe(false);
  });
});
