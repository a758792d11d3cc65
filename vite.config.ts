import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The production page's Content-Security-Policy: scripts only from the app's own files (no inline
 * scripts, no eval; 'wasm-unsafe-eval' lets the HiGHS WebAssembly module compile), workers from
 * its own files, no network beyond its own origin. Inline styles stay allowed: D3 and KaTeX set
 * style attributes. Added at build time only, since Vite's dev server injects inline scripts.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const cspPlugin: Plugin = {
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
    ),
};

// Relative base: the static build works from any sub-path and from an iframe.
export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  // cors: the app may be embedded in a sandboxed iframe (opaque origin), whose module scripts and
  // wasm are then cross-origin requests; the app's files are public and carry no credentials.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, cors: true },
  test: {
    // Playwright's *.spec.ts files live in e2e/ and must not be collected by Vitest.
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Algorithms whose step code loads on demand (src/core/algorithms/registry.ts) are loaded first.
    setupFiles: ['src/core/__tests__/loadAlgorithms.setup.ts'],
    environment: 'node',
    // The property and fuzz suites run 10,000 cases each; on a busy 2-core machine that can take
    // well over Vitest's default 5 s per test.
    testTimeout: 60_000,
  },
});
