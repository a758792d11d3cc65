/**
 * A video (WebM, or MP4 where the browser has an H.264 encoder) of the current run on the
 * simplex, drawn frame by frame on a canvas that is never shown and encoded with WebCodecs and
 * mediabunny: the static figure (rasterised once from the exported SVG), the trajectories growing
 * from t = 0 to the current t in 4 s at 30 fps and held for 0.8 s, the equilibria, the moving
 * current points and the μ/π0 markers (rasterised once), in the figure's stacking order.
 * A footer names the app and the link.
 * Loaded with a dynamic import (with mediabunny), so it is not part of the first-render bundle.
 */
import {
  BufferTarget,
  CanvasSource,
  getFirstEncodableVideoCodec,
  Mp4OutputFormat,
  Output,
  WebMOutputFormat,
} from 'mediabunny';
import type { ExportInfo } from './exportInfo.ts';
import { loadSvgImage, serializeSvg, svgSize } from './svgExport.ts';
import { VIDEO_CODECS, type VideoFormat } from './videoSupport.ts';

const FPS = 30;
const GROW_SECONDS = 4;
const HOLD_SECONDS = 0.8;
const MAX_SIDE = 1280;
/** A key frame every second: a seek decodes at most a second of frames. */
const KEY_FRAME_SECONDS = 1;

interface Track {
  points: Float64Array;
  color: string;
  width: number;
  dash: number[];
  /** The current-point marker: its path, fill, stroke width. */
  marker: { d: Path2D; fill: string; strokeWidth: number } | null;
}

export interface VideoOptions {
  format: VideoFormat;
  onProgress?(fraction: number): void;
}

/** translate(x,y) of a transform attribute, or [0, 0]. */
function translation(el: Element | null): [number, number] {
  const m = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(el?.getAttribute('transform') ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** Reads the trajectories and current-point markers out of the composed simplex SVG. */
function readTracks(svg: SVGSVGElement): { tracks: Track[]; offset: [number, number] } {
  const layer = svg.querySelector('[data-layer="trajectories"]');
  const offset = translation(layer);
  const markers = new Map<string, Element>();
  for (const path of Array.from(svg.querySelectorAll('[data-layer="current"] path[data-algorithm]')))
    markers.set(path.getAttribute('data-algorithm')!, path);
  const tracks: Track[] = [];
  for (const path of Array.from(layer?.querySelectorAll('path.trajectory') ?? [])) {
    const numbers = (path.getAttribute('d') ?? '').match(/-?[\d.]+(?:e-?\d+)?/g) ?? [];
    const marker = markers.get(path.getAttribute('data-algorithm') ?? '');
    tracks.push({
      points: Float64Array.from(numbers, Number),
      color: path.getAttribute('stroke') ?? '#000',
      width: Number(path.getAttribute('stroke-width')) || 2,
      dash: (path.getAttribute('stroke-dasharray') ?? '').split(/[ ,]+/).filter(Boolean).map(Number),
      marker: marker
        ? {
            d: new Path2D(marker.getAttribute('d') ?? ''),
            fill: marker.getAttribute('fill') ?? '#000',
            strokeWidth: Number(marker.getAttribute('stroke-width')) || 1.5,
          }
        : null,
    });
  }
  return { tracks, offset };
}

/** A copy of the SVG with only the given layers (and its metadata and defs). */
function layersOnly(svg: SVGSVGElement, keep: readonly string[]): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const g of Array.from(copy.querySelectorAll('[data-layer]')))
    if (!keep.includes(g.getAttribute('data-layer')!)) g.remove();
  return serializeSvg(copy);
}

/** Splits `text` into lines no wider than `maxWidth` (breaking anywhere; links have no spaces). */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && ctx.measureText(line + ch).width > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

