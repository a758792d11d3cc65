/**
 * Learning from sampled feedback (issue 16): whether the runs learn their models from N sampled
 * comparisons of the true P instead of reading P itself, and how the comparisons are drawn. Loaded
 * after the first render (ControlsPanel). N is remembered while the box is unticked.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useAppStore, useExplorer, useRunStore } from '../explorer/context.tsx';
import { algorithmInfo, type AlgorithmId } from '../core/algorithms/catalog.ts';
import { FEEDBACK_DEFAULTS, FEEDBACK_RANGE } from '../state/scenario.ts';
import { InfoTip } from './InfoTip.tsx';
import type { LogSlider } from './LogSlider.tsx';

export const FEEDBACK_HELP = {
  on: 'Instead of reading the true P, sample N pairwise comparisons from it, learn a preference model P̂ (for Nash-MD and the other NLHF methods) and a Bradley–Terry reward r̂ (for RLHF) from the same data, and judge the results by the true P.',
  comparisons:
    'N, the number of sampled comparisons: each draws a pair (y, y′) and a winner with probability P(y ≻ y′).',
  sampling:
    'How the compared pairs are drawn: every ordered pair of different responses equally often, or both responses independently from μ (redrawn while equal), or online: from the current policy of a run, in ten rounds of N/10, while every run trains on the models learned so far. The reward model depends on this choice when P is not transitive; P̂ does not.',
  onlineRun:
    'Online feedback: the run whose current policy the pairs are drawn from. Round k is drawn at step k·R from its policy (both responses from it, redrawn while equal; uniformly if it has settled on one response).',
  roundSteps:
    'R, the steps between online rounds: rounds at t = 0, R, …, 9R; between them every run trains on the models of the comparisons drawn so far, and after the last round the models stay fixed.',
  seed: 'The data seed: the same seed gives the same comparisons on every machine.',
  smoothing:
    'a in P̂(y ≻ y′) = (wins + a)/(comparisons + 2a): a > 0 keeps P̂ away from 0 and 1, and a pair never compared gets ½.',
} as const;

const SEED_MAX = 2 ** 32 - 1;
/** The largest R, the steps between online rounds (the core's MAX_ROUND_STEPS). */
const ROUND_STEPS_MAX = 100_000;
/** The smoothing slider's range (any a > 0 comes from a link or a file). */
const SMOOTHING_RANGE = { min: 0.01, max: 100 } as const;

/**
 * A text field applied on Enter or on leaving it (never half-typed); `commit` applies the text or
 * returns a message naming the field, and the text then stays for the reader to mend (Esc: the
 * current value again).
 */
function useCommitField(value: string, commit: (text: string) => string | null) {
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const finish = () => {
    if (draft === null) return;
    const problem = commit(draft);
    setMessage(problem);
    if (problem === null) setDraft(null);
  };
  return {
    message,
    inputProps: {
      value: draft ?? value,
      onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
      onBlur: finish,
      onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') finish();
        if (e.key === 'Escape') {
          setDraft(null);
          setMessage(null);
        }
      },
    },
  };
}

/**
 * The log slider, handed over by ControlsPanel (which has it already): imported here, this lazy
 * chunk made the bundler split it (and the typed-number hook) out of the first render's main chunk
 * into chunks of their own, which cost the first render about 0.9 kB of gzip.
 */
