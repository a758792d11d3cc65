/**
 * Paste a matrix from a spreadsheet (probabilities or win counts, with or without names), a list
 * of pairs or a battle log, or load one from a file (picked, or dropped on the panel). The panel's
 * contents (PasteBody.tsx, with the file reader) load when it is first opened or a file is dropped:
 * most visits never paste.
 */
import { Suspense, lazy, useState, type DragEvent } from 'react';

const PasteBody = lazy(() => import('./PasteBody.tsx').then((m) => ({ default: m.PasteBody })));

interface PastePanelProps {
  onApply(preferences: number[][], labels: string[] | null, counts: number[][] | null): void;
  disabled?: boolean;
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

export function PastePanel({ onApply, disabled }: PastePanelProps) {
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState<{ file: File } | null>(null);
  return (
    <details
      className="paste-panel"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onDragOver={(e) => {
        if (disabled || !hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (disabled || !file) return;
        e.preventDefault();
        setOpen(true);
        setDropped({ file });
      }}
    >
      <summary>Paste from a spreadsheet or load a file</summary>
      {(open || dropped) && (
        <Suspense fallback={<p className="field-note">Loading…</p>}>
          <PasteBody onApply={onApply} disabled={disabled} dropped={dropped} />
        </Suspense>
      )}
    </details>
  );
}
