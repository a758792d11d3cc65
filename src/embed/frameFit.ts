/**
 * Embed mode's sizing (embed=1), two halves:
 * - Fit: in a frame of fixed height (a host without the snippet's script, an old snippet) the
 *   simplex shrinks, down to MIN_FIGURE_HEIGHT, so the kept controls under it stay inside the
 *   frame (if that is enough to bring them all in); it never grows past its natural height
 *   (naturalFigureHeight of its width).
 * - Report: when the document is inside a frame (window.parent !== window), it posts the height
 *   it would have with the simplex at its natural height, `{ type: HEIGHT_MESSAGE, frame, height }`,
 *   whenever that changes. The natural height depends on the width only, never on the frame's
 *   height, so the host setting the frame to it cannot start a resize loop.
 * The figure's height is a CSS variable on the app element (--embed-figure-h); its renderer
 * follows through its own ResizeObserver.
 */
import { MIN_FIGURE_HEIGHT, naturalFigureHeight } from './embedHeight.ts';
import { HEIGHT_MESSAGE } from './heightMessage.ts';

export function startEmbedFit(app: HTMLElement, frameId: string | undefined): () => void {
  const inFrame = window.parent !== window;
  let posted = 0;
  let frame = 0;
  const setFigure = (h: number) => app.style.setProperty('--embed-figure-h', `${Math.round(h)}px`);
  // The content's own height (the app does not stretch to the viewport in embed mode).
  const contentHeight = () => Math.ceil(app.getBoundingClientRect().height);

  const fit = () => {
    const figure = app.querySelector<HTMLElement>('.simplex-figure');
    frame = 0;
    if (!figure) return;
    const natural = naturalFigureHeight(figure.clientWidth);
    setFigure(natural);
    const wanted = contentHeight();
    // Shrink only when that brings everything into the frame: when even the smallest figure
    // leaves controls outside, the reader scrolls anyway and should get the whole figure.
    const overflow = wanted - window.innerHeight;
    if (overflow > 0 && overflow <= natural - MIN_FIGURE_HEIGHT) {
      setFigure(natural - overflow);
      // Beside a taller column (wide layout) a smaller figure saves nothing: keep it whole.
      if (contentHeight() >= wanted) setFigure(natural);
    }
    if (inFrame && wanted !== posted) {
      posted = wanted;
      window.parent.postMessage({ type: HEIGHT_MESSAGE, frame: frameId ?? null, height: wanted }, '*');
    }
  };
  // Fitting changes the app's size, which the observer reports: a second pass in the next frame
  // finds the same sizes and stops (fit is idempotent), instead of a ResizeObserver loop error.
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(fit);
  };

  const observer = new ResizeObserver(schedule);
  observer.observe(app);
  window.addEventListener('resize', schedule);
  fit();
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
    window.removeEventListener('resize', schedule);
    app.style.removeProperty('--embed-figure-h');
  };
}
