/**
 * The algorithm picker: one native check box per algorithm of the registry, grouped by family in
 * fieldsets with legends, each with one line on what it converges to (the catalog's
 * convergesTo.summary). The NLHF paper's three are always in view; the other families fold into a
 * <details> so the inputs panel fits at 1280×720 and in lecture mode (open when one of them is
 * shown). An algorithm that cannot run with the current inputs says why beside its box.
 */
import { useState } from 'react';
import { ALGORITHM_CATALOG, ALGORITHM_FAMILIES, type AlgorithmId } from '../core/algorithms/catalog.ts';
import { ALGORITHM_STYLE } from '../shared/palette.ts';
import { unavailableReason } from '../state/availability.ts';
import { LEGEND_SYMBOL } from '../viz/simplexParts.ts';
import { useAppStore, useExplorer } from '../explorer/context.tsx';
import { richLabel } from './richLabel.tsx';

type Info = (typeof ALGORITHM_CATALOG)[number];

const byFamily = (family: string): readonly Info[] => ALGORITHM_CATALOG.filter((d) => d.family === family);
const NLHF = byFamily('nlhf');
const OTHERS = ALGORITHM_FAMILIES.filter((f) => f.id !== 'nlhf').map((f) => ({ ...f, members: byFamily(f.id) }));
const OTHER_IDS = new Set<AlgorithmId>(OTHERS.flatMap((f) => f.members.map((d) => d.id)));

/** The line and marker of an algorithm, as the figures draw them (colour, dash and shape). */
export function AlgorithmSwatch({ id }: { id: AlgorithmId }) {
  const st = ALGORITHM_STYLE[id];
  return (
    <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" className="algo-swatch">
      <line x1="1" y1="7" x2="22" y2="7" stroke={st.color} strokeWidth="2.5" strokeDasharray={st.dash} />
      <path d={LEGEND_SYMBOL[st.marker]} transform="translate(27 7)" fill={st.color} stroke="#fff" strokeWidth="1" />
    </svg>
  );
}

function Choice({ info, idBase }: { info: Info; idBase: string }) {
  const { actions: a } = useExplorer();
  const on = useAppStore((s) => s.scenario.algorithms.includes(info.id));
  const reason = useAppStore((s) => unavailableReason(info.id, s.scenario));
  const noteId = `${idBase}-${info.id}-note`;
  return (
    <div className="algo-choice" data-algorithm={info.id}>
      <label className="algo-toggle">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => a.toggleAlgorithm(info.id, e.target.checked)}
          aria-describedby={noteId}
        />
        <AlgorithmSwatch id={info.id} />
        <span>{info.displayName}</span>
      </label>
      <span
        id={noteId}
        className={reason ? 'algo-note algo-unavailable' : 'algo-note'}
        data-testid={reason ? `unavailable-${info.id}` : undefined}
      >
        {reason ? richLabel(`Unavailable: ${reason}`) : richLabel(`→ ${info.convergesTo.summary}`)}
      </span>
    </div>
  );
}

export function AlgorithmPicker({ idBase }: { idBase: string }) {
  const othersShown = useAppStore((s) => s.scenario.algorithms.filter((x) => OTHER_IDS.has(x)).length);
  // Open at first when a link or a story shows one of the folded algorithms; the reader decides after.
  const [open, setOpen] = useState(othersShown > 0);
  return (
    <>
      <fieldset className="algo-family">
        <legend>{ALGORITHM_FAMILIES[0].label}</legend>
        {NLHF.map((d) => (
          <Choice key={d.id} info={d} idBase={idBase} />
        ))}
      </fieldset>
      <details className="algo-more" open={open || undefined} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          More algorithms ({OTHER_IDS.size}
          {othersShown > 0 ? `, ${othersShown} shown` : ''})
        </summary>
        {OTHERS.map((f) => (
          <fieldset key={f.id} className="algo-family">
            <legend>{f.label}</legend>
            {f.members.map((d) => (
              <Choice key={d.id} info={d} idBase={idBase} />
            ))}
          </fieldset>
        ))}
      </details>
    </>
  );
}
