import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The library build: `dist/nash-md-explorer.js`, an ES module that defines `<nash-md-explorer>`
 * and exports `mount`, with its lazy chunks, its worker and the WebAssembly and font files in
 * `dist/lib/`. Run after the app's build (`npm run build`), into the same folder without emptying
 * it. Every URL inside is relative to the module that uses it (`import.meta.url`), so the script
 * works from any folder and from another origin (a CDN with CORS allowed).
 *
 * CSS: every stylesheet the app imports (eagerly or in a lazy chunk) goes into ONE file,
 * `dist/nash-md-explorer.css` (cssCodeSplit off). The element fetches it once, relative to its own
 * script, into a constructed stylesheet that every shadow root adopts (src/element/styles.ts).
 * Vite's usual CSS injection (a <link> in document.head) would style the host page and not the
 * shadow roots; `?inline` strings would add the CSS to the JavaScript counted against the first
 * figure's budget and be parsed once per chunk rather than once per page.
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': JSON.stringify('production') },
  // The app's build already copied public/; this one only adds the library.
  publicDir: false,
  worker: {
    format: 'es',
    rolldownOptions: {
      output: {
        entryFileNames: 'lib/[name]-[hash].js',
        chunkFileNames: 'lib/[name]-[hash].js',
        assetFileNames: 'lib/[name]-[hash][extname]',
      },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false,
    cssCodeSplit: false,
    // Not Vite's library mode: it inlines every asset as base64 (the 3.5 MB HiGHS wasm, KaTeX's
    // fonts). A plain build with a script entry keeps them as files; the entry keeps its exports.
    rolldownOptions: {
      input: { 'nash-md-explorer': 'src/element/index.ts' },
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'lib/[name]-[hash].js',
        // The one stylesheet keeps a fixed name: the element fetches it by that name.
        assetFileNames: (a) =>
          a.names.some((n) => n.endsWith('.css')) ? 'nash-md-explorer.css' : 'lib/[name]-[hash][extname]',
      },
    },
  },
});
