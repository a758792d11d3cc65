/**
 * The figures an explorer can show, by id. (Filled in with each figure's renderer, props selector,
 * visibility, export and hide= name by the instance refactor; the ids are fixed here.)
 */
export const FIGURE_IDS = ['simplex', 'convergence', 'win-rates', 'policy-table', 'time-series', 'topk', 'equilibria'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];
