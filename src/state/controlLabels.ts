/**
 * The Share dialog's names of the controls an author can hide or lock (viewOptions.ts). Apart from
 * viewOptions.ts, which the first render loads: only the dialog (loaded on demand) shows them.
 */
import type { ControlName } from './viewOptions.ts';

export const CONTROL_LABELS: Record<ControlName, string> = {
  preset: 'Preset picker',
  matrix: 'Preference matrix',
  paste: 'Paste from a spreadsheet',
  reference: 'Reference policy μ',
  initial: 'Start π₀',
  tau: 'τ slider',
  eta: 'η slider',
  schedule: 'Step-size schedule',
  algorithms: 'Algorithm toggles',
  comparisons: 'RLHF comparison pairs',
  corners: 'Simplex corners (n > 3)',
  play: 'Play, step and reset',
  speed: 'Speed',
  timeline: 'Timeline',
  measurements: 'Convergence, win rates and table',
  tools: 'Header tools (undo, export, share, lecture)',
  sweep: 'β sweep',
  feedback: 'Sampled feedback',
};
