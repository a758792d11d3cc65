/**
 * Numeric fields for a policy (μ or π0): one per response, as positive weights that are
 * normalised when committed. A value that is not a positive number is refused with a message
 * naming the field; the current policy stays. Above GRID_MAX_RESPONSES the form is
 * PolicyListInput (a Uniform button, the largest entries, one text area for every weight).
 */
import { useEffect, useId, useState } from 'react';
import { judgeTyped, parseTypedNumber } from '../state/numberInput.ts';
import { InfoTip } from './InfoTip.tsx';
import { useTypedNumber } from './useTypedNumber.ts';
import { GRID_MAX_RESPONSES } from '../state/scenario.ts';
import './PolicyList.css';

export interface PolicyInputsProps {
  legend: string;
  /** Symbol used in labels and messages, e.g. "μ". */
  symbol: string;
  labels: readonly string[];
  value: readonly number[];
  onChange(value: number[]): void;
  disabled?: boolean;
  /** One sentence of inline help, behind an ⓘ beside the legend (InfoTip). */
  info?: string;
}

const fmt = (x: number) => String(Number(x.toFixed(4)));
/** The largest typed entry: the other responses keep some mass (μ and π₀ stay strictly positive). */
const MAX_ENTRY = 0.999;

export function PolicyInputs(props: PolicyInputsProps) {
  return props.labels.length > GRID_MAX_RESPONSES ? <PolicyListInput {...props} /> : <PolicyFields {...props} />;
}

