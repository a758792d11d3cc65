/**
 * The visual identity of each algorithm and marker: colour AND dash AND marker shape, so nothing
 * depends on colour alone (Okabe–Ito palette, safe for colour-vision deficiency and grey-scale).
 */
import type { Algorithm } from '../core/types.ts';

export interface AlgorithmStyle {
  label: string;
  color: string;
  /** SVG stroke-dasharray ('' = solid). */
  dash: string;
  /** d3.symbol type name used for its current-point marker. */
  marker: 'circle' | 'square' | 'triangle';
}

export const ALGORITHM_STYLE: Record<Algorithm, AlgorithmStyle> = {
  'nash-md': { label: 'Nash-MD', color: '#0072B2', dash: '', marker: 'circle' },
  omd: { label: 'OMD', color: '#E69F00', dash: '7 4', marker: 'square' },
  rlhf: { label: 'RLHF', color: '#D55E00', dash: '2 3', marker: 'triangle' },
};

/** Equilibria and inputs drawn on the simplex. */
export const MARKER_STYLE = {
  regularized: { label: 'π*_τ (regularised Nash)', color: '#1a1a1a', glyph: 'filled star' },
  nash: { label: 'Nash of P (τ = 0)', color: '#1a1a1a', glyph: 'open star' },
  rlhfOptimum: { label: 'RLHF optimum', color: '#D55E00', glyph: 'diamond' },
  // Nash-MD's colour: where Nash-MD with a constant step converges (not π*_τ).
  nashMdFixedPoint: { label: 'Nash-MD fixed point (constant η)', color: '#0072B2', glyph: 'cross' },
  reference: { label: 'μ (reference)', color: '#555555', glyph: 'square' },
  initial: { label: 'π₀ (start)', color: '#555555', glyph: 'ring' },
  regularizedPath: { label: 'π*_τ as τ shrinks', color: '#6b6b6b' },
  rlhfPath: { label: 'RLHF optimum as τ shrinks', color: '#D55E00' },
} as const;

/** Diverging heatmap colour for a preference around 1/2: blue above, red below, white at 1/2. */
export const HEAT = { low: '#b2182b', mid: '#f7f7f7', high: '#2166ac' } as const;
