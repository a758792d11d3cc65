/**
 * The body of "What am I looking at?" (Explanations.tsx): the formulas behind the picture, typeset
 * with KaTeX, and a legend of every line and marker drawn with the figure's own styles. This module
 * and KaTeX (script, CSS and fonts) load only when the panel is first opened.
 */
import { Suspense, use, type ReactNode } from 'react';
import { ALGORITHM_STYLE, MARKER_STYLE } from '../shared/palette.ts';
import { GLYPH, LEGEND_SYMBOL, MARKER_ORDER, TAU_PATH_STYLE } from '../viz/simplexParts.ts';
import { ALGORITHM_IDS, algorithmInfo, type AlgorithmId } from '../core/algorithms/catalog.ts';
import { unavailableReason } from '../state/availability.ts';
import { useAppStore, useRunStore } from '../explorer/context.tsx';
import { ALGORITHM_CITATIONS, ALGORITHM_NOTE, ALGORITHM_TEX } from '../core/algorithms/explanations.gen.ts';
import { richLabel } from './richLabel.tsx';

/** The convergence claim as a sentence: which iterate, to what. */
const TARGET_TEXT = {
  regularized: 'π*_τ (the regularised Nash; the Nash of P at τ = 0)',
  nash: 'the Nash equilibrium of P, not π*_τ',
  'rlhf-optimum': 'the RLHF optimum of the fitted reward',
  none: 'no point (it keeps moving)',
} as const;

type Katex = typeof import('katex').default;
let katexPromise: Promise<Katex | null> | null = null;

/** Loads KaTeX and its stylesheet once; later calls share the promise. Null if loading failed. */
export function loadKatex(): Promise<Katex | null> {
  katexPromise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([m]) => m.default,
    () => {
      katexPromise = null; // try again next time the panel opens
      return null;
    },
  );
  return katexPromise;
}

interface Formula {
  title: string;
  /** One or more display formulas, typeset one under the other. */
  tex: readonly string[];
  note: ReactNode;
}

const sub = (base: string, script: string) => (
  <>
    {base}
    <sub>{script}</sub>
  </>
);

export { richLabel };

const FORMULAS: readonly Formula[] = [
  {
    title: 'The geometric mixture',
    tex: [String.raw`\pi_t^{\mu}(y) \;\propto\; \pi_t(y)^{\,1-\eta_t\tau}\,\mu(y)^{\,\eta_t\tau}`],
    note: (
      <>
        Nash-MD first pulls the current policy {sub('π', 't')} part of the way towards the reference μ (the weight{' '}
        {sub('η', 't')}τ must lie between 0 and 1).
      </>
    ),
  },
  {
    title: 'The Nash-MD update',
    tex: [String.raw`\pi_{t+1}(y) \;\propto\; \pi_t^{\mu}(y)\,\exp\!\big(\eta_t\,P(y \succ \pi_t^{\mu})\big)`],
    note: (
      <>
        Then every response is reweighted by how often it beats that mixture. OMD is the same update against{' '}
        {sub('π', 't')} itself, which is why it can circle for ever.
      </>
    ),
  },
  {
    title: 'The regularised preference',
    tex: [
      String.raw`P_\tau(\pi \succ \pi') \;=\; P(\pi \succ \pi') \;-\; \tau\,\mathrm{KL}(\pi\,\|\,\mu) \;+\; \tau\,\mathrm{KL}(\pi'\,\|\,\mu)`,
    ],
    note: (
      <>
        π*{<sub>τ</sub>} (the filled star) is the policy that no other policy beats under P{<sub>τ</sub>}. As τ → 0 it
        tends to a Nash equilibrium of P (the open star); as τ grows it tends to μ.
      </>
    ),
  },
  {
    title: 'The RLHF objective',
    tex: [
      String.raw`\max_{\pi}\; \mathbb{E}_{y\sim\pi}\big[\,r(y)\,\big] \;-\; \tau\,\mathrm{KL}(\pi\,\|\,\mu)`,
      String.raw`\pi_{\mathrm{RLHF}}(y) \;\propto\; \mu(y)\,\exp\!\big(r(y)/\tau\big)`,
    ],
    note: 'RLHF first fits one Bradley–Terry score r(y) per response, then maximises it; the maximiser is the RLHF optimum (the diamond). On a cycle the score is flat, so RLHF has nothing to go on.',
  },
  {
    title: 'Theorem 1',
    tex: [
      String.raw`\mathrm{KL}(\pi^*_\tau\,\|\,\pi_{t+1}) \;\le\; (1-\eta_t\tau)\,\mathrm{KL}(\pi^*_\tau\,\|\,\pi_t) + 2\eta_t^2`,
      String.raw`\eta_t = \frac{2}{\tau(t+2)} \quad\Longrightarrow\quad \mathrm{KL}(\pi^*_\tau\,\|\,\pi_T) \;\le\; \frac{8}{\tau^2(T+1)}`,
    ],
    note: 'With the decreasing step the last iterate converges, at rate 1/T (the dashed bound on the convergence plot). With a constant step Nash-MD converges fast, but only to within O(η) of π*_τ.',
  },
];

