/**
 * The flow field's control: which algorithm's one-step field is drawn on the simplex (none by
 * default; `field=<id>` in the link), with a note when it cannot be drawn and why.
 */
import { useId } from 'react';
import { ALGORITHM_CATALOG, isAlgorithmId } from '../core/algorithms/catalog.ts';
import { flowFieldBlocked } from '../state/uiStore.ts';
import { useAppStore, useExplorer, useUiStore } from '../explorer/context.tsx';

export function FlowFieldControl() {
  const id = useId();
  const explorer = useExplorer();
  const field = useUiStore((s) => s.field);
  const problem = useUiStore((s) => (s.flow && s.flow.algorithm === s.field ? (s.flow.problem ?? null) : null));
  const preferences = useAppStore((s) => s.scenario.preferences);
  const corners = useAppStore((s) => s.scenario.corners);
  const blocked = field ? flowFieldBlocked({ preferences, corners }) : null;
  const name = ALGORITHM_CATALOG.find((d) => d.id === field)?.displayName;
  return (
    <div className="param-row flow-field-control">
      <label htmlFor={`${id}-field`}>Flow field</label>
      <select
        id={`${id}-field`}
        data-testid="flow-field"
        value={field ?? ''}
        onChange={(e) => explorer.ui.getState().setField(isAlgorithmId(e.target.value) ? e.target.value : null)}
      >
        <option value="">none</option>
        {ALGORITHM_CATALOG.map((d) => (
          <option key={d.id} value={d.id}>
            {d.displayName}
          </option>
        ))}
      </select>
      {(blocked || problem) && (
        <p className="field-note" role="status" data-testid="flow-field-note">
          {blocked ?? `The flow field of ${name} is not drawn: ${problem}`}
        </p>
      )}
    </div>
  );
}
