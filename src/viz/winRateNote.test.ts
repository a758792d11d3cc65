/** The note under the win-rate chart: only when a policy visibly beats π*_τ, naming who. */
import { describe, expect, it } from 'vitest';
import type { WinRateRow } from './types.ts';
import { winRateNote } from './winRatePlot.ts';

const row = (algorithm: WinRateRow['algorithm'], vsRegularized: number): WinRateRow => ({ algorithm, vsReference: 0.6, vsRlhf: 0.5, vsRegularized, vsNash: 0.45 });

describe('winRateNote', () => {
  it('says nothing while no policy beats π*_τ (0.500 shown is a tie, not a win)', () => {
    expect(winRateNote([row('nash-md', 0.5), row('omd', 0.5004), row('rlhf', 0.3)])).toBeNull();
    expect(winRateNote([])).toBeNull();
  });

  it('names the policies that beat π*_τ and gives the reason: regularisation toward μ', () => {
    const one = winRateNote([row('nash-md', 0.5), row('rlhf', 0.55)]);
    expect(one).toMatch(/^RLHF beats π\*_τ: /);
    expect(one).toMatch(/close to μ/);
    expect(one).toMatch(/Nothing beats the Nash of P/);
    expect(winRateNote([row('omd', 0.51), row('rlhf', 0.55)])).toMatch(/^OMD and RLHF beat π\*_τ/);
  });
});
