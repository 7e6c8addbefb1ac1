// Quality gates in the browser, on every built page:
// - console: loading and scrolling to the end logs no error or warning, and no request fails or answers ≥ 400;
// - self-contained: no request leaves the site's origin (each one is aborted and recorded);
// - CSP: no Content-Security-Policy violation (securitypolicyviolation events and console reports);
// - search still works under the CSP (Pagefind's WebAssembly);
// - no JavaScript: every chapter is readable and navigable with scripts off, its figures shown as static images;
// - bad input: the figures' fuzzer (scripts/fuzz-figures.mjs) on a small, seeded budget.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { readChapters } from '../essay-files';
import { DIST, PAGES, scrollThrough } from './quality-pages';

interface Watch {
  console: string[];
  failed: string[];
  external: string[];
  csp: string[];
  /** Every script the page fetched (URL paths). */
  scripts: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The policy a static host sends from _headers (the test server sends none): pages are served with it here. */
const HEADER_POLICY = (() => {
  const file = path.join(DIST, '_headers');
  return existsSync(file) ? /^ {2}Content-Security-Policy: (.+)$/m.exec(readFileSync(file, 'utf8'))?.[1] : undefined;
})();

/** Records console errors and warnings, failed requests, requests to other origins (aborted) and CSP violations. */
async function watch(context: BrowserContext, page: Page): Promise<Watch> {
  const seen: Watch = { console: [], failed: [], external: [], csp: [], scripts: [] };
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
      try {
        const response = await route.fetch();
        return await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': HEADER_POLICY } });
      } catch (error) {
        seen.failed.push(`${route.request().method()} ${url.href}: ${String(error).split('\n')[0]}`);
        return;
      }
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
    if (request.resourceType() === 'script') seen.scripts.push(new URL(request.url()).pathname);
  });
  page.on('requestfailed', (request) => seen.failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.failed.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  return seen;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

// Route handlers still running when a test ends would otherwise throw into the worker as the context closes.
test.afterEach(async ({ context }) => {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the browser gates have pages to check', () => {
  expect(PAGES.filter((p) => p.kind === 'chapter').length).toBeGreaterThan(1);
});

for (const sitePage of PAGES) {
  test(`${sitePage.url}: no console error or warning, no failed or off-site request, no CSP violation`, async ({ context, page }) => {
    test.setTimeout(sitePage.kind === 'book' ? 120_000 : 60_000);
    const seen = await watch(context, page);
    const response = await page.goto(sitePage.url);
    expect(response?.status()).toBe(200);
    await scrollThrough(page);
    await page.waitForTimeout(200);
    const head = await page.evaluate(() => {
      const first = document.head.firstElementChild;
      return first ? `${first.tagName.toLowerCase()} ${first.getAttribute('http-equiv') ?? ''}` : '';
    });
    expect.soft(head, 'the CSP <meta> comes first in <head>').toBe('meta Content-Security-Policy');
    seen.csp.push(...(await cspViolations(page)));
    expect.soft(seen.console, 'console errors and warnings').toEqual([]);
    expect.soft(seen.failed, 'failed requests').toEqual([]);
    expect.soft(seen.external, 'requests leaving the site').toEqual([]);
    expect.soft(seen.csp, 'Content-Security-Policy violations').toEqual([]);
    // The byte budgets (scripts/page-bytes.mjs) count the figure island and the drawing kit only on chapters with a
    // live figure, because the page script fetches them only there: check that it does.
    const live = await page.evaluate(() => document.body.classList.contains('chapter-page') && !!document.querySelector('figure.figure-live[data-figure]'));
    const figureCode = seen.scripts.filter((p) => /\/_astro\/(?:figure-island|chart)\./.test(p));
    if (live) expect.soft(figureCode.length, 'figure island and drawing kit fetched on a page with live figures').toBe(2);
    else expect.soft(figureCode, 'figure code fetched by a page without live figures').toEqual([]);
  });
}

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: search works under the Content-Security-Policy (Pagefind and its WebAssembly)`, async ({ context, page }) => {
    const seen = await watch(context, page);
    const chapter = readChapters(lang)[0]!;
    await page.goto(`/${lang}/${chapter.slug}/`);
    await page.locator('[data-search-open]').click();
    const input = page.locator('dialog[data-search] input[type="search"]');
    await expect(input).toBeFocused();
    await input.fill(lang === 'zh' ? '规模定律' : 'scaling laws');
    await expect(page.locator('[data-search-results] a').first()).toBeVisible({ timeout: 15_000 });
    expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
    seen.csp.push(...(await cspViolations(page)));
    expect(seen.csp, 'Content-Security-Policy violations').toEqual([]);
    expect(seen.console, 'console errors and warnings').toEqual([]);
    expect(seen.failed, 'failed requests').toEqual([]);
    expect(seen.external, 'requests leaving the site').toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['zh', 'en'] as const) {
    const chapters = readChapters(lang);
    const other = lang === 'zh' ? 'en' : 'zh';
    for (const [i, chapter] of chapters.entries()) {
      test(`${lang}/${chapter.slug}: readable and navigable without JavaScript`, async ({ page }) => {
        const path = `/${lang}/${chapter.slug}/`;
        await page.goto(path);
        await expect(page.locator('h1')).toHaveText(chapter.title);
        await expect(page.locator('h1')).toBeVisible();

        // The text is there and shown.
        const paragraphs = page.locator('.prose > p');
        expect(await paragraphs.count()).toBeGreaterThan(3);
        for (const p of (await paragraphs.all()).slice(0, 3)) await expect(p).toBeVisible();
        await expect(page.locator('.prose')).toBeVisible();
        const hidden = await page.locator('.prose > p, .prose > h2, .prose > h3, .prose > ul, .prose > ol').evaluateAll(
          (nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent === null && getComputedStyle(n).position !== 'fixed').length,
        );
        expect(hidden, 'text blocks hidden without JavaScript').toBe(0);

        // Math was rendered at build time.
        if (/(?<!\\)\$[^$\n]+(?<!\\)\$|<Equation/.test(chapter.body)) {
          expect(await page.locator('.katex').count()).toBeGreaterThan(0);
          await expect(page.locator('.katex').first()).toBeVisible();
        }
        await expect(page.locator('.katex-error')).toHaveCount(0);

        // Each figure shows its static twin image, loaded.
        const figures = page.locator('figure[id^="fig-"]');
        for (const figure of await figures.all()) {
          const id = await figure.getAttribute('id');
          const image = figure.locator('img').first();
          await expect(image, `${id}: static image`).toBeVisible();
          await image.scrollIntoViewIfNeeded();
          await expect
            .poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth), { message: `${id}: image loaded` })
            .toBeGreaterThan(0);
        }

        // Table of contents: plain links to sections of this page.
        const toc = page.locator('.toc a[href^="#"]');
        expect(await toc.count()).toBeGreaterThan(0);
        const last = toc.last();
        const hash = await last.getAttribute('href');
        await last.click();
        await expect(page).toHaveURL(new RegExp(`${hash}$`));
        await expect(page.locator(`[id="${hash!.slice(1)}"]`)).toBeInViewport();

        // Pager: plain links to the neighbours.
        const next = chapters[i + 1];
        const prev = chapters[i - 1];
        if (prev) await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', `/${lang}/${prev.slug}/`);
        if (next) {
          await page.locator('a[rel="next"]').click();
          await expect(page).toHaveURL(`/${lang}/${next.slug}/`);
          await expect(page.locator('h1')).toHaveText(next.title);
          await page.goBack();
        }

        // Language switch: a plain link to the same chapter in the other edition.
        const switcher = page.locator('[data-lang-switch]');
        await expect(switcher).toBeVisible();
        await switcher.click();
        await expect(page).toHaveURL(new RegExp(`/${other}/${chapter.slug}/`));
        await expect(page.locator('html')).toHaveAttribute('lang', other === 'zh' ? 'zh-CN' : 'en');
      });
    }
  }
});

// Bad input: bad values in the figures' shared links are ignored with a note, never break a chart (the figures' own
// fuzzer, run here with a bounded budget and a fixed seed so a failure replays; FUZZ_SEED / FUZZ_RUNS override). It
// fuzzes the Chinese edition's figures: the English edition's get at least 200 bad values each in figures.spec.ts.
test('figures survive malformed shared links (scripts/fuzz-figures.mjs, bounded budget, Chinese edition)', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const seed = process.env.FUZZ_SEED ?? '20261128';
  const runs = process.env.FUZZ_RUNS ?? '40';
  const args = ['scripts/fuzz-figures.mjs', '--url', baseURL!, '--seed', seed, '--runs', runs, '--lang', 'zh'];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    maxBuffer: 1 << 24,
    timeout: 280_000,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`fuzz-figures failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
  });
  expect(stdout).toMatch(/no errors\./);
  // Every figure the Chinese chapters place was fuzzed (one "ok" line each), and no English one.
  const placed = readChapters('zh').reduce((n, chapter) => n + (chapter.body.match(/<Figure\s+id="/g)?.length ?? 0), 0);
  expect(placed).toBeGreaterThan(0);
  expect(stdout.match(/^ {2}zh \S+ +ok /gm)?.length ?? 0).toBe(placed);
  expect(stdout).not.toMatch(/^ {2}en /m);
});
