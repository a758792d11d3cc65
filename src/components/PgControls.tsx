/**
 * The policy-gradient settings (Nash-MD-PG, Nash-EMA-PG, RLHF-PG; issue 17): learning rate, β, λ,
 * exact or sampled gradients, batch, labels, seed, the seed bundle's K, features (tabular, random
 * with d, or a custom table φ: PhiTable.tsx) and d. Loaded lazily by
 * DynamicsControls, and shown only while one of these algorithms is selected. Native labelled
 * fields; a refused typed value is named and the current one stays.
 */
import { useId, useState } from 'react';
import type { PgSettings } from '../state/pgSettings.ts';
import { useAppStore, useExplorer } from '../explorer/context.tsx';
import { fitPhi } from '../state/scenario.ts';
import { PhiTable } from './PhiTable.tsx';
import './PgControls.css';

interface NumberSpec {
  key: 'lr' | 'beta' | 'ema' | 'batch' | 'seed' | 'd' | 'seeds';
  label: string;
  /** Largest value the field offers (d: n − 1); the schema's bounds otherwise. */
  max?: number;
}

/**
 * A typed number, applied on Enter or when the field is left (not per keystroke: "0.05" never
 * runs 0 first). A refused value keeps its text and gets a message naming the link key; the current
 * value stays, and Escape shows it again. A decimal comma is read as a point.
 */
function PgNumber({
  spec,
  value,
  onApply,
}: {
  spec: NumberSpec;
  value: number;
  /** Applies v if valid; returns the problem (naming the link key) otherwise. */
  onApply(v: number): string | null;
}) {
  const id = useId();
  const [draft, setDraft] = useState<{ text: string; message: string | null } | null>(null);
  const commit = () => {
    if (!draft) return;
    const text = draft.text.trim().replace(',', '.');
    if (text === '') return setDraft(null);
    const v = Number(text);
    const message =
      spec.max !== undefined && v > spec.max ? `${spec.key} must be at most ${spec.max}, got ${v}` : onApply(v);
    if (message === null) setDraft(null);
    else setDraft({ text: draft.text, message: `${message}; “${draft.text}” is not applied, it stays ${value}.` });
  };
  return (
    <div className="pg-field">
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="num"
        data-testid={`pg-${spec.key}`}
        aria-invalid={draft?.message ? true : undefined}
        aria-describedby={draft?.message ? `${id}-err` : undefined}
        value={draft ? draft.text : String(value)}
        onChange={(e) => setDraft({ text: e.target.value, message: draft?.message ?? null })}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') setDraft(null);
        }}
      />
      {draft?.message && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {draft.message}
        </p>
      )}
    </div>
  );
}

export default function PgControls() {
  const { actions: a } = useExplorer();
  const id = useId();
  const pg = useAppStore((s) => s.scenario.pg);
  const n = useAppStore((s) => s.scenario.preferences.length);
  const labels = useAppStore((s) => s.scenario.labels);
  const set = (patch: Partial<PgSettings>) => a.setPg(patch);
  const num = (spec: NumberSpec) => (
    <PgNumber key={spec.key} spec={spec} value={pg[spec.key]} onApply={(v) => set({ [spec.key]: v })} />
  );
  return (
    <fieldset className="pg-controls" data-testid="pg-controls">
      <legend>Policy-gradient settings</legend>
      {num({ key: 'lr', label: 'Learning rate' })}
      {num({ key: 'beta', label: 'β (mixture with μ)' })}
      {num({ key: 'ema', label: 'λ (EMA of θ)' })}
      <div className="pg-field">
        <label htmlFor={`${id}-grad`}>Gradient</label>
        <select
          id={`${id}-grad`}
          value={pg.gradient}
          onChange={(e) => set({ gradient: e.target.value as PgSettings['gradient'] })}
        >
          <option value="exact">exact</option>
          <option value="sampled">sampled (B pairs)</option>
        </select>
      </div>
      {pg.gradient === 'sampled' && (
        <>
          {num({ key: 'batch', label: 'Batch B' })}
          <div className="pg-field">
            <label htmlFor={`${id}-labels`}>Labels</label>
            <select
              id={`${id}-labels`}
              value={pg.labels}
              onChange={(e) => set({ labels: e.target.value as PgSettings['labels'] })}
            >
              <option value="probability">P(y ≻ y′)</option>
              <option value="bernoulli">Bernoulli draw</option>
            </select>
          </div>
          {num({ key: 'seed', label: 'Sampling seed' })}
          {num({ key: 'seeds', label: 'Seeds K (bundle, 1 to 50)' })}
        </>
      )}
      <div className="pg-field">
        <label htmlFor={`${id}-features`}>Features</label>
        <select
          id={`${id}-features`}
          value={pg.features}
          onChange={(e) => set({ features: e.target.value as PgSettings['features'] })}
        >
          <option value="tabular">tabular (d = n)</option>
          <option value="random">random (d &lt; n)</option>
          <option value="custom">custom (a table of φ)</option>
        </select>
      </div>
      {pg.features === 'random' &&
        num({
          key: 'd',
          label: `d (1 to ${Math.max(1, n - 1)})`,
          max: Math.max(1, n - 1),
        })}
      {pg.features === 'custom' && <PhiTable phi={fitPhi(pg.phi, n)} labels={labels} onApply={(phi) => set({ phi })} />}
      {pg.features === 'random' && pg.d > n - 1 && (
        <p className="field-note" role="status">
          Runs use d = {Math.max(1, n - 1)}: random features need d &lt; n.
        </p>
      )}
    </fieldset>
  );
}
