/**
 * How tall an embed wants to be, without a browser: the snippet's fixed `height` (used when the
 * host page does not run the snippet's resize script) and the simplex's natural height in embed
 * mode (used by frameFit.ts). Pure functions of the kept controls and the frame's width; the
 * per-control heights are measured from the app's embed layout (CSS px, rounded up).
 */
import { CONTROL_NAMES, type ControlName } from '../state/viewOptions.ts';

/** The smallest simplex an embed shrinks to, to keep its controls in a fixed frame. */
export const MIN_FIGURE_HEIGHT = 220;
/** The tallest simplex an embed asks for. */
export const MAX_FIGURE_HEIGHT = 500;

/**
 * The simplex's natural height for a figure box `width` px wide: below 520 px the legend flows
 * under the triangle (height ≈ 0.8·w + 160: triangle w·√3/2 less the label margins, plus about
 * five legend rows); wider, the legend sits beside it (≈ 0.6·w + 20); clamped to [300, 500].
 */
export function naturalFigureHeight(width: number): number {
  const w = Math.max(0, width);
  const h = w < 520 ? 0.8 * w + 160 : 0.6 * w + 20;
  return Math.round(Math.min(MAX_FIGURE_HEIGHT, Math.max(300, h)));
}

export interface EmbedShape {
  /** Controls the author hid (`hide=`); locked controls take as much room as shown ones. */
  hide: ReadonlySet<ControlName>;
  /** Number of responses n. */
  n: number;
  /** Rows of preset parameters under the picker (ε: 1; seed and n: 1; none: 0). */
  presetRows: number;
  /** The frame's width in CSS px. */
  width: number;
}

/** Rows of `per` items needed for n items. */
const rows = (n: number, per: number) => Math.ceil(n / per);

/** Height of each control in the inputs panel for n responses at a frame `width` px wide. */
function controlHeight(c: ControlName, n: number, presetRows: number, width: number): number {
  const narrow = width < 560;
  switch (c) {
    case 'preset':
      return 92 + 26 * presetRows + (narrow ? 18 : 0);
    case 'matrix':
      return n <= 12 ? (narrow ? 190 : 150) + 23 * n : 1120;
    case 'paste':
      return 20;
    case 'reference':
    case 'initial':
      return Math.min(240, 30 + 51 * rows(n, narrow ? 3 : 6));
    case 'tau':
    case 'eta':
      return 48;
    case 'schedule':
    case 'comparisons':
      return 26;
    case 'algorithms':
      return narrow ? 88 : 56;
    case 'corners':
      if (n <= 3) return 0;
      if (n > 12) return narrow ? 370 : 245;
      return narrow ? 80 + 13 * n : 40 + 8 * n;
    default:
      return 0; // play, speed, timeline, measurements, tools: not in the inputs panel
  }
}

const INPUT_CONTROLS: readonly ControlName[] = CONTROL_NAMES.filter(
  (c) => !['play', 'speed', 'timeline', 'measurements', 'tools'].includes(c),
);

/**
 * The height (CSS px) of the embed's document at a frame `width` px wide, one column (below
 * 900 px): header, figure (plus the per-response views for n > 3), time controls and caption, the
 * kept inputs, and the measurements if kept. An estimate a little on the tall side: a frame
 * this tall shows every kept control without scrolling inside it.
 */
export function estimateEmbedHeight({ hide, n, presetRows, width }: EmbedShape): number {
  const header = 34;
  const figureBox = Math.max(0, width - 16);
  // The figure, then the "What am I looking at?" disclosure under it.
  let stage = 10 + naturalFigureHeight(figureBox) + 42;
  // n > 3: one small chart per response (or the top k), and the equilibrium bars.
  const narrow = width < 560;
  if (n > 12) stage += 1300;
  else if (n > 3) stage += (narrow ? 60 * n + 40 : 31 * n + 50) + (narrow ? 25 * n + 130 : 190);
  // The transport bar: the time controls (if any is kept; the t read-out always is) and the caption.
  const timeKept = !hide.has('play') || !hide.has('timeline') || (!hide.has('speed') && width >= 560);
  const transport = 12 + (timeKept ? 34 : 22) + (narrow ? 52 : 36);
  const kept = INPUT_CONTROLS.filter((c) => !hide.has(c) && (c !== 'corners' || n > 3));
  const inputs = kept.length
    ? 26 + kept.reduce((sum, c) => sum + controlHeight(c, n, presetRows, width), 0) + 12 * (kept.length - 1) + 8
    : 0;
  const measurements = hide.has('measurements') ? 0 : 890 + 8;
  return Math.ceil(header + 8 + stage + transport + inputs + measurements + 12);
}

/**
 * The snippet's fixed height: the tallest of the estimates at a phone (360 px) and a blog column
 * (700 px), so that without the resize script no width hides a kept control.
 */
export function snippetHeight(shape: Omit<EmbedShape, 'width'>): number {
  return Math.max(estimateEmbedHeight({ ...shape, width: 360 }), estimateEmbedHeight({ ...shape, width: 700 }));
}
