// @vitest-environment happy-dom
/** The golden files' text format and diff (golden.ts), so the goldens compare what they claim to. */
import { describe, expect, it } from 'vitest';
import { lineDiff, roundNumbers, serialize } from './golden.ts';

describe('golden text', () => {
  it('rounds decimals and leaves colours, integers and ids alone', () => {
    expect(roundNumbers('translate(12.3456,-0.001) #1e1e1e #0072B2 clip-3 M1.005,2.5e-7L3,4')).toBe(
      'translate(12.35,0) #1e1e1e #0072B2 clip-3 M1,0L3,4',
    );
    expect(roundNumbers('0.123456', 4)).toBe('0.1235');
  });

  it('sorts attributes and style declarations, renames ids, keeps formatted text, wraps long paths', () => {
    const host = document.createElement('div');
    host.innerHTML =
      '<svg width="10.123" aria-label="t = 1,000 at 0.33333333"><defs><clipPath id="chart-7-clip"></clipPath></defs>' +
      '<g clip-path="url(#chart-7-clip)" style="top: 1.555px; display: block"><text>0.500</text></g></svg>';
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', Array.from({ length: 12 }, (_, k) => `${k ? 'L' : 'M'}${k}.123,${k * 2}.987`).join(''));
    host.querySelector('g')!.append(path);
    expect(serialize(host)).toBe(
      [
        '<div>',
        '  <svg aria-label="t = 1,000 at 0.3333" width="10.12">',
        '    <defs>',
        '      <clippath id="id1">',
        '    <g clip-path="url(#id1)" style="display: block; top: 1.56px">',
        '      <text> "0.500"',
        '      <path>',
        '          @d M0.12,0.99L1.12,2.99L2.12,4.99L3.12,6.99L4.12,8.99L5.12,10.99L6.12,12.99L7.12,14.99',
        '          @d L8.12,16.99L9.12,18.99L10.12,20.99L11.12,22.99',
        '',
      ].join('\n'),
    );
  });

  it('diffs line by line: only the changed lines, with context and golden line numbers', () => {
    const golden = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
    const now = ['a', 'b', 'c', 'D', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n');
    expect(lineDiff(golden, now)).toBe(
      [
        '3 lines differ',
        '      2  b',
        '      3  c',
        '-     4  d',
        '+     4  D',
        '      5  e',
        '      6  f',
        '   ⋯',
        '      9  i',
        '     10  j',
        '+    11  k',
      ].join('\n'),
    );
  });
});
