/**
 * The preference matrix editor. Presentational: it owns only what is being typed right now; every
 * valid edit goes straight to `onChange` as a full, valid matrix (the mirror cell
 * P[j][i] = 1 − P[i][j] is set in the same update). The editing rules live in
 * state/matrixEdit.ts so they are unit-tested without a DOM. Up to GRID_MAX_RESPONSES responses
 * it is an editable heatmap table (GridEditor.tsx), beyond a canvas heatmap (HeatmapEditor.tsx).
 */
import { Suspense, lazy } from 'react';
import { GRID_MAX_RESPONSES, MAX_RESPONSES } from '../state/scenario.ts';
import { GridEditor } from './GridEditor.tsx';
import type { PreferenceEditorProps } from './preferenceEditorProps.ts';
// The heatmap editor (n > 12) loads on demand: the default page never downloads it.
const HeatmapEditor = lazy(() => import('./HeatmapEditor.tsx').then((m) => ({ default: m.HeatmapEditor })));
import './PreferenceEditor.css';

/**
 * A grid of number fields up to GRID_MAX_RESPONSES responses (every cell visible and typeable);
 * beyond, a canvas heatmap that edits the selected cell (n² fields would not scale to n = 500).
 */
export function PreferenceEditor({
  minN = 2,
  maxN = MAX_RESPONSES,
  readOnly = false,
  counts = null,
  ...rest
}: PreferenceEditorProps) {
  const props = { ...rest, minN, maxN, readOnly, counts };
  const editor =
    rest.preferences.length > GRID_MAX_RESPONSES ? (
      <Suspense fallback={<p className="field-note">Loading the heatmap editor…</p>}>
        <HeatmapEditor {...props} />
      </Suspense>
    ) : (
      <GridEditor {...props} />
    );
  if (!counts) return editor;
  return (
    <>
      {editor}
      <p className="field-note pref-editor__counts-note">Hatched: no battles. Hover or focus a cell for its battles.</p>
    </>
  );
}
