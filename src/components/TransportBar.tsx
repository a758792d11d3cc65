/**
 * Play, pause, step, reset, speed and the timeline. t changes every frame while playing, so the
 * timeline and the t read-out are updated imperatively from runStore, not through React state.
 */
import { useEffect, useId, useRef } from 'react';

import { MAX_STEPS } from '../state/scenario.ts';
import { formatT } from '../shared/formatT.ts';
import { Gate } from './Gate.tsx';
import { useAppStore, useExplorer } from '../explorer/context.tsx';

const SPEED_MIN = 1;
const SPEED_MAX = 20_000;
const toPos = (v: number) => Math.round((Math.log10(v) / Math.log10(SPEED_MAX)) * 100);
const fromPos = (p: number) => Math.max(SPEED_MIN, Math.round(10 ** ((p / 100) * Math.log10(SPEED_MAX))));

export function TransportBar() {
  const id = useId();
  const { controller, run: runStore } = useExplorer();
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const setPlaying = useAppStore((s) => s.setPlaying);
  const setSpeed = useAppStore((s) => s.setSpeed);
  const timeline = useRef<HTMLInputElement>(null);
  const readout = useRef<HTMLOutputElement>(null);

  useEffect(() => {
    let frame = 0;
    const draw = () => {
      frame = 0;
      const { t, length, reach } = runStore.getState();
      const input = timeline.current;
      if (input) {
        // The timeline reaches as far as the run went (reach), also where those rows are being
        // computed again; while the rows for where it was moved compute, the thumb stays there.
        const end = Math.max(0, length - 1, reach);
        input.max = String(end);
        // The focused element of the input's own document or shadow root (an embedded explorer).
        const focused = (input.getRootNode() as Document | ShadowRoot).activeElement === input;
        const value = String(focused ? controller.targetT : t);
        if (input.value !== value) input.value = value;
        input.setAttribute('aria-valuetext', `t = ${formatT(t)} of ${formatT(end)}`);
      }
      if (readout.current) readout.current.textContent = formatT(t);
    };
    draw();
    const unsubscribe = runStore.subscribe(() => {
      if (!frame) frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [controller, runStore]);

  return (
    <div className="transport" role="group" aria-label="Time">
      <Gate name="play" className="transport-group">
        <button type="button" className="primary" onClick={() => setPlaying(!playing)} aria-pressed={playing}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" onClick={() => controller.step(-1)} aria-label="−1: step back">
          −1
        </button>
        <button type="button" onClick={() => controller.step(1)} aria-label="+1: step forward">
          +1
        </button>
        <button type="button" onClick={() => controller.goTo(0)}>
          ⟲ Reset
        </button>
      </Gate>
      <Gate name="speed" className="transport-group speed-group">
        <label htmlFor={`${id}-speed`} className="speed-label">
          Speed
        </label>
        <input
          id={`${id}-speed`}
          type="range"
          min={0}
          max={100}
          value={toPos(speed)}
          onChange={(e) => setSpeed(fromPos(Number(e.target.value)))}
          aria-valuetext={`${speed} steps per second`}
        />
        <span className="speed-value num">{speed.toLocaleString('en')}/s</span>
      </Gate>
      <Gate name="timeline" className="transport-group timeline-group">
        <label htmlFor={`${id}-timeline`} className="timeline-label">
          t
        </label>
        <input
          id={`${id}-timeline`}
          ref={timeline}
          className="timeline"
          type="range"
          min={0}
          max={MAX_STEPS}
          step={1}
          defaultValue={0}
          onChange={(e) => controller.goTo(Number(e.target.value))}
        />
      </Gate>
      <output ref={readout} className="t-readout num" aria-live="off">
        0
      </output>
    </div>
  );
}
