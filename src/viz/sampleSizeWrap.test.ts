import { describe, expect, it } from 'vitest';
import { wrapWords } from './sampleSizeChart.ts';

describe('the sample-size chart’s message lines', () => {
  it('wrap at the width, keep every word and read whole when joined', () => {
    const text = 'The sample-size curve is drawn for pairs sampled uniformly or from μ, not online.';
    const lines = wrapWords(text, 120, (s) => s.length * 6);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.trimEnd().length * 6).toBeLessThanOrEqual(120);
    expect(lines.join('')).toBe(text);
    expect(wrapWords('short', 120, (s) => s.length * 6)).toEqual(['short']);
  });
});
