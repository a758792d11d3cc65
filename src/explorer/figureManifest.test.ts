/**
 * The figure manifest is the one list of figures: every id once, every exporting figure has a
 * snapshot-capable renderer, and hide= names are real control names.
 */
import { describe, expect, it } from 'vitest';
import { CONTROL_NAMES } from '../state/viewOptions.ts';
import { FIGURES, FIGURE_IDS, figureEntry, figureShown, isFigureId } from './figureManifest.ts';

describe('figure manifest', () => {
  it('lists every figure id exactly once, in FIGURE_IDS order of first appearance', () => {
    expect(FIGURES.map((f) => f.id).sort()).toEqual([...FIGURE_IDS].sort());
    for (const id of FIGURE_IDS) expect(figureEntry(id).id).toBe(id);
  });

  it('hides figures only by control names that hide= accepts', () => {
    for (const f of FIGURES) if (f.hiddenBy) expect(CONTROL_NAMES).toContain(f.hiddenBy);
  });

  it('tells figure ids from other strings (attributes are checked with it)', () => {
    expect(isFigureId('simplex')).toBe(true);
    expect(isFigureId('simplexx')).toBe(false);
    expect(isFigureId('toString')).toBe(false);
  });

  it('shows the simplex always, the small multiples for 4–12 responses and the top-k above', () => {
    expect(figureEntry('simplex').shown(3)).toBe(true);
    expect(figureEntry('time-series').shown(3)).toBe(false);
    expect(figureEntry('time-series').shown(12)).toBe(true);
    expect(figureEntry('topk').shown(12)).toBe(false);
    expect(figureEntry('topk').shown(13)).toBe(true);
  });

  it('shows the β sweep with a policy-gradient algorithm, or when an explorer’s figures list names it', () => {
    const sweep = figureEntry('beta-sweep');
    expect(figureShown(sweep, 3, ['nash-md', 'omd'], undefined)).toBe(false);
    expect(figureShown(sweep, 3, ['nash-md', 'rlhf-pg'], undefined)).toBe(true);
    expect(figureShown(sweep, 3, ['nash-md'], ['simplex', 'beta-sweep'])).toBe(true);
    expect(figureShown(sweep, 3, ['nash-md-pg'], ['simplex'])).toBe(false);
    // The others keep their rule: naming topk does not show it at n = 3.
    expect(figureShown(figureEntry('topk'), 3, [], ['topk'])).toBe(false);
    expect(sweep.hiddenBy).toBe('sweep');
  });
});