/** Learning from sampled feedback (issue 16; docs/math.md § Learning from sampled feedback). */
const FEEDBACK_FORMULAS: readonly Formula[] = [
  {
    title: 'Sampled comparisons',
    tex: [
      String.raw`(y, y') \sim \tfrac{1}{n(n-1)} \;\text{(uniform)} \quad\text{or}\quad (y, y') \sim \frac{\mu(y)\,\mu(y')}{1 - \sum_z \mu(z)^2}\;\; (y \ne y')`,
      String.raw`\Pr(y \text{ wins}) = P(y \succ y'), \qquad w_{ij} = \#\{i \text{ beat } j\}, \quad n_{ij} = w_{ij} + w_{ji}`,
    ],
    note: 'N comparisons of the raters’ true P, each a pair and a winner; the data seed fixes every draw (the mulberry32 generator), so the same seed gives the same data on every machine.',
  },
  {
    title: 'The learned preference model (NLHF)',
    tex: [
      String.raw`\hat P(i \succ j) \;=\; \frac{w_{ij} + a}{n_{ij} + 2a} \qquad (a > 0;\ \text{a pair never compared gets } \tfrac12)`,
    ],
    note: 'Nash-MD, OMD and the other NLHF methods run on P̂; its π*_τ and Nash are the filled markers. As N grows P̂ tends to P whichever way the pairs were drawn.',
  },
  {
    title: 'The learned reward model (RLHF)',
    tex: [
      String.raw`\hat r \;=\; \arg\max_r \sum_{i<j} (w_{ij} + a)\,\log\sigma(r_i - r_j) + (w_{ji} + a)\,\log\sigma(r_j - r_i)`,
      String.raw`\pi_{\mathrm{RLHF}}(y) \;\propto\; \mu(y)\,\exp\!\big(\hat r(y)/\tau\big)`,
    ],
    note: 'The Bradley–Terry fit on the smoothed counts. Where P is not transitive its limit depends on how the pairs were drawn, and its optimum is not a Nash equilibrium however much data there is.',
  },
  {
    title: 'Online feedback (pairs drawn online)',
    tex: [
      String.raw`t_k = kR:\quad (y, y') \sim \frac{\pi_{t_k}(y)\,\pi_{t_k}(y')}{1 - \sum_z \pi_{t_k}(z)^2}\quad (y \ne y'),\qquad m_k = \lfloor N/10 \rfloor \;\; (k < 9)`,
      String.raw`t_k \le t < t_{k+1}:\quad \text{NLHF runs step on } \hat P_k,\ \text{RLHF on } \hat r_k \;\;(\text{rounds } 0..k \text{ pooled})`,
    ],
    note: 'With “online, from a run”, round k is drawn at step k·R from the chosen run’s current policy (uniformly if that policy has settled on one response); between rounds every run trains on the models of all comparisons drawn so far, and after the last round (t ≥ 9R) the models stay fixed. One seeded generator is consumed round after round.',
  },
  {
    title: 'Judged by the truth',
    tex: [
      String.raw`e_\tau(\pi) \;=\; \max_{\pi'}\big[P(\pi' \succ \pi) - \tau\,\mathrm{KL}(\pi'\|\mu)\big] - \tfrac12 + \tau\,\mathrm{KL}(\pi\|\mu)`,
    ],
    note: 'Every policy, and each pipeline’s learned target, is judged by the TRUE P: its exploitability e_τ (0 only at π*_τ of the true P), its win rate against the Nash of the true P, and its head-to-head against RLHF. The sample-size curve repeats the learning 20 times per N.',
  },
];

