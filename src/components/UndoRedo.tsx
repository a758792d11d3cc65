/** Undo and Redo buttons for scenario edits (also Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z). */
import { useSyncExternalStore } from 'react';
import { useExplorer } from '../explorer/context.tsx';

export function UndoRedo() {
  const { history } = useExplorer().controller;
  const canUndo = useSyncExternalStore(history.subscribe, history.canUndo);
  const canRedo = useSyncExternalStore(history.subscribe, history.canRedo);
  return (
    <div className="undo-redo" role="group" aria-label="Edit history">
      <button
        type="button"
        onClick={() => history.undo()}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title="Undo (Ctrl/Cmd+Z)"
      >
        ↶ Undo
      </button>
      <button
        type="button"
        onClick={() => history.redo()}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        title="Redo (Ctrl/Cmd+Shift+Z)"
      >
        ↷ Redo
      </button>
    </div>
  );
}
