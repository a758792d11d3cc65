/** The left panel: every input of the scenario. */
import { actions as a, useAppStore } from '../state/appStore.ts';
import { useControl } from '../state/viewOptions.ts';
import { CornerPicker } from './CornerPicker.tsx';
import { Gate } from './Gate.tsx';
import { DynamicsControls } from './DynamicsControls.tsx';
import { PastePanel } from './PastePanel.tsx';
import { PolicyInputs } from './PolicyInputs.tsx';
import { PreferenceEditor } from './PreferenceEditor.tsx';
import { PresetControls } from './PresetControls.tsx';

export function ControlsPanel() {
  const preferences = useAppStore((s) => s.scenario.preferences);
  const labels = useAppStore((s) => s.scenario.labels);
  const reference = useAppStore((s) => s.scenario.reference);
  const initial = useAppStore((s) => s.scenario.initial);
  const matrix = useControl('matrix');
  return (
    <aside className="panel controls" aria-label="Inputs">
      <Gate name="preset">
        <PresetControls />
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
        />
      </Gate>
      <Gate name="paste">
        <PastePanel
          onApply={(P, names) => {
            a.setPreferences(P);
            if (names) a.setLabels(names);
          }}
        />
      </Gate>
      <Gate name="reference">
        <PolicyInputs legend="Reference policy μ" symbol="μ" labels={labels} value={reference} onChange={a.setReference} />
      </Gate>
      <Gate name="initial">
        <PolicyInputs legend="Start π₀" symbol="π₀" labels={labels} value={initial} onChange={a.setInitial} />
      </Gate>
      <DynamicsControls />
      <Gate name="corners">
        <CornerPicker />
      </Gate>
    </aside>
  );
}
