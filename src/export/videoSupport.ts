/** Whether this browser can record the run as WebM video (checked without loading the exporters). */
export function videoSupport(): { ok: true; mimeType: string } | { ok: false; reason: string } {
  if (typeof MediaRecorder === 'undefined') return { ok: false, reason: 'This browser cannot record video (no MediaRecorder).' };
  if (typeof HTMLCanvasElement.prototype.captureStream !== 'function') return { ok: false, reason: 'This browser cannot record a canvas.' };
  const mimeType = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m));
  return mimeType ? { ok: true, mimeType } : { ok: false, reason: 'This browser cannot record WebM video.' };
}
