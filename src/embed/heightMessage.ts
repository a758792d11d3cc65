/**
 * The message type an embed posts to its parent: `{ type, frame, height }`. A module of its own so
 * the embed (frameFit.ts, in every page's first render) does not pull in the snippet builder.
 */
export const HEIGHT_MESSAGE = 'nashmd-embed:height';
