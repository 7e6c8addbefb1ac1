// Quality gates in the browser, on every built page:
// - accessibility: axe (WCAG 2.0/2.1 A and AA) in the light theme, and its colour rules in the dark;
// - console: loading and scrolling to the end logs no error or warning, and no request fails or answers ≥ 400;
// - self-contained: no request leaves the site's origin (each one is aborted and recorded);
// - CSP: no Content-Security-Policy violation (securitypolicyviolation events and console reports);
// - search still works under the CSP (Pagefind's WebAssembly);
// - no JavaScript: every chapter is readable and navigable with scripts off, its figures shown as static images;
// - bad input: the figures' fuzzer (scripts/fuzz-figures.mjs) on a small, seeded budget.
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readChapters } from '../essay-files';
import { axeOf, COLOUR_RULES } from './axe';
import { cspViolations, watch } from './page-watch';
import { PAGES, scrollThrough } from './quality-pages';
import { testChromiumPath } from '../../scripts/chromium.mjs';

// Route handlers still running when a test ends would otherwise throw into the worker as the context closes.
test.afterEach(async ({ context }) => {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the browser gates have pages to check', () => {
  expect(PAGES.filter((p) => p.kind === 'chapter').length).toBeGreaterThan(1);
});

// Each page is loaded once and scrolled to its end (which draws its figures), then checked by axe in the light theme
// (every WCAG 2.0/2.1 A and AA rule), switched to dark with the header's theme button, as a reader does, and checked
// again (the themes differ only in colour, so the colour rules; axe is slow on long KaTeX pages). The console,
// requests and CSP are watched throughout.
test.describe('every page: axe in the light and the dark theme, console, requests, CSP', () => {
  test.use({ colorScheme: 'light' });
  for (const sitePage of PAGES) {
    test(`${sitePage.url}: no WCAG 2.1 A/AA violation, no console error or warning, no failed or off-site request, no CSP violation`, async ({ context, page }) => {
      test.setTimeout(sitePage.kind === 'book' ? 240_000 : 90_000);
      const seen = await watch(context, page);
      const response = await page.goto(sitePage.url);
      expect(response?.status()).toBe(200);
      await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(251, 249, 244)');
      await scrollThrough(page, seen.inFlight);
      await page.waitForTimeout(200);
      const head = await page.evaluate(() => {
        const first = document.head.firstElementChild;
        return first ? `${first.tagName.toLowerCase()} ${first.getAttribute('http-equiv') ?? ''}` : '';
      });
      expect.soft(head, 'the CSP <meta> comes first in <head>').toBe('meta Content-Security-Policy');
      // The byte budgets (scripts/page-bytes.mjs) count the figure island and the drawing kit only on chapters with a
      // live figure, because the page script fetches them only there: check that it does.
      const live = await page.evaluate(() => document.body.classList.contains('chapter-page') && !!document.querySelector('figure.figure-live[data-figure]'));
      const figureCode = seen.scripts.filter((p) => /\/_astro\/(?:figure-island|chart)\./.test(p));
      if (live) expect.soft(figureCode.length, 'figure island and drawing kit fetched on a page with live figures').toBe(2);
      else expect.soft(figureCode, 'figure code fetched by a page without live figures').toEqual([]);

      // Text a chapter holds back until its math fonts are in is hidden, and axe skips hidden text: check it shown.
      await expect(page.locator('html')).not.toHaveClass(/math-pending/);
      for (const theme of ['light', 'dark'] as const) {
        if (theme === 'dark') {
          await page.locator('[data-theme-toggle]').first().click();
          await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
          await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(29, 31, 34)');
        }
        const axe = await axeOf(page);
        if (theme === 'dark') axe.withRules(COLOUR_RULES);
        const results = await axe.analyze();
        const violations = results.violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`),
          count: v.nodes.length,
        }));
        expect.soft(violations, `axe violations on ${sitePage.url} (${theme})`).toEqual([]);
      }

      // Everything logged, failed or blocked from the load to here: scrolling, drawing, axe and the theme switch.
      seen.csp.push(...(await cspViolations(page)));
      expect.soft(seen.console, 'console errors and warnings').toEqual([]);
      expect.soft(seen.failed, 'failed requests').toEqual([]);
      expect.soft(seen.external, 'requests leaving the site').toEqual([]);
      expect.soft(seen.csp, 'Content-Security-Policy violations').toEqual([]);
    });
  }
});

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
    // The fuzzer runs in the browser the other tests use.
    env: { ...process.env, CHROMIUM_PATH: testChromiumPath },
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
