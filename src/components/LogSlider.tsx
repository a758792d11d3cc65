/**
 * A labelled logarithmic slider with a numeric field beside it. The slider moves in log10 steps
 * (so τ from 0.001 to 10 is evenly spread); the field accepts any typed value in range and names
 * the problem when a typed value is not acceptable, without losing the current one.
 */
import { useId, useState } from 'react';

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
}

const STEPS = 400;
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? String(Number(x.toPrecision(4))) : String(Number(x.toPrecision(3))));

export function LogSlider({ label, name, value, min, max, onChange, disabled, validate, testId, allowZero }: LogSliderProps) {
  const id = useId();
  // What the person is typing; null shows the current value (so outside changes show at once).
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? fmt(value);
  const toPos = (v: number) => Math.round(((Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))) * STEPS);
  const fromPos = (p: number) => Number((10 ** (Math.log10(min) + (p / STEPS) * (Math.log10(max) - Math.log10(min)))).toPrecision(3));

  const commit = (raw: string) => {
    const v = Number(raw);
    let message: string | null = null;
    if (raw.trim() === '' || !Number.isFinite(v)) message = `${name} must be a number`;
    else if ((v < min && !(allowZero && v === 0)) || v > max) message = `${name} must be ${allowZero ? '0 or ' : ''}between ${min} and ${max}`;
    else message = validate?.(v) ?? null;
    if (message) {
      setError(message);
      return;
    }
    setError(null);
    setDraft(null);
    onChange(v);
  };

  return (
    <div className="log-slider">
      <label htmlFor={`${id}-range`}>{label}</label>
      <div className="log-slider-row">
        <input
          id={`${id}-range`}
          type="range"
          min={0}
          max={STEPS}
          value={toPos(Math.min(max, Math.max(min, value || min)))}
          disabled={disabled}
          aria-valuetext={`${name} = ${fmt(value)}`}
          onChange={(e) => onChange(fromPos(Number(e.target.value)))}
          data-testid={testId ? `${testId}-range` : undefined}
        />
        <input
          type="text"
          inputMode="decimal"
          className="num"
          aria-label={`${label} value`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          value={text}
          disabled={disabled}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={(e) => {
            if (draft === null) return;
            if (error) {
              // Leaving a refused value restores the current one; the message goes with it.
              setDraft(null);
              setError(null);
            } else {
              commit(e.target.value);
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
          }}
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
