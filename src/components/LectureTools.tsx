/** Lecture mode toggle, fullscreen, help overlay, explanations and stories entry points. Stub. */
import type { SimulationController } from '../state/controller.ts';

export function LectureTools(_props: { controller: SimulationController }) {
  return null;
}
