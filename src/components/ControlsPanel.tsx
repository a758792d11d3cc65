/** The left panel: every input of the scenario. */
import { Suspense, lazy, memo, useCallback } from 'react';

import { Gate } from './Gate.tsx';
import { LogSlider } from './LogSlider.tsx';
import { DynamicsControls } from './DynamicsControls.tsx';
import { PastePanel } from './PastePanel.tsx';
import { PolicyInputs } from './PolicyInputs.tsx';
import { PreferenceEditor } from './PreferenceEditor.tsx';
import { PresetControls } from './PresetControls.tsx';
import { useAppStore, useControl, useExplorer } from '../explorer/context.tsx';

// A cell edit re-renders this panel (it reads the matrix); memo keeps the other inputs, whose
// props did not change, from re-rendering with it (part of the edit-to-redraw budget).
const Presets = memo(PresetControls);
const Paste = memo(PastePanel);
const Policy = memo(PolicyInputs);
const Dynamics = memo(DynamicsControls);
// Corners matter only for n > 3: loaded then, not on the default page.
// The flow field's picker lists every algorithm: loaded after the first render.
const FlowField = lazy(() => import('./FlowFieldControl.tsx').then((m) => ({ default: m.FlowFieldControl })));
// Learning from sampled feedback (issue 16): loaded after the first render.
const Feedback = lazy(() => import('./FeedbackControls.tsx').then((m) => ({ default: m.FeedbackControls })));
const Corners = lazy(() => import('./CornerPicker.tsx').then((m) => ({ default: memo(m.CornerPicker) })));

const REFERENCE_HELP =
  'μ is the reference policy (the model before alignment): the KL penalty τ·KL(π‖μ) pulls every policy towards it, and the RLHF optimum reweights it.';
const START_HELP = 'π₀ is the policy every algorithm starts from at t = 0.';

export function ControlsPanel() {
  const { actions: a } = useExplorer();
  // Stable per explorer (its actions are), so the memoised paste panel does not re-render.
  const applyPaste = useCallback(
    (P: number[][], names: string[] | null, counts: number[][] | null) => a.loadData(P, names, counts),
    [a],
  );
  const preferences = useAppStore((s) => s.scenario.preferences);
  const labels = useAppStore((s) => s.scenario.labels);
  const counts = useAppStore((s) => s.scenario.counts);
  const reference = useAppStore((s) => s.scenario.reference);
  const initial = useAppStore((s) => s.scenario.initial);
  const large = preferences.length > 3;
  const matrix = useControl('matrix');
  return (
    <aside className="panel controls" aria-label="Inputs">
      <Gate name="preset">
        <Presets />
      </Gate>
      <Gate name="matrix">
        <PreferenceEditor
          preferences={preferences}
          labels={labels}
          onChange={a.setPreferences}
          onLabelsChange={a.setLabels}
          onAddResponse={a.addResponse}
          onRemoveResponse={a.removeResponse}
          readOnly={matrix.locked}
          counts={counts}
        />
      </Gate>
      <Gate name="paste">
        <Paste onApply={applyPaste} />
      </Gate>
      <Gate name="reference">
        <Policy
          legend="Reference policy μ"
          symbol="μ"
          info={REFERENCE_HELP}
          labels={labels}
          value={reference}
          onChange={a.setReference}
        />
      </Gate>
      <Gate name="initial">
        <Policy
          legend="Start π₀"
          symbol="π₀"
          info={START_HELP}
          labels={labels}
          value={initial}
          onChange={a.setInitial}
        />
      </Gate>
      <Dynamics />
      <Suspense fallback={null}>
        <FlowField />
      </Suspense>
      <Gate name="feedback">
        <Suspense fallback={null}>
          <Feedback Slider={LogSlider} />
        </Suspense>
      </Gate>
      {large && (
        <Gate name="corners">
          <Suspense fallback={null}>
            <Corners />
          </Suspense>
        </Gate>
      )}
    </aside>
  );
}
