/**
 * poster=FILE (embed mode): until the reader clicks the still or scrolls it into view, the
 * frame shows only an image (the poster file next to the app, the same one the snippet offers
 * feed readers), so a post with several embeds starts no worker, solver or play loop for the
 * figures the reader has not reached. If the image cannot be loaded, the figure starts at once.
 */
import { useEffect, useRef } from 'react';

/** How much of the still must be in view before the figure starts by itself. */
const START_VISIBLE = 0.6;

export function Poster({ src, onStart }: { src: string; onStart: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const el = button.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    // Inside an iframe the implicit root is the top-level viewport: "in view" on the host page.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting && e.intersectionRatio >= START_VISIBLE)) onStart();
      },
      { threshold: START_VISIBLE },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [onStart]);
  return (
    <button ref={button} type="button" className="embed-poster" onClick={onStart}>
      <img src={src} alt="A still of the Nash-MD explorer's figure" onError={onStart} />
      <span className="poster-cue">▶ Interactive figure: click to start</span>
    </button>
  );
}
