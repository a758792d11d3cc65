/**
 * The sampled comparisons as files (issue 16): a battle-count CSV, `a,b,wins of a,wins of b`, one
 * line per observed pair (the format the paste reader takes, pastePairs.ts), and a JSON document
 * with the feedback settings, the counts and the learned P̂ and r̂ (online feedback: also each round's
 * counts, step and policy; the CSV has the totals). Pure (no DOM). A comparison
 * count is a whole number (or a half, for a tie), printed exactly.
 */
import type { FeedbackData } from '../core/workerApi.ts';
import { feedbackOf } from '../state/scenario.ts';
import type { Scenario } from '../state/scenario.ts';
import type { ExportInfo } from './exportInfo.ts';

/** A CSV cell: quoted when it holds a separator, a quote or surrounding spaces. */
function cell(text: string): string {
  return /[",;\t\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const labelOf = (labels: readonly string[], i: number) => labels[i] ?? `y${i + 1}`;

/**
 * The battle-count CSV: a header, then `a,b,wins of a,wins of b` per observed pair (a before b).
 * Separated by semicolons when a name holds one: the paste reader takes a semicolon anywhere in
 * the text for the separator (European CSV), quotes or not.
 */
export function buildCountsCsv(labels: readonly string[], data: FeedbackData): string {
  const sep = labels.some((l) => l.includes(';')) ? ';' : ',';
  const lines = [['a', 'b', 'wins of a', 'wins of b'].join(sep)];
  for (let k = 0; k < data.i.length; k++)
    lines.push(
      [
        cell(labelOf(labels, data.i[k])),
        cell(labelOf(labels, data.j[k])),
        String(data.winsI[k]),
        String(data.winsJ[k]),
      ].join(sep),
    );
  return lines.join('\n') + '\n';
}

/** The JSON document: settings, counts and the learned models, with the link that reproduces them. */
export function buildCountsJson(info: ExportInfo, scenario: Scenario, data: FeedbackData): string {
  const n = data.n;
  const doc = {
    format: 'nash-md-explorer/feedback',
    app: info.app,
    link: info.link,
    // Online feedback's run and R as the worker drew the rounds (defaults filled in).
    feedback: data.rounds
      ? { ...feedbackOf(scenario), online: { run: data.rounds.run, roundSteps: data.rounds.roundSteps } }
      : feedbackOf(scenario),
    labels: Array.from({ length: n }, (_, i) => labelOf(scenario.labels, i)),
    pairs: Array.from(data.i, (i, k) => ({
      a: labelOf(scenario.labels, i),
      b: labelOf(scenario.labels, data.j[k]),
      winsA: data.winsI[k],
      winsB: data.winsJ[k],
    })),
    // Online feedback: each round's own counts, the step and the policy it was drawn from.
    ...(data.rounds ? { rounds: roundsOf(scenario.labels, data) } : {}),
    learned: {
      preferences: Array.from({ length: n }, (_, i) => Array.from(data.preferences.subarray(i * n, (i + 1) * n))),
      rewards: Array.from(data.rewards),
    },
  };
  return JSON.stringify(doc, null, 1);
}

/** Online feedback's rounds as the JSON lists them (their pooled counts are the document's `pairs`). */
function roundsOf(labels: readonly string[], data: FeedbackData) {
  const r = data.rounds!;
  const n = data.n;
  return Array.from(r.starts, (start, k) => ({
    round: k,
    step: start,
    run: r.run,
    comparisons: r.sizes[k],
    drawnUniformly: r.uniform[k] === 1,
    policy: Array.from(r.policies.subarray(k * n, (k + 1) * n)),
    pairs: Array.from(r.round.keys())
      .filter((e) => r.round[e] === k)
      .map((e) => ({
        a: labelOf(labels, r.i[e]),
        b: labelOf(labels, r.j[e]),
        winsA: r.winsI[e],
        winsB: r.winsJ[e],
      })),
  }));
}
