// A fetch that fails as it does for a reader whose connection drops, or whose tab outlives a new version of the site,
// and the uncaught errors a page throws meanwhile: for the tests of how later-fetched code fails.
import type { Page } from '@playwright/test';

export interface CutOff {
  /** How many requests matched so far, failed or not. */
  asked(): number;
  /** From now on, matching requests go through. */
  reconnect(): void;
}

/** Fails every request of `page` whose URL matches `pattern` (as a dropped connection) until reconnect(). */
export async function cutOff(page: Page, pattern: RegExp): Promise<CutOff> {
  let asked = 0;
  let offline = true;
  await page.route(pattern, (route) => {
    asked += 1;
    return offline ? route.abort('internetdisconnected') : route.continue();
  });
  return { asked: () => asked, reconnect: () => void (offline = false) };
}

/** The messages of the uncaught errors `page` throws from now on (a live list). */
export function uncaughtErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
