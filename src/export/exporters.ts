/**
 * The export actions behind the Export menu: each reads the current state from the stores (never
 * React), builds a file and downloads it. Every file names the app version and the exact hash.
 */
import { videoFormats, videoSupport, type VideoFormat } from './videoSupport.ts';
import { appStore } from '../state/appStore.ts';
import { runStore } from '../state/runStore.ts';
import { exportScenarioJson } from '../state/scenarioFile.ts';
import { getFigure } from '../viz/figureRegistry.ts';
import { downloadBlob } from './download.ts';
import { exportFileName, exportInfo, type ExportInfo } from './exportInfo.ts';
import { composeSvg, serializeSvg, svgSize, svgToPng } from './svgExport.ts';
import { buildTrajectoryCsv, buildTrajectoryJson, type TrajectoryInput } from './trajectories.ts';
import { formatT } from '../viz/formatT.ts';

/** Figures with an SVG snapshot: 'topk' (n > 12) and 'equilibria' (n > 3) exist only for larger n. */
export type FigureName = 'simplex' | 'convergence' | 'topk' | 'equilibria';

/** The info of the state shown now (scenario and current t). */
export function currentInfo(): ExportInfo {
  return exportInfo(appStore.getState().scenario, runStore.getState().t, __APP_VERSION__);
}

/** The named figure's snapshot with metadata, or an error naming what is missing. */
export function figureSvg(name: FigureName): SVGSVGElement {
  const renderer = getFigure(name);
  if (!renderer?.snapshot) throw new Error(`the ${name} figure is not on the page`);
  return composeSvg(renderer.snapshot(), currentInfo());
}

export function exportFigureSvg(name: FigureName): string {
  const info = currentInfo();
  const text = serializeSvg(figureSvg(name));
  const file = exportFileName(name, info.t, 'svg');
  downloadBlob(new Blob([text], { type: 'image/svg+xml' }), file);
  return file;
}

/** PNG at 2× the figure's CSS size, naming the app and the link in tEXt chunks. */
export async function exportFigurePng(name: FigureName): Promise<string> {
  const info = currentInfo();
  const svg = figureSvg(name);
  const { width, height } = svgSize(svg);
  const blob = await svgToPng(serializeSvg(svg), width, height, 2);
  const png = await withPngText(blob, { Software: info.app, Source: info.link, Description: `Nash-MD explorer ${name} figure at t = ${formatT(info.t)}` });
  const file = exportFileName(name, info.t, 'png');
  downloadBlob(png, file);
  return file;
}

function trajectoryInput(): TrajectoryInput {
  const { scenario } = appStore.getState();
  const run = runStore.getState();
  const series = run.n === scenario.preferences.length ? run.series : [];
  return { info: currentInfo(), scenario, n: run.n, series, t: run.t };
}

export function exportTrajectoriesCsv(): string {
  const input = trajectoryInput();
  const file = exportFileName('trajectories', input.t, 'csv');
  downloadBlob(new Blob([buildTrajectoryCsv(input)], { type: 'text/csv;charset=utf-8' }), file);
  return file;
}

export function exportTrajectoriesJson(): string {
  const input = trajectoryInput();
  const file = exportFileName('trajectories', input.t, 'json');
  downloadBlob(new Blob([buildTrajectoryJson(input)], { type: 'application/json' }), file);
  return file;
}

export function exportScenario(): string {
  const { scenario } = appStore.getState();
  const { t } = runStore.getState();
  const file = exportFileName('scenario', t, 'json');
  downloadBlob(new Blob([exportScenarioJson(scenario, t, `nash-md-explorer ${__APP_VERSION__}`)], { type: 'application/json' }), file);
  return file;
}

/** Whether this browser can encode video, and which formats. */
export { videoFormats, videoSupport };

/**
 * Encodes the current run growing from t = 0 as a WebM or MP4 file with a duration and a seek
 * index (the encoder and muxer are loaded only when used).
 */
export async function exportVideo(format: VideoFormat = 'webm', onProgress?: (fraction: number) => void): Promise<string> {
  const support = videoSupport();
  if (!support.ok) throw new Error(support.reason);
  const renderer = getFigure('simplex');
  if (!renderer?.snapshot) throw new Error('the simplex figure is not on the page');
  const info = currentInfo();
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
