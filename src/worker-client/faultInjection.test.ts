/**
 * The test hooks' fault wrapper: a fault affects the next computation only, the way a broken
 * worker would (an exception, no answer, a dead engine), and extensions pass through.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ComputeResponse } from '../core/workerApi.ts';
import type { Engine } from './engines.ts';
import { withFaults } from './faultInjection.ts';

function fakeEngine() {
  const answer = { ok: true, version: 1 } as unknown as ComputeResponse;
  const engine: Engine = {
    kind: 'worker',
    compute: vi.fn(async () => answer),
    extend: vi.fn(async () => ({ ok: false as const, version: 1, problem: null })),
    dispose: vi.fn(),
  };
  return { engine, answer };
}

const spec = {
  preferences: [[0.5]],
  reference: [1],
  initial: [1],
  tau: 0,
  eta: 1,
  algorithms: [],
  comparisons: 'uniform',
} as never;
const settles = (p: Promise<unknown>) =>
  Promise.race([
    p.then(
      () => 'answered',
      () => 'rejected',
    ),
    new Promise((r) => setTimeout(() => r('pending'), 30)),
  ]);

describe('withFaults', () => {
  it('passes computations through until a fault is armed, and then fails the next one only', async () => {
    const { engine, answer } = fakeEngine();
    const faulty = withFaults(engine);
    await expect(faulty.compute(1, spec, 10)).resolves.toBe(answer);
    faulty.arm('throw');
    await expect(faulty.compute(2, spec, 10)).rejects.toThrow(/injected fault/);
    await expect(faulty.compute(3, spec, 10)).resolves.toBe(answer);
    expect(engine.compute).toHaveBeenCalledTimes(2);
  });

  it('a hang never answers; a crash stops the engine and never answers', async () => {
    const { engine } = fakeEngine();
    const faulty = withFaults(engine);
    faulty.arm('hang');
    expect(await settles(faulty.compute(1, spec, 10))).toBe('pending');
    expect(engine.dispose).not.toHaveBeenCalled();
    faulty.arm('crash');
    expect(await settles(faulty.compute(2, spec, 10))).toBe('pending');
    expect(engine.dispose).toHaveBeenCalledTimes(1);
    expect(engine.compute).not.toHaveBeenCalled();
  });
});
