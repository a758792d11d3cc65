/**
 * The LLMFAO data preset's own controls (loaded with it, never in the first render): who judged
 * (crowd, GPT-4, GPT-3.5 or the mixture w · crowd + (1 − w) · GPT-4 with a slider for w), which
 * prompt (all or one of 13: how sparse one prompt's data is), and the attribution the licence asks
 * for (CC BY 4.0), shown as long as the data is.
 */
import { useId, useMemo, useState } from 'react';
import { strongestCycles } from '../core/leaderboard.ts';
import { countsFromDense } from '../core/feedback.ts';
import type { LlmfaoChoice, LlmfaoRaterChoice } from '../state/llmfaoChoice.ts';
import { LLMFAO_LINK, LLMFAO_PROMPTS, LLMFAO_RATER_CHOICES } from '../state/llmfaoKeys.ts';
import { useAppStore } from '../explorer/context.tsx';

/** The attribution line with its link (also under the figure's caption and in exports). */
export function LlmfaoAttribution() {
  return (
    <p className="field-note llmfao-attribution" data-testid="llmfao-attribution">
      Data:{' '}
      <a href={LLMFAO_LINK} target="_blank" rel="noreferrer">
        LLMFAO
      </a>{' '}
      by Dmitry Ustalov, built on the Crowdsourced LLM Benchmark by llmonitor.com;{' '}
      <a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noreferrer">
        CC BY 4.0
      </a>
      .
    </p>
  );
}

export function LlmfaoControls({ choice }: { choice: LlmfaoChoice }) {
  const id = useId();
  const load = useAppStore((s) => s.loadDataPreset);
  const counts = useAppStore((s) => s.scenario.counts);
  const pick = (patch: Partial<LlmfaoChoice>) => void load({ ...choice, ...patch });
  const n = counts?.length ?? 0;
  let observed = 0;
  let battles = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const b = counts![i][j] + counts![j][i];
      if (b > 0) observed++;
      battles += b;
    }
  const pairs = (n * (n - 1)) / 2;
  // The slider shows the share asked for at once: the scenario follows when the mixture is built
  // (asynchronously), and keys pressed meanwhile must step on from the new value, not the old one.
  const [asked, setAsked] = useState<{ share: number; from: number } | null>(null);
  const share = asked && asked.from === choice.share ? asked.share : choice.share;
  const crowd = Math.round(share * 100);
  return (
    <div className="llmfao-controls">
      <div className="param-row">
        <label htmlFor={`${id}-rater`}>Rater</label>
        <select
          id={`${id}-rater`}
          value={choice.rater}
          onChange={(e) => {
            const rater = e.target.value as LlmfaoRaterChoice;
            pick({ rater, share: rater === 'mix' ? 0.5 : 1 });
          }}
        >
          {LLMFAO_RATER_CHOICES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-prompt`}>Prompt</label>
        <select
          id={`${id}-prompt`}
          value={choice.prompt ?? ''}
          onChange={(e) => pick({ prompt: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">all 13 prompts</option>
          {LLMFAO_PROMPTS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      {choice.rater === 'mix' && (
        <div className="param-row">
          <label htmlFor={`${id}-share`}>Crowd’s share w</label>
          <input
            id={`${id}-share`}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={share}
            aria-valuetext={`${crowd} % crowd, ${100 - crowd} % GPT-4`}
            onChange={(e) => {
              const next = Number(e.target.value);
              setAsked({ share: next, from: choice.share });
              pick({ share: next });
            }}
          />
          <output htmlFor={`${id}-share`} className="num">
            {crowd} % crowd · {100 - crowd} % GPT-4
          </output>
          <p className="field-note">
            P = w · P<sub>crowd</sub> + (1 − w) · P<sub>GPT-4</sub> on the pairs both judged (in LLMFAO they judged the
            same pairs); pairs neither judged stay unobserved (½, hatched). The reward is fitted on the crowd’s numbers
            of battles per pair.
          </p>
        </div>
      )}
      <p className="field-note" role="status" data-testid="llmfao-sparsity">
        {observed.toLocaleString('en')} of {pairs.toLocaleString('en')} model pairs judged (
        {((100 * observed) / Math.max(1, pairs)).toFixed(1)} %),{' '}
        {battles.toLocaleString('en', { maximumFractionDigits: 1 })} judgements
        {choice.prompt !== null ? ' on this prompt' : ''}.
      </p>
      <Cycles />
      <LlmfaoAttribution />
    </div>
  );
}

/** Fewer battles than this on a step and a cycle is left out (it could be one or two upsets). */
const CYCLE_MIN_BATTLES = 5;

/**
 * The strongest non-transitive triples of the data, y₁ ≻ y₂ ≻ y₃ ≻ y₁ with each step's win rate and
 * battles (strongestCycles, ranked by the weakest step): computed when the list is opened.
 */
function Cycles() {
  const [open, setOpen] = useState(false);
  return (
    <details className="llmfao-cycles" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Cycles in the data (non-transitive triples)</summary>
      {open && <CycleList />}
    </details>
  );
}

function CycleList() {
  const counts = useAppStore((s) => s.scenario.counts);
  const labels = useAppStore((s) => s.scenario.labels);
  const cycles = useMemo(
    () => (counts ? strongestCycles(countsFromDense(counts.flat(), counts.length), 5, CYCLE_MIN_BATTLES) : []),
    [counts],
  );
  if (cycles.length === 0)
    return <p className="field-note">No cycle with at least {CYCLE_MIN_BATTLES} battles on each step.</p>;
  const pct = (x: number) => `${Math.round(100 * x)} %`;
  return (
    <>
      <p className="field-note">
        The strongest, with at least {CYCLE_MIN_BATTLES} battles on each step, ranked by their weakest step: win rate
        (battles).
      </p>
      <ol className="llmfao-cycles__list" data-testid="llmfao-cycles">
        {cycles.map((c) => {
          const [a, b, d] = c.members.map((i) => labels[i]);
          return (
            <li key={c.members.join()}>
              {a} ≻ {b} ≻ {d} ≻ {a}: {pct(c.rates[0])} ({c.battles[0]}), {pct(c.rates[1])} ({c.battles[1]}),{' '}
              {pct(c.rates[2])} ({c.battles[2]})
            </li>
          );
        })}
      </ol>
    </>
  );
}
