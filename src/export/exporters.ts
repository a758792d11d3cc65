/**
 * The export actions behind the Export menu: each reads the current state from one explorer's
 * stores (never React), builds a file and downloads it. Every file names the app version and the exact hash.
 */
import { videoFormats, videoSupport, type VideoFormat } from './videoSupport.ts';
import type { AppStore } from '../state/appStore.ts';
import type { RunStore } from '../state/runStore.ts';
import { exportScenarioJson } from '../state/scenarioFile.ts';
import type { FigureRegistry } from '../viz/figureRegistry.ts';
import type { FigureId } from '../explorer/figureManifest.ts';
import { downloadBlob } from './download.ts';
import { exportFileName, exportInfo, type ExportInfo } from './exportInfo.ts';
import { composeSvg, serializeSvg, svgSize, svgToPng } from './svgExport.ts';
import { buildTrajectoryCsv, buildTrajectoryJson, type TrajectoryInput } from './trajectories.ts';
import { buildCountsCsv, buildCountsJson } from './feedbackData.ts';
import { formatT } from '../shared/formatT.ts';
import { isSeedPath } from '../shared/seriesRows.ts';

/** Figures by their manifest id (those with `exports` in figureManifest.ts have a snapshot). */
export type FigureName = FigureId;

/** What the exporters read: one explorer's stores and figures. */
export interface ExportSource {
  app: AppStore;
  run: RunStore;
  figures: FigureRegistry;
}

/** The info of the state shown now (scenario and current t). */
export function currentInfo(src: ExportSource): ExportInfo {
  return exportInfo(src.app.getState().scenario, src.run.getState().t, __APP_VERSION__);
}

/** The named figure's snapshot with metadata, or an error naming what is missing. */
export function figureSvg(src: ExportSource, name: FigureName): SVGSVGElement {
  const renderer = src.figures.get(name);
  if (!renderer?.snapshot) throw new Error(`the ${name} figure is not on the page`);
  return composeSvg(renderer.snapshot(), currentInfo(src));
}

export function exportFigureSvg(src: ExportSource, name: FigureName): string {
  const info = currentInfo(src);
  const text = serializeSvg(figureSvg(src, name));
  const file = exportFileName(name, info.t, 'svg');
  downloadBlob(new Blob([text], { type: 'image/svg+xml' }), file);
  return file;
}

/** PNG at 2× the figure's CSS size, naming the app and the link in tEXt chunks. */
export async function exportFigurePng(src: ExportSource, name: FigureName): Promise<string> {
  const info = currentInfo(src);
  const svg = figureSvg(src, name);
  const { width, height } = svgSize(svg);
  const blob = await svgToPng(serializeSvg(svg), width, height, 2);
  const png = await withPngText(blob, {
    Software: info.app,
    Source: info.link,
    Description: `Nash-MD explorer ${name} figure at t = ${formatT(info.t)}`,
  });
  const file = exportFileName(name, info.t, 'png');
  downloadBlob(png, file);
  return file;
}

function trajectoryInput(src: ExportSource): TrajectoryInput {
  const { scenario } = src.app.getState();
  const run = src.run.getState();
  // A sampled run's seed paths are the simplex's faint bundle; their mean and the exact path are rows.
  const series = run.n === scenario.preferences.length ? run.series.filter((s) => !isSeedPath(s)) : [];
  return { info: currentInfo(src), scenario, n: run.n, series, t: run.t };
}

export function exportTrajectoriesCsv(src: ExportSource): string {
  const input = trajectoryInput(src);
  const file = exportFileName('trajectories', input.t, 'csv');
  downloadBlob(new Blob([buildTrajectoryCsv(input)], { type: 'text/csv;charset=utf-8' }), file);
  return file;
}

/** The sampled comparisons of the shown run (with feedback on), or an error saying there are none. */
function feedbackOfRun(src: ExportSource) {
  const data = src.run.getState().feedback;
  if (!data) throw new Error('there are no sampled comparisons: tick “Learn from sampled feedback”');
  return data;
}

export function exportFeedbackCsv(src: ExportSource): string {
  const data = feedbackOfRun(src);
  const file = exportFileName('comparisons', src.run.getState().t, 'csv');
  const csv = buildCountsCsv(src.app.getState().scenario.labels, data);
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), file);
  return file;
}

export function exportFeedbackJson(src: ExportSource): string {
  const data = feedbackOfRun(src);
  const file = exportFileName('comparisons', src.run.getState().t, 'json');
  const json = buildCountsJson(currentInfo(src), src.app.getState().scenario, data);
  downloadBlob(new Blob([json], { type: 'application/json' }), file);
  return file;
}

export function exportTrajectoriesJson(src: ExportSource): string {
  const input = trajectoryInput(src);
  const file = exportFileName('trajectories', input.t, 'json');
  downloadBlob(new Blob([buildTrajectoryJson(input)], { type: 'application/json' }), file);
  return file;
}

export function exportScenario(src: ExportSource): string {
  const { scenario } = src.app.getState();
  const { t } = src.run.getState();
  const file = exportFileName('scenario', t, 'json');
  downloadBlob(
    new Blob([exportScenarioJson(scenario, t, `nash-md-explorer ${__APP_VERSION__}`)], { type: 'application/json' }),
    file,
  );
  return file;
}

/** Whether this browser can encode video, and which formats. */
export { videoFormats, videoSupport };

/**
 * Encodes the current run growing from t = 0 as a WebM or MP4 file with a duration and a seek
 * index (the encoder and muxer are loaded only when used).
 */
export async function exportVideo(
  src: ExportSource,
  format: VideoFormat = 'webm',
  onProgress?: (fraction: number) => void,
): Promise<string> {
  const support = videoSupport();
  if (!support.ok) throw new Error(support.reason);
  const renderer = src.figures.get('simplex');
  if (!renderer?.snapshot) throw new Error('the simplex figure is not on the page');
  const info = currentInfo(src);
  const snapshot = composeSvg(renderer.snapshot(), info);
  const { recordSimplexVideo } = await import('./video.ts');
  const blob = await recordSimplexVideo(snapshot, info, { format, onProgress });
  const file = exportFileName('simplex', info.t, format);
  downloadBlob(blob, file);
  return file;
}

// ---------------------------------------------------------------- PNG text chunks

/** CRC-32 of a byte range (PNG chunk checksums). */
function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (c ^ -1) >>> 0;
}

/** Inserts tEXt chunks (Latin-1 keywords and values) right after the PNG's IHDR chunk. */
export async function withPngText(png: Blob, entries: Record<string, string>): Promise<Blob> {
  const bytes = new Uint8Array(await png.arrayBuffer());
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (const [key, value] of Object.entries(entries)) {
    // tEXt is Latin-1: characters outside it are replaced, keeping the hash (ASCII) intact.
    const text = `${key}\0${value}`.replace(/[^\x20-\x7e\0]/g, '?');
    const data = new Uint8Array(4 + text.length);
    data.set([0x74, 0x45, 0x58, 0x74]);
    for (let i = 0; i < text.length; i++) data[4 + i] = text.charCodeAt(i);
    const chunk = new Uint8Array(8 + text.length + 4);
    new DataView(chunk.buffer).setUint32(0, text.length);
    chunk.set(data, 4);
    new DataView(chunk.buffer).setUint32(8 + text.length, crc32(data));
    chunks.push(chunk);
  }
  return new Blob([bytes.subarray(0, ihdrEnd), ...chunks, bytes.subarray(ihdrEnd)], { type: 'image/png' });
}
