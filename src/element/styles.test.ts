import { describe, expect, it } from 'vitest';
import { forShadowRoot } from './styles.ts';

const abs = (u: string) => new URL(u, 'https://cdn.example/nash/nash-md-explorer.css').href;

describe('forShadowRoot', () => {
  it('turns the page rules into rules of the container', () => {
    const { scoped } = forShadowRoot(
      ':root{color:#111;--x:1}body{margin:0}html, body { padding: 0 }:root[data-theme=dark]{--x:2}',
      abs,
    );
    expect(scoped).toBe(
      '.nmd-root{color:#111;--x:1}.nmd-root{margin:0}.nmd-root, .nmd-root { padding: 0 }.nmd-root[data-theme=dark]{--x:2}',
    );
  });
  it('leaves class names that merely contain html or body alone', () => {
    expect(forShadowRoot('.body-text{x:1}.a .html{y:2}', abs).scoped).toBe('.body-text{x:1}.a .html{y:2}');
  });
  it('moves @font-face to the document with absolute URLs', () => {
    const { scoped, fontFaces } = forShadowRoot(
      "@font-face{font-family:K;src:url(./lib/K.woff2) format('woff2')}.a{b:c}",
      abs,
    );
    expect(scoped).toBe('.a{b:c}');
    expect(fontFaces).toBe("@font-face{font-family:K;src:url(https://cdn.example/nash/lib/K.woff2) format('woff2')}");
  });
  it('keeps data: URLs', () => {
    expect(forShadowRoot('.a{background:url(data:image/png;base64,xx)}', abs).scoped).toBe(
      '.a{background:url(data:image/png;base64,xx)}',
    );
  });
  it('rewrites rem to the container’s size, outside media queries', () => {
    expect(forShadowRoot('.a{margin:.5rem -1rem 2rem}', abs).scoped).toBe(
      '.a{margin:calc(.5 * var(--nmd-rem)) calc(-1 * var(--nmd-rem)) calc(2 * var(--nmd-rem))}',
    );
  });
  it('turns width media queries into container queries and keeps the others', () => {
    const { scoped } = forShadowRoot(
      '@media (max-width:700px){.a{b:c}}@media (prefers-reduced-motion:reduce){.d{e:f}}@media (min-width: 900px) and (max-width: 1100px){.g{h:i}}',
      abs,
    );
    expect(scoped).toBe(
      '@container nmd (max-width:700px) {.a{b:c}}@media (prefers-reduced-motion:reduce){.d{e:f}}@container nmd (min-width: 900px) and (max-width: 1100px) {.g{h:i}}',
    );
  });
});