function Formulas({ list = FORMULAS }: { list?: readonly Formula[] }) {
  const katex = use(loadKatex());
  return (
    <div className="formula-list">
      {list.map((f) => (
        <section key={f.title} className="formula">
          <h4>{f.title}</h4>
          {f.tex.map((tex) => (
            <TexBlock key={tex} tex={tex} katex={katex} />
          ))}
          <p>{typeof f.note === 'string' ? richLabel(f.note) : f.note}</p>
        </section>
      ))}
    </div>
  );
}

/** The NLHF paper's three keep their hand-written notes; the others are described from the registry. */
const ALGO_NOTE: Partial<Record<AlgorithmId, string>> = {
  'nash-md': 'Nash-MD: the path of π_t so far, its current point a circle',
  omd: 'OMD (online mirror descent): dashed, a square',
  rlhf: 'RLHF’s reward ascent: dotted, a triangle',
};

const DASH_WORD = (dash: string) => (dash === '' ? 'solid' : 'dashed');

function algoNote(a: AlgorithmId, reason: string | null): string {
  const st = ALGORITHM_STYLE[a];
  const base =
    ALGO_NOTE[a] ??
    `${algorithmInfo(a)?.displayName ?? a}: ${DASH_WORD(st.dash)} (${st.dash}), a ${st.marker.replace('-', ' ')}`;
  return reason ? `${base} — unavailable: ${reason}` : base;
}

function Legend({ shown }: { shown: readonly AlgorithmId[] }) {
  const scenario = useAppStore((s) => s.scenario);
  return (
    <ul className="legend-list">
      {shown.map((a) => {
        const st = ALGORITHM_STYLE[a];
        return (
          <li key={a}>
            <svg width="48" height="20" viewBox="0 0 48 20" aria-hidden="true">
              <line x1="2" y1="10" x2="36" y2="10" stroke={st.color} strokeWidth="2.5" strokeDasharray={st.dash} />
              <path
                d={LEGEND_SYMBOL[st.marker]}
                transform="translate(39 10)"
                fill={st.color}
                stroke="#fff"
                strokeWidth="1"
              />
            </svg>
            <span data-algorithm={a}>{richLabel(algoNote(a, unavailableReason(a, scenario)))}</span>
          </li>
        );
      })}
      {MARKER_ORDER.map((key) => {
        const g = GLYPH[key];
        return (
          <li key={key}>
            <svg width="48" height="20" viewBox="0 0 48 20" aria-hidden="true">
              <path
                d={g.d}
                transform="translate(24 10) scale(0.8)"
                fill={g.fill}
                stroke={g.stroke}
                strokeWidth={g.strokeWidth}
                strokeDasharray={g.dash}
              />
            </svg>
            <span>
              {richLabel(MARKER_STYLE[key].label)} — {MARKER_STYLE[key].glyph}
            </span>
          </li>
        );
      })}
      {(['regularizedPath', 'rlhfPath'] as const).map((key) => (
        <li key={key}>
          <svg width="48" height="20" viewBox="0 0 48 20" aria-hidden="true">
            <path
              d="M2 15 Q 20 2 46 8"
              fill="none"
              stroke={TAU_PATH_STYLE[key].color}
              strokeWidth="1.5"
              strokeDasharray={TAU_PATH_STYLE[key].dash}
              opacity="0.8"
            />
          </svg>
          <span>{richLabel(MARKER_STYLE[key].label)} (faint curve, τ from 20 down to 0.001)</span>
        </li>
      ))}
    </ul>
  );
}

