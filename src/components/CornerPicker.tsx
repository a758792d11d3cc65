/** For n > 3: which responses are summed into each corner of the simplex (or left out). */
import { useId } from 'react';
import { useAppStore } from '../state/appStore.ts';
import type { Corners } from '../viz/types.ts';

const NAMES = ['A', 'B', 'C'] as const;

export function CornerPicker() {
  const id = useId();
  const labels = useAppStore((s) => s.scenario.labels);
  const corners = useAppStore((s) => s.scenario.corners);
  const setCorners = useAppStore((s) => s.setCorners);
  if (labels.length <= 3) return null;
  const cornerOf = (i: number) => corners.findIndex((g) => g.includes(i));

  const assign = (i: number, k: number) => {
    const groups = corners.map((g) => g.filter((x) => x !== i));
    if (k >= 0) groups[k] = [...groups[k], i].sort((a, b) => a - b);
    if (groups.some((g) => g.length === 0)) return; // every corner needs at least one response
    setCorners([groups[0], groups[1], groups[2]] as Corners);
  };

  return (
    <fieldset className="corner-picker">
      <legend>Simplex corners (n &gt; 3: responses summed into each corner)</legend>
      <div className="corner-grid">
        {labels.map((label, i) => (
          <label key={i} htmlFor={`${id}-${i}`}>
            <span>{label}</span>
            <select id={`${id}-${i}`} aria-label={`Corner for ${label}`} value={cornerOf(i)} onChange={(e) => assign(i, Number(e.target.value))}>
              {NAMES.map((name, k) => (
                <option key={name} value={k}>
                  corner {name}
                </option>
              ))}
              <option value={-1}>not shown</option>
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
