/**
 * Under the simplex: whether the Nash of P is unique, and when it is not, the lazy NashSetNote
 * (the sentence, which Nash is drawn and the control to choose it, the table of ranges). Renders
 * nothing until the equilibria of the shown matrix say something (so the first figure does not
 * wait for, or carry the bytes of, the panel).
 */
import { lazy, Suspense } from 'react';
import { useAppStore, useRunStore, useUiStore } from '../explorer/context.tsx';

const NashSetNote = lazy(() => import('./NashSetNote.tsx'));

export function NashNote() {
  const eqSays = useRunStore((s) => s.equilibria?.nashUnique === false);
  const runN = useRunStore((s) => s.n);
  const preferences = useAppStore((s) => s.scenario.preferences);
  const set = useUiStore((s) => s.nashSet);
  const mine = set?.preferences === preferences;
  const show = runN === preferences.length && (eqSays || (mine && (set.result !== null || preferences.length >= 40)));
  // No wrapper box: an empty one would still take a gap in the stage's layout (an embed's fitted
  // frame counts every pixel).
  return show ? (
    <Suspense fallback={null}>
      <NashSetNote />
    </Suspense>
  ) : null;
}
