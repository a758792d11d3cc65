import { defineConfig, devices } from '@playwright/test';

// Overridable so that several checkouts or people can run browser tests side by side.
// `npm test` and `npm run test:e2e` set it to a free port (scripts/run-e2e.mjs); a bare
// `npx playwright test` uses 4173 and stops with an error when something already listens there.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT_DIR = process.env.E2E_OUTDIR ? ` --outDir ${process.env.E2E_OUTDIR}` : '';

/**
 * Browser tests run against the production build (Vite compiles workers differently in dev),
 * served by `vite preview`, in Debian's Chromium (Playwright cannot download a browser here).
 * scripts/run-tests.mjs builds first and sets E2E_PREBUILT; on its own, this config builds.
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      grepInvert: /@solo/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
    // Tests that time the page's responsiveness run after all others, alone, so that another
    // browser competing for the two cores does not decide the result.
    {
      name: 'solo',
      grep: /@solo/,
      dependencies: ['chromium'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: `${process.env.E2E_PREBUILT ? '' : `npx vite build${OUT_DIR} && npx vite build -c vite.lib.config.ts${OUT_DIR} && `}npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort${OUT_DIR}`,
    url: `http://127.0.0.1:${PORT}/`,
    // Never: a server already on the port may be another checkout's build, or an old one.
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