/** Each shown algorithm's update, its source and its convergence claim, from the registry. */
function AlgorithmFormulas({ shown }: { shown: readonly AlgorithmId[] }) {
  const katex = use(loadKatex());
  return (
    <div className="formula-list">
      {shown.map((a) => {
        const info = algorithmInfo(a)!;
        const c = ALGORITHM_CITATIONS[a];
        return (
          <section key={a} className="formula" data-algorithm={a}>
            <h4>{info.displayName}</h4>
            {ALGORITHM_TEX[a].map((tex) => (
              <TexBlock key={tex} tex={tex} katex={katex} />
            ))}
            {ALGORITHM_NOTE[a] && (
              <p className="algo-explain" data-testid={`algo-note-${a}`}>
                {richLabel(ALGORITHM_NOTE[a])}
              </p>
            )}
            <p className="algo-claim">
              {richLabel(
                `Claim: ${info.convergesTo.iterate === 'last' ? 'the last iterate π_t' : 'the average iterate (1/(t+1)) Σ_s π_s'} converges to ${TARGET_TEXT[info.convergesTo.target]}. In short: ${info.convergesTo.summary}.`,
              )}
            </p>
            <p className="source">
              {c.paper}, {c.venue}
              {c.arxiv ? `, arXiv:${c.arxiv}` : ''}
              {c.equation ? `, ${c.equation}` : ''}.
            </p>
          </section>
        );
      })}
    </div>
  );
}

/** The open panel's content. */
export default function ExplanationsBody() {
  const algorithms = useAppStore((s) => s.scenario.algorithms);
  const feedback = useAppStore((s) => (s.scenario.feedback ?? null) !== null);
  // Which run and when, as the worker drew the rounds (its answer names them).
  const online = useRunStore((r) => {
    const rounds = r.feedback?.rounds;
    return rounds ? `${algorithmInfo(rounds.run)?.displayName ?? rounds.run}|${rounds.roundSteps}` : null;
  });
  // Shown algorithms first, in display order; with none shown, the legend still explains the three.
  const shown = algorithms.length > 0 ? ALGORITHM_IDS.filter((a) => algorithms.includes(a)) : ALGORITHM_IDS.slice(0, 3);
  return (
    <>
      <p>
        Each point of the triangle is a policy π over the three responses (or three groups of responses) at its corners.
        The lines are the policies each algorithm visits, from π₀ up to the current iteration t; the markers are where
        they are heading.
      </p>
      <h3>Legend</h3>
      <Legend shown={shown} />
      <h3>The formulas</h3>
      <Suspense fallback={<p className="loading">Loading the formulas…</p>}>
        <Formulas />
      </Suspense>
      <p className="source">Munos et al., “Nash Learning from Human Feedback”, ICML 2024: §4–5 and Theorem 1.</p>
      {feedback && (
        <>
          <h3>Learning from sampled feedback</h3>
          <Suspense fallback={<p className="loading">Loading the formulas…</p>}>
            <Formulas
              list={online ? FEEDBACK_FORMULAS : FEEDBACK_FORMULAS.filter((f) => !f.title.startsWith('Online'))}
            />
          </Suspense>
          {online && (
            <p data-testid="online-explanation">
              The comparisons were drawn online from {online.split('|')[0]}’s policy, in 10 rounds at t = 0,{' '}
              {online.split('|')[1]}, …, {9 * Number(online.split('|')[1])}.
            </p>
          )}
          <p className="source">Munos et al., §3 (the reward model and its limits) and §4 (the preference model).</p>
        </>
      )}
      <h3>The algorithms shown</h3>
      <Suspense fallback={<p className="loading">Loading the formulas…</p>}>
        <AlgorithmFormulas shown={shown} />
      </Suspense>
    </>
  );
}

/** One display formula, typeset with KaTeX once it has loaded (the TeX source until then). */
function TexBlock({ tex, katex }: { tex: string; katex: Katex | null }) {
  if (!katex) return <pre className="formula-tex formula-fallback">{tex}</pre>;
  const html = katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
  return <div className="formula-tex" dangerouslySetInnerHTML={{ __html: html }} />;
}
