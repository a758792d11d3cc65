/**
 * The Nash of P, honestly (loaded on demand by NashNote): when it is unique, a line for screen
 * readers; when it is not, the sentence (how many responses carry weight in some equilibrium, the
 * widest ranges, which equilibrium is drawn and why), the choice of the one drawn (the LP's
 * vertex or the τ → 0 limit of π*_τ, `nash=` in the link), and the table of every weight's range
 * over the set of equilibria (core nashSet.ts, computed in the worker with progress).
 */
import { useId } from 'react';
import './NashSetNote.css';
import { useAppStore, useExplorer, useRunStore, useUiStore } from '../explorer/context.tsx';
import { formatScientific } from '../shared/formatNumber.ts';
import { nashUniquenessNote } from '../state/nashNote.ts';
import type { NashPick } from '../state/nashPick.ts';

/** Two decimals without trailing zeros (as the note writes weights). */
const w2 = (x: number) => String(Math.round(Math.max(0, Math.min(1, x)) * 100) / 100);

/** Rows shown in the table before it scrolls (CSS caps its height). */
const WEIGHT_SHOWN = 1e-6;

export default function NashSetNote() {
  const explorer = useExplorer();
  const equilibria = useRunStore((s) => s.equilibria);
  const scenario = useAppStore((s) => s.scenario);
  const set = useUiStore((s) => s.nashSet);
  const pick = useUiStore((s) => s.nashPick);
  const id = useId();
  const labels = scenario.labels;
  const n = scenario.preferences.length;
  const mine = set && set.preferences === scenario.preferences ? set : null;
  const result = mine?.result ?? null;
  const name = (y: number) => labels[y] ?? `y${y + 1}`;

  if (!result) {
    // Still computing (large n), or the worker has not answered yet: the equilibria's own note.
    const text = nashUniquenessNote(equilibria, labels);
    return (
      <p className="nash-note" role="status" data-testid="nash-note">
        {text ?? 'Finding every Nash equilibrium of P…'}{' '}
        {mine && mine.fraction < 1 && (
          <progress max={1} value={mine.fraction} aria-label="Finding every Nash equilibrium of P" />
        )}
      </p>
    );
  }
  if (result.unique)
    return (
      <span className="visually-hidden" role="status" data-testid="nash-unique">
        The Nash of P is unique.
      </span>
    );

  const limit = pick === 'limit' && mine?.reference === scenario.reference ? result.limit : null;
  const limitPending = pick === 'limit' && !limit;
  const drawn = limit
    ? `the τ → 0 limit of π*_τ, the equilibrium closest to μ in KL (reached at τ = ${formatScientific(limit.tau)}, exploitability ${formatScientific(Math.max(limit.exploitability, 1e-17))})`
    : 'the LP’s vertex, the first optimal vertex the simplex method reaches (another order of the responses can reach another)';
  const text = nashUniquenessNote({ nashUnique: false, nashLow: result.low, nashHigh: result.high }, labels, {
    inSome: result.inSome,
    drawn,
  });
  const rows = Array.from(result.high, (hi, y) => ({ y, lo: result.low[y], hi }))
    .filter((r) => r.hi > WEIGHT_SHOWN)
    .sort((a, b) => b.hi - a.hi || a.y - b.y);
  const shown = limit ? limit.policy : (equilibria?.nash ?? result.nash);
  const choose = (p: NashPick) => explorer.ui.getState().setNashPick(p);
  return (
    <div className="nash-set nash-status">
      <p className="nash-note" role="status" data-testid="nash-note">
        {text}
        {!result.complete &&
          ' (Some linear programs ran out of iterations: those ranges may be narrower than the truth.)'}
      </p>
      <fieldset className="nash-pick">
        <legend>Nash drawn</legend>
        <label>
          <input type="radio" name={`${id}-pick`} checked={pick === 'vertex'} onChange={() => choose('vertex')} /> the
          LP’s vertex
        </label>
        <label>
          <input type="radio" name={`${id}-pick`} checked={pick === 'limit'} onChange={() => choose('limit')} /> τ → 0
          limit of π*<sub>τ</sub> (closest to μ)
        </label>
        {limitPending && (
          <span className="nash-pick-status">
            following π*<sub>τ</sub> as τ → 0…{' '}
            <progress max={1} value={mine?.fraction ?? 0} aria-label="Following π*τ as τ → 0" />
          </span>
        )}
      </fieldset>
      <div className="nash-set-wrap" tabIndex={0} role="region" aria-labelledby={`${id}-cap`}>
        <table className="nash-set-table" data-testid="nash-set-table">
          <caption id={`${id}-cap`}>
            Weight of each response over all Nash equilibria ({rows.length} of {n} carry weight in some)
          </caption>
          <thead>
            <tr>
              <th scope="col">Response</th>
              <th scope="col">drawn</th>
              <th scope="col">range</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.y} data-response={r.y}>
                <th scope="row">{name(r.y)}</th>
                <td data-value={shown[r.y]}>{w2(shown[r.y])}</td>
                <td data-low={r.lo} data-high={r.hi}>
                  {w2(r.lo) === w2(r.hi) ? `${w2(r.lo)} in every one` : `${w2(r.lo)}–${w2(r.hi)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
