/**
 * Which of the shown algorithms cannot run with the scenario's inputs (COMAL at τ = 0), and why:
 * the catalog's own check (the one the simulation service applies), so the picker, the table and
 * the caption say the same reason the worker would. Such algorithms are left out of the worker's
 * spec: a run without rows must not shorten the others' timeline.
 */
import { algorithmInfo, type AlgorithmId } from '../core/algorithms/catalog.ts';
import { effectiveEta, observedReason, type Scenario } from './scenario.ts';

/** The reason `id` cannot run with the scenario's inputs, or null when it can. */
export function unavailableReason(
  id: AlgorithmId,
  s: Pick<Scenario, 'preferences' | 'tau' | 'eta' | 'schedule'> & Partial<Pick<Scenario, 'comparisons' | 'counts'>>,
): string | null {
  const info = algorithmInfo(id);
  if (!info) return null;
  // RLHF's reward fitted on the observed battles needs counts that link every response.
  if (id === 'rlhf' && s.comparisons === 'observed') {
    const reason = observedReason({ comparisons: 'observed', counts: s.counts ?? null, preferences: s.preferences });
    if (reason) return `its reward model cannot be fitted on the observed battles: ${reason}`;
  }
  return info.unavailable({
    n: s.preferences.length,
    tau: s.tau,
    eta: s.schedule === 'theorem' ? 'theorem' : effectiveEta(s),
  });
}

/** The shown algorithms that cannot run, with their reasons, in display order. */
export function unavailableShown(
  s: Pick<Scenario, 'preferences' | 'tau' | 'eta' | 'schedule' | 'algorithms'> &
    Partial<Pick<Scenario, 'comparisons' | 'counts'>>,
): { algorithm: AlgorithmId; reason: string }[] {
  const out: { algorithm: AlgorithmId; reason: string }[] = [];
  for (const algorithm of s.algorithms) {
    const reason = unavailableReason(algorithm, s);
    if (reason !== null) out.push({ algorithm, reason });
  }
  return out;
}

/** One sentence saying that `algorithm` cannot run and why (the reason may already name it). */
export function unavailableSentence(algorithm: AlgorithmId, reason: string): string {
  const name = algorithmInfo(algorithm)?.displayName ?? algorithm;
  const text = reason.startsWith(name) ? reason : `${name} is unavailable: ${reason}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
