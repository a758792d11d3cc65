/**
 * The visual identity of each algorithm and marker: colour AND dash AND marker shape, so nothing
 * depends on colour alone (Okabe–Ito palette, safe for colour-vision deficiency and grey-scale).
 */
import type { AlgorithmId } from '../core/algorithms/catalog.ts';

export interface AlgorithmStyle {
  label: string;
  color: string;
  /** SVG stroke-dasharray ('' = solid). */
  dash: string;
  /** Shape of its current-point marker (drawn by src/viz/algorithmSymbols.ts). */
  marker: AlgorithmMarker;
}

/** The current-point marker shapes; none is a star, diamond or ring (those mark equilibria, μ and π₀). */
export type AlgorithmMarker =
  | 'circle'
  | 'square'
  | 'triangle'
  | 'triangle-down'
  | 'triangle-left'
  | 'triangle-right'
  | 'pentagon'
  | 'hexagon'
  | 'cross'
  | 'times'
  | 'wye'
  | 'hourglass'
  | 'octagon'
  | 'chevron'
  | 'trapezoid';

/**
 * One entry per algorithm of the registry (a missing one is a type error). The first three are
 * Okabe–Ito; the others add Okabe–Ito's remaining hues and Paul Tol's colour-blind-safe ones.
 * Neighbouring hues (MMD/MPO, MWU/OMWU, …) always differ in dash and marker as well, so no two
 * algorithms are told apart by colour alone. `label` is the legend's short name (the registry's
 * shortName, or a clearer one for the NLHF paper's three); tables use the registry's displayName.
 */
export const ALGORITHM_STYLE = {
  'nash-md': { label: 'Nash-MD', color: '#0072B2', dash: '', marker: 'circle' },
  omd: { label: 'OMD', color: '#E69F00', dash: '7 4', marker: 'square' },
  rlhf: { label: 'RLHF', color: '#D55E00', dash: '2 3', marker: 'triangle' },
  mwu: { label: 'MWU', color: '#CC79A7', dash: '10 3 2 3', marker: 'triangle-down' },
  omwu: { label: 'OMWU', color: '#882255', dash: '4 2', marker: 'triangle-right' },
  mmd: { label: 'MMD', color: '#009E73', dash: '12 4', marker: 'pentagon' },
  mpo: { label: 'MPO', color: '#117733', dash: '1 3', marker: 'hexagon' },
  extragradient: { label: 'EG', color: '#56B4E9', dash: '8 2 2 2 2 2', marker: 'cross' },
  'nash-mp': { label: 'MP', color: '#332288', dash: '14 3 3 3', marker: 'times' },
  comal: { label: 'COMAL', color: '#44AA99', dash: '5 5', marker: 'wye' },
  'fictitious-play': { label: 'FP', color: '#999933', dash: '3 6', marker: 'triangle-left' },
  replicator: { label: 'RD', color: '#AA4499', dash: '16 3', marker: 'hourglass' },
  // The parametric versions share their tabular counterparts' marker, with a dash of their own.
  // The PG versions keep the colour of the method they sample (Nash-MD's blue, RLHF's vermilion)
  // with shapes of their own: their current points never look like the tabular ones'.
  'nash-md-pg': { label: 'Nash-MD-PG', color: '#0072B2', dash: '6 2 1 2', marker: 'octagon' },
  'nash-ema-pg': { label: 'EMA-PG', color: '#661100', dash: '9 3 1 3', marker: 'trapezoid' },
  'rlhf-pg': { label: 'RLHF-PG', color: '#D55E00', dash: '1 2 6 2', marker: 'chevron' },
} as const satisfies Record<AlgorithmId, AlgorithmStyle>;

/** How much thinner than its run an average-iterate path is drawn. */
export const AVERAGE_WIDTH = 0.6;
/** The dash of every average-iterate path: fine dots, in the run's colour (its marker is hollow). */
export const AVERAGE_DASH = '1 2.5';

/** Opacity of one seed's thin path in a sampled run's bundle (SeriesData.bundle 'seed'). */
export const SEED_OPACITY = 0.3;

/**
 * The style of one series: its algorithm's, or for the run's average iterates (`average`) the same
 * colour and marker shape with a thinner dotted line, a hollow marker and "avg" in the label; a
 * sampled run's bundle companions keep the colour and marker: the mean of its seeds long dashes,
 * the exact-gradient run short dashes and a hollow marker, each seed a thin line (drawn faint).
 */
export function seriesStyle(s: { algorithm: AlgorithmId; average?: boolean; bundle?: string }): AlgorithmStyle & {
  width: number;
  hollow: boolean;
} {
  const style = ALGORITHM_STYLE[s.algorithm];
  const b = s.bundle;
  return b
    ? {
        ...style,
        label: `${style.label} ${b}`,
        dash: b === 'mean' ? '10 2' : b === 'exact' ? '3 2' : '',
        width: b === 'mean' ? 1 : 0.5,
        hollow: b !== 'mean',
      }
    : s.average
      ? { ...style, label: `${style.label} avg`, dash: AVERAGE_DASH, width: AVERAGE_WIDTH, hollow: true }
      : { ...style, width: 1, hollow: false };
}

/** Equilibria and inputs drawn on the simplex. */
export const MARKER_STYLE = {
  regularized: { label: 'π*_τ (regularised Nash)', color: '#1a1a1a', glyph: 'filled star' },
  nash: { label: 'Nash of P (τ = 0)', color: '#1a1a1a', glyph: 'open star' },
  rlhfOptimum: { label: 'RLHF optimum', color: '#D55E00', glyph: 'diamond' },
  // Nash-MD's colour: where Nash-MD with a constant step converges (not π*_τ).
  nashMdFixedPoint: { label: 'Nash-MD fixed point (constant η)', color: '#0072B2', glyph: 'cross' },
  // With feedback (issue 16) the three above are the learned model's; these, hollow and dashed, the true P's.
  truthRegularized: { label: 'π*_τ of the true P', color: '#1a1a1a', glyph: 'dashed open star' },
  truthNash: { label: 'Nash of the true P', color: '#1a1a1a', glyph: 'dotted open star' },
  truthRlhfOptimum: { label: 'RLHF optimum of the true P', color: '#D55E00', glyph: 'dashed open diamond' },
  reference: { label: 'μ (reference)', color: '#555555', glyph: 'square' },
  initial: { label: 'π₀ (start)', color: '#555555', glyph: 'ring' },
  regularizedPath: { label: 'π*_τ as τ shrinks', color: '#6b6b6b' },
  rlhfPath: { label: 'RLHF optimum as τ shrinks', color: '#D55E00' },
} as const;

/** Diverging heatmap colour for a preference around 1/2: blue above, red below, white at 1/2. */
export const HEAT = { low: '#b2182b', mid: '#f7f7f7', high: '#2166ac' } as const;
