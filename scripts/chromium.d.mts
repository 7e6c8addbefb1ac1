/** The Chromium executable: CHROMIUM_PATH, else Debian's /usr/bin/chromium; empty string means Playwright's own. */
export const chromiumPath: string;
/** The executable the browser tests use: CHROMIUM_PATH, else chromium-headless-shell when installed, else chromiumPath. */
export const testChromiumPath: string;
/** Launch options for Playwright's chromium.launch(): the full browser. */
export const launchOptions: { executablePath?: string; args: string[] };
/** Launch options for the browser tests. */
export const testLaunchOptions: { executablePath?: string; args: string[] };
