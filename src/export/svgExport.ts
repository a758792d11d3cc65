/**
 * Standalone SVG and PNG files from a renderer's snapshot: styles become presentation
 * attributes, `currentColor` is resolved, interaction-only attributes go, and a <metadata>
 * element names the app, the link that reproduces the state and the parameters. All text goes
 * through DOM APIs and XMLSerializer, so labels are escaped.
 */
import type { ExportInfo } from './exportInfo.ts';
import { APP_NAME, metadataText } from './exportInfo.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const META_NS = 'https://github.com/nash-md-explorer/export';

/** CSS properties that SVG also accepts as presentation attributes. */
const PRESENTATION = new Set([
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'display',
  'visibility',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'color',
  'paint-order',
]);
const DROP_ATTRIBUTES = ['tabindex', 'focusable', 'data-draggable'];

/** Moves inline styles to attributes (dropping UI-only ones) and resolves currentColor. */
function inlineStyles(root: SVGSVGElement): void {
  const walk = (el: Element, color: string) => {
    const style = el.getAttribute('style');
    if (style) {
      for (const decl of style.split(';')) {
        const i = decl.indexOf(':');
        if (i < 0) continue;
        const prop = decl.slice(0, i).trim();
        const value = decl.slice(i + 1).trim();
        if (PRESENTATION.has(prop) && value) el.setAttribute(prop, value);
      }
      el.removeAttribute('style');
    }
    const own = el.getAttribute('color');
    const current = own && own !== 'currentColor' ? own : color;
    for (const attr of ['fill', 'stroke']) if (el.getAttribute(attr) === 'currentColor') el.setAttribute(attr, current);
    for (const attr of DROP_ATTRIBUTES) el.removeAttribute(attr);
    if (el.getAttribute('font-family') === 'inherit') el.setAttribute('font-family', 'sans-serif');
    for (const child of Array.from(el.children)) walk(child, current);
  };
  walk(root, '#1a1a1a');
  // Never shown in a file: hidden nodes are dead weight.
  for (const el of Array.from(root.querySelectorAll('[display="none"]'))) el.remove();
}

/** Adds <metadata> (readable text plus machine-readable attributes) as the first child. */
export function addMetadata(svg: SVGSVGElement, info: ExportInfo): void {
  const doc = svg.ownerDocument;
  const metadata = doc.createElementNS(SVG_NS, 'metadata');
  const record = doc.createElementNS(META_NS, 'nmd:export');
  record.setAttribute('app', APP_NAME);
  record.setAttribute('version', info.version);
  record.setAttribute('link', info.link);
  record.setAttribute('t', String(info.t));
  record.textContent = `\n${metadataText(info)}\n`;
  metadata.appendChild(record);
  svg.insertBefore(metadata, svg.firstChild);
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.textContent = `Exported by ${info.app}. Reproduce: ${info.link}`;
  svg.insertBefore(desc, metadata.nextSibling);
}

/** A self-contained copy of `snapshot` with its metadata; the snapshot itself is not changed. */
export function composeSvg(snapshot: SVGSVGElement, info: ExportInfo): SVGSVGElement {
  const svg = snapshot.cloneNode(true) as SVGSVGElement;
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('version', '1.1');
  if (!svg.getAttribute('font-family') || svg.getAttribute('font-family') === 'inherit')
    svg.setAttribute('font-family', 'sans-serif');
  for (const attr of ['role', 'aria-label']) svg.removeAttribute(attr);
  inlineStyles(svg);
  addMetadata(svg, info);
  return svg;
}

export function serializeSvg(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** CSS size of an SVG from its width/height attributes (or its viewBox). */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = (svg.getAttribute('viewBox') ?? '').split(/[ ,]+/).map(Number);
  const width = Number(svg.getAttribute('width')) || box[2] || 300;
  const height = Number(svg.getAttribute('height')) || box[3] || 150;
  return { width, height };
}

/** Decodes SVG text into an image (via a Blob URL, so no data-URL size limits). */
export async function loadSvgImage(text: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Rasterises SVG text at `scale` × its CSS size (white background) into a PNG blob. */
export async function svgToPng(text: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = await loadSvgImage(text);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
  );
}
