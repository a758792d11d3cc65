/**
 * Autosave: the scenario (and t) is kept in localStorage in the form of a link's hash, so a reload
 * or a crashed tab brings it back. The hash is the compact form: a 500-response preset saves as a
 * few dozen characters (a scenario file would hold all 250,000 entries and overflow the storage);
 * an edited 500×500 matrix takes about 1 MB. Older saves (scenario files) are still read. A link's hash takes precedence over the saved state. Storage that
 * is unavailable (private mode, a sandboxed iframe) or full is handled quietly: every access is
 * guarded and a failure only turns autosave off, with a note.
 */
import { DEFAULT, type Scenario } from './scenario.ts';
import { checkField, validateScenario } from './scenarioSchema.ts';
import { decodeHash, encodeHash } from './urlCodec.ts';

/**
 * An older save: a scenario file's JSON (scenarioFile.ts, version 1), read here with the same
 * schema rather than through the file module, which stays out of the first render.
 */
function readOldSave(text: string): { scenario: Scenario; t: number } | null {
  const file = JSON.parse(text) as { format?: unknown; scenario?: unknown; t?: unknown } | null;
  if (file?.format !== 'nash-md-explorer/scenario' || typeof file.scenario !== 'object') return null;
  const { scenario, problems } = validateScenario(file.scenario, DEFAULT.scenario);
  const t = file.t ?? 0;
  return problems.length === 0 && checkField('t', t) === null ? { scenario, t: t as number } : null;
}

/** The main app's storage key (an embedded explorer autosaves only under a key its page chooses). */
export const STORAGE_KEY = 'nash-md-explorer/autosave/v1';
/** Saves are debounced: a drag or a burst of edits writes once. */
export const SAVE_DELAY_MS = 400;

/** localStorage, or null where merely touching it throws (opaque origins, disabled storage). */
function storage(): Storage | null {
  try {
    const s = window.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

/** The saved scenario, or null (none, unreadable, or invalid — an invalid one is discarded). */
export function loadSaved(key: string): { scenario: Scenario; t: number } | null {
  const s = storage();
  if (!s) return null;
  try {
    const text = s.getItem(key);
    if (!text) return null;
    if (text.startsWith('#')) {
      const d = decodeHash(text);
      if (d.problems.length === 0) return { scenario: d.scenario, t: d.t };
    } else {
      const r = readOldSave(text);
      if (r) return r;
    }
    s.removeItem(key);
  } catch {
    // Reading failed: behave as if nothing was saved.
  }
  return null;
}

export type SaveResult = 'saved' | 'unavailable' | 'failed';

/** Writes the scenario now. 'failed' covers a full storage (QuotaExceededError) and the like. */
export function save(key: string, scenario: Scenario, t: number): SaveResult {
  const s = storage();
  if (!s) return 'unavailable';
  try {
    // All the battle counts, however long: a link may leave them out, the autosave must not.
    s.setItem(key, encodeHash(scenario, t, true));
    return 'saved';
  } catch {
    return 'failed';
  }
}

/** A debounced saver: call `schedule` on every change; `flush` writes a pending save at once. */
export function createAutosave(
  key: string,
  read: () => { scenario: Scenario; t: number },
  onProblem: (message: string) => void,
) {
  let timer = 0;
  let reported = false;
  const flush = () => {
    if (!timer) return;
    window.clearTimeout(timer);
    timer = 0;
    const { scenario, t } = read();
    const r = save(key, scenario, t);
    if (r !== 'saved' && !reported) {
      reported = true;
      onProblem(
        r === 'unavailable'
          ? 'Autosave is off: this page cannot use the browser’s storage here. Use a link or Export to keep your work.'
          : 'Autosave failed: the browser’s storage is full. Use a link or Export to keep your work.',
      );
    }
  };
  return {
    schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(flush, SAVE_DELAY_MS);
    },
    flush,
    dispose() {
      flush();
    },
  };
}
