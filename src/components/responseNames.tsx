/**
 * What the grid editor and the heatmap editor share: renaming a response in place and the
 * message line below the editor. While a name field is being typed in it shows the typed text;
 * every valid name goes straight to `onLabelsChange`, an empty one is refused with a message and
 * the old name comes back when the field is left (or on Enter / Escape).
 */
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { LABEL_MAX, normalizeLabel, renameLabel } from '../state/matrixEdit.ts';

/** The name of response k (y1, y2, … where the scenario has no label). */
export const responseName = (labels: readonly string[], k: number) => labels[k] ?? `y${k + 1}`;

export const emptyNameMessage = (k: number) =>
  `The name of response ${k + 1} cannot be empty; the old name comes back when you leave the field.`;

/**
 * The name being typed. `emptyName` is the response whose field holds an empty name (null if
 * none); `nameFieldProps(k, messageId)` are the props of response k's text field, which points at
 * the message element `messageId` while its name is empty.
 */
export function useNameDraft(labels: readonly string[], n: number, onLabelsChange: (labels: string[]) => void) {
  const [draft, setDraft] = useState<{ k: number; text: string } | null>(null);
  const emptyName = draft && draft.k < n && normalizeLabel(draft.text) === null ? draft.k : null;
  const nameFieldProps = (k: number, messageId: string) => ({
    type: 'text',
    maxLength: LABEL_MAX,
    spellCheck: false,
    'aria-invalid': emptyName === k ? true : undefined,
    'aria-describedby': emptyName === k ? messageId : undefined,
    value: draft?.k === k ? draft.text : responseName(labels, k),
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setDraft({ k, text: e.target.value });
      const next = renameLabel(labels, k, e.target.value);
      if (next && next[k] !== labels[k]) onLabelsChange(next);
    },
    onBlur: () => setDraft(null),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter' || e.key === 'Escape') setDraft(null);
    },
  });
  return { emptyName, nameFieldProps };
}

/** The editor's message line (a live region, present while empty so announcements are heard). */
export function EditorMessage({ id, className, message }: { id: string; className: string; message: string | null }) {
  return (
    <p id={id} className={className} role="status" aria-live="polite">
      {message && (
        <>
          <span aria-hidden="true">⚠ </span>
          {message}
        </>
      )}
    </p>
  );
}