function PolicyFields({ legend, symbol, labels, value, onChange, disabled, info }: PolicyInputsProps) {
  const id = useId();
  // Each entry's refusal message (by index), listed under the fields.
  const [messages, setMessages] = useState<Record<number, string>>({});
  const error = Object.values(messages).join(' ') || null;

  // The typed entry keeps its value; the others are scaled to fill the rest of the mass.
  const apply = (k: number, v: number) => {
    const clamped = Math.min(v, MAX_ENTRY);
    const rest = value.reduce((a, b, i) => (i === k ? a : a + b), 0);
    onChange(value.map((x, i) => (i === k ? clamped : (x / rest) * (1 - clamped))));
  };

  return (
    <fieldset className="policy-inputs" aria-labelledby={`${id}-legend`}>
      <Legend id={`${id}-legend`} text={legend} symbol={symbol} info={info} />
      <div className="policy-grid">
        {labels.map((label, k) => (
          <PolicyField
            key={k}
            name={`${symbol}(${label})`}
            label={label}
            value={value[k]}
            disabled={disabled}
            errorId={`${id}-err`}
            onApply={(v) => apply(k, v)}
            onMessage={(m) =>
              setMessages((all) => {
                if ((all[k] ?? null) === m) return all;
                const next = { ...all };
                if (m === null) delete next[k];
                else next[k] = m;
                return next;
              })
            }
          />
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** One weight of μ or π₀: a positive number, applied when committed (useTypedNumber). */
function PolicyField({
  name,
  label,
  value,
  disabled,
  errorId,
  onApply,
  onMessage,
}: {
  name: string;
  label: string;
  value: number;
  disabled?: boolean;
  errorId: string;
  onApply(v: number): void;
  onMessage(m: string | null): void;
}) {
  const field = useTypedNumber({
    value,
    format: fmt,
    judge: (text, final) =>
      judgeTyped(text, final, {
        name,
        min: Number.MIN_VALUE,
        max: MAX_ENTRY,
        kept: fmt(value),
        // Said, not clamped silently: the entry is a probability, the others are rescaled to fit.
        outOfRange: (shown, v) =>
          v > 0
            ? `${shown} is too large: an entry is a probability, at most ${MAX_ENTRY} (the others are rescaled to fill the rest)`
            : `${shown} is not a positive number`,
      }),
    onApply,
  });
  const message = field.message;
  useEffect(() => onMessage(message), [message, onMessage]);
  return (
    <label className="policy-cell">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        className="num"
        aria-label={name}
        aria-describedby={message ? errorId : undefined}
        disabled={disabled}
        {...field.inputProps}
      />
    </label>
  );
}

/** The legend, its text also the group's name (aria-labelledby: without the ⓘ's words). */
function Legend({ id, text, symbol, info }: { id: string; text: string; symbol: string; info?: string }) {
  return (
    <legend>
      <span id={id}>{text}</span>
      {info && <InfoTip about={symbol}>{info}</InfoTip>}
    </legend>
  );
}

/** A refused entry's message, with the id `${id}-err` that a field's aria-describedby points at. */
function FieldError({ id, error }: { id: string; error: string | null }) {
  return error ? (
    <p className="field-error" id={`${id}-err`} role="alert">
      {error}
    </p>
  ) : null;
}

// Large n: parsing of the weights list (errors name the field and the entry).
type WeightsParse = { ok: true; policy: number[] } | { ok: false; message: string };

function parseWeights(text: string, labels: readonly string[], field: string): WeightsParse {
  // Like the paste box: with newlines, tabs or semicolons between the weights a comma is a decimal
  // comma ("0,4", as in every number field); otherwise commas separate the weights.
  const decimalComma = /[\n\t;]/.test(text.trim());
  const tokens = text.split(decimalComma ? /[\s;]+/ : /[\s,;]+/).filter((t) => t !== '');
  const n = labels.length;
  if (tokens.length !== n)
    return { ok: false, message: `${field} needs ${n} weights, one per response; got ${tokens.length}.` };
  const weights: number[] = [];
  for (let k = 0; k < n; k++) {
    const parsed = parseTypedNumber(tokens[k]);
    const v = parsed.ok ? parsed.value : NaN;
    if (!Number.isFinite(v) || v <= 0)
      return {
        ok: false,
        message: `${field}: weight ${k + 1} (${labels[k]}) must be a positive number; got "${tokens[k]}".`,
      };
    weights.push(v);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!Number.isFinite(sum)) return { ok: false, message: `${field}: the weights are too large to add up.` };
  return { ok: true, policy: weights.map((w) => w / sum) };
}

/** A policy as text for the text area: 6 significant digits, enough to apply back unchanged. */
function formatWeights(policy: readonly number[]): string {
  return policy.map((x) => String(Number(x.toPrecision(6)))).join(', ');
}

/** The indices of the `k` largest entries, largest first (ties in index order). */
function largestEntries(policy: readonly number[], k: number): number[] {
  return policy
    .map((_, i) => i)
    .sort((a, b) => policy[b] - policy[a] || a - b)
    .slice(0, k);
}

/**
 * μ or π0 for many responses (n > GRID_MAX_RESPONSES), where a field per response would not
 * scale: a Uniform button, the five largest entries, and one text area with every weight (comma
 * or newline separated, normalised when applied). Bad input is refused with a message naming the
 * field and the entry; the current policy stays.
 */
const TOP = 5;

function PolicyListInput({ legend, symbol, labels, value, onChange, disabled, info }: PolicyInputsProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const n = labels.length;
  const field = `${symbol} weights`;
  const uniform = value.every((x) => Math.abs(x - 1 / n) < 1e-9);

  const apply = () => {
    if (draft === null) return;
    const parsed = parseWeights(draft, labels, field);
    if (!parsed.ok) {
      setError(`${parsed.message} The current ${symbol} is kept.`);
      return;
    }
    setError(null);
    setDraft(null);
    onChange(parsed.policy);
  };

  return (
    <fieldset className="policy-inputs policy-list" aria-labelledby={`${id}-legend`}>
      <Legend id={`${id}-legend`} text={legend} symbol={symbol} info={info} />
      <div className="policy-list__summary">
        {uniform ? (
          <p className="policy-list__uniform">
            Uniform: every response has {symbol} = 1/{n} ≈ {fmt(1 / n)}.
          </p>
        ) : (
          <ol className="policy-list__top" aria-label={`Largest entries of ${symbol}`}>
            {largestEntries(value as number[], TOP).map((k) => (
              <li key={k}>
                <span className="policy-list__name">{labels[k]}</span>{' '}
                <span className="policy-list__value">{fmt(value[k])}</span>
              </li>
            ))}
          </ol>
        )}
        <button
          type="button"
          disabled={disabled || uniform}
          onClick={() => {
            setDraft(null);
            setError(null);
            onChange(new Array<number>(n).fill(1 / n));
          }}
        >
          Uniform
        </button>
      </div>
      <label className="policy-list__field" htmlFor={`${id}-text`}>
        {field} ({n} values, comma or newline separated; normalised to sum to 1)
      </label>
      <textarea
        id={`${id}-text`}
        className="policy-list__text"
        rows={3}
        spellCheck={false}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        value={draft ?? formatWeights(value)}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
      />
      <div className="policy-list__actions">
        <button type="button" disabled={disabled || draft === null} onClick={apply}>
          Apply {symbol}
        </button>
        {draft !== null && (
          <button
            type="button"
            onClick={() => {
              setDraft(null);
              setError(null);
            }}
          >
            Discard changes
          </button>
        )}
        <span className="policy-list__hint">Ctrl+Enter applies, Esc discards.</span>
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
