import { describe, expect, it } from 'vitest';
import { DEFAULT } from '../state/scenario.ts';
import { encodeHash } from '../state/urlCodec.ts';
import type { SeriesData } from '../viz/types.ts';
import { exportInfo } from './exportInfo.ts';
import { buildTrajectoryCsv, buildTrajectoryJson, csvField, trajectoryHeader } from './trajectories.ts';

function series(algorithm: SeriesData['algorithm'], length: number, n: number): SeriesData {
  const policies = new Float64Array(length * n + 9); // longer buffers than `length`, as in the run store
  for (let r = 0; r < length; r++)
    for (let i = 0; i < n; i++) policies[r * n + i] = (i + 1 + r / 7) / ((n * (n + 1)) / 2 + (n * r) / 7);
  const kl = Float64Array.from({ length: length + 3 }, (_, r) => 1 / (r + 1) / 3);
  const exploitability = Float64Array.from({ length: length + 3 }, (_, r) => 0.1 / (r + 2));
  return { algorithm, policies, kl, exploitability, length };
}

const scenario = { ...DEFAULT.scenario, labels: ['rock', 'pa,per', 'sc"issors'] };
const n = 3;
const info = exportInfo(scenario, 5, '0.1.0');

describe('trajectory CSV', () => {
  const all = [series('nash-md', 10, n), series('omd', 10, n)];
  const csv = buildTrajectoryCsv({ info, scenario, n, series: all, t: 5 });
  const lines = csv.trimEnd().split('\n');

  it('starts with comment lines naming the app version and the exact hash', () => {
    expect(lines[0]).toBe('# app: nash-md-explorer 0.1.0');
    expect(lines[1]).toBe(`# link: ${encodeHash(scenario, 5)}`);
  });

  it('has a header with every label, quoted where needed', () => {
    const header = lines.find((l) => l.startsWith('t,'))!;
    expect(header).toBe('t,algorithm,π_t(rock),"π_t(pa,per)","π_t(sc""issors)",KL,exploitability');
    expect(trajectoryHeader(scenario.labels, n)).toHaveLength(n + 4);
  });

  it('has (t + 1) × algorithms rows in t order, with full-precision values', () => {
    const data = lines.filter((l) => !l.startsWith('#')).slice(1);
    expect(data).toHaveLength(6 * 2);
    expect(data[0].startsWith('0,Nash-MD,')).toBe(true);
    expect(data[1].startsWith('0,OMD,')).toBe(true);
    const last = data[10].split(',');
    expect(last[0]).toBe('5');
    expect(Number(last[2])).toBe(all[0].policies[5 * n]);
    expect(Number(last[5])).toBe(all[0].kl[5]);
    expect(Number(last[6])).toBe(all[0].exploitability[5]);
  });

  it('stops at a series that is shorter than t', () => {
    const short = buildTrajectoryCsv({ info, scenario, n, series: [series('nash-md', 3, n)], t: 5 });
    expect(
      short
        .trimEnd()
        .split('\n')
        .filter((l) => /^\d/.test(l)),
    ).toHaveLength(3);
  });

  it('quotes fields per RFC 4180 only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('trajectory JSON', () => {
  it('holds the app, the link, the scenario and the same values', () => {
    const s = series('nash-md', 8, n);
    s.kl[2] = Number.POSITIVE_INFINITY;
    const doc = JSON.parse(buildTrajectoryJson({ info, scenario, n, series: [s], t: 5 }));
    expect(doc.app).toBe('nash-md-explorer 0.1.0');
    expect(doc.link).toBe(encodeHash(scenario, 5));
    expect(doc.scenario.labels).toEqual(scenario.labels);
    expect(doc.series[0].policies).toHaveLength(6);
    expect(doc.series[0].policies[5]).toEqual(Array.from(s.policies.subarray(15, 18)));
    expect(doc.series[0].kl[2]).toBeNull();
    expect(doc.series[0].t).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('trajectory JSON of parametric runs (issue 17)', () => {
  const pgScenario = {
    ...scenario,
    algorithms: ['nash-md-pg' as const],
    pg: { ...scenario.pg, features: 'random' as const, d: 2 },
  };
  it('carries φ and θ_0 with random features, and the policy π_θ0 they give is row 0 of the run', async () => {
    const { simulate } = await import('../core/simulate.ts');
    const { toSpec } = await import('../state/scenario.ts');
    const spec = toSpec(pgScenario);
    const run = simulate({ ...spec, algorithm: 'nash-md-pg', steps: 0 });
    const doc = JSON.parse(
      buildTrajectoryJson({ info, scenario: pgScenario, n, series: [series('nash-md-pg', 3, n)], t: 2 }),
    );
    expect(doc.parametric.d).toBe(2);
    expect(doc.parametric.phi).toHaveLength(3);
    const s = doc.parametric.phi.map((f: number[]) =>
      Math.exp(f[0] * doc.parametric.theta0[0] + f[1] * doc.parametric.theta0[1]),
    );
    const z = s.reduce((a: number, b: number) => a + b, 0);
    s.forEach((x: number, i: number) => expect(Math.abs(x / z - run.policies[i])).toBeLessThan(1e-12));
  });
  it('carries nothing extra with tabular features or without a parametric run', () => {
    const tab = JSON.parse(buildTrajectoryJson({ info, scenario, n, series: [series('nash-md-pg', 3, n)], t: 2 }));
    expect(tab.parametric).toBeUndefined();
    const other = JSON.parse(
      buildTrajectoryJson({ info, scenario: pgScenario, n, series: [series('nash-md', 3, n)], t: 2 }),
    );
    expect(other.parametric).toBeUndefined();
  });
});
