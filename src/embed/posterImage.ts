/**
 * "Download poster image" in the Share dialog: the simplex as it is on screen, as a PNG at 2×,
 * named as the author chose (the embed's `poster=` and the snippet's fallback <img> refer to it).
 */
import { figureSvg, withPngText, currentInfo, type ExportSource } from '../export/exporters.ts';
import { downloadBlob } from '../export/download.ts';
import { serializeSvg, svgSize, svgToPng } from '../export/svgExport.ts';

export async function downloadPoster(src: ExportSource, fileName: string): Promise<void> {
  const info = currentInfo(src);
  const svg = figureSvg(src, 'simplex');
  const { width, height } = svgSize(svg);
  const png = await svgToPng(serializeSvg(svg), width, height, 2);
  downloadBlob(
    await withPngText(png, {
      Software: info.app,
      Source: info.link,
      Description: `Nash-MD explorer poster at t = ${info.t}`,
    }),
    fileName,
  );
}
