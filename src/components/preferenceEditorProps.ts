/** The props the matrix editors share (PreferenceEditor chooses the grid or the heatmap editor). */
export interface PreferenceEditorProps {
  preferences: readonly (readonly number[])[];
  labels: readonly string[];
  /** A full new valid matrix. */
  onChange(preferences: number[][]): void;
  onLabelsChange(labels: string[]): void;
  onAddResponse(): void;
  onRemoveResponse(index: number): void;
  /** Defaults 2 and MAX_RESPONSES (above GRID_MAX_RESPONSES the editor is a canvas heatmap). */
  minN?: number;
  maxN?: number;
  readOnly?: boolean;
  /** Battle counts behind P (Scenario.counts): unobserved pairs are hatched, counts shown on hover. */
  counts?: readonly (readonly number[])[] | null;
}
