/**
 * Which video files this browser can make, checked without loading the encoder (mediabunny) or
 * the exporters. Videos are encoded frame by frame with WebCodecs' VideoEncoder and muxed with
 * their duration and a seek index, so only browsers with VideoEncoder can export them.
 */

export type VideoFormat = 'webm' | 'mp4';

/** The codecs tried for each container, best first (mediabunny's names). */
export const VIDEO_CODECS: Record<VideoFormat, readonly ('vp9' | 'vp8' | 'avc')[]> = {
  // VP9 and VP8 play in every browser that plays WebM.
  webm: ['vp9', 'vp8'],
  // Only H.264 in MP4 plays everywhere (Safari included); builds without an H.264 encoder get no MP4.
  mp4: ['avc'],
};

/** A WebCodecs codec string per mediabunny codec, for the quick check below. */
const PROBE: Record<'vp9' | 'vp8' | 'avc', string> = { vp9: 'vp09.00.40.08', vp8: 'vp8', avc: 'avc1.640028' };

/** Whether this browser can encode video at all (synchronous, for the first render of the menu). */
export function videoSupport(): { ok: true } | { ok: false; reason: string } {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined') {
    return { ok: false, reason: 'This browser cannot encode video (no WebCodecs VideoEncoder).' };
  }
  return { ok: true };
}

/** The formats whose codecs this browser's VideoEncoder accepts at the export's largest size. */
export async function videoFormats(): Promise<VideoFormat[]> {
  if (!videoSupport().ok) return [];
  const works = async (codec: 'vp9' | 'vp8' | 'avc') => {
    try {
      const config = { codec: PROBE[codec], width: 1280, height: 1280, bitrate: 4_000_000, framerate: 30 };
      return (await VideoEncoder.isConfigSupported(config)).supported === true;
    } catch {
      return false;
    }
  };
  const formats: VideoFormat[] = [];
  for (const format of ['webm', 'mp4'] as const) {
    for (const codec of VIDEO_CODECS[format]) {
      if (await works(codec)) {
        formats.push(format);
        break;
      }
    }
  }
  return formats;
}
