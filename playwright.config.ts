import { defineConfig } from '@playwright/test';
import { launchOptions } from './scripts/chromium.mjs';

// Browser tests run against the production build (dist/, or DIST_DIR) served locally; CHROMIUM_PATH picks the browser
// (default /usr/bin/chromium; set it to "" to use Playwright's own after `npx playwright install chromium`).
const port = Number(process.env.TEST_PORT ?? 4322);
const distDir = process.env.DIST_DIR ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // An action or page load that hangs fails at its own step, naming it, rather than at the end of the test's time.
    actionTimeout: 20_000,
    navigationTimeout: 45_000,
    launchOptions,
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve-dist.mjs ${distDir}`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/zh/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
