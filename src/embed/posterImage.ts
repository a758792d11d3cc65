/**
 * "Download poster image" in the Share dialog: the simplex as it is on screen, as a PNG at 2×,
 * named as the author chose (the embed's `poster=` and the snippet's fallback <img> refer to it).
 */
import { figureSvg, withPngText, currentInfo } from '../export/exporters.ts';
import { downloadBlob } from '../export/download.ts';
import { serializeSvg, svgSize, svgToPng } from '../export/svgExport.ts';

export async function downloadPoster(fileName: string): Promise<void> {
  const info = currentInfo();
  const svg = figureSvg('simplex');
  const { width, height } = svgSize(svg);
  const png = await svgToPng(serializeSvg(svg), width, height, 2);
  downloadBlob(await withPngText(png, { Software: info.app, Source: info.link, Description: `Nash-MD explorer poster at t = ${info.t}` }), fileName);
}
