/**
 * "What am I looking at?": a disclosure under the figure. Its body (the legend and the formulas,
 * with KaTeX) is a module of its own, loaded when the panel is first opened.
 */
import { Suspense, lazy } from 'react';
import { useExplorer, useUiStore } from '../explorer/context.tsx';

export const EXPLANATIONS_ID = 'what-am-i-looking-at';

const loadBody = () => import('./ExplanationsBody.tsx');
const Body = lazy(loadBody);

export function Explanations() {
  const open = useUiStore((s) => s.explainOpen);
  const { ui } = useExplorer();
  const toggle = () => {
    if (!open) void loadBody().then((m) => m.loadKatex());
    ui.getState().setExplainOpen(!open);
  };
  return (
    <section className={`explanations${open ? ' open' : ''}`} aria-labelledby={`${EXPLANATIONS_ID}-button`}>
      <h2 className="explanations-heading">
        <button
          type="button"
          id={`${EXPLANATIONS_ID}-button`}
          aria-expanded={open}
          aria-controls={EXPLANATIONS_ID}
          onClick={toggle}
        >
          <span aria-hidden="true" className="disclosure-mark">
            {open ? '▾' : '▸'}
          </span>{' '}
          What am I looking at?
        </button>
      </h2>
      {open && (
        <div id={EXPLANATIONS_ID} className="explanations-body">
          <Suspense fallback={<p className="loading">Loading…</p>}>
            <Body />
          </Suspense>
        </div>
      )}
    </section>
  );
}
