import type { InputField } from './types.ts';

/**
 * Thrown for any input the mathematics cannot accept. `field` names the offending input and the
 * message says what was expected and what was given, in words a person understands, e.g.
 * "preferences[0][2] + preferences[2][0] must be 1, got 1.3".
 */
export class InvalidInputError extends Error {
  readonly field: InputField;

  constructor(field: InputField, message: string) {
    super(message);
    this.name = 'InvalidInputError';
    this.field = field;
  }
}

/** Formats a number for an error message: short, but never hides the offending digits. */
export function show(x: unknown): string {
  if (typeof x !== 'number') return x === undefined ? 'nothing' : (JSON.stringify(x) ?? String(x));
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return String(Number(x.toPrecision(12)));
}
