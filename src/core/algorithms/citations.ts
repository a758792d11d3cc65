/**
 * Where each algorithm of the registry comes from: paper, venue, arXiv id and the equation its
 * update is (shown in "What am I looking at?" beside its formula). Kept apart from the catalog
 * (info/*.ts), which the first render loads, because only the lazily loaded explanations read it.
 */
import type { AlgorithmId } from './catalog.ts';
import type { Citation } from './types.ts';

export const ALGORITHM_CITATIONS = {
  'nash-md': {
    paper: 'Munos et al., Nash Learning from Human Feedback',
    venue: 'ICML 2024',
    arxiv: '2312.00886',
    equation: 'Eqs. 3–5 (§5)',
  },
  omd: {
    paper: 'Munos et al., Nash Learning from Human Feedback',
    venue: 'ICML 2024',
    arxiv: '2312.00886',
    equation: 'Eqs. 7–8',
  },
  rlhf: {
    paper: 'Munos et al., Nash Learning from Human Feedback',
    venue: 'ICML 2024',
    arxiv: '2312.00886',
    equation: '§3 (the RLHF objective)',
  },
  mwu: {
    paper: 'Wu et al., Self-Play Preference Optimization for Language Model Alignment',
    venue: 'ICLR 2025',
    arxiv: '2405.00675',
    equation: 'Eq. 4.1',
  },
  omwu: {
    paper: 'Zhang et al., Improving LLM General Preference Alignment via Optimistic Online Mirror Descent',
    venue: 'arXiv 2025',
    arxiv: '2502.16852',
    equation: null,
  },
  mmd: {
    paper:
      'Sokota et al., A Unified Approach to Reinforcement Learning, Quantal Response Equilibria, and Two-Player Zero-Sum Games',
    venue: 'ICLR 2023',
    arxiv: '2206.05825',
    equation: 'Eq. 12',
  },
  mpo: {
    paper:
      'Wang et al., Magnetic Preference Optimization: Achieving Last-iterate Convergence for Language Model Alignment',
    venue: 'ICLR 2025',
    arxiv: '2410.16714',
    equation: null,
  },
  extragradient: {
    paper:
      'Zhou, Fazel and Du, Extragradient Preference Optimization (EGPO): Beyond Last-Iterate Convergence for Nash Learning from Human Feedback',
    venue: 'arXiv 2025',
    arxiv: '2503.08942',
    equation: null,
  },
  'nash-mp': {
    paper: 'Tiapkin et al., Accelerating Nash Learning from Human Feedback via Mirror Prox',
    venue: 'arXiv 2025',
    arxiv: '2505.19731',
    equation: null,
  },
  comal: {
    paper: 'Liu et al., COMAL: A Convergent Meta-Algorithm for Aligning LLMs with General Preferences',
    venue: 'arXiv 2024',
    arxiv: '2410.23223',
    equation: null,
  },
  'fictitious-play': {
    paper: 'Brown, Iterative Solution of Games by Fictitious Play',
    venue: 'Activity Analysis of Production and Allocation, 1951',
    arxiv: null,
    equation: null,
  },
  replicator: {
    paper: 'Taylor and Jonker, Evolutionary Stable Strategies and Game Dynamics',
    venue: 'Mathematical Biosciences, 1978',
    arxiv: null,
    equation: null,
  },
  'nash-md-pg': {
    paper: 'Munos et al., Nash Learning from Human Feedback',
    venue: 'ICML 2024',
    arxiv: '2312.00886',
    equation: '§7',
  },
  'nash-ema-pg': {
    paper: 'Munos et al., Nash Learning from Human Feedback',
    venue: 'ICML 2024',
    arxiv: '2312.00886',
    equation: '§7',
  },
  'rlhf-pg': {
    paper: 'Munos et al., Nash Learning from Human Feedback',
    venue: 'ICML 2024',
    arxiv: '2312.00886',
    equation: '§7',
  },
} as const satisfies Record<AlgorithmId, Citation>;
