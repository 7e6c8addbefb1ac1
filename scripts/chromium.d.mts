/** The Chromium executable used by tests and scripts. */
export const chromiumPath: string;
/** Launch options for Playwright's chromium.launch(). */
export const launchOptions: { executablePath?: string; args: string[] };
