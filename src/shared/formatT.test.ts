import { describe, expect, it } from 'vitest';
import { formatT } from './formatT.ts';

describe('formatT', () => {
  it('groups thousands with commas and keeps small numbers as they are', () => {
    expect(formatT(0)).toBe('0');
    expect(formatT(300)).toBe('300');
    expect(formatT(1000)).toBe('1,000');
    expect(formatT(50_966)).toBe('50,966');
    expect(formatT(1_000_000)).toBe('1,000,000');
    expect(formatT(140_000.7)).toBe('140,000');
  });
});
