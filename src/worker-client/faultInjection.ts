/**
 * Fault injection for the fault-tolerance tests (the page's ?debug hooks): a wrapper around an
 * engine that makes its next computation fail the way a broken worker would, without the core or
 * the worker knowing about tests. 'throw': the computation rejects with an error (an exception in
 * the worker); 'hang': it never answers (an endless loop); 'crash': the engine stops (the worker
 * died) and never answers. The client's time limit and restart then take over as in production.
 */
import type { Engine } from './engines.ts';

export type InjectedFault = 'throw' | 'hang' | 'crash';

export interface FaultyEngine extends Engine {
  /** Arms a fault for the next computation. */
  arm(fault: InjectedFault): void;
}

export function withFaults(engine: Engine): FaultyEngine {
  let armed: InjectedFault | null = null;
  // A crash stops the engine before the client's restart disposes it: stop it once.
  let stopped = false;
  const stop = () => {
    if (!stopped) engine.dispose();
    stopped = true;
  };
  return {
    get kind() {
      return engine.kind;
    },
    compute(...args) {
      const fault = armed;
      armed = null;
      if (fault === 'throw') return Promise.reject(new Error('injected fault: the computation threw'));
      if (fault === 'crash') stop();
      if (fault) return new Promise(() => {});
      return engine.compute(...args);
    },
    extend: (...args) => engine.extend(...args),
    field: engine.field && ((...args) => engine.field!(...args)),
    nashSet: engine.nashSet && ((...args) => engine.nashSet!(...args)),
    dispose: stop,
    arm(fault) {
      armed = fault;
    },
  };
}
