// Watching a page in the browser gates: console errors and warnings, failed requests, requests to other origins
// (aborted) and Content-Security-Policy violations, with every response carrying the policy of _headers.
import type { BrowserContext, Page, Request, Route } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './quality-pages';

export interface Watch {
  console: string[];
  failed: string[];
  external: string[];
  csp: string[];
  /** Every script the page fetched (URL paths). */
  scripts: string[];
  /** Requests the page has sent and not yet seen finish or fail, for naming what a stalled wait waits for. */
  inFlight: Set<Request>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The policy a static host sends from _headers (the test server sends none): pages are served with it here. */
const HEADER_POLICY = (() => {
  const file = path.join(DIST, '_headers');
  return existsSync(file) ? /^ {2}Content-Security-Policy: (.+)$/m.exec(readFileSync(file, 'utf8'))?.[1] : undefined;
})();

/** Fetches a routed request and answers it with the CSP header added; returns the error's first line if it fails. */
async function fetchWithPolicy(route: Route, policy: string): Promise<string | undefined> {
  try {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    return undefined;
  } catch (error) {
    return String(error).split('\n')[0];
  }
}

/** Records console errors and warnings, failed requests, requests to other origins (aborted) and CSP violations. */
export async function watch(context: BrowserContext, page: Page): Promise<Watch> {
  const seen: Watch = { console: [], failed: [], external: [], csp: [], scripts: [], inFlight: new Set() };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname)) {
      seen.external.push(url.href);
      return route.abort('blockedbyclient');
    }
    if (HEADER_POLICY) {
      // As on the real host, every response carries the header from _headers (its rule is "/*"): pages then obey both
      // it and their <meta>, and workers (Pagefind's search runs in one), which no <meta> reaches, obey it too.
      // A request that fails here is recorded, not thrown: one still in flight when the test ends (Playwright then
      // closes its context) must not fail the run, and one that fails while the test runs fails it by its assertion.
      // It is also aborted, so the page sees it fail as it would see a dropped connection: left unanswered, it would
      // keep the page (and a test waiting on it) waiting until the test's time ran out. The test's own fetch to the
      // local server is tried twice, as a browser resends a request whose connection dropped before any answer: a
      // second failure is the site's (or the server's), a single one the test machinery's, and is logged.
      const first = await fetchWithPolicy(route, HEADER_POLICY);
      if (!first) return;
      const second = await fetchWithPolicy(route, HEADER_POLICY);
      if (!second) return console.log(`page-watch: ${url.href} fetched on the second try (first: ${first})`);
      seen.failed.push(`${route.request().method()} ${url.href}: ${second}`);
      return route.abort('failed').catch(() => undefined);
    }
    return route.continue();
  });
  await context.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = log;
    document.addEventListener('securitypolicyviolation', (event) => {
      log.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  });
  page.on('console', (message) => {
    const text = `${message.type()}: ${message.text()} (${message.location().url}:${message.location().lineNumber})`;
    if (message.type() === 'error' || message.type() === 'warning') seen.console.push(text);
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) seen.csp.push(text);
  });
  page.on('pageerror', (error) => seen.console.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    seen.inFlight.add(request);
    if (request.resourceType() === 'script') seen.scripts.push(new URL(request.url()).pathname);
  });
  page.on('requestfinished', (request) => seen.inFlight.delete(request));
  page.on('requestfailed', (request) => {
    seen.inFlight.delete(request);
    seen.failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) seen.failed.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  return seen;
}

/** The violations the page itself recorded (securitypolicyviolation events). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