export function FeedbackControls({ Slider }: { Slider: typeof LogSlider }) {
  const { actions: a } = useExplorer();
  const id = useId();
  const feedback = useAppStore((s) => s.scenario.feedback ?? null);
  const sampling = useAppStore((s) => s.scenario.sampling ?? FEEDBACK_DEFAULTS.sampling);
  const seed = useAppStore((s) => s.scenario.dataSeed ?? FEEDBACK_DEFAULTS.dataSeed);
  const smoothing = useAppStore((s) => s.scenario.smoothing ?? FEEDBACK_DEFAULTS.smoothing);
  const shown = useAppStore((s) => s.scenario.algorithms);
  // The run and R as set, else as the worker drew the rounds with its defaults (onlineDefaults.ts:
  // the first run sent that learns P̂; R = 25), read from its answer: this lazy chunk stays apart
  // from the core's.
  const drawn = useRunStore((r) => r.feedback?.rounds);
  const onlineRun = useAppStore((s) => s.scenario.onlineRun) ?? ((drawn?.run ?? 'nash-md') as AlgorithmId);
  const roundSteps = useAppStore((s) => s.scenario.roundSteps) ?? drawn?.roundSteps ?? 25;
  // N while the box is unticked (the scenario then holds none).
  const [lastN, setLastN] = useState<number>(feedback ?? FEEDBACK_DEFAULTS.comparisons);
  const on = feedback !== null;
  const seedField = useCommitField(String(seed), (text) => {
    const v = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(v) || v < 0 || v > SEED_MAX)
      return `Data seed: “${text.trim()}” is not a whole number from 0 to ${SEED_MAX}. It stays ${seed}.`;
    a.setFeedback({ dataSeed: v });
    return null;
  });
  const roundField = useCommitField(String(roundSteps), (text) => {
    const v = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(v) || v < 1 || v > ROUND_STEPS_MAX)
      return `Steps between rounds: “${text.trim()}” is not a whole number from 1 to ${ROUND_STEPS_MAX}. It stays ${roundSteps}.`;
    a.setFeedback({ roundSteps: v });
    return null;
  });
  const runs = shown.includes(onlineRun) ? shown : [onlineRun, ...shown];
  const message = seedField.message ?? roundField.message;

  return (
    <fieldset className="feedback-controls" data-testid="feedback-controls">
      <legend>
        <span className="label-with-info">
          <label>
            <input
              type="checkbox"
              checked={on}
              data-testid="feedback-on"
              onChange={(e) => {
                if (!e.target.checked && feedback !== null) setLastN(feedback);
                a.setFeedback({ feedback: e.target.checked ? lastN : null });
              }}
            />{' '}
            Learn from sampled feedback
          </label>
          <InfoTip about="Learn from sampled feedback">{FEEDBACK_HELP.on}</InfoTip>
        </span>
      </legend>
      {on && (
        <>
          <Slider
            label="Comparisons N"
            name="N"
            value={feedback}
            min={FEEDBACK_RANGE.min}
            max={FEEDBACK_RANGE.max}
            onChange={(v) => a.setFeedback({ feedback: Math.round(v) })}
            validate={(v) => (Number.isInteger(v) ? null : 'N must be a whole number of comparisons')}
            testId="feedback-n"
            info={<InfoTip about="Comparisons N">{FEEDBACK_HELP.comparisons}</InfoTip>}
          />
          <div className="param-row">
            <span className="label-with-info">
              <label htmlFor={`${id}-sampling`}>Pairs drawn</label>
              <InfoTip about="Pairs drawn">{FEEDBACK_HELP.sampling}</InfoTip>
            </span>
            <select
              id={`${id}-sampling`}
              data-testid="feedback-sampling"
              value={sampling}
              onChange={(e) =>
                a.setFeedback({
                  sampling: e.target.value === 'reference' || e.target.value === 'online' ? e.target.value : 'uniform',
                })
              }
            >
              <option value="uniform">uniformly</option>
              <option value="reference">from μ</option>
              <option value="online">online, from a run</option>
            </select>
          </div>
          {sampling === 'online' && (
            <>
              <div className="param-row">
                <span className="label-with-info">
                  <label htmlFor={`${id}-run`}>Drawn from</label>
                  <InfoTip about="Drawn from">{FEEDBACK_HELP.onlineRun}</InfoTip>
                </span>
                <select
                  id={`${id}-run`}
                  data-testid="feedback-online-run"
                  value={onlineRun}
                  onChange={(e) => a.setFeedback({ onlineRun: e.target.value as AlgorithmId })}
                >
                  {runs.map((r) => (
                    <option key={r} value={r}>
                      {algorithmInfo(r)?.displayName ?? r}
                    </option>
                  ))}
                </select>
              </div>
              <div className="param-row">
                <span className="label-with-info">
                  <label htmlFor={`${id}-rounds`}>Steps between rounds</label>
                  <InfoTip about="Steps between rounds">{FEEDBACK_HELP.roundSteps}</InfoTip>
                </span>
                <input
                  id={`${id}-rounds`}
                  type="text"
                  inputMode="numeric"
                  className="num short"
                  data-testid="feedback-round-steps"
                  aria-describedby={roundField.message ? `${id}-err` : undefined}
                  aria-invalid={roundField.message ? true : undefined}
                  {...roundField.inputProps}
                />
              </div>
            </>
          )}
          <div className="param-row">
            <span className="label-with-info">
              <label htmlFor={`${id}-seed`}>Data seed</label>
              <InfoTip about="Data seed">{FEEDBACK_HELP.seed}</InfoTip>
            </span>
            <input
              id={`${id}-seed`}
              type="text"
              inputMode="numeric"
              className="num short"
              data-testid="feedback-seed"
              aria-describedby={seedField.message ? `${id}-err` : undefined}
              aria-invalid={seedField.message ? true : undefined}
              {...seedField.inputProps}
            />
          </div>
          <Slider
            label="Smoothing a"
            name="a"
            value={smoothing}
            min={SMOOTHING_RANGE.min}
            max={SMOOTHING_RANGE.max}
            onChange={(v) => a.setFeedback({ smoothing: v })}
            testId="feedback-smoothing"
            info={<InfoTip about="Smoothing a">{FEEDBACK_HELP.smoothing}</InfoTip>}
          />
          {message && (
            <p className="field-error" id={`${id}-err`} role="alert">
              {message}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
