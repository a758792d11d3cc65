/**
 * Online feedback (issue 16, sampling = online): rounds of N/10 comparisons drawn from the chosen
 * run's current policy, every run training on the models of the comparisons drawn so far. Checked
 * here: the round sizes, the same seed giving the same rounds, the pairs of round k following
 * π_{t_k} (χ², α = 0.001), and the service's rows against plain updates written out below, run on
 * P̂_k and r̂_k rebuilt from the exported per-round counts (1e-9).
 */
import { describe, expect, it } from 'vitest';
import { algorithmById, ALGORITHM_IDS } from '../algorithms/registry.ts';
import { learnedModels, type PairCounts } from '../feedback.ts';
import {
  ONLINE_ROUNDS,
  distinctPairs,
  roundSizes,
  sampleOnline,
  scheduledRunner,
  type ModelSchedule,
} from '../onlineFeedback.ts';
import { createRng } from '../rng.ts';
import { presetById } from '../presets.ts';
import { createRunner } from '../simulate.ts';
import { createSimulationService } from '../simulationService.ts';
import type { Algorithm } from '../types.ts';
import type { FeedbackData, ScenarioSpec } from '../workerApi.ts';

/** A non-transitive 4×4 P (a cycle 0 ≻ 1 ≻ 2 ≻ 0 and a fourth response). */
const P4 = [
  [0.5, 0.7, 0.35, 0.6],
  [0.3, 0.5, 0.75, 0.45],
  [0.65, 0.25, 0.5, 0.55],
  [0.4, 0.55, 0.45, 0.5],
];
const R = 7;
const base: ScenarioSpec = {
  preferences: P4,
  reference: [0.4, 0.3, 0.2, 0.1],
  initial: [0.1, 0.2, 0.3, 0.4],
  tau: 0.2,
  eta: 0.4,
  comparisons: 'uniform',
  algorithms: ['nash-md', 'omd', 'rlhf'],
};
const online = (comparisons: number, seed: number, run = 'nash-md', roundSteps = R): ScenarioSpec => ({
  ...base,
  feedback: { comparisons, sampling: 'online', seed, smoothing: 0.5, online: { run, roundSteps } },
});

function computeOk(spec: ScenarioSpec, steps: number) {
  const r = createSimulationService().compute(1, spec, steps);
  if (!r.ok) throw new Error(r.problem?.message ?? 'abandoned');
  return r;
}

/** Round k's counts (PairCounts) from the exported flat rounds. */
function roundCounts(data: FeedbackData, k: number): PairCounts {
  const r = data.rounds!;
  const pick = <T extends Uint32Array | Float64Array>(a: T) => a.filter((_, e) => r.round[e] === k) as T;
  return { n: data.n, i: pick(r.i), j: pick(r.j), winsI: pick(r.winsI), winsJ: pick(r.winsJ) };
}

/** Rounds 0…k pooled, as a dense win matrix turned back into PairCounts. */
function pooled(data: FeedbackData, k: number): PairCounts {
  const n = data.n;
  const wins = new Float64Array(n * n);
  for (let q = 0; q <= k; q++) {
    const c = roundCounts(data, q);
    for (let e = 0; e < c.i.length; e++) {
      wins[c.i[e] * n + c.j[e]] += c.winsI[e];
      wins[c.j[e] * n + c.i[e]] += c.winsJ[e];
    }
  }
  const out = { n, i: [] as number[], j: [] as number[], winsI: [] as number[], winsJ: [] as number[] };
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (wins[i * n + j] + wins[j * n + i] > 0) {
        out.i.push(i);
        out.j.push(j);
        out.winsI.push(wins[i * n + j]);
        out.winsJ.push(wins[j * n + i]);
      }
  return {
    n,
    i: Uint32Array.from(out.i),
    j: Uint32Array.from(out.j),
    winsI: Float64Array.from(out.winsI),
    winsJ: Float64Array.from(out.winsJ),
  };
}

