import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validatePreferences } from '../core/validate.ts';
import { parsePastedMatrix, type PasteResult, type PasteSuccess } from './pasteParser.ts';

function ok(r: PasteResult): PasteSuccess {
  if (!r.ok) throw new Error(`expected success, got: ${r.error}`);
  return r;
}
function err(r: PasteResult): string {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('pair lists', () => {
  it('win rates with a header: names in order of appearance, unseen pairs ½ and listed', () => {
    const r = ok(parsePastedMatrix('model_a,model_b,win_rate\ngpt,claude,0.45\nclaude,llama,0.7\n', 'auto'));
    expect(r.format).toBe('pairs');
    expect(r.kind).toBe('probabilities');
    expect(r.labels).toEqual(['gpt', 'claude', 'llama']);
    expect(r.preferences[0][1]).toBeCloseTo(0.45, 15);
    expect(r.preferences[1][0]).toBeCloseTo(0.55, 15);
    expect(r.preferences[1][2]).toBeCloseTo(0.7, 15);
    expect(r.missing).toEqual([[0, 2]]);
    expect(r.preferences[0][2]).toBe(0.5);
    expect(r.notes.join(' ')).toMatch(/header/);
  });

  it('both directions of a pair are averaged as P(a ≻ b) and 1 − P(b ≻ a)', () => {
    const r = ok(parsePastedMatrix('a\tb\t0.6\nb\ta\t0.3', 'auto'));
    expect(r.preferences[0][1]).toBeCloseTo(0.65, 15);
    expect(r.notes.join(' ')).toMatch(/1 pair appeared more than once/);
  });

  it('two counts per line add up over repeated lines', () => {
    const r = ok(parsePastedMatrix('a,b,3,1\nb,a,1,3\nb,c,2,2', 'auto'));
    expect(r.kind).toBe('counts');
    // a beat b 3 + 3 times, b beat a 1 + 1 times.
    expect(r.preferences[0][1]).toBeCloseTo(0.75, 15);
    expect(r.preferences[1][2]).toBe(0.5);
    expect(r.missing).toEqual([[0, 2]]);
  });

  it('one count per line (wins of a over b) when a value exceeds 1', () => {
    const r = ok(parsePastedMatrix('a;b;7\nb;a;3', 'auto'));
    expect(r.kind).toBe('counts');
    expect(r.preferences[0][1]).toBeCloseTo(0.7, 15);
  });

  it('a battle log: winner by position, by name or tie', () => {
    const text = ['model_a,model_b,winner', 'x,y,model_a', 'x,y,y', 'y,x,tie', 'x,y,a', 'z,x,b'].join('\n');
    const r = ok(parsePastedMatrix(text, 'auto'));
    expect(r.format).toBe('battles');
    expect(r.labels).toEqual(['x', 'y', 'z']);
    // x vs y: x won 2, y won 1, one tie (½ each): 2.5 / 4.
    expect(r.preferences[0][1]).toBeCloseTo(2.5 / 4, 15);
    expect(r.preferences[0][2]).toBe(1);
    expect(r.missing).toEqual([[1, 2]]);
  });

  it('refusals name the line and column', () => {
    expect(err(parsePastedMatrix('a,b,0.4\nb,c,oops\n', 'auto'))).toMatch(/Line 2, column 3: "oops" is not a/);
    expect(err(parsePastedMatrix('a,b,0.4\nb,c,-2\n', 'auto'))).toMatch(/Line 2, column 3: -2 is negative/);
    expect(err(parsePastedMatrix('a,b,0.4\nb,c,3\n', 'probabilities'))).toMatch(/Line 2, column 3: 3 is more than 1/);
    expect(err(parsePastedMatrix('a,a,0.4\n', 'auto'))).toMatch(/names 1 response/);
  });

  it('a 3×3 matrix with a name column is still read as a matrix', () => {
    const r = ok(parsePastedMatrix('a,0.5,0.3,0.2\nb,0.7,0.5,0.6\nc,0.8,0.4,0.5', 'auto'));
    expect(r.format).toBe('matrix');
    expect(r.labels).toEqual(['a', 'b', 'c']);
  });

  it('round trip: a random matrix written as a pair list reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 0, max: 2 ** 31 }), (n, seed) => {
        let s = seed;
        const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
        const lines: string[] = [];
        const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            P[i][j] = Math.round(rand() * 1000) / 1000;
            P[j][i] = 1 - P[i][j];
            lines.push(`m${i}\tm${j}\t${P[i][j]}`);
          }
        const r = ok(parsePastedMatrix(lines.join('\n'), 'probabilities'));
        expect(r.labels).toEqual(Array.from({ length: n }, (_, k) => `m${k}`));
        expect(r.missing).toEqual([]);
        r.preferences.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(P[i][j], 12)));
        expect(() => validatePreferences(r.preferences)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});
