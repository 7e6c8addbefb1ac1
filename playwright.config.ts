import { defineConfig } from '@playwright/test';
import { availableParallelism } from 'node:os';
import { testLaunchOptions } from './scripts/chromium.mjs';

// Browser tests run against the production build (dist/, or DIST_DIR) served locally; CHROMIUM_PATH picks the browser
// (default: Debian's chromium-headless-shell if installed, else /usr/bin/chromium; set it to "" to use Playwright's
// own after `npx playwright install chromium`). One worker more than the cores, up to four (PW_WORKERS overrides): a
// test spends part of its time waiting (for the network to go quiet, a held response, a paint), and a spare worker
// fills that time (the README gives the times measured with two, three and four workers on two cores).
const port = Number(process.env.TEST_PORT ?? 4322);
const distDir = process.env.DIST_DIR ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: Number(process.env.PW_WORKERS) || Math.min(4, availableParallelism() + 1),
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
