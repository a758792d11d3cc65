/**
 * The keyboard-shortcut list: a native modal <dialog> (focus trapped, Esc closes), opened by the
 * "?" button or key. Focus goes back to whatever had it before the dialog opened.
 */
import { useEffect, useId, useRef } from 'react';

import { SHORTCUTS } from './keyboardShortcuts.ts';
import { useExplorer, useUiStore } from '../explorer/context.tsx';

export function HelpOverlay() {
  const id = useId();
  const open = useUiStore((s) => s.helpOpen);
  const { ui } = useExplorer();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    // Esc, the Close button and d.close() all end here.
    const onClose = () => {
      ui.getState().setHelpOpen(false);
      const back = opener.current;
      opener.current = null;
      if (back && back.isConnected) back.focus();
    };
    d.addEventListener('close', onClose);
    return () => d.removeEventListener('close', onClose);
  }, [ui]);

  return (
    <dialog ref={dialog} className="help-dialog" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
      <table className="shortcut-table">
        <caption className="visually-hidden">Keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.map((k, i) =>
                  k === '…' ? (
                    <span key={i}> … </span>
                  ) : (
                    <span key={i}>
                      {i > 0 && s.keys[i - 1] !== '…' && <span className="key-sep"> or </span>}
                      <kbd>{k}</kbd>
                    </span>
                  ),
                )}
              </th>
              <td>
                {s.action}
                {s.detail && (
                  <ul className="shortcut-detail">
                    {s.detail.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help-note">
        Shortcuts work whenever the cursor is not in a text field. In an embedded copy, click it first.
      </p>
      <form method="dialog" className="help-actions">
        <button type="submit" className="primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
