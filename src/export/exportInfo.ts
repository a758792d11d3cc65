/**
 * What every export says about itself: the app and its version, the exact URL hash that
 * reproduces the state (encodeHash), t, and the parameters in readable form. Pure (no DOM).
 */
import { algorithmInfo } from '../core/algorithms/catalog.ts';
import type { Scenario } from '../state/scenario.ts';
import { encodeHash } from '../state/urlCodec.ts';

export const APP_NAME = 'nash-md-explorer';

export interface ExportInfo {
  /** "nash-md-explorer 0.1.0" */
  app: string;
  version: string;
  /** The hash (with its leading '#') that reproduces the exported state. */
  link: string;
  t: number;
  /** Readable parameters, in order: [name, value]. */
  parameters: [string, string][];
}

/** The registry's display name (the table's row header), or the id for an unknown one. */
const algorithmName = (id: string) => algorithmInfo(id)?.displayName ?? id;

/** Shortest decimal that reads back as the same double. */
const num = (x: number) => String(x);

export function exportInfo(scenario: Scenario, t: number, version: string): ExportInfo {
  const s = scenario;
  const n = s.preferences.length;
  const label = (i: number) => s.labels[i] ?? `y${i + 1}`;
  const policy = (v: readonly number[]) => v.map((x, i) => `${label(i)} ${num(x)}`).join(', ');
  const parameters: [string, string][] = [
    ['preset', s.preset ?? 'custom'],
    ['responses', `${n}: ${Array.from({ length: n }, (_, i) => label(i)).join(', ')}`],
  ];
  if (s.llmfao) parameters.push(['data', s.llmfao.name], ['attribution', s.llmfao.attribution]);
  if (s.preset === 'rater-types') parameters.push(['ε', num(s.epsilon)]);
  if (s.preset === 'random') parameters.push(['seed', num(s.seed)]);
  for (let i = 0; i < n; i++) parameters.push([`P(${label(i)} ≻ ·)`, s.preferences[i].map(num).join(', ')]);
  parameters.push(
    ['μ (reference)', policy(s.reference)],
    ['π₀ (start)', policy(s.initial)],
    ['τ', num(s.tau)],
    ['η', s.schedule === 'theorem' ? 'theorem: η_t = 2/(τ(t+2))' : `constant ${num(s.eta)}`],
    ['algorithms', s.algorithms.map((a) => algorithmName(a)).join(', ') || 'none'],
    ['RLHF comparisons', s.comparisons],
    ['simplex corners', s.corners.map((g) => g.map(label).join('+') || '∅').join(' | ')],
    ['t', String(t)],
  );
  return { app: `${APP_NAME} ${version}`, version, link: encodeHash(s, t), t, parameters };
}

/** The readable text of an export's metadata: app, link, then one "name: value" line each. */
export function metadataText(info: ExportInfo): string {
  return [`app: ${info.app}`, `link: ${info.link}`, ...info.parameters.map(([k, v]) => `${k}: ${v}`)].join('\n');
}

/** "nash-md-simplex-t300.svg" */
export function exportFileName(kind: string, t: number, extension: string): string {
  return `nash-md-${kind}-t${Math.max(0, Math.floor(t))}.${extension}`;
}
