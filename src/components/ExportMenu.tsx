/** Export menu (figures as SVG/PNG, runs as CSV/JSON, scenario file import/export, video). Stub. */
import type { SimulationController } from '../state/controller.ts';

export function ExportMenu(_props: { controller: SimulationController }) {
  return null;
}
