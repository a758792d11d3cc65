/**
 * Inline help for a jargon control: an ⓘ button named "About <control>" that shows one sentence
 * beside it. A click, a tap, Enter or Space toggles it (never hover only); Escape or a click
 * elsewhere closes it. The sentence is in a polite live region, so opening it reads it out, and
 * the button is described by it while it is open.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './InfoTip.css';

/**
 * In a <legend>, give the fieldset aria-labelledby pointing at the legend's text, so the group's
 * name stays the legend's words and not "… About … ⓘ".
 */
export function InfoTip({ about, children }: { about: string; children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (root.current && !e.composedPath().includes(root.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <span className="info-tip" ref={root}>
      <button
        type="button"
        className="info-tip__button"
        aria-expanded={open}
        aria-controls={id}
        aria-describedby={open ? id : undefined}
        onClick={(e) => {
          e.preventDefault(); // inside a <label>: do not pass the click on to its control
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        {/* The name as hidden text rather than aria-label: the same accessible name ("About τ"),
            without the button also matching a search for the control's own label. */}
        <span className="visually-hidden">About {about}</span>
        {/* Drawn, not the ⓘ character: many fonts lack it (a box instead). */}
        <span className="info-tip__icon" aria-hidden="true">
          i
        </span>
      </button>
      <span id={id} className="info-tip__text" role="note" aria-live="polite">
        {open ? children : null}
      </span>
    </span>
  );
}
