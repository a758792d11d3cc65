/**
 * Share / Embed: builds the link to the current state and the embed code for a blog post, with
 * the controls to hide or lock, where the site will be published, and an optional poster; it
 * previews the embed at its real size in an iframe, at a phone's, a column's or a wide width.
 * Everything is built from the current state when the dialog opens, so what is shared is what
 * is on screen. The snippet itself is built by src/embed/snippet.ts (pure).
 */
import { CONTROL_LABELS } from '../state/controlLabels.ts';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { presetById } from '../core/presets.ts';
import { snippetHeight } from '../embed/embedHeight.ts';
import { HEIGHT_MESSAGE } from '../embed/heightMessage.ts';
import { buildSnippet, folderOf, parseBaseUrl } from '../embed/snippet.ts';

import { countsInLink, encodeHash } from '../state/urlCodec.ts';
import { formatT } from '../shared/formatT.ts';
import { CONTROL_NAMES, POSTER_FILE, encodeViewOptions, type ControlName } from '../state/viewOptions.ts';
import { useExplorer } from '../explorer/context.tsx';

type Mode = 'show' | 'lock' | 'hide';

const PREVIEW_WIDTHS = { phone: 360, column: 700, wide: 1000 } as const;
type PreviewWidth = keyof typeof PREVIEW_WIDTHS;
const PREVIEW_LABELS: Record<PreviewWidth, string> = {
  phone: 'Phone (360 px)',
  column: 'Column (700 px)',
  wide: 'Wide (1000 px)',
};

/** This page's address without its hash: the default "published at" address. */
function pageUrl(): string {
  const { origin, pathname, search } = window.location;
  // A sandboxed or file:// page has an opaque origin; the path alone still works relative to it.
  return `${origin === 'null' ? '' : origin}${pathname}${search}`;
}

/** How long the settings must rest before the preview reloads. */
const PREVIEW_DELAY_MS = 500;

const newFrameId = () => `nashmd-${Math.random().toString(36).slice(2, 8)}`;

interface Shared {
  hash: string;
  /** Battle counts exist but are too long for the link (urlCodec.ts, COUNTS_URL_MAX_CHARS). */
  countsLeftOut?: boolean;
  n: number;
  presetRows: number;
  t: number;
}

/**
 * The height an embed preview posts (the same checks as the snippet's host script), for the
 * preview at `src`; `fallback` until it has posted one.
 */
function usePreviewHeight(frame: RefObject<HTMLIFrameElement | null>, src: string, frameId: string, fallback: number) {
  const [posted, setPosted] = useState<{ src: string; height: number } | null>(null);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const d = e.data as { type?: unknown; frame?: unknown; height?: unknown } | null;
      if (
        !frame.current ||
        e.source !== frame.current.contentWindow ||
        !d ||
        d.type !== HEIGHT_MESSAGE ||
        d.frame !== frameId
      )
        return;
      const h = Number(d.height);
      if (h >= 100 && h <= 20000) setPosted({ src, height: Math.ceil(h) });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frame, src, frameId]);
  return posted && posted.src === src ? posted.height : fallback;
}

/**
 * The dialog, opened at once when mounted and again each time `openRequest` changes (the
 * "Share / Embed" button, ShareButton.tsx, loads this module on its first click).
 */
