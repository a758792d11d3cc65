/**
 * The caption under the figure, generated from the state so text and picture always agree.
 */
import { presetById } from '../core/presets.ts';
import { formatScientific } from '../shared/formatNumber.ts';
import { seriesStyle } from '../shared/palette.ts';
import { isSeedPath, rowAt } from '../shared/seriesRows.ts';
import { effectiveEta, type Scenario } from './scenario.ts';
import { unavailableSentence, unavailableShown } from './availability.ts';
import type { RunState } from './runStore.ts';
import { formatT } from '../shared/formatT.ts';

/** U+2060 WORD JOINER: no line break between the characters it separates, and invisible. */
export const WORD_JOINER = '\u2060';

/**
 * A KL value in few characters, unbreakable: 0.054, or 5.4×10⁻⁴ with word joiners around the ×
 * (never "5.4e-4", which a narrow caption broke after the hyphen). NaN while the equilibria are
 * still being solved (large n): '…'.
 */
const short = (x: number) =>
  Number.isNaN(x) ? '…' : x === 0 ? '0' : x >= 0.01 ? x.toFixed(3) : formatScientific(x, 1, WORD_JOINER);

export function describeState(s: Scenario, run: RunState): string {
  const name = s.llmfao ? s.llmfao.name : s.preset ? (presetById(s.preset)?.name ?? 'Custom') : 'Custom preferences';
  // The licence (CC BY 4.0) asks for the attribution wherever the data is shown.
  const credit = s.llmfao ? ` Data: ${s.llmfao.attribution}` : '';
  const eta = effectiveEta(s);
  const step =
    s.schedule === 'theorem'
      ? 'η_t = 2/(τ(t+2))'
      : `η = ${Number(eta.toPrecision(4))}${eta < s.eta ? ' (capped at 1/τ)' : ''}`;
  const head = `${name}, n = ${s.preferences.length}, τ = ${s.tau}, ${step}, t = ${formatT(run.t)}.`;
  // A shown algorithm that cannot run says why (its reason, never a NaN).
  const unavailable = unavailableShown(s)
    .map((u) => ` ${unavailableSentence(u.algorithm, u.reason)}`)
    .join('');
  if (run.series.length === 0) return `${head} No algorithm is shown.${unavailable}${credit}`;
  const target = s.tau > 0 ? 'π*τ' : 'the Nash equilibrium';
  const parts = run.series
    .filter((x) => !isSeedPath(x))
    .map((series) => {
      const row = rowAt(series, run.t);
      return `${seriesStyle(series).label} ${short(series.kl[row])}`;
    });
  const both = s.algorithms.includes('nash-md') && s.algorithms.includes('omd');
  // At τ = 0 the geometric mixture is π_t itself, so Nash-MD's update is OMD's.
  const note = !both
    ? ''
    : s.tau === 0
      ? ' Nash-MD and OMD coincide (at τ = 0 they are the same update).'
      : s.schedule === 'constant' && eta * s.tau < 0.05
        ? ' With ητ this small, Nash-MD and OMD nearly coincide.'
        : '';
  return `${head} KL from ${target}: ${parts.join(', ')}.${note}${unavailable}${fixedPointNote(s, run)}${credit}`;
}

/**
 * Nash-MD's constant-step bias, said in words when the fixed point π = BR_τ(π^μ) lies clearly away
 * from π*_τ: more than FIXED_POINT_APART in some coordinate, a few pixels on any triangle the page
 * draws, so the ✚ it names is on the simplex (which draws it beyond one pixel: fixedPointVisible).
 */
export const FIXED_POINT_APART = 0.01;

function fixedPointNote(s: Scenario, run: RunState): string {
  const fixed = run.equilibria?.nashMdFixedPoint;
  const star = run.equilibria?.regularized;
  if (!fixed || !star || !s.algorithms.includes('nash-md') || run.n !== fixed.length) return '';
  let apart = 0;
  for (let i = 0; i < fixed.length; i++) apart = Math.max(apart, Math.abs(fixed[i] - star[i]));
  if (apart <= FIXED_POINT_APART) return '';
  // Short: in lecture mode every line of the caption is taken from the figure's height.
  return ' Nash-MD converges to its own fixed point ✚, not π*τ (a constant step’s bias).';
}
