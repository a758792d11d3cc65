/**
 * "The Nash of P is not unique: …" under the simplex, while the equilibria of the shown matrix say
 * so (the star and the bars then show one Nash among many). Renders nothing otherwise. Re-renders
 * only when the equilibria or the names change, never per frame.
 */

import { nashUniquenessNote } from '../state/nashNote.ts';
import { useAppStore, useRunStore } from '../explorer/context.tsx';

export function NashNote() {
  const equilibria = useRunStore((s) => s.equilibria);
  const runN = useRunStore((s) => s.n);
  const n = useAppStore((s) => s.scenario.preferences.length);
  const labels = useAppStore((s) => s.scenario.labels);
  const text = runN === n ? nashUniquenessNote(equilibria, labels) : null;
  return (
    <p className="nash-note" role="status" data-testid="nash-note" hidden={!text}>
      {text}
    </p>
  );
}
