/** Fullscreen of an explorer's root, where the browser allows it (the F key and the button). */

export const fullscreenAvailable = () => typeof document !== 'undefined' && document.fullscreenEnabled === true;

export function subscribeFullscreen(onChange: () => void) {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

export function toggleFullscreen(root: Element | null): void {
  if (!fullscreenAvailable()) return;
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else if (root) void root.requestFullscreen().catch(() => undefined);
}
