/** Numbers as the figures and the captions print them (paper style). */

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** Integer to Unicode superscript digits: −6 → '⁻⁶'. */
export function superscript(value: number): string {
  return String(Math.round(value))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
}

/** Label of the tick 10^exponent, paper style: '10⁻⁶', '10⁰'. */
export function formatPowerOfTen(exponent: number): string {
  return `10${superscript(exponent)}`;
}

/**
 * x in scientific notation as printed: 3.2×10⁻¹⁶ (never "3.2e-16", whose hyphen is a line-break
 * opportunity). `joiner` goes between mantissa, × and power (U+2060 WORD JOINER keeps HTML text
 * from breaking there); values in [0.01, 1000) keep plain decimals.
 */
export function formatScientific(x: number, digits = 1, joiner = ''): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const ax = Math.abs(x);
  if (ax >= 0.01 && ax < 1000)
    return (
      (x < 0 ? '−' : '') +
      ax
        .toFixed(Math.max(digits + 2, 3))
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, '')
    );
  const [mantissa, exponent] = ax.toExponential(digits).split('e');
  return `${x < 0 ? '−' : ''}${mantissa}${joiner}×${joiner}${formatPowerOfTen(Number(exponent))}`;
}
