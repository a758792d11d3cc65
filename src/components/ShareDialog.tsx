/**
 * Share / Embed: builds the link to the current state and an <iframe> snippet for a blog post,
 * with checkboxes for which controls to hide or lock, and copies either. Everything is built
 * from the current state when the dialog opens, so what is shared is what is on screen.
 */
import { useId, useRef, useState } from 'react';
import { appStore } from '../state/appStore.ts';
import { runStore } from '../state/runStore.ts';
import { encodeHash } from '../state/urlCodec.ts';
import { CONTROL_LABELS, CONTROL_NAMES, encodeViewOptions, type ControlName } from '../state/viewOptions.ts';

type Mode = 'show' | 'lock' | 'hide';

function pageUrl(): string {
  const { origin, pathname, search } = window.location;
  // A sandboxed or file:// page has an opaque origin; the path alone still works relative to it.
  return `${origin === 'null' ? '' : origin}${pathname}${search}`;
}

export function ShareDialog() {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [modes, setModes] = useState<Record<ControlName, Mode>>(() => Object.fromEntries(CONTROL_NAMES.map((c) => [c, 'show'])) as Record<ControlName, Mode>);
  const [embed, setEmbed] = useState(true);
  const [hash, setHash] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  // The body exists only while the dialog is open, so its many labelled radios do not crowd
  // the page's accessibility tree (or its tests) the rest of the time.
  const [isOpen, setIsOpen] = useState(false);

  const open = () => {
    setHash(encodeHash(appStore.getState().scenario, runStore.getState().t));
    setCopied(null);
    setIsOpen(true);
    dialog.current?.showModal();
  };
  const view = encodeViewOptions({
    embed,
    hide: new Set(CONTROL_NAMES.filter((c) => modes[c] === 'hide')),
    lock: new Set(CONTROL_NAMES.filter((c) => modes[c] === 'lock')),
  });
  const link = `${pageUrl()}${hash}`;
  const embedUrl = `${pageUrl()}${hash}${view}`;
  const snippet = `<iframe src="${embedUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="Nash-MD explorer" width="100%" height="560" style="border:0;max-width:100%" loading="lazy"></iframe>`;

  const copy = async (text: string, what: string, field: HTMLTextAreaElement | HTMLInputElement | null) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      // No clipboard (sandboxed frame, insecure origin): select it for Ctrl/Cmd+C instead.
      field?.select();
      setCopied(`Press Ctrl+C (⌘C) to copy the selected ${what.toLowerCase()}.`);
    }
  };
  const linkField = useRef<HTMLInputElement>(null);
  const snippetField = useRef<HTMLTextAreaElement>(null);

  return (
    <>
      <button type="button" onClick={open}>
        Share / Embed
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby={`${id}-title`} onClose={() => setIsOpen(false)}>
        <h2 id={`${id}-title`}>Share or embed this state</h2>
        {isOpen && (
          <>
        <label htmlFor={`${id}-link`}>Link to exactly this state</label>
        <div className="copy-row">
          <input id={`${id}-link`} ref={linkField} type="text" readOnly value={link} />
          <button type="button" onClick={() => copy(link, 'Link', linkField.current)}>
            Copy link
          </button>
        </div>
        <fieldset className="share-controls">
          <legend>Controls in the embed</legend>
          <label className="share-embed">
            <input type="checkbox" checked={embed} onChange={(e) => setEmbed(e.target.checked)} /> Compact, figure-first layout (embed=1)
          </label>
          <table>
            <thead>
              <tr>
                <th scope="col">Control</th>
                <th scope="col">Show</th>
                <th scope="col">Read-only</th>
                <th scope="col">Hide</th>
              </tr>
            </thead>
            <tbody>
              {CONTROL_NAMES.map((c) => (
                <tr key={c}>
                  <th scope="row">{CONTROL_LABELS[c]}</th>
                  {(['show', 'lock', 'hide'] as const).map((m) => (
                    <td key={m}>
                      <input type="radio" name={`${id}-${c}`} aria-label={`${CONTROL_LABELS[c]}: ${m === 'lock' ? 'read-only' : m}`} checked={modes[c] === m} onChange={() => setModes({ ...modes, [c]: m })} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
        <label htmlFor={`${id}-snippet`}>Embed code</label>
        <textarea id={`${id}-snippet`} ref={snippetField} readOnly rows={4} value={snippet} />
        <div className="copy-row">
          <button type="button" onClick={() => copy(snippet, 'Embed code', snippetField.current)}>
            Copy embed code
          </button>
          <a href={embedUrl} target="_blank" rel="noopener">
            Preview the embed
          </a>
          <button type="button" className="close" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <p className="field-note" role="status">
          {copied}
        </p>
          </>
        )}
      </dialog>
    </>
  );
}
