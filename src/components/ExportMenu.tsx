/**
 * The Export menu in the header: a native <details> menu whose panel (ExportPanel.tsx: figures,
 * trajectories, the scenario file and its import, the animation) loads when it is first opened.
 */
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import './ExportMenu.css';

const ExportPanel = lazy(() => import('./ExportPanel.tsx'));

export function ExportMenu() {
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);

  // Escape or a click elsewhere closes the menu (Escape returns focus to its button).
  useEffect(() => {
    const details = detailsRef.current;
    if (!details) return;
    const controller = new AbortController();
    const { signal } = controller;
    document.addEventListener(
      'pointerdown',
      (e) => {
        if (details.open && !e.composedPath().includes(details)) details.open = false;
      },
      { signal },
    );
    details.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && details.open) {
          e.stopPropagation();
          details.open = false;
          details.querySelector('summary')?.focus();
        }
      },
      { signal },
    );
    return () => controller.abort();
  }, []);

  return (
    <div className="export-menu">
      <details ref={detailsRef} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary>Export</summary>
        {opened && (
          <Suspense fallback={<p className="export-menu-panel">Loading…</p>}>
            <ExportPanel detailsRef={detailsRef} />
          </Suspense>
        )}
      </details>
    </div>
  );
}
