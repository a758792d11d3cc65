/**
 * The sampled comparisons as files (issue 16): the battle-count CSV is read back by the paste
 * reader as win counts of the same responses, and the counts it holds give back P̂ and r̂ exactly.
 */
import { describe, expect, it } from 'vitest';
import { countsFromDense, learnedModels } from '../core/feedback.ts';
import { presetById } from '../core/presets.ts';
import { createSimulationService } from '../core/simulationService.ts';
import type { FeedbackData, ScenarioSpec } from '../core/workerApi.ts';
import { detectSeparator, pastedLines, splitLine } from '../state/pasteCells.ts';
import { parsePastedMatrix } from '../state/pasteParser.ts';
import { DEFAULT } from '../state/scenario.ts';
import { exportInfo } from './exportInfo.ts';
import { buildCountsCsv, buildCountsJson } from './feedbackData.ts';

/** The feedback the service sends with its answer for `spec`. */
function sampled(spec: ScenarioSpec): FeedbackData {
  const r = createSimulationService().compute(1, spec, 1);
  if (!r.ok || !r.feedback) throw new Error('no feedback in the answer');
  return r.feedback;
}

/** The win counts the CSV lists, read with the paste reader's own cell splitter, by label order. */
function countsOfCsv(csv: string, labels: readonly string[]) {
  const lines = pastedLines(csv);
  const sep = detectSeparator(lines);
  const n = labels.length;
  const wins = new Float64Array(n * n);
  for (const line of lines.slice(1)) {
    const [a, b, wa, wb] = splitLine(line, sep);
    const i = labels.indexOf(a.trim());
    const j = labels.indexOf(b.trim());
    wins[i * n + j] += Number(wa);
    wins[j * n + i] += Number(wb);
  }
  return countsFromDense(wins, n);
}

const rater = presetById('rater-types')!.build({ epsilon: 0.1 });
const cases = [
  {
    name: 'three rater types, 1,000 comparisons, pairs from μ',
    labels: rater.labels,
    P: rater.preferences,
    N: 1000,
    sampling: 'reference' as const,
  },
  {
    name: 'five responses with commas and quotes in their names, 40 comparisons',
    labels: ['a, the first', 'say "b"', 'c;d', 'e', 'f'],
    P: presetById('random')!.build({ seed: 4, n: 5 }).preferences,
    N: 40,
    sampling: 'uniform' as const,
  },
];

describe('battle-count export', () => {
  for (const c of cases) {
    it(`reads back as win counts and reproduces P̂ and r̂ exactly: ${c.name}`, () => {
      const n = c.labels.length;
      const feedback = { comparisons: c.N, sampling: c.sampling, seed: 3, smoothing: 0.5 };
      const mu = Array.from({ length: n }, (_, i) => (i + 1) / ((n * (n + 1)) / 2));
      const data = sampled({
        preferences: c.P,
        reference: mu,
        initial: mu,
        tau: 0.1,
        eta: 0.5,
        comparisons: 'uniform',
        algorithms: [],
        feedback,
      });
      const csv = buildCountsCsv(c.labels, data);
      expect(csv.split('\n')[0]).toMatch(/^a([,;])b\1wins of a\1wins of b$/);
      expect(csv.trim().split('\n')).toHaveLength(1 + data.i.length);
      // The paste reader takes it as a list of pairs with win counts, of the same responses.
      const pasted = parsePastedMatrix(csv, 'auto');
      if (!pasted.ok) throw new Error(pasted.error);
      expect(pasted.format).toBe('pairs');
      expect(pasted.kind).toBe('counts');
      expect(pasted.labels).toEqual(c.labels);
      for (let k = 0; k < data.i.length; k++) {
        const [i, j] = [data.i[k], data.j[k]];
        expect(pasted.preferences[i][j]).toBeCloseTo(data.winsI[k] / (data.winsI[k] + data.winsJ[k]), 15);
      }
      // Its counts give back the learned models bit for bit.
      const again = learnedModels(countsOfCsv(csv, c.labels), 0.5);
      expect(again.preferences.flat()).toEqual(Array.from(data.preferences));
      expect(Array.from(again.rewards)).toEqual(Array.from(data.rewards));
      // The JSON holds the same counts and models.
      const scenario = {
        ...DEFAULT.scenario,
        preferences: c.P,
        labels: c.labels,
        reference: mu,
        initial: mu,
        feedback: c.N,
        sampling: c.sampling,
        dataSeed: 3,
      };
      const doc = JSON.parse(buildCountsJson(exportInfo(scenario, 0, 'test'), scenario, data));
      expect(doc.feedback).toEqual(feedback);
      expect(doc.pairs).toHaveLength(data.i.length);
      expect(doc.learned.rewards).toEqual(Array.from(data.rewards));
      expect(doc.link).toContain(`feedback=${c.N}`);
    });
  }

  it('the same data seed gives the same file', () => {
    const spec: ScenarioSpec = {
      preferences: rater.preferences,
      reference: rater.reference,
      initial: rater.initial,
      tau: 0.1,
      eta: 0.5,
      comparisons: 'uniform',
      algorithms: [],
      feedback: { comparisons: 500, sampling: 'uniform', seed: 9, smoothing: 0.5 },
    };
    const one = buildCountsCsv(rater.labels, sampled(spec));
    expect(buildCountsCsv(rater.labels, sampled(spec))).toBe(one);
    expect(buildCountsCsv(rater.labels, sampled({ ...spec, feedback: { ...spec.feedback!, seed: 10 } }))).not.toBe(one);
  });
});
