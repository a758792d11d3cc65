/**
 * The Export menu's panel (ExportMenu.tsx): figures as SVG/PNG, trajectories as CSV/JSON, the
 * scenario as a JSON file and its import, and a WebM (or MP4) animation; native buttons. Loaded
 * when the menu is first opened; the work happens in src/export (the video encoder is loaded only
 * when used).
 */
import { useEffect, useId, useState, type ChangeEvent, type RefObject } from 'react';
import { FIGURES, figureShown } from '../explorer/figureManifest.ts';
import { importScenarioJson } from '../state/scenarioFile.ts';
import type { Problem } from '../state/scenarioSchema.ts';
import { videoFormats, videoSupport, type VideoFormat } from '../export/videoSupport.ts';
import { useAppStore, useExplorer } from '../explorer/context.tsx';

/** The exporters load on first use. */
const exporters = () => import('../export/exporters.ts');

type Job = () => string | Promise<string>;

export default function ExportPanel({ detailsRef }: { detailsRef: RefObject<HTMLDetailsElement | null> }) {
  const explorer = useExplorer();
  const n = useAppStore((s) => s.scenario.preferences.length);
  const feedback = useAppStore((s) => (s.scenario.feedback ?? null) !== null);
  const algorithms = useAppStore((s) => s.scenario.algorithms);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [video] = useState(videoSupport);
  // Which containers the encoder accepts (an async check; MP4 needs an H.264 encoder). Until it
  // answers, WebM is offered where WebCodecs exists.
  const [formats, setFormats] = useState<VideoFormat[] | null>(null);
  const [videoProgress, setVideoProgress] = useState(0);
  const noteId = useId();
  const alertId = useId();

  useEffect(() => {
    let live = true;
    void videoFormats().then((f) => live && setFormats(f));
    return () => {
      live = false;
    };
  }, []);

  const run = (name: string, job: Job) => async () => {
    setBusy(name);
    setStatus(`Preparing ${name}…`);
    try {
      const file = await job();
      setStatus(`Downloaded ${file}`);
    } catch (e) {
      setStatus(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Clear the input so choosing the same file again still fires a change.
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setProblems([{ field: 'file', message: 'the file could not be read' }]);
      return;
    }
    const result = importScenarioJson(text);
    if (!result.ok) {
      // Keep the menu open so the message stays in view beside the control that caused it.
      if (detailsRef.current) detailsRef.current.open = true;
      setProblems(result.problems);
      setStatus('');
      return;
    }
    setProblems(null);
    explorer.actions.loadScenario(result.scenario, result.t);
    setStatus(`Imported ${file.name}`);
  };

  const item = (name: string, label: string, job: Job) => (
    <button type="button" onClick={run(name, job)} disabled={busy !== null}>
      {label}
    </button>
  );

  return (
    <div className="export-menu-panel" role="group" aria-label="Export and import">
      <p className="export-menu-heading">Figures</p>
      {FIGURES.filter((f) => f.exports && figureShown(f, n, algorithms, explorer.options.figures, feedback)).map(
        (f) => (
          <div className="export-menu-row" key={f.id}>
            {item(`the ${f.title.toLowerCase()} SVG`, `${f.title} SVG`, async () =>
              (await exporters()).exportFigureSvg(explorer, f.id),
            )}
            {item(`the ${f.title.toLowerCase()} PNG`, `${f.title} PNG (2×)`, async () =>
              (await exporters()).exportFigurePng(explorer, f.id),
            )}
          </div>
        ),
      )}
      <p className="export-menu-heading">Trajectories</p>
      <div className="export-menu-row">
        {item('the CSV file', 'Trajectories CSV', async () => (await exporters()).exportTrajectoriesCsv(explorer))}
        {item('the JSON file', 'Trajectories JSON', async () => (await exporters()).exportTrajectoriesJson(explorer))}
      </div>
      {feedback && (
        <>
          <p className="export-menu-heading">Sampled comparisons</p>
          <div className="export-menu-row">
            {item('the comparisons CSV', 'Comparisons CSV', async () =>
              (await exporters()).exportFeedbackCsv(explorer),
            )}
            {item('the comparisons JSON', 'Comparisons JSON', async () =>
              (await exporters()).exportFeedbackJson(explorer),
            )}
          </div>
        </>
      )}
      <p className="export-menu-heading">Scenario</p>
      <div className="export-menu-row">
        {item('the scenario file', 'Save scenario', async () => (await exporters()).exportScenario(explorer))}
        <label className="export-menu-file">
          <input
            type="file"
            className="visually-hidden"
            accept="application/json"
            onChange={onImport}
            aria-describedby={problems ? alertId : undefined}
          />
          <span>Import scenario</span>
        </label>
      </div>
      <p className="export-menu-heading">Animation</p>
      <div className="export-menu-row">
        {(['webm', 'mp4'] as const).map((format) => {
          const label = format === 'mp4' ? 'MP4' : 'WebM';
          // MP4 only where it can be encoded; WebM always shown (disabled, with the reason).
          if (format === 'mp4' && !formats?.includes('mp4')) return null;
          const ok = video.ok && (formats === null || formats.includes(format));
          const name = `the ${label} video`;
          return (
            <button
              key={format}
              type="button"
              onClick={run(name, async () => {
                setVideoProgress(0);
                // Ten steps are enough for a progress read-out, and re-render the menu ten times only.
                return (await exporters()).exportVideo(explorer, format, (f) =>
                  setVideoProgress(Math.floor(f * 10) * 10),
                );
              })}
              disabled={!ok || busy !== null}
              aria-describedby={ok ? undefined : noteId}
            >
              {busy === name ? `Encoding… ${videoProgress} %` : `Animation ${label}`}
            </button>
          );
        })}
      </div>
      {(!video.ok || formats?.length === 0) && (
        <p className="export-menu-note" id={noteId}>
          {video.ok ? 'This browser cannot encode VP9, VP8 or H.264 video.' : video.reason}
        </p>
      )}
      {problems && (
        <div className="export-menu-alert" role="alert" id={alertId}>
          <p>The scenario file was not imported; nothing changed:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.field}-${i}`}>
                <code>{p.field}</code>: {p.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setProblems(null)}>
            Dismiss
          </button>
        </div>
      )}
      <p className="export-menu-status" role="status">
        {status}
      </p>
    </div>
  );
}