export function ShareDialog({ openRequest }: { openRequest: number }) {
  const explorer = useExplorer();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [modes, setModes] = useState<Record<ControlName, Mode>>(
    () => Object.fromEntries(CONTROL_NAMES.map((c) => [c, 'show'])) as Record<ControlName, Mode>,
  );
  const [embed, setEmbed] = useState(true);
  const [shared, setShared] = useState<Shared>({ hash: '', n: 3, presetRows: 0, t: 0 });
  const [copied, setCopied] = useState<string | null>(null);
  // A new id each time the dialog opens: two snippets made in one session can share a page.
  const [frameId, setFrameId] = useState(newFrameId);
  // "Published at": the text as typed, and the last valid address (what the snippet uses).
  const [baseText, setBaseText] = useState(pageUrl);
  const [baseUrl, setBaseUrl] = useState(() => {
    const r = parseBaseUrl(pageUrl());
    return r.ok ? r.url : pageUrl();
  });
  const [baseError, setBaseError] = useState<string | null>(null);
  const [poster, setPoster] = useState(false);
  const [posterText, setPosterText] = useState('nash-md-poster.png');
  const [posterFile, setPosterFile] = useState('nash-md-poster.png');
  const [posterError, setPosterError] = useState<string | null>(null);
  const [alt, setAlt] = useState('');
  const [script, setScript] = useState(true);
  // On a phone the column-wide preview would only scroll sideways: start at the phone's width.
  const [previewWidth, setPreviewWidth] = useState<PreviewWidth>(() => (window.innerWidth < 760 ? 'phone' : 'column'));
  // The body exists only while the dialog is open, so its many labelled radios do not crowd
  // the page's accessibility tree (or its tests) the rest of the time.
  const [isOpen, setIsOpen] = useState(false);

  // Each click of the button (openRequest changes) takes the state on screen anew: derived while
  // rendering, then the effect below shows the modal dialog.
  const [seenRequest, setSeenRequest] = useState(0);
  if (seenRequest !== openRequest) {
    setSeenRequest(openRequest);
    const { scenario } = explorer.app.getState();
    const { t } = explorer.run.getState();
    const preset = scenario.preset ? presetById(scenario.preset) : undefined;
    setShared({
      hash: encodeHash(scenario, t),
      countsLeftOut: scenario.counts !== null && !countsInLink(scenario),
      n: scenario.preferences.length,
      presetRows: preset?.params.length ? 1 : 0,
      t,
    });
    setAlt(
      `The Nash-MD explorer's simplex${preset ? ` for “${preset.name}”` : ''} at t = ${formatT(t)}: Nash-MD, OMD and RLHF policies moving towards the equilibria. Open the link for the interactive figure.`,
    );
    setFrameId(newFrameId());
    setCopied(null);
    setIsOpen(true);
  }
  useEffect(() => {
    if (isOpen && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [isOpen]);

  const hide = new Set(CONTROL_NAMES.filter((c) => modes[c] === 'hide'));
  const withPoster = embed && poster;
  const view = encodeViewOptions({
    embed,
    hide,
    lock: new Set(CONTROL_NAMES.filter((c) => modes[c] === 'lock')),
    frame: embed ? frameId : undefined,
    poster: withPoster ? posterFile : undefined,
  });
  const link = `${baseUrl}${shared.hash}`;
  const embedUrl = `${baseUrl}${shared.hash}${view}`;
  const height = snippetHeight({ hide, n: shared.n, presetRows: shared.presetRows });
  const snippet = buildSnippet({
    src: embedUrl,
    frameId,
    title: 'Nash-MD explorer (interactive figure)',
    height,
    link,
    fallback: withPoster ? { src: folderOf(baseUrl) + posterFile, alt } : null,
    script,
  });
  // The preview runs this page's build (the published site may not exist yet, nor the poster
  // file on it: the preview shows the live figure).
  const previewUrl = `${pageUrl()}${shared.hash}${encodeViewOptions({
    embed,
    hide,
    lock: new Set(CONTROL_NAMES.filter((c) => modes[c] === 'lock')),
    frame: embed ? frameId : undefined,
  })}`;
  // Loading the preview costs the app's start-up on this page's main thread: it follows the
  // settings once they rest, not on every click of a series of radios.
  const [previewSrc, setPreviewSrc] = useState(previewUrl);
  useEffect(() => {
    const timer = setTimeout(() => setPreviewSrc(previewUrl), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [previewUrl]);
  const preview = useRef<HTMLIFrameElement>(null);
  const previewHeight = usePreviewHeight(preview, previewSrc, frameId, height);

  const onBase = (text: string) => {
    setBaseText(text);
    const r = parseBaseUrl(text);
    if (r.ok) setBaseUrl(r.url);
    // The previous snippet stays until the address is valid again.
    setBaseError(r.ok ? null : r.message);
  };
  const onPosterFile = (text: string) => {
    setPosterText(text);
    const ok = POSTER_FILE.test(text) && /\.png$/i.test(text);
    if (ok) setPosterFile(text);
    setPosterError(
      ok ? null : 'a plain file name ending in .png (letters, digits, ".", "-", "_"), e.g. nash-md-poster.png',
    );
  };
  const downloadPoster = async () => {
    try {
      const { downloadPoster: run } = await import('../embed/posterImage.ts');
      await run(explorer, posterFile);
      setCopied(`Saved ${posterFile}: upload it next to the app, at ${folderOf(baseUrl)}${posterFile}.`);
    } catch (e) {
      setCopied(`The poster could not be made: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };

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
      <dialog ref={dialog} className="share-dialog" aria-labelledby={`${id}-title`} onClose={() => setIsOpen(false)}>
        <h2 id={`${id}-title`}>Share or embed this state</h2>
        {isOpen && (
          <>
            <label htmlFor={`${id}-base`}>Published at (the app's address on your site)</label>
            <input
              id={`${id}-base`}
              type="url"
              value={baseText}
              onChange={(e) => onBase(e.target.value)}
              aria-invalid={baseError ? true : undefined}
              aria-describedby={`${id}-base-note`}
              spellCheck={false}
            />
            {baseError ? (
              <p id={`${id}-base-note`} className="field-error" role="alert">
                Published at: {baseError}. The link and code below still use {baseUrl}.
              </p>
            ) : (
              <p id={`${id}-base-note`} className="field-note">
                Where you will put the built app (the <code>dist/</code> folder); the link, the embed code and the
                poster image use it.
              </p>
            )}
            <label htmlFor={`${id}-link`}>Link to exactly this state</label>
            <div className="copy-row">
              <input id={`${id}-link`} ref={linkField} type="text" readOnly value={link} />
              <button type="button" onClick={() => copy(link, 'Link', linkField.current)}>
                Copy link
              </button>
            </div>
            {shared.countsLeftOut && (
              <p className="field-note" role="note">
                The battle counts are too long for a link, which carries the win rates only (RLHF's reward on the
                observed battles then falls back to uniform pairs). Export the scenario file to share the counts.
              </p>
            )}
            <fieldset className="share-controls">
              <legend>Controls in the embed</legend>
              <label className="share-embed">
                <input type="checkbox" checked={embed} onChange={(e) => setEmbed(e.target.checked)} /> Compact,
                figure-first layout (embed=1)
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
                          <input
                            type="radio"
                            name={`${id}-${c}`}
                            aria-label={`${CONTROL_LABELS[c]}: ${m === 'lock' ? 'read-only' : m}`}
                            checked={modes[c] === m}
                            onChange={() => setModes({ ...modes, [c]: m })}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
            <fieldset className="share-poster" disabled={!embed}>
              <legend>Poster and feed readers</legend>
              <label className="share-embed">
                <input type="checkbox" checked={poster} onChange={(e) => setPoster(e.target.checked)} /> Show a still
                until the reader clicks or scrolls to the figure, and an image for feed readers
              </label>
              {poster && (
                <>
                  <label htmlFor={`${id}-poster`}>Poster file name</label>
                  <div className="copy-row">
                    <input
                      id={`${id}-poster`}
                      type="text"
                      value={posterText}
                      onChange={(e) => onPosterFile(e.target.value)}
                      aria-invalid={posterError ? true : undefined}
                      spellCheck={false}
                    />
                    <button type="button" onClick={downloadPoster}>
                      Download poster image
                    </button>
                  </div>
                  {posterError && (
                    <p className="field-error" role="alert">
                      Poster file name: {posterError}.
                    </p>
                  )}
                  <label htmlFor={`${id}-alt`}>Poster description (alt text)</label>
                  <textarea id={`${id}-alt`} rows={2} value={alt} onChange={(e) => setAlt(e.target.value)} />
                  <p className="field-note">Upload the image next to the app, at {folderOf(baseUrl) + posterFile}.</p>
                </>
              )}
            </fieldset>
            <label className="share-embed">
              <input type="checkbox" checked={script} onChange={(e) => setScript(e.target.checked)} /> Include the
              resize script (the frame fits its content; without it the frame is {height} px tall)
            </label>
            <label htmlFor={`${id}-snippet`}>Embed code</label>
            <textarea id={`${id}-snippet`} ref={snippetField} readOnly rows={5} value={snippet} />
            <div className="copy-row">
              <button type="button" onClick={() => copy(snippet, 'Embed code', snippetField.current)}>
                Copy embed code
              </button>
              <a href={previewUrl} target="_blank" rel="noopener">
                Open the embed in a new tab
              </a>
              <button type="button" className="close" onClick={() => dialog.current?.close()}>
                Close
              </button>
            </div>
            <p className="field-note" role="status">
              {copied}
            </p>
            <fieldset className="share-preview-widths">
              <legend>Preview width</legend>
              {(Object.keys(PREVIEW_WIDTHS) as PreviewWidth[]).map((w) => (
                <label key={w}>
                  <input
                    type="radio"
                    name={`${id}-width`}
                    checked={previewWidth === w}
                    onChange={() => setPreviewWidth(w)}
                  />{' '}
                  {PREVIEW_LABELS[w]}
                </label>
              ))}
            </fieldset>
            <div className="share-preview">
              {previewSrc.startsWith(`${pageUrl()}#`) && (
                <>
                  {/* Not sandboxed: the preview is this app's own build from this origin, and must run
                  as a reader's browser runs it (a sandbox would deny it its worker). */}
                  {/* oxlint-disable-next-line react/iframe-missing-sandbox */}
                  <iframe
                    key={previewSrc}
                    ref={preview}
                    src={previewSrc}
                    title="Preview of the embed"
                    width={PREVIEW_WIDTHS[previewWidth]}
                    height={previewHeight}
                    style={{ width: PREVIEW_WIDTHS[previewWidth], height: previewHeight }}
                  />
                </>
              )}
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
