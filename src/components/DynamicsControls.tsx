/** τ, η, the step schedule, which algorithms to show, and the RLHF comparison pairs. */
import { Suspense, lazy, useId, useState } from 'react';

import { ALGORITHM_CATALOG } from '../core/algorithms/catalog.ts';

import type { Comparisons } from '../core/types.ts';
import { ETA_RANGE, TAU_RANGE, effectiveEta } from '../state/scenario.ts';
import { checkField } from '../state/scenarioSchema.ts';
import { AlgorithmPicker } from './AlgorithmPicker.tsx';
import { Gate } from './Gate.tsx';
import { InfoTip } from './InfoTip.tsx';
import { LogSlider } from './LogSlider.tsx';
import { useAppStore, useExplorer } from '../explorer/context.tsx';

/** The policy-gradient settings: loaded (and shown) only once such an algorithm is selected. */
const PgControls = lazy(() => import('./PgControls.tsx'));
const PG_IDS: ReadonlySet<string> = new Set(
  ALGORITHM_CATALOG.filter((d) => d.family === 'parametric').map((d) => d.id),
);
// The reward model's scores (Bradley–Terry and Elo, a leaderboard) load after the first render.
const RewardScores = lazy(() => import('./RewardScores.tsx').then((m) => ({ default: m.RewardScores })));

/** One sentence per jargon control (shown by its ⓘ). */
export const HELP = {
  tau: 'τ is the strength of the KL penalty towards μ: the target π*_τ is the Nash equilibrium of the game where each policy pays τ·KL(π‖μ); at τ = 0 it is the Nash equilibrium of P itself.',
  eta: 'η is the step size of each update: larger steps move faster, but with a constant η Nash-MD settles within O(η) of π*_τ instead of on it.',
  schedule:
    'A constant η keeps every step the same size (fast, with an O(η) bias); Theorem 1’s step η_t = 2/(τ(t+2)) shrinks over time so Nash-MD’s last iterate converges to π*_τ, at the rate drawn as the dashed “Theorem 1 bound” on the convergence plot.',
  show: 'Which algorithms run and are drawn: Nash-MD (the paper’s method, which plays against a mixture of the current policy and μ), online mirror descent (OMD, which plays against the current policy itself), RLHF (maximise a fitted reward), and under “More algorithms” the methods that followed the paper, grouped by family; each line says where the algorithm converges.',
  average:
    'Also draw each algorithm’s average iterate π̄_t = (π_0 + … + π_t)/(t+1), dotted in its colour with a hollow marker, and list it in the table. Some guarantees are about this average (MWU, fictitious play), others about the last iterate.',
  comparisons:
    'RLHF first fits a Bradley–Terry reward to pairwise comparisons; which pairs it is fitted on (all pairs equally, pairs drawn from μ, or the observed battles by their counts) changes that reward whenever P is not transitive.',
} as const;

