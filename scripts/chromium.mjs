// Where the browser lives and how to start it headless here: one place for tests, screenshots, PDFs and benchmarks.
/** The Chromium executable: CHROMIUM_PATH, else Debian's /usr/bin/chromium; empty string means Playwright's own. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch options for Playwright's chromium.launch(). */
export const launchOptions = {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
