/** Preset picker with its caption and the preset's own parameters (ε, seed, n). */
import { Suspense, lazy, useId } from 'react';
import { EPSILON_MAX, EPSILON_MIN, PRESETS, RANDOM_N_MAX, RANDOM_N_MIN, presetById } from '../core/presets.ts';

import { judgeTyped } from '../state/numberInput.ts';
import { useTypedNumber } from './useTypedNumber.ts';
import { useAppStore } from '../explorer/context.tsx';
import { LLMFAO_PRESET, type LlmfaoChoice } from '../state/llmfaoChoice.ts';

const LlmfaoControls = lazy(() => import('./LlmfaoControls.tsx').then((m) => ({ default: m.LlmfaoControls })));

/** The three entries of the preset menu (value → choice). */
const LLMFAO_MENU: readonly { value: string; name: string; choice: LlmfaoChoice }[] = [
  {
    value: 'llmfao-crowd',
    name: 'LLM leaderboard (LLMFAO crowd)',
    choice: { rater: 'crowd', share: 1, prompt: null },
  },
  {
    value: 'llmfao-mix',
    name: 'Humans vs GPT-4 as raters (LLMFAO)',
    choice: { rater: 'mix', share: 0.5, prompt: null },
  },
  {
    value: 'llmfao-prompt',
    name: 'LLMFAO, one prompt at a time',
    choice: { rater: 'crowd', share: 1, prompt: 'sally' },
  },
];

/** The menu entry a choice belongs to. */
function llmfaoMenuValue(c: LlmfaoChoice): string {
  if (c.prompt !== null) return 'llmfao-prompt';
  return c.rater === 'mix' ? 'llmfao-mix' : 'llmfao-crowd';
}

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
  const data = useAppStore((s) => (s.scenario.preset === LLMFAO_PRESET ? s.scenario.llmfao : null));
  const dataLoad = useAppStore((s) => s.dataLoad);
  const loadDataPreset = useAppStore((s) => s.loadDataPreset);

  return (
    <section className="preset-controls">
      <label htmlFor={`${id}-preset`}>Preset</label>
      <select
        id={`${id}-preset`}
        value={data ? llmfaoMenuValue(data) : (preset ?? 'custom')}
        onChange={(e) => {
          const entry = LLMFAO_MENU.find((m) => m.value === e.target.value);
          if (entry) void loadDataPreset(entry.choice);
          else if (e.target.value !== 'custom') loadPreset(e.target.value);
        }}
      >
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <optgroup label="Real data (loads on demand)">
          {LLMFAO_MENU.map((m) => (
            <option key={m.value} value={m.value}>
              {m.name}
            </option>
          ))}
        </optgroup>
        <option value="custom" disabled>
          Custom (edited)
        </option>
      </select>
      {dataLoad && (
        <p
          className={dataLoad.status === 'error' ? 'field-error' : 'field-note'}
          role={dataLoad.status === 'error' ? 'alert' : 'status'}
          data-testid="data-load"
        >
          {dataLoad.message}
        </p>
      )}
      {data && (
        <Suspense fallback={null}>
          <LlmfaoControls choice={data} />
        </Suspense>
      )}
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
      {current?.params.includes('seed') && <RandomParams seed={seed} n={n} setRandom={setRandom} />}
    </section>
  );
}

/**
 * Seed and n of the random presets. Typing applies once it pauses (TYPING_PAUSE_MS), on Enter or
 * on leaving the field: "300" builds one matrix, not three (3, 30, 300). A value out of range is
 * refused with a message naming the field and its limits; the current one stays.
 */
/** The largest seed (the generator takes 32-bit seeds; scenarioSchema checks the same). */
const SEED_MAX = 2 ** 32 - 1;

function RandomParams({
  seed,
  n,
  setRandom,
}: {
  seed: number;
  n: number;
  setRandom(p: { seed?: number; n?: number }): void;
}) {
  const id = useId();
  const seedField = useTypedNumber({
    value: seed,
    format: String,
    judge: (text, final) =>
      judgeTyped(text, final, {
        name: 'Seed',
        min: 0,
        max: SEED_MAX,
        integer: true,
        kept: String(seed),
        outOfRange: (shown) => `${shown} is out of range; the seed must be a whole number from 0 to ${SEED_MAX}`,
      }),
    onApply: (v) => setRandom({ seed: v }),
  });
  const nField = useTypedNumber({
    value: n,
    format: String,
    judge: (text, final) =>
      judgeTyped(text, final, {
        name: 'n',
        min: RANDOM_N_MIN,
        max: RANDOM_N_MAX,
        integer: true,
        kept: String(n),
        outOfRange: (shown, v) =>
          `${shown} is ${v > RANDOM_N_MAX ? 'too many' : 'too few'} responses; n must be between ${RANDOM_N_MIN} and ${RANDOM_N_MAX}`,
      }),
    onApply: (v) => setRandom({ n: v }),
  });
  const messages = [seedField.message, nField.message].filter((m) => m !== null);
  return (
    <div className="param-row">
      <label htmlFor={`${id}-seed`}>Seed</label>
      <input
        id={`${id}-seed`}
        type="text"
        inputMode="numeric"
        className="num short"
        aria-describedby={seedField.message ? `${id}-err` : undefined}
        {...seedField.inputProps}
      />
      <label htmlFor={`${id}-n`}>n</label>
      <input
        id={`${id}-n`}
        type="text"
        inputMode="numeric"
        className="num short"
        aria-describedby={nField.message ? `${id}-err` : undefined}
        {...nField.inputProps}
      />
      {messages.length > 0 && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {messages.join(' ')}
        </p>
      )}
    </div>
  );
}
