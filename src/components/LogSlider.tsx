/**
 * A labelled logarithmic slider with a numeric field beside it. The slider moves in log10 steps
 * (so τ from 0.001 to 10 is evenly spread); the field accepts any typed value in range and names
 * the problem when a typed value is not acceptable, without losing the current one. Typed numbers
 * are read by the shared parser (a decimal comma is fine) and applied as useTypedNumber describes.
 */
import { useId, type ReactNode } from 'react';
import { judgeTyped } from '../state/numberInput.ts';
import { useTypedNumber } from './useTypedNumber.ts';

interface LogSliderProps {
  label: string;
  /** Short name used in messages, e.g. "τ". */
  name: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
  disabled?: boolean;
  /** Extra check on typed values: return a message to refuse one. */
  validate?(value: number): string | null;
  testId?: string;
  /** Also accept a typed 0 (τ = 0: no regularisation); the slider then rests at its left end. */
  allowZero?: boolean;
  /** Inline help beside the label (an InfoTip). */
  info?: ReactNode;
}

const STEPS = 400;
const fmt = (x: number) =>
  x >= 100 ? x.toFixed(0) : x >= 1 ? String(Number(x.toPrecision(4))) : String(Number(x.toPrecision(3)));

export function LogSlider({
  label,
  name,
  value,
  min,
  max,
  onChange,
  disabled,
  validate,
  testId,
  allowZero,
  info,
}: LogSliderProps) {
  const id = useId();
  const toPos = (v: number) =>
    Math.round(((Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))) * STEPS);
  const fromPos = (p: number) =>
    Number((10 ** (Math.log10(min) + (p / STEPS) * (Math.log10(max) - Math.log10(min)))).toPrecision(3));
  // The text field: nothing applies until a complete number in range is committed (useTypedNumber).
  const field = useTypedNumber({
    value,
    format: fmt,
    judge: (text, final) =>
      judgeTyped(text, final, {
        name,
        min,
        max,
        allowZero,
        kept: fmt(value),
        outOfRange: (shown) =>
          `${shown} is out of range; ${name} must be ${allowZero ? '0 or ' : ''}between ${min} and ${max}`,
        check: validate,
      }),
    onApply: onChange,
  });
  const error = field.message;

  return (
    <div className="log-slider">
      <span className="label-with-info">
        <label htmlFor={`${id}-range`}>{label}</label>
        {info}
      </span>
      <div className="log-slider-row">
        <input
          id={`${id}-range`}
          type="range"
          min={0}
          max={STEPS}
          value={toPos(Math.min(max, Math.max(min, value || min)))}
          disabled={disabled}
          aria-valuetext={`${name} = ${fmt(value)}`}
          onChange={(e) => {
            field.reset();
            onChange(fromPos(Number(e.target.value)));
          }}
          data-testid={testId ? `${testId}-range` : undefined}
        />
        <input
          type="text"
          inputMode="decimal"
          className="num"
          aria-label={`${label} value`}
          aria-describedby={error ? `${id}-err` : undefined}
          disabled={disabled}
          {...field.inputProps}
          data-testid={testId}
        />
      </div>
      {error && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
