/**
 * The element's styles. The library build writes all of the app's CSS (styles.css, the
 * components' CSS, KaTeX's) into one file beside the script (vite.lib.config.ts). It is fetched
 * once per page, relative to this module's URL (so a script served from a CDN finds it there), into
 * one constructed stylesheet that every shadow root adopts: the page's CSS cannot reach inside and
 * the app's cannot leak out.
 *
 * Two things a shadow root cannot do are done here:
 *  - `:root`, `html` and `body` match nothing inside a shadow tree; they are rewritten to `:host`
 *    (the app's base font, colours and custom properties then start at the element);
 *  - `@font-face` rules are ignored inside shadow roots (Chromium): they are copied once into a
 *    document-level stylesheet, with their font URLs made absolute against the CSS file's URL.
 */

let sheet: Promise<CSSStyleSheet> | null = null;

/**
 * The app's CSS, rewritten for a shadow root, shared by every element on the page. `url`: the
 * library's stylesheet, beside its entry script.
 */
export function elementSheet(url: URL): Promise<CSSStyleSheet> {
  const CSS_URL = url;
  sheet ??= fetch(CSS_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`${CSS_URL.href}: HTTP ${r.status}`);
      return r.text();
    })
    .then((text) => {
      const { scoped, fontFaces } = forShadowRoot(text, r2abs(CSS_URL.href));
      addFontFaces(fontFaces);
      const s = new CSSStyleSheet();
      s.replaceSync(scoped);
      return s;
    });
  return sheet;
}

const r2abs = (base: string) => (url: string) => {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
};

/** The class of the element's container inside its shadow root, where the app's page rules apply. */
export const ROOT_CLASS = 'nmd-root';

/** The container query name of the element's container (element.css). */
const CONTAINER = 'nmd';
/** A media query made only of width conditions, e.g. `(max-width: 700px)`, `(min-width:900px) and (max-width:1100px)`. */
const WIDTH_ONLY =
  /^\((?:min|max)-width:\s*[\d.]+(?:px|em|rem)\)(?:\s+and\s+\((?:min|max)-width:\s*[\d.]+(?:px|em|rem)\))*$/;

/**
 * Splits the app's CSS into the rules for a shadow root and the @font-face rules for the document.
 * In the shadow root's rules: `:root`, `html` and `body` become the container (`.nmd-root`), which
 * the page's selectors cannot reach, unlike the host element itself (a page's `* { font-size }`
 * matches the host and would be inherited); `rem` becomes `var(--nmd-rem)`, set on the container,
 * since a rem inside a shadow tree is still the page's root font size; relative url()s become
 * absolute against the CSS file's URL. Pure: unit-tested.
 */
export function forShadowRoot(css: string, absolute: (url: string) => string): { scoped: string; fontFaces: string } {
  const withUrls = css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, quote: string, url: string) =>
    /^(data:|blob:|#)/.test(url) ? whole : `url(${quote}${absolute(url)}${quote})`,
  );
  const fontFaces: string[] = [];
  const scoped = withUrls
    .replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
      fontFaces.push(rule);
      return '';
    })
    // Selectors only: `:root`/`html`/`body` at the start of a compound selector (after `{`, `}`,
    // `,`, `;` or the start), e.g. `:root {`, `body{`, `html, body {`, `:root[data-theme='dark']`.
    .replace(/(^|[{},;]\s*)(:root|html|body)(?=[\s,{.:[>~+])/g, (_m, before: string) => `${before}.${ROOT_CLASS}`)
    // Width breakpoints are the element's, not the window's: an explorer in a 700 px column lays
    // itself out as in a 700 px window. Other media features (motion, colour scheme) stay.
    .replace(/@media\s*([^{]*)\{/g, (m, prelude: string) =>
      WIDTH_ONLY.test(prelude.trim()) ? `@container ${CONTAINER} ${prelude.trim()} {` : m,
    )
    // Lengths in rem, outside @media/@container preludes (where rem is the initial size anyway).
    .replace(/@(?:media|container)[^{]*\{|(-?\d*\.?\d+)rem\b/g, (m, x: string | undefined) =>
      x === undefined ? m : `calc(${x} * var(--nmd-rem))`,
    );
  return { scoped, fontFaces: fontFaces.join('\n') };
}

/** Font faces go to the document once (they work only there); the app's font names are unique. */
function addFontFaces(fontFaces: string): void {
  if (!fontFaces || document.querySelector('style[data-nash-md-fonts]')) return;
  const style = document.createElement('style');
  style.dataset.nashMdFonts = '';
  style.textContent = fontFaces;
  document.head.append(style);
}
