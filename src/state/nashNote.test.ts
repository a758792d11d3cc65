import { describe, expect, it } from 'vitest';
import { nashUniquenessNote } from './nashNote.ts';

const labels = ['rock', 'paper', 'scissors', 'y4'];

describe('nashUniquenessNote', () => {
  it('says nothing for a unique Nash, or when uniqueness was not decided', () => {
    expect(nashUniquenessNote({ nashUnique: true, nashLow: null, nashHigh: null }, labels)).toBeNull();
    expect(nashUniquenessNote({ nashUnique: null }, labels)).toBeNull();
    expect(nashUniquenessNote({}, labels)).toBeNull();
    expect(nashUniquenessNote(null, labels)).toBeNull();
  });

  it('names the undetermined weights with their ranges, widest first', () => {
    const note = nashUniquenessNote(
      { nashUnique: false, nashLow: Float64Array.of(0, 0, 0, 0), nashHigh: Float64Array.of(1 / 3, 1 / 3, 1 / 3, 1) },
      labels,
    );
    expect(note).toBe(
      'The Nash of P is not unique: the weight of y4 can be anything from 0 to 1, of rock from 0 to 0.33, of paper from 0 to 0.33, of scissors from 0 to 0.33; the Nash shown is one of them.',
    );
  });

  it('leaves out fixed weights, counts those beyond four, and works without ranges', () => {
    const lo = Float64Array.of(0.2, 0, 0, 0, 0, 0);
    const hi = Float64Array.of(0.2, 0.1, 0.1, 0.1, 0.1, 0.1);
    expect(nashUniquenessNote({ nashUnique: false, nashLow: lo, nashHigh: hi }, [])).toMatch(
      /^The Nash of P is not unique: the weight of y2 can be anything from 0 to 0.1, .*, and 1 more; /,
    );
    expect(nashUniquenessNote({ nashUnique: false, nashLow: null, nashHigh: null }, labels)).toBe(
      'The Nash of P is not unique: the Nash shown is one of them.',
    );
  });
});

describe('nashUniquenessNote with the Nash set', () => {
  it('counts the responses in some equilibrium and says which one is drawn', () => {
    const note = nashUniquenessNote(
      {
        nashUnique: false,
        nashLow: Float64Array.of(1 / 3, 1 / 3, 0, 0),
        nashHigh: Float64Array.of(1 / 3, 1 / 3, 1 / 3, 1 / 3),
      },
      labels,
      { inSome: 4, drawn: 'the LP’s vertex' },
    );
    expect(note).toBe(
      'The Nash of P is not unique: 4 of 4 responses carry weight in some equilibrium; the weight of scissors can be anything from 0 to 0.33, of y4 from 0 to 0.33; drawn: the LP’s vertex.',
    );
  });
});
