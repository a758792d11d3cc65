/** Preset picker with its caption and the preset's own parameters (ε, seed, n). */
import { useId } from 'react';
import { EPSILON_MAX, EPSILON_MIN, PRESETS, RANDOM_N_MAX, RANDOM_N_MIN, presetById } from '../core/presets.ts';
import { useAppStore } from '../state/appView.ts';

export function PresetControls() {
  const id = useId();
  const preset = useAppStore((s) => s.scenario.preset);
  const epsilon = useAppStore((s) => s.scenario.epsilon);
  const seed = useAppStore((s) => s.scenario.seed);
  const n = useAppStore((s) => s.scenario.preferences.length);
  const loadPreset = useAppStore((s) => s.loadPreset);
  const setEpsilon = useAppStore((s) => s.setEpsilon);
  const setRandom = useAppStore((s) => s.setRandom);
  const current = preset ? presetById(preset) : undefined;

  return (
    <section className="preset-controls">
      <label htmlFor={`${id}-preset`}>Preset</label>
      <select id={`${id}-preset`} value={preset ?? 'custom'} onChange={(e) => e.target.value !== 'custom' && loadPreset(e.target.value)}>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value="custom" disabled>
          Custom (edited)
        </option>
      </select>
      {current && (
        <p className="preset-caption">
          {/* "π*_τ" with a real subscript, as in the figures. */}
          {current.caption.split(/_(\S)/).map((part, i) => (i % 2 === 1 ? <sub key={i}>{part}</sub> : part))}
        </p>
      )}
      {current?.params.includes('epsilon') && (
        <div className="param-row">
          <label htmlFor={`${id}-eps`}>ε (rater mix)</label>
          <input
            id={`${id}-eps`}
            type="range"
            min={EPSILON_MIN}
            max={EPSILON_MAX}
            step={1 / 300}
            value={epsilon}
            aria-valuetext={`ε = ${epsilon.toFixed(3)}`}
            onChange={(e) => setEpsilon(Number(e.target.value))}
          />
          <output htmlFor={`${id}-eps`} className="num">
            {epsilon >= 0 ? '+' : '−'}
            {Math.abs(epsilon).toFixed(3)}
          </output>
        </div>
      )}
      {current?.params.includes('seed') && (
        <div className="param-row">
          <label htmlFor={`${id}-seed`}>Seed</label>
          <input id={`${id}-seed`} type="number" min={0} step={1} value={seed} className="num short" onChange={(e) => Number.isInteger(Number(e.target.value)) && Number(e.target.value) >= 0 && setRandom({ seed: Number(e.target.value) })} />
          <label htmlFor={`${id}-n`}>n</label>
          <input id={`${id}-n`} type="number" min={RANDOM_N_MIN} max={RANDOM_N_MAX} step={1} value={n} className="num short" onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= RANDOM_N_MIN && v <= RANDOM_N_MAX) setRandom({ n: v });
          }} />
        </div>
      )}
    </section>
  );
}
