/**
 * The heatmap editor's public types (its props, callbacks and cell address), apart from the
 * renderer (heatmapEditor.ts) and its input handlers (heatmapInput.ts) so that both import them
 * without importing each other.
 */
import type { FigureTheme } from './types.ts';

export interface HeatmapCell {
  /** Response indices (not display positions): the cell is P[i][j]. */
  i: number;
  j: number;
}

export interface HeatmapEditorProps {
  preferences: readonly (readonly number[])[];
  labels: readonly string[];
  /** Display position → response index, for rows and columns alike. */
  order: readonly number[];
  selected: HeatmapCell | null;
  theme?: FigureTheme;
  /** Battle counts behind P (counts[i][j] = wins of i over j), or null: pairs with none are hatched. */
  counts?: readonly (readonly number[])[] | null;
}

export interface HeatmapEditorOptions {
  /** Accessible name of the focusable canvas. */
  label: string;
  onHover?(cell: HeatmapCell | null): void;
  onSelect?(cell: HeatmapCell): void;
  /** +/− (±0.01) or Page Up/Down (±0.1) on the focused canvas. */
  onNudge?(cell: HeatmapCell, direction: 1 | -1, big: boolean): void;
  /** Enter on the focused canvas: edit the selected cell. */
  onEditRequest?(): void;
  /** The zoom factor after every zoom or pan. */
  onZoom?(k: number): void;
}