export async function recordSimplexVideo(svg: SVGSVGElement, info: ExportInfo, options: VideoOptions): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const scale = Math.min(2, MAX_SIDE / Math.max(width, height));
  const [under, markers, handles] = await Promise.all(
    [['background'], ['markers'], ['handles']].map((keep) => loadSvgImage(layersOnly(svg, keep))),
  );
  const { tracks, offset } = readTracks(svg);

  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  const fontSize = 11;
  ctx.font = `${fontSize}px sans-serif`;
  const footer = [`${info.app} · t = 0…${info.t}`, ...wrap(ctx, info.link, width - 16)];
  const footerH = footer.length * (fontSize + 3) + 8;
  // Even pixel sizes: some encoders refuse odd ones.
  canvas.width = 2 * Math.ceil((width * scale) / 2);
  canvas.height = 2 * Math.ceil(((height + footerH) * scale) / 2);

  const drawFrame = (fraction: number) => {
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height + footerH);
    ctx.drawImage(under, 0, 0, width, height);
    ctx.save();
    ctx.translate(offset[0], offset[1]);
    ctx.lineJoin = 'round';
    const heads: [Track, number, number][] = [];
    for (const tr of tracks) {
      const total = tr.points.length / 2;
      if (total === 0) continue;
      const shown = Math.max(1, Math.min(total, Math.ceil(fraction * total)));
      ctx.strokeStyle = tr.color;
      ctx.lineWidth = tr.width;
      ctx.setLineDash(tr.dash);
      ctx.beginPath();
      for (let j = 0; j < shown; j++) {
        if (j === 0) ctx.moveTo(tr.points[0], tr.points[1]);
        else ctx.lineTo(tr.points[2 * j], tr.points[2 * j + 1]);
      }
      ctx.stroke();
      heads.push([tr, tr.points[2 * shown - 2], tr.points[2 * shown - 1]]);
    }
    ctx.restore();
    ctx.drawImage(markers, 0, 0, width, height);
    ctx.save();
    ctx.translate(offset[0], offset[1]);
    ctx.setLineDash([]);
    for (const [tr, x, y] of heads) {
      if (!tr.marker) continue;
      ctx.save();
      ctx.translate(x, y);
      ctx.fillStyle = tr.marker.fill;
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = tr.marker.strokeWidth;
      ctx.fill(tr.marker.d);
      ctx.stroke(tr.marker.d);
      ctx.restore();
    }
    ctx.restore();
    ctx.drawImage(handles, 0, 0, width, height);
    ctx.fillStyle = '#555';
    ctx.font = `${fontSize}px sans-serif`;
    ctx.textBaseline = 'top';
    footer.forEach((line, i) => ctx.fillText(line, 8, height + 4 + i * (fontSize + 3)));
  };

  // Frames are encoded one by one at exact timestamps (not recorded against the clock), so the
  // file always holds every frame, and the muxer writes the duration and a seek index (Cues in
  // WebM, the moov box first in MP4): a <video controls> can show the length and scrub.
  const codec = await getFirstEncodableVideoCodec([...VIDEO_CODECS[options.format]], {
    width: canvas.width,
    height: canvas.height,
  });
  if (!codec)
    throw new Error(`this browser cannot encode ${options.format === 'mp4' ? 'H.264 for MP4' : 'VP9 or VP8 for WebM'}`);
  const output = new Output({
    format: options.format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(canvas, { codec, bitrate: 4_000_000, keyFrameInterval: KEY_FRAME_SECONDS });
  output.addVideoTrack(source, { frameRate: FPS });
  output.setMetadataTags({ title: `${info.app} · t = 0…${info.t}`, comment: info.link });
  await output.start();
  try {
    const growFrames = Math.round(GROW_SECONDS * FPS);
    const totalFrames = growFrames + Math.round(HOLD_SECONDS * FPS);
    for (let frame = 0; frame < totalFrames; frame++) {
      drawFrame(Math.min(1, frame / growFrames));
      // Awaiting add() respects the encoder's backpressure.
      await source.add(frame / FPS, 1 / FPS);
      options.onProgress?.((frame + 1) / totalFrames);
    }
    await output.finalize();
  } catch (e) {
    await output.cancel();
    throw e;
  }
  return new Blob([output.target.buffer!], { type: options.format === 'mp4' ? 'video/mp4' : 'video/webm' });
}