/** Plain updates (Nash-MD Eqs. 3–5, OMD Eqs. 7–8, RLHF §3), written out on arrays of arrays. */
function referenceRun(algorithm: Algorithm, models: { P: number[][]; r: Float64Array }[], steps: number): number[][] {
  const { reference: mu, tau, eta } = base;
  const e = eta as number;
  const normalize = (logs: number[]) => {
    const m = Math.max(...logs);
    const w = logs.map((x) => Math.exp(x - m));
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  };
  const times = (P: number[][], x: number[]) => P.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
  let pi = base.initial.slice();
  const rows = [pi];
  for (let t = 0; t < steps; t++) {
    const { P, r } = models[Math.min(Math.floor(t / R), models.length - 1)];
    const geo = normalize(pi.map((p, i) => (1 - e * tau) * Math.log(p) + e * tau * Math.log(mu[i])));
    if (algorithm === 'nash-md') {
      const win = times(P, geo);
      pi = normalize(geo.map((g, i) => Math.log(g) + e * win[i]));
    } else {
      const win = algorithm === 'omd' ? times(P, pi) : Array.from(r);
      pi = normalize(geo.map((g, i) => Math.log(g) + e * win[i]));
    }
    rows.push(pi);
  }
  return rows;
}

describe('online feedback', () => {
  it('draws N/10 comparisons per round, the last round the remainder', () => {
    expect(roundSizes(1000)).toEqual(Array(10).fill(100));
    expect(roundSizes(1007)).toEqual([...Array(9).fill(100), 107]);
    const r = computeOk(online(1234, 5), 0);
    const rounds = r.feedback!.rounds!;
    expect(Array.from(rounds.sizes)).toEqual(roundSizes(1234));
    expect(Array.from(rounds.starts)).toEqual(Array.from({ length: ONLINE_ROUNDS }, (_, k) => k * R));
    for (let k = 0; k < ONLINE_ROUNDS; k++) {
      const c = roundCounts(r.feedback!, k);
      const total = Array.from(c.winsI).reduce((a, b) => a + b, 0) + Array.from(c.winsJ).reduce((a, b) => a + b, 0);
      expect(total).toBe(rounds.sizes[k]);
    }
    // The pooled counts are the sum of the rounds'.
    const all = pooled(r.feedback!, ONLINE_ROUNDS - 1);
    expect(Array.from(r.feedback!.winsI)).toEqual(Array.from(all.winsI));
    expect(Array.from(r.feedback!.winsJ)).toEqual(Array.from(all.winsJ));
  });

  it('the same seed gives the same rounds; another seed other rounds', () => {
    const a = computeOk(online(2000, 11), 50).feedback!.rounds!;
    const b = computeOk(online(2000, 11), 3).feedback!.rounds!;
    const c = computeOk(online(2000, 12), 50).feedback!.rounds!;
    for (const key of ['round', 'i', 'j', 'winsI', 'winsJ', 'policies'] as const)
      expect(Array.from(b[key])).toEqual(Array.from(a[key]));
    expect(Array.from(c.winsI)).not.toEqual(Array.from(a.winsI));
  });

  it('round k follows π_{t_k}, the chosen run’s policy at t_k (χ², α = 0.001)', () => {
    const N = 200_000;
    const steps = 10 * R;
    const r = computeOk(online(N, 3, 'omd'), steps);
    const rounds = r.feedback!.rounds!;
    const n = 4;
    // The policies recorded are the shown OMD run's rows at t_k.
    const omd = r.chunks.find((c) => c.algorithm === 'omd')!;
    for (let k = 0; k < ONLINE_ROUNDS; k++)
      for (let i = 0; i < n; i++) expect(rounds.policies[k * n + i]).toBe(omd.policies[rounds.starts[k] * n + i]);
    // χ² critical values at α = 0.001: df 5 → 20.52 (six unordered pairs), df 6 → 22.46 (outcomes).
    for (const k of [0, 4, 9]) {
      const pi = rounds.policies.subarray(k * n, (k + 1) * n);
      const distinct = 1 - pi.reduce((s, x) => s + x * x, 0);
      const c = roundCounts(r.feedback!, k);
      const m = rounds.sizes[k];
      let chiPairs = 0;
      let chiOutcomes = 0;
      let seen = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const e = c.i.findIndex((x, q) => x === i && c.j[q] === j);
          const w = e < 0 ? 0 : c.winsI[e];
          const nij = e < 0 ? 0 : c.winsI[e] + c.winsJ[e];
          seen += nij;
          const expected = (m * 2 * pi[i] * pi[j]) / distinct;
          chiPairs += (nij - expected) ** 2 / expected;
          chiOutcomes += (w - nij * P4[i][j]) ** 2 / (nij * P4[i][j] * (1 - P4[i][j]));
        }
      expect(seen).toBe(m);
      expect(chiPairs, `round ${k}`).toBeLessThan(20.52);
      expect(chiOutcomes, `round ${k}`).toBeLessThan(22.46);
    }
    // And they are not the uniform pairs: π_0 puts 0.4 on y4, so {3, 4}-type pairs dominate round 0.
    const c0 = roundCounts(r.feedback!, 0);
    const e = c0.i.findIndex((x, q) => x === 2 && c0.j[q] === 3);
    expect(c0.winsI[e] + c0.winsJ[e]).toBeGreaterThan(0.3 * rounds.sizes[0]);
  });

  it('every run’s rows equal plain updates on P̂_k and r̂_k rebuilt from the per-round counts (1e-9)', () => {
    const steps = 12 * R + 3;
    for (const run of ['nash-md', 'rlhf'] as const) {
      const r = computeOk(online(3000, 9, run), steps);
      const models = Array.from({ length: ONLINE_ROUNDS }, (_, k) => {
        const { preferences, rewards } = learnedModels(pooled(r.feedback!, k), 0.5);
        return { P: preferences, r: rewards };
      });
      // The final models are the answer's P̂ and r̂.
      const last = models[ONLINE_ROUNDS - 1];
      last.P.flat().forEach((x, k) => expect(Math.abs(x - r.feedback!.preferences[k])).toBeLessThan(1e-15));
      for (const algorithm of ['nash-md', 'omd', 'rlhf'] as const) {
        const want = referenceRun(algorithm, models, steps);
        const chunk = r.chunks.find((c) => c.algorithm === algorithm)!;
        for (let t = 0; t <= steps; t++)
          for (let i = 0; i < 4; i++)
            expect(Math.abs(chunk.policies[t * 4 + i] - want[t][i]), `${algorithm} t=${t}`).toBeLessThan(1e-9);
      }
      // The chosen run's policies at t_k are those the rounds were drawn from.
      const want = referenceRun(run, models, steps);
      const rounds = r.feedback!.rounds!;
      for (let k = 0; k < ONLINE_ROUNDS; k++)
        for (let i = 0; i < 4; i++) expect(Math.abs(rounds.policies[k * 4 + i] - want[k * R][i])).toBeLessThan(1e-9);
    }
  });

  it('a run continued in chunks (live play) gives the rows of one long run', () => {
    const s = createSimulationService();
    const first = s.compute(1, online(1000, 2), 10);
    if (!first.ok) throw new Error('not ok');
    const more = s.extend(1, 40);
    if (!more.ok) throw new Error('not ok');
    const whole = computeOk(online(1000, 2), 50);
    const a = more.chunks.find((c) => c.algorithm === 'rlhf')!;
    const b = whole.chunks.find((c) => c.algorithm === 'rlhf')!;
    expect(Array.from(a.policies)).toEqual(Array.from(b.policies.subarray(10 * 4)));
  });

  it('names a bad run or round length, and a run that cannot run (COMAL at τ = 0)', () => {
    const bogus = createSimulationService().compute(1, online(1000, 1, 'bogus'), 5);
    expect(bogus.ok).toBe(false);
    if (!bogus.ok) expect(bogus.problem?.field).toBe('onlineRun');
    const comal = createSimulationService().compute(1, { ...online(1000, 1, 'comal'), tau: 0, eta: 0.1 }, 5);
    if (!comal.ok) expect(comal.problem?.field).toBe('onlineRun');
    else throw new Error('COMAL at τ = 0 ran');
    const rounds = createSimulationService().compute(1, online(1000, 1, 'nash-md', 0), 5);
    if (!rounds.ok) expect(rounds.problem?.field).toBe('roundSteps');
    else throw new Error('R = 0 accepted');
  });

  it('the sample-size curve is not computed for online feedback, and says why', async () => {
    const r = await createSimulationService().sampleSize(1, online(1000, 1), undefined, () => Promise.resolve());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem?.field).toBe('sampling');
  });
});

