/**
 * Numeric fields for a policy (μ or π0): one per response, as positive weights that are
 * normalised when committed. A value that is not a positive number is refused with a message
 * naming the field; the current policy stays.
 */
import { useId, useState } from 'react';

interface PolicyInputsProps {
  legend: string;
  /** Symbol used in labels and messages, e.g. "μ". */
  symbol: string;
  labels: readonly string[];
  value: readonly number[];
  onChange(value: number[]): void;
  disabled?: boolean;
}

const fmt = (x: number) => String(Number(x.toFixed(4)));

export function PolicyInputs({ legend, symbol, labels, value, onChange, disabled }: PolicyInputsProps) {
  const id = useId();
  // The entry being typed (index and text); every other field shows the current value.
  const [draft, setDraft] = useState<{ k: number; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = (k: number, raw: string) => {
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v) || v <= 0) {
      setError(`${symbol}(${labels[k]}) must be a positive number; got "${raw}". The previous value is kept.`);
      setDraft(null);
      return;
    }
    setError(null);
    setDraft(null);
    if (Math.abs(v - value[k]) < 1e-12) return;
    // The typed entry keeps its value; the others are scaled to fill the rest of the mass.
    const clamped = Math.min(v, 0.999);
    const rest = value.reduce((a, b, i) => (i === k ? a : a + b), 0);
    const next = value.map((x, i) => (i === k ? clamped : (x / rest) * (1 - clamped)));
    onChange(next);
  };

  return (
    <fieldset className="policy-inputs">
      <legend>{legend}</legend>
      <div className="policy-grid">
        {labels.map((label, k) => (
          <label key={k} className="policy-cell">
            <span>{label}</span>
            <input
              type="text"
              inputMode="decimal"
              className="num"
              aria-label={`${symbol}(${label})`}
              value={draft?.k === k ? draft.text : fmt(value[k])}
              disabled={disabled}
              onChange={(e) => setDraft({ k, text: e.target.value })}
              onBlur={(e) => draft?.k === k && commit(k, e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit(k, (e.target as HTMLInputElement).value);
              }}
            />
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
