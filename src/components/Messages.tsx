/** Alerts: invalid values in the link, inputs the worker refused, and worker failures. */

import { ComputeProgress } from './ComputeProgress.tsx';
import { useAppStore, useExplorer } from '../explorer/context.tsx';

export function Messages() {
  // The main page reads its link; an embedded explorer its attributes or the page's set() calls.
  const source = useExplorer().options.syncHash ? 'in the link' : 'given to this figure';
  const hashProblems = useAppStore((s) => s.hashProblems);
  const inputProblem = useAppStore((s) => s.inputProblem);
  const failure = useAppStore((s) => s.failure);
  const engineNote = useAppStore((s) => s.engineNote);
  const storageNote = useAppStore((s) => s.storageNote);
  const dismiss = useAppStore((s) => s.dismissHashProblems);
  return (
    <div className="messages">
      <ComputeProgress />
      {hashProblems.length > 0 && (
        <div className="alert" role="alert">
          <p>Some values {source} were not valid and were not used:</p>
          <ul>
            {hashProblems.map((p) => (
              <li key={p.field}>
                <code>{p.field}</code>: {p.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {inputProblem && (
        <div className="alert" role="alert">
          <p>
            <code>{inputProblem.field}</code>: {inputProblem.message}. The figure shows the last valid input.
          </p>
        </div>
      )}
      {failure && (
        <div className="alert" role="alert">
          <p>The computation failed: {failure}. The figure shows the last result; the next edit tries again.</p>
        </div>
      )}
      {engineNote && (
        // One short line (a sandboxed embed is a normal place to be): why, for the curious, folded.
        <div className="note engine-note" role="status">
          <details>
            <summary>Computing on the main thread</summary>
            {engineNote}
          </details>
        </div>
      )}
      {storageNote && (
        <p className="note" role="status">
          {storageNote}
        </p>
      )}
    </div>
  );
}