describe('pairs from a policy', () => {
  // χ² critical value at α = 0.001 with df 5 (six ordered pairs of three responses, less one): 20.52.
  it('follow π(y)π(y′)/(1 − Σπ²) for an even and a settled policy (χ², α = 0.001), in two numbers a pair', () => {
    for (const pi of [
      [0.5, 0.3, 0.2],
      [0.9999, 6e-5, 4e-5],
    ]) {
      let used = 0;
      const base = createRng(7);
      const rng = () => (used++, base());
      const draw = distinctPairs(pi, 3, rng);
      const M = 200_000;
      const seen = new Float64Array(9);
      for (let k = 0; k < M; k++) seen[draw()]++;
      const distinct = 1 - pi.reduce((a, p) => a + p * p, 0);
      let chi = 0;
      for (let y = 0; y < 3; y++)
        for (let z = 0; z < 3; z++) {
          if (y === z) {
            expect(seen[y * 3 + z]).toBe(0);
            continue;
          }
          const expected = (M * pi[y] * pi[z]) / distinct;
          chi += (seen[y * 3 + z] - expected) ** 2 / expected;
        }
      expect(chi, `π = ${pi}`).toBeLessThan(20.52);
      // The redrawing loop would take 1/(1 − Σπ²) ≈ 5,000 pairs of numbers a pair for the settled policy.
      expect(used / M).toBeLessThan(2.5);
    }
  });

  it('a run that settles on one response (RLHF at τ = 0.05) draws its rounds at once', () => {
    const rater = presetById('rater-types')!.build({ epsilon: 0.1 });
    const spec: ScenarioSpec = {
      ...base,
      preferences: rater.preferences,
      reference: rater.reference,
      initial: rater.initial,
      tau: rater.tau,
      eta: rater.eta,
      feedback: {
        comparisons: 1000,
        sampling: 'online',
        seed: 3,
        smoothing: 0.5,
        online: { run: 'rlhf', roundSteps: 20 },
      },
    };
    const t0 = performance.now();
    const r = computeOk(spec, 300);
    expect(performance.now() - t0).toBeLessThan(1000);
    // Some rounds are drawn from a policy of almost one response (1 − Σπ² below 10⁻⁴: the redrawing
    // loop would take over 10,000 draws a pair there; it took seconds before distinctPairs).
    const p = r.feedback!.rounds!.policies;
    const distinct = Array.from(
      { length: ONLINE_ROUNDS },
      (_, k) => 1 - p[3 * k] ** 2 - p[3 * k + 1] ** 2 - p[3 * k + 2] ** 2,
    );
    expect(Math.min(...distinct)).toBeLessThan(1e-4);
    expect(Math.min(...distinct)).toBeGreaterThan(1e-6); // not the uniform fallback
  });
});

