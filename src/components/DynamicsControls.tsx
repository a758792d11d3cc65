/** τ, η, the step schedule, which algorithms to show, and the RLHF comparison pairs. */
import { useId } from 'react';
import type { Algorithm } from '../core/types.ts';
import { actions as a } from '../state/appStore.ts';
import { useAppStore } from '../state/appView.ts';
import { ETA_RANGE, TAU_RANGE, effectiveEta } from '../state/scenario.ts';
import { checkField } from '../state/scenarioSchema.ts';
import { ALGORITHM_STYLE } from '../viz/palette.ts';
import { Gate } from './Gate.tsx';
import { LogSlider } from './LogSlider.tsx';

const ALGOS: readonly Algorithm[] = ['nash-md', 'omd', 'rlhf'];

export function DynamicsControls() {
  const id = useId();
  const tau = useAppStore((s) => s.scenario.tau);
  const eta = useAppStore((s) => s.scenario.eta);
  const schedule = useAppStore((s) => s.scenario.schedule);
  const algorithms = useAppStore((s) => s.scenario.algorithms);
  const comparisons = useAppStore((s) => s.scenario.comparisons);

  return (
    <section className="dynamics-controls" aria-label="Dynamics">
      <Gate name="tau">
        <LogSlider label="τ (regularisation)" name="τ" value={tau} min={TAU_RANGE.min} max={TAU_RANGE.max} onChange={a.setTau} testId="tau" allowZero validate={(v) => checkField('tau', v)} />
      </Gate>
      <Gate name="schedule" className="param-row">
        <label htmlFor={`${id}-schedule`}>Step size</label>
        <select id={`${id}-schedule`} value={schedule} onChange={(e) => a.setSchedule(e.target.value as 'constant' | 'theorem')}>
          <option value="constant">constant η</option>
          <option value="theorem">Theorem 1: η_t = 2/(τ(t+2))</option>
        </select>
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
      />
      {schedule === 'constant' && effectiveEta({ eta, tau }) < eta && (
        <p className="field-note" role="status">
          Runs use η = 1/τ = {Number((1 / tau).toPrecision(3))}: the mixture weight ητ cannot exceed 1.
        </p>
      )}
      </Gate>
      <Gate name="algorithms">
      <fieldset className="algo-toggles">
        <legend>Show</legend>
        {ALGOS.map((alg) => (
          <label key={alg} className="algo-toggle">
            <input type="checkbox" checked={algorithms.includes(alg)} onChange={(e) => a.toggleAlgorithm(alg, e.target.checked)} />
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="25" y2="5" stroke={ALGORITHM_STYLE[alg].color} strokeWidth="2.5" strokeDasharray={ALGORITHM_STYLE[alg].dash} />
            </svg>
            {ALGORITHM_STYLE[alg].label}
          </label>
        ))}
      </fieldset>
      </Gate>
      <Gate name="comparisons" className="param-row">
        <label htmlFor={`${id}-cmp`}>RLHF reward fitted on</label>
        <select id={`${id}-cmp`} value={comparisons} onChange={(e) => a.setComparisons(e.target.value as 'uniform' | 'reference')}>
          <option value="uniform">uniform pairs</option>
          <option value="reference">pairs drawn from μ</option>
        </select>
      </Gate>
    </section>
  );
}
