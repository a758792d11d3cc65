/**
 * Each algorithm's update in TeX for "What am I looking at?" (the catalog's `formula` is plain
 * Unicode for tooltips and exports). Notation as in src/core/algorithms/types.ts: r_t = P π_t,
 * η_t the step, μ the reference, τ ≥ 0. Loaded with the panel's body, not on the first render.
 */
import type { AlgorithmId } from '../core/algorithms/catalog.ts';

const r = String.raw;

export const ALGORITHM_TEX = {
  'nash-md': [
    r`\pi_t^{\mu} \propto \pi_t^{\,1-\eta_t\tau}\,\mu^{\,\eta_t\tau}`,
    r`\pi_{t+1}(y) \propto \pi_t^{\mu}(y)\,\exp\!\big(\eta_t\,P(y \succ \pi_t^{\mu})\big)`,
  ],
  omd: [
    r`\pi_{t+1}(y) \propto \pi_t(y)^{\,1-\eta_t\tau}\,\mu(y)^{\,\eta_t\tau}\,\exp\!\big(\eta_t\,P(y \succ \pi_t)\big)`,
  ],
  rlhf: [
    r`\pi_{t+1}(y) \propto \pi_t(y)^{\,1-\eta_t\tau}\,\mu(y)^{\,\eta_t\tau}\,\exp\!\big(\eta_t\,r(y)\big)`,
    r`r = \text{Bradley–Terry reward fitted to } P`,
  ],
  mwu: [r`\pi_{t+1}(y) \propto \pi_t(y)\,\exp\!\big(\eta_t\,(P\pi_t)(y)\big)`],
  omwu: [r`\pi_{t+1}(y) \propto \pi_t(y)\,\exp\!\big(\eta_t\,(2P\pi_t - P\pi_{t-1})(y)\big),\quad P\pi_{-1} = P\pi_0`],
  mmd: [
    r`\pi_{t+1}(y) \propto \Big(\pi_t(y)\,\mu(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_t)(y)\big)\Big)^{1/(1+\eta_t\tau)}`,
  ],
  mpo: [
    r`\pi_{t+1}(y) \propto \Big(\pi_t(y)\,\rho(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_t)(y)\big)\Big)^{1/(1+\eta_t\tau)}`,
    r`\rho \leftarrow \mu \text{ at } t=0,\qquad \rho \leftarrow \pi_{t+1} \text{ when } K \mid t+1`,
  ],
  extragradient: [
    r`\pi_{t+\frac12}(y) \propto \pi_t(y)^{1-\eta_t\tau}\,\mu(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_t)(y)\big)`,
    r`\pi_{t+1}(y) \propto \pi_t(y)^{1-\eta_t\tau}\,\mu(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_{t+\frac12})(y)\big)`,
  ],
  'nash-mp': [
    r`\pi_{t+\frac12}(y) \propto \Big(\pi_t(y)\,\mu(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_t)(y)\big)\Big)^{1/(1+\eta_t\tau)}`,
    r`\pi_{t+1}(y) \propto \Big(\pi_t(y)\,\mu(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_{t+\frac12})(y)\big)\Big)^{1/(1+\eta_t\tau)}`,
  ],
  comal: [
    r`\pi_{t+1} = \text{the regularised Nash of } P \text{ with reference } \pi_t:\quad \pi_{t+1}(y) \propto \pi_t(y)\,\exp\!\big((P\pi_{t+1})(y)/\tau\big)`,
  ],
  'fictitious-play': [
    r`\pi_{t+1} = \pi_t + \frac{\mathrm{BR}(\pi_t) - \pi_t}{t+2}`,
    r`\mathrm{BR}(\pi) \propto \mu\,\exp(P\pi/\tau)\ (\tau>0),\qquad \mathrm{BR}(\pi) = \text{uniform on } \arg\max_y (P\pi)(y)\ (\tau=0)`,
  ],
  replicator: [
    r`\frac{d}{ds}\log\pi(y) = (P\pi)(y) - \tau\log\frac{\pi(y)}{\mu(y)} - c(s)`,
    r`\text{one Runge–Kutta 4 step of length } h=\eta_t \text{ per iteration}`,
  ],
  'nash-md-pg': [
    r`\pi_\theta(y) \propto e^{\theta\cdot\phi(y)},\quad \pi^\beta \propto \pi_\theta^{\,1-\beta}\mu^{\beta}`,
    r`\theta \leftarrow \theta + \mathrm{lr}\;\mathbb{E}_{y\sim\pi_\theta,\,y'\sim\pi^\beta}\Big[\nabla\log\pi_\theta(y)\big(P(y\succ y') - \tfrac12 - \tau\log\tfrac{\pi_\theta(y)}{\mu(y)}\big)\Big]`,
  ],
  'nash-ema-pg': [
    r`\theta \leftarrow \theta + \mathrm{lr}\;\mathbb{E}_{y\sim\pi_\theta,\,y'\sim\pi_{\bar\theta}}\Big[\nabla\log\pi_\theta(y)\big(P(y\succ y') - \tfrac12 - \tau\log\tfrac{\pi_\theta(y)}{\mu(y)}\big)\Big]`,
    r`\bar\theta \leftarrow \lambda\bar\theta + (1-\lambda)\,\theta,\qquad \bar\theta_0 = \theta_0`,
  ],
  'rlhf-pg': [
    r`\theta \leftarrow \theta + \mathrm{lr}\;\mathbb{E}_{y\sim\pi_\theta}\Big[\nabla\log\pi_\theta(y)\big(r(y) - \tau\log\tfrac{\pi_\theta(y)}{\mu(y)}\big)\Big]`,
    r`\nabla\log\pi_\theta(y) = \phi(y) - \textstyle\sum_z \pi_\theta(z)\,\phi(z)`,
  ],
} as const satisfies Record<AlgorithmId, readonly string[]>;

/** A few words more where the update alone does not say what its setting means (shown under its formulas). */
export const ALGORITHM_NOTE: Partial<Record<AlgorithmId, string>> = {
  'nash-md-pg':
    'β = 0 is self-play: the policy plays against itself. β = 1 is a best response to μ: it learns to beat the reference policy and nothing else. In between the opponent is a geometric mixture of the two. With tabular features, taking the natural gradient instead of the plain one and β = ητ turns this step into tabular Nash-MD’s: Nash-MD is the exact mirror-descent version of Nash-MD-PG, which takes plain gradient steps in θ and, sampled, estimates them. The β sweep under the simplex trains every β of the paper’s grid and plays them against each other.',
  'nash-ema-pg':
    'Its opponent is the policy of the slow average θ̄ of its past parameters (λ close to 1: a long memory), the paper’s Nash-EMA-PG.',
};

/** The convergence claim as a sentence: which iterate, to what. */
export const TARGET_TEXT = {
  regularized: 'π*_τ (the regularised Nash; the Nash of P at τ = 0)',
  nash: 'the Nash equilibrium of P, not π*_τ',
  'rlhf-optimum': 'the RLHF optimum of the fitted reward',
  none: 'no point (it keeps moving)',
} as const;
