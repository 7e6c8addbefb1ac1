// Where the browser lives and how to start it headless here: one place for tests, screenshots, PDFs and benchmarks.
import { existsSync } from 'node:fs';

/** The Chromium executable: CHROMIUM_PATH, else Debian's /usr/bin/chromium; empty string means Playwright's own. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Debian's chromium-headless-shell: the same Blink without the browser's windowing layer. It starts and runs pages
// with less work, so the browser tests can run two at a time on two cores (with the full browser, two workers took
// as long as one).
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The executable the browser tests use: CHROMIUM_PATH if set, else the headless shell when installed, else
 * chromiumPath. Screenshots, PDFs, Lighthouse and the benchmarks keep the full browser a reader has.
 */
export const testChromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : chromiumPath);

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Playwright's launch options for an executable ("" = Playwright's own browser).
const optionsFor = (executable) => ({ ...(executable ? { executablePath: executable } : {}), args: ARGS });

/** Launch options for Playwright's chromium.launch(): the full browser. */
export const launchOptions = optionsFor(chromiumPath);

/** Launch options for the browser tests (testChromiumPath). */
export const testLaunchOptions = optionsFor(testChromiumPath);