describe('a settled policy', () => {
  it('gives a round of uniform pairs, flagged, when 1 − Σπ² < 10⁻⁶', () => {
    const initial = [1 - 2e-9, 1e-9, 1e-9];
    const spec = { ...base, preferences: P4.slice(0, 3).map((r) => r.slice(0, 3)), reference: [0.4, 0.3, 0.3] };
    spec.preferences[0][1] = 0.7;
    spec.preferences[1][0] = 0.3;
    const online = sampleOnline({
      truth: Float64Array.from(spec.preferences.flat()),
      n: 3,
      initial: Float64Array.from(initial),
      comparisons: 3000,
      seed: 1,
      smoothing: 0.5,
      roundSteps: 5,
      run: 'omd',
      runner: () => createRunner({ ...spec, initial, algorithm: 'omd', steps: 0 }),
    });
    expect(online.rounds[0].uniform).toBe(true);
    // Every unordered pair about a third of the 300.
    const c = online.rounds[0].counts;
    expect(c.i.length).toBe(3);
    for (let e = 0; e < 3; e++) expect(Math.abs(c.winsI[e] + c.winsJ[e] - 100)).toBeLessThan(40);
  });
});

describe('a run on a schedule of models', () => {
  it('switching between copies of the same P changes nothing, for every algorithm', async () => {
    const { loadAlgorithms } = await import('../algorithms/registry.ts');
    await loadAlgorithms(ALGORITHM_IDS);
    const p = Float64Array.from(P4.flat());
    const reward = Float64Array.from([0.3, -0.1, 0.05, -0.25]);
    for (const algorithm of ALGORITHM_IDS) {
      const def = algorithmById(algorithm)!;
      if (def.unavailable({ n: 4, tau: base.tau, eta: base.eta })) continue;
      const spec = { ...base, algorithm, steps: 0 } as Parameters<typeof createRunner>[0];
      const schedule: ModelSchedule = {
        every: 3,
        models: [0, 1, 2].map(() => ({ p: p.slice(), reward: reward.slice() })),
      };
      const plain = createRunner(spec, def.rewardModel ? reward : undefined).advance(20);
      const scheduled = scheduledRunner(createRunner(spec, def.rewardModel ? reward : undefined), schedule);
      const rows = new Float64Array(21 * 4);
      rows.set(scheduled.advance(5));
      rows.set(scheduled.advance(15).subarray(4), 6 * 4);
      for (let k = 0; k < rows.length; k++)
        expect(Math.abs(rows[k] - plain[k]), `${algorithm} entry ${k}`).toBeLessThan(1e-12);
    }
  });
});
