/**
 * The typing behaviour shared by the app's number fields (τ, η, μ/π₀ entries, n, seed, the
 * heatmap's cell field): the current value stays until a complete, valid number is committed —
 * on Enter, on leaving the field (Tab, a click elsewhere), or after typing pauses for
 * TYPING_PAUSE_MS — so "300" runs once (not 3, 30, 300) and the "1" of "1.7" is never applied.
 * Refused text stays in the field with a message naming the field (judgeTyped); Escape brings
 * the current value back.
 *
 * After a commit the field keeps showing the committed text until the new value arrives: the
 * page may hold an edit back until its result is ready (appView.ts), and the field must not flash
 * the old value meanwhile.
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { TYPING_PAUSE_MS, type Judgement } from '../state/numberInput.ts';

interface Draft {
  text: string;
  message: string | null;
  /** Set once applied: the value applied and the value shown before it. */
  applied?: { value: number; before: number };
}

export interface TypedNumberOptions {
  value: number;
  format(value: number): string;
  /** Judges the text typed so far (`final`: Enter or leaving the field). */
  judge(text: string, final: boolean): Judgement;
  onApply(value: number): void;
  /** Apply a complete valid number once typing pauses (default true). */
  applyOnPause?: boolean;
  /** What the applied value shows as (default `format`), e.g. after clamping. */
  formatApplied?(value: number): string;
}

export interface TypedNumberField {
  text: string;
  message: string | null;
  inputProps: {
    value: string;
    onChange(e: ChangeEvent<HTMLInputElement>): void;
    onBlur(e: FocusEvent<HTMLInputElement>): void;
    onFocus(): void;
    onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
    'aria-invalid': true | undefined;
  };
  /** Drops the draft and its message (the field shows the current value). */
  reset(): void;
}

export function useTypedNumber(options: TypedNumberOptions): TypedNumberField {
  const { value, format } = options;
  const [draft, setDraftState] = useState<Draft | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const [focused, setFocused] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest options, for the handlers and the pause timer (it fires after renders that changed them).
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  useLayoutEffect(() => {
    draftRef.current = draft;
  });
  const setDraft = (d: Draft | null) => {
    draftRef.current = d; // at once, for a handler that follows before the next render
    setDraftState(d);
  };
  // A new value (the applied one arriving, an undo, a preset): an applied text gives way, unless
  // the person is still in the field typing that very value. Derived while rendering (React's
  // "state from previous props" pattern).
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (draft?.applied && !(focused && value === draft.applied.value)) setDraftState(null);
  }
  const stopTimer = () => clearTimeout(timer.current);
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (text: string, v: number, final: boolean) => {
    const o = latest.current;
    const before = o.value;
    // Not twice: Enter right after a pause-apply whose value has not arrived yet.
    const again = draftRef.current?.applied?.value === v;
    if (v !== before && !again) o.onApply(v);
    // On a commit the field shows the value as the app prints it; after a pause it keeps the
    // typed text, since the person may still be typing (a reformat would move the caret).
    setDraft(
      v === before && final
        ? null
        : { text: final ? (o.formatApplied ?? o.format)(v) : text, message: null, applied: { value: v, before } },
    );
  };

  const commit = (text: string) => {
    stopTimer();
    const j = latest.current.judge(text, true);
    if (j.kind === 'apply') apply(text, j.value, true);
    else if (j.kind === 'refuse') setDraft({ text, message: j.message });
    else setDraft(null);
  };

  // (The same rule for the render before the pruning above takes effect.)
  let shown = draft;
  if (draft?.applied) {
    const arrived = value !== draft.applied.before;
    if (arrived && (!focused || value !== draft.applied.value)) shown = null;
  }

  return {
    text: shown ? shown.text : format(value),
    message: shown?.message ?? null,
    reset: () => {
      stopTimer();
      setDraft(null);
    },
    inputProps: {
      value: shown ? shown.text : format(value),
      'aria-invalid': shown?.message ? true : undefined,
      onFocus: () => setFocused(true),
      onChange: (e) => {
        const text = e.target.value;
        stopTimer();
        const j = latest.current.judge(text, false);
        setDraft({ text, message: j.kind === 'refuse' ? j.message : null });
        if (j.kind === 'apply' && latest.current.applyOnPause !== false) {
          timer.current = setTimeout(() => {
            const d = draftRef.current;
            if (d && d.text === text && !d.applied) {
              const again = latest.current.judge(text, false);
              if (again.kind === 'apply') apply(text, again.value, false);
            }
          }, TYPING_PAUSE_MS);
        }
      },
      onBlur: (e) => {
        setFocused(false);
        const d = draftRef.current;
        if (d?.applied)
          setDraft(null); // leaving the field shows the value as the app prints it
        else if (d && d.message === null) commit(e.target.value);
      },
      onKeyDown: (e) => {
        if (e.key === 'Enter') {
          if (draftRef.current) commit(e.currentTarget.value);
        } else if (e.key === 'Escape') {
          stopTimer();
          setDraft(null);
        }
      },
    },
  };
}