export function DynamicsControls() {
  const { actions: a } = useExplorer();
  const id = useId();
  const tau = useAppStore((s) => s.scenario.tau);
  const eta = useAppStore((s) => s.scenario.eta);
  const schedule = useAppStore((s) => s.scenario.schedule);
  const comparisons = useAppStore((s) => s.scenario.comparisons);
  const average = useAppStore((s) => s.scenario.average);
  // Without counts the observed fit cannot be chosen; with counts that do not link every response
  // RLHF is shown unavailable with the reason (availability.ts), beside its box and in the caption.
  const hasCounts = useAppStore((s) => s.scenario.counts !== null);
  const undefinedSchedule = useTheoremAtZeroNote(tau, schedule);
  const showPg = useAppStore((s) => s.scenario.algorithms.some((x) => PG_IDS.has(x)));

  return (
    <section className="dynamics-controls" aria-label="Dynamics">
      <Gate name="tau">
        <LogSlider
          label="τ (regularisation)"
          name="τ"
          value={tau}
          min={TAU_RANGE.min}
          max={TAU_RANGE.max}
          onChange={a.setTau}
          testId="tau"
          allowZero
          validate={(v) => checkField('tau', v)}
          info={<InfoTip about="τ">{HELP.tau}</InfoTip>}
        />
      </Gate>
      <Gate name="schedule" className="param-row">
        <span className="label-with-info">
          <label htmlFor={`${id}-schedule`}>Step size</label>
          <InfoTip about="the step size schedule">{HELP.schedule}</InfoTip>
        </span>
        <select
          id={`${id}-schedule`}
          value={schedule}
          onChange={(e) => a.setSchedule(e.target.value as 'constant' | 'theorem')}
        >
          <option value="constant">constant η</option>
          <option value="theorem" disabled={tau === 0}>
            Theorem 1: η_t = 2/(τ(t+2)){tau === 0 ? ' (needs τ > 0)' : ''}
          </option>
        </select>
        {undefinedSchedule && (
          <p className="field-note" role="status" data-testid="schedule-note">
            At τ = 0 the Theorem 1 schedule 2/(τ(t+2)) is undefined; using constant η = {Number(eta.toPrecision(3))}.
          </p>
        )}
      </Gate>
      <Gate name="eta">
        <LogSlider
          label="η (step size)"
          name="η"
          value={eta}
          min={ETA_RANGE.min}
          max={ETA_RANGE.max}
          onChange={a.setEta}
          validate={(v) => checkField('eta', v)}
          disabled={schedule === 'theorem'}
          testId="eta"
          info={<InfoTip about="η">{HELP.eta}</InfoTip>}
        />
        {schedule === 'constant' && effectiveEta({ eta, tau }) < eta && (
          <p className="field-note" role="status">
            Runs use η = 1/τ = {Number((1 / tau).toPrecision(3))}: the mixture weight ητ cannot exceed 1.
          </p>
        )}
      </Gate>
      <Gate name="algorithms">
        <fieldset className="algo-toggles" aria-labelledby={`${id}-show`}>
          <legend>
            <span id={`${id}-show`}>Show</span>
            <InfoTip about="Show (which algorithms)">{HELP.show}</InfoTip>
          </legend>
          <AlgorithmPicker idBase={id} />
          <span className="label-with-info algo-average">
            <label>
              <input type="checkbox" checked={average} onChange={(e) => a.setAverage(e.target.checked)} /> Average
              iterates too
            </label>
            <InfoTip about="Average iterates">{HELP.average}</InfoTip>
          </span>
        </fieldset>
        {showPg && (
          <Suspense fallback={null}>
            <PgControls />
          </Suspense>
        )}
      </Gate>
      <Gate name="comparisons" className="param-row">
        <span className="label-with-info">
          <label htmlFor={`${id}-cmp`}>RLHF reward fitted on</label>
          <InfoTip about="RLHF reward fitted on">{HELP.comparisons}</InfoTip>
        </span>
        <select id={`${id}-cmp`} value={comparisons} onChange={(e) => a.setComparisons(e.target.value as Comparisons)}>
          <option value="uniform">uniform pairs</option>
          <option value="reference">pairs drawn from μ</option>
          <option value="observed" disabled={!hasCounts}>
            observed battles{hasCounts ? '' : ' (needs counts)'}
          </option>
        </select>
        <Suspense fallback={null}>
          <RewardScores />
        </Suspense>
      </Gate>
    </section>
  );
}

/**
 * Whether to say that the Theorem 1 schedule was given up for a constant η: τ became 0 while it
 * was selected (appStore.setTau switches to the constant step, since 2/(τ(t+2)) has no value at
 * τ = 0). The note stays while τ = 0 and goes once τ > 0 or the theorem is chosen again.
 */
function useTheoremAtZeroNote(tau: number, schedule: 'constant' | 'theorem'): boolean {
  const [seen, setSeen] = useState({ tau, schedule, note: false });
  if (seen.tau !== tau || seen.schedule !== schedule) {
    // Derived while rendering (React's "state from previous props" pattern), no effect needed.
    const note = tau === 0 && schedule === 'constant' && (seen.note || (seen.schedule === 'theorem' && seen.tau > 0));
    setSeen({ tau, schedule, note });
    return note;
  }
  return seen.note;
}
