/**
 * Header tools that fold into a "More" menu when the header has no room for them (lecture mode,
 * where every text is 24 px and the header must stay on one row above a large figure). Unfolded,
 * the tools sit in the header row as usual. The element tree is the same folded or not (only CSS
 * and the toggle change), so a dialog or an export in progress survives switching the mode.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function MoreTools({ folded, children }: { folded: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = useId();
  const shown = folded && open;

  useEffect(() => {
    if (!shown) return;
    // Closes on a click elsewhere and on Esc (unless Esc is closing a dialog opened from the menu).
    const onPointerDown = (e: PointerEvent) => {
      // composedPath: inside a shadow root (an embedded explorer) e.target is the host element.
      if (root.current && !e.composedPath().includes(root.current)) setOpen(false);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const scope = root.current?.getRootNode() as Document | ShadowRoot | undefined;
      if (e.key !== 'Escape' || scope?.querySelector('dialog[open]')) return;
      setOpen(false);
      if (root.current?.contains(scope?.activeElement ?? null)) toggle.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [shown]);

  return (
    <div ref={root} className={`more-tools${folded ? ' folded' : ''}${shown ? ' open' : ''}`}>
      {folded && (
        <button
          ref={toggle}
          type="button"
          className="more-toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          More <span aria-hidden="true">▾</span>
        </button>
      )}
      <div
        id={id}
        className="more-tools-panel"
        role={folded ? 'group' : undefined}
        aria-label={folded ? 'More tools' : undefined}
      >
        {children}
      </div>
    </div>
  );
}
