/**
 * The React host of any figure in the manifest (src/explorer/figureManifest.ts): it owns one
 * element and nothing inside it; the D3 renderer draws there (useRendererHost). Renderers loaded
 * on demand suspend the host until their code arrives (wrap it in Suspense).
 */
import { use, useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { useExplorer } from '../explorer/context.tsx';
import { figureEntry, type FigureId, type RendererFactory } from '../explorer/figureManifest.ts';
import { TOP_K_MAX, TOP_K_MIN } from '../viz/topK.ts';
import { useRendererHost } from './useRendererHost.ts';
import './largeViews.css';

/** Loaded renderer code by figure (code, not explorer state: every explorer uses the same). */
const loading = new Map<FigureId, Promise<RendererFactory>>();

function useFactory(id: FigureId): RendererFactory {
  const made = figureEntry(id).renderer();
  if (!(made instanceof Promise)) return made;
  let p = loading.get(id);
  if (!p) {
    p = made;
    loading.set(id, p);
  }
  return use(p);
}

export function FigureHost({ id }: { id: FigureId }) {
  const entry = figureEntry(id);
  const explorer = useExplorer();
  const create = useFactory(id);
  const options = useMemo(() => entry.options?.(explorer), [entry, explorer]);
  const ref = useRendererHost(create, options, entry.props, id, entry.priority);
  const titleId = useId();
  const host = <div ref={ref} className={entry.className} data-testid={entry.testId} />;
  if (!entry.heading) return host;
  return (
    <section className="large-view" aria-labelledby={titleId}>
      <div className="large-view-head">
        <h2 id={titleId}>{entry.heading}</h2>
        {entry.topKControl && <TopKControl />}
      </div>
      {host}
    </section>
  );
}

const K_CHOICES = Array.from({ length: TOP_K_MAX - TOP_K_MIN + 1 }, (_, i) => TOP_K_MIN + i);

/** How many responses the large-n views name (a view setting: not in the URL or the undo history). */
function TopKControl() {
  const { views } = useExplorer();
  const k = useStore(views.topKStore, (s) => s.k);
  return (
    <label>
      Show top{' '}
      <select value={k} onChange={(e) => views.setTopK(Number(e.target.value))}>
        {K_CHOICES.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>{' '}
      by largest probability reached
    </label>
  );
}
