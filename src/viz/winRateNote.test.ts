/** When the win-rate chart explains why a policy beats π*_τ: only when one visibly does. */
import { describe, expect, it } from 'vitest';
import type { WinRateRow } from './types.ts';
import { WIN_RATE_NOTE, beatsRegularized } from './winRatePlot.ts';

const row = (algorithm: WinRateRow['algorithm'], vsRegularized: number): WinRateRow => ({
  algorithm,
  vsReference: 0.6,
  vsRlhf: 0.5,
  vsRegularized,
  vsNash: 0.45,
});

describe('the note on beating π*_τ', () => {
  it('is not due while no policy beats π*_τ (0.500 shown is a tie, not a win)', () => {
    expect(beatsRegularized([row('nash-md', 0.5), row('omd', 0.5004), row('rlhf', 0.3)])).toBe(false);
    expect(beatsRegularized([])).toBe(false);
  });

  it('is due when one does, and gives the reason: regularisation toward μ; nothing beats the Nash of P', () => {
    expect(beatsRegularized([row('nash-md', 0.5), row('rlhf', 0.55)])).toBe(true);
    expect(WIN_RATE_NOTE).toMatch(/close to μ/);
    expect(WIN_RATE_NOTE).toMatch(/Nothing beats the Nash of P/);
  });
});
