/**
 * Elo with bootstrap 95 % intervals of battle counts, in a worker of its own with progress (a new
 * call ends the previous one): the Reward scores leaderboard's way to its worker (components reach
 * workers through src/explorer, never directly). Imported only by that lazily loaded component.
 */
export { bootstrapInWorker as bootstrapElo } from '../worker-client/bootstrapClient.ts';
