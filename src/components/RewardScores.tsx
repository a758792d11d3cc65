/**
 * The RLHF reward model's scores as a leaderboard (loaded after the first render): rank, the
 * Bradley–Terry reward r and Elo = 400/ln 10 · r + 1000, with each response's battles when the
 * counts are kept. Folded by default; the table lists the fit the worker last made for this P.
 */
import { useEffect, useState } from 'react';
import { BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED, leaderboard } from '../state/leaderboard.ts';
import { observedReason } from '../state/scenario.ts';
import { useAppStore, useRunStore } from '../explorer/context.tsx';
import { bootstrapElo } from '../explorer/bootstrap.ts';
import './RewardScores.css';

const FITTED_ON = {
  uniform: 'every pair once (uniform)',
  reference: 'pairs drawn from μ',
  observed: 'the observed battles (weights = battle counts; the leaderboards’ maximum-likelihood fit)',
} as const;

export function RewardScores() {
  const [open, setOpen] = useState(false);
  return (
    <details className="reward-scores" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Reward scores (Bradley–Terry, Elo)</summary>
      {open && <RewardTable />}
    </details>
  );
}

function RewardTable() {
  const labels = useAppStore((s) => s.scenario.labels);
  const counts = useAppStore((s) => s.scenario.counts);
  const comparisons = useAppStore((s) => s.scenario.comparisons);
  const problem = useAppStore((s) => observedReason(s.scenario));
  const n = labels.length;
  const rewards = useRunStore((s) => (s.n === n && s.equilibria ? s.equilibria.rewards : null));
  const ci = useBootstrap(comparisons === 'observed' && !problem ? counts : null);
  if (problem)
    return (
      <p className="field-note" role="status">
        No reward on the observed battles: {problem}. Choose uniform pairs or pairs drawn from μ.
      </p>
    );
  if (!rewards) return <p className="field-note">Fitting the reward model…</p>;
  const rows = leaderboard(rewards, labels, counts);
  return (
    <>
      <p className="field-note">
        Fitted on {FITTED_ON[comparisons]}. Elo = 400/ln 10 · r + 1000 (r centred to mean 0): 400 Elo apart is odds of
        10 : 1.
      </p>
      {ci && <BootstrapNote ci={ci} />}
      {/* Focusable: a keyboard can scroll the table (axe scrollable-region-focusable). */}
      <div className="reward-scores__scroll" tabIndex={0} role="region" aria-label="Reward scores table">
        <table className="reward-scores__table" aria-label="Reward model leaderboard">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Response</th>
              <th scope="col">Elo</th>
              <th scope="col">Reward r</th>
              {counts && <th scope="col">Battles</th>}
              {ci && <th scope="col">Elo, 95 % interval</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.index} data-index={r.index}>
                <td>{r.rank}</td>
                <th scope="row">{r.label}</th>
                <td>{r.elo.toFixed(1)}</td>
                <td>{r.reward.toFixed(3)}</td>
                {counts && <td>{r.battles?.toLocaleString('en', { maximumFractionDigits: 1 })}</td>}
                {ci && (
                  <td data-testid="elo-interval">
                    {ci.result
                      ? `${ci.result.elo[r.index].toFixed(0)} (${ci.result.low[r.index].toFixed(0)}–${ci.result.high[r.index].toFixed(0)})`
                      : '…'}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

interface Bootstrap {
  progress: number;
  result: { elo: Float64Array; low: Float64Array; high: Float64Array } | null;
  error: string | null;
}

/** Bootstrap intervals of the observed fit, computed in a worker of their own (newest counts win). */
function useBootstrap(counts: number[][] | null): Bootstrap | null {
  const [state, setState] = useState<{ counts: number[][]; b: Bootstrap } | null>(null);
  useEffect(() => {
    if (!counts) return;
    let live = true;
    const set = (b: Bootstrap) => live && setState({ counts, b });
    set({ progress: 0, result: null, error: null });
    bootstrapElo(counts, (progress) => set({ progress, result: null, error: null })).then(
      (result) => set({ progress: 1, result, error: null }),
      (e: Error) => set({ progress: 0, result: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [counts]);
  return counts && state?.counts === counts ? state.b : null;
}

function BootstrapNote({ ci }: { ci: Bootstrap }) {
  if (ci.error) return <p className="field-note">No bootstrap intervals: {ci.error}.</p>;
  return (
    <p className="field-note" role="status">
      Elo, 95 % interval: the 2.5th and 97.5th percentiles of each model’s Elo over {BOOTSTRAP_ROUNDS} bootstrap rounds
      (the battles resampled with replacement and the reward refitted each round; seed {BOOTSTRAP_SEED}): how much the
      score depends on which battles happened to be played.{' '}
      {!ci.result && (
        <>
          <progress max={1} value={ci.progress} aria-label="Bootstrap progress" /> {Math.round(ci.progress * 100)} %
        </>
      )}
    </p>
  );
}
