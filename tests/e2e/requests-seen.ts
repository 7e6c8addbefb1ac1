// The requests a page sends, as a live list: for the tests of what code a page fetches, and when.
import type { Page } from '@playwright/test';

/** The URLs of the requests `page` sends from now on whose URL matches `pattern` (and whose type is `type`, if given). */
export function requestsSeen(page: Page, pattern: RegExp, type?: string): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (pattern.test(request.url()) && (!type || request.resourceType() === type)) urls.push(request.url());
  });
  return urls;
}
