/**
 * The colour key of the heatmap editor: the same diverging scale as the grid editor (red below
 * 1/2, white at 1/2, blue above), with the numbers written out so nothing rests on colour alone.
 */
import { HEAT } from '../shared/palette.ts';

export function HeatmapLegend() {
  // heatColor interpolates in RGB between the three stops, exactly as a CSS linear gradient does.
  const gradient = `linear-gradient(to right, ${HEAT.low}, ${HEAT.mid}, ${HEAT.high})`;
  return (
    <div className="heatmap-legend">
      <span className="heatmap-legend__title">P(row ≻ column)</span>
      <span className="heatmap-legend__scale">
        <span className="heatmap-legend__bar" style={{ background: gradient }} aria-hidden="true" />
        <span className="heatmap-legend__ticks" aria-hidden="true">
          <span>0</span>
          <span>½</span>
          <span>1</span>
        </span>
      </span>
      <span className="heatmap-legend__meaning">0: the column always wins · ½: a tie · 1: the row always wins</span>
      <span className="heatmap-legend__diag">
        <span className="heatmap-legend__swatch" aria-hidden="true" /> diagonal ½
      </span>
    </div>
  );
}
