import { defineConfig } from '@playwright/test';
import { availableParallelism } from 'node:os';
import { testLaunchOptions } from './scripts/chromium.mjs';

// Browser tests run against the production build (dist/, or DIST_DIR) served locally; CHROMIUM_PATH picks the browser
// (default: Debian's chromium-headless-shell if installed, else /usr/bin/chromium; set it to "" to use Playwright's
// own after `npx playwright install chromium`). One worker per core, up to four (PW_WORKERS overrides): with the
// headless shell, two workers on two cores take half the time of one.
const port = Number(process.env.TEST_PORT ?? 4322);
const distDir = process.env.DIST_DIR ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: Number(process.env.PW_WORKERS) || Math.min(4, availableParallelism()),
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // An action or page load that hangs fails at its own step, naming it, rather than at the end of the test's time.
    actionTimeout: 20_000,
    navigationTimeout: 45_000,
    launchOptions: testLaunchOptions,
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
