import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readChapters } from '../essay-files';

const SITE = 'https://openai-revelation.example.org';
const DIST = process.env.DIST_DIR ?? 'dist';
const editions = { zh: readChapters('zh'), en: readChapters('en') };

/** Width and height of a PNG file, read from its IHDR chunk. */
function pngSize(file: string) {
  const head = readFileSync(file).subarray(0, 24);
  expect(head.subarray(1, 4).toString()).toBe('PNG');
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

// One page walks an edition's chapters (a step each): the metadata is in the served HTML, and a fresh browser page
// per chapter cost more than the checks.
for (const lang of ['zh', 'en'] as const) {
  const other = lang === 'zh' ? 'en' : 'zh';
  test(`${lang}: every chapter has link-preview metadata with absolute URLs, and a 1200×630 card`, async ({ page }) => {
    for (const chapter of editions[lang]) await test.step(`${lang}/${chapter.slug}`, async () => {
      await page.goto(`/${lang}/${chapter.slug}/`);
      const url = `${SITE}/${lang}/${chapter.slug}/`;
      const meta = (sel: string) => page.locator(sel).first().getAttribute('content');
      await expect(page).toHaveTitle(new RegExp(chapter.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      expect((await meta('meta[name="description"]'))?.length).toBeGreaterThan(20);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
      await expect(page.locator(`link[rel="alternate"][hreflang="${other === 'zh' ? 'zh-CN' : 'en'}"]`)).toHaveAttribute('href', `${SITE}/${other}/${chapter.slug}/`);
      expect(await meta('meta[property="og:url"]')).toBe(url);
      expect(await meta('meta[property="og:title"]')).toBe(chapter.title);
      expect(await meta('meta[property="og:type"]')).toBe('article');
      expect(await meta('meta[property="og:locale"]')).toBe(lang === 'zh' ? 'zh_CN' : 'en');
      const image = await meta('meta[property="og:image"]');
      expect(image).toBe(`${SITE}/og/${lang}/${chapter.slug}.png`);
      expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
      expect(pngSize(`${DIST}/og/${lang}/${chapter.slug}.png`)).toEqual({ width: 1200, height: 630 });
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
      expect(jsonLd).toMatchObject({ '@type': 'Article', headline: chapter.title, inLanguage: lang === 'zh' ? 'zh-CN' : 'en', mainEntityOfPage: url });
      expect(jsonLd.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(jsonLd.publisher.name).toBeTruthy();
    });
  });
}

test('sitemap lists every chapter in both languages with alternates; feeds, robots and manifest exist', async ({ request }) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemapUrl = /<loc>([^<]+)<\/loc>/.exec(index)?.[1] ?? '';
  const sitemap = await (await request.get(new URL(sitemapUrl).pathname)).text();
  for (const lang of ['zh', 'en'] as const) {
    for (const chapter of editions[lang]) expect(sitemap).toContain(`<loc>${SITE}/${lang}/${chapter.slug}/</loc>`);
  }
  expect(sitemap).toContain('hreflang="en"');
  for (const lang of ['zh', 'en'] as const) {
    const rss = await (await request.get(`/${lang}/rss.xml`)).text();
    for (const chapter of editions[lang]) expect(rss).toContain(`${SITE}/${lang}/${chapter.slug}/`);
  }
  expect(await (await request.get('/robots.txt')).text()).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.icons.length).toBeGreaterThanOrEqual(2);
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
});

test.describe('copied links reopen at their target', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  const cases = [
    { what: 'a heading', path: '/en/scaling-laws/', button: '.prose h2[id] .copy-link' },
    { what: 'an equation', path: '/zh/scaling-laws/', button: '.equation .copy-link' },
    { what: 'a footnote', path: '/en/compute-optimal/', button: '.footnotes li .copy-link' },
    { what: 'a figure', path: '/en/compute-optimal/', button: 'figure[id^="fig-"] button[data-copy]' },
  ];
  for (const { what, path, button } of cases) {
    test(`copy-link on ${what} gives a URL that scrolls to and highlights it`, async ({ page, context }) => {
      await page.goto(path);
      const target = page.locator(button).nth(button.includes('data-copy') ? 0 : 1);
      // A figure's own copy button is shown by the figure's code, which is fetched as the figure nears the screen.
      if (button.includes('data-copy')) await page.locator('figure[id^="fig-"]').first().scrollIntoViewIfNeeded();
      await target.scrollIntoViewIfNeeded();
      await target.click({ force: true });
      await expect(page.locator('.toast[role="status"], .figure-copied[role="status"]').filter({ hasText: /\S/ }).first()).toBeVisible();
      const url = await page.evaluate(() => navigator.clipboard.readText());
      expect(url).toMatch(/#[\w-]+$/);
      const fresh = await context.newPage();
      await fresh.goto(url);
      const id = decodeURIComponent(new URL(url).hash.slice(1));
      const element = fresh.locator(`[id="${id}"]`);
      await expect(element).toBeInViewport();
      expect(await element.evaluate((el) => el.matches(':target'))).toBe(true);
      const box = await element.boundingBox();
      const header = await fresh.locator('.site-header').boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(header!.height - 1);
      expect(await element.evaluate((el) => getComputedStyle(el).animationName)).toBe('target-flash');
    });
  }
});

// Where a link's target rests: its top at the page's scroll padding, just under the header (the targets below are
// mid-chapter, with more than a screen of text after them). The check waits until the page has not scrolled for five
// polls 100 ms apart, then for its figures to be drawn, so a scroll aimed before blocks above changed height is
// caught where it ends.
async function landing(page: Page, id: string): Promise<{ top: number; padding: number }> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = Number.NaN;
        let still = 0;
        const poll = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= 5) resolve();
          else setTimeout(poll, 100);
        };
        poll();
      }),
  );
  await page.evaluate(() => window.__figuresReady?.());
  return page.evaluate((id) => {
    const top = document.getElementById(id)!.getBoundingClientRect().top;
    return { top, padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) };
  }, id);
}

test.describe('a link into a chapter lands on its target, opened or followed', () => {
  // Targets far down the chapters with the most figures: every block and figure above them is laid out, or drawn,
  // while the page scrolls there. Motion is the reader's default (not reduced).
  const targets = [
    { path: '/en/scaling-laws/', id: 'eq-kaplan-data' },
    { path: '/en/compute-optimal/', id: 'eq-chinchilla-optimum' },
    { path: '/zh/scaling-laws/', id: 'joint-law' },
  ];
  for (const width of [390, 1400]) {
    test(`${width} px: a shared link to an equation or a section, and a contents link followed on the page`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const { path, id } of targets) {
        await page.goto(`${path}#${id}`);
        const opened = await landing(page, id);
        expect(Math.abs(opened.top - opened.padding), `${path}#${id} opened: top ${opened.top} px, resting place ${opened.padding} px`).toBeLessThanOrEqual(2);
      }
      // Followed: an entry two thirds down the contents, from the top of the page (the contents fold away on a phone).
      for (const path of ['/en/scaling-laws/', '/zh/compute-optimal/']) {
        await page.goto(path);
        const toc = page.locator('.toc');
        if (!(await toc.locator('details').evaluate((d) => (d as HTMLDetailsElement).open))) await toc.locator('summary').click();
        const links = toc.locator('a[href^="#"]');
        const link = links.nth(Math.floor(((await links.count()) * 2) / 3));
        const id = (await link.getAttribute('href'))!.slice(1);
        await link.click();
        const followed = await landing(page, id);
        expect(Math.abs(followed.top - followed.padding), `${path}: contents link to #${id}: top ${followed.top} px, resting place ${followed.padding} px`).toBeLessThanOrEqual(2);
      }
    });
  }
});

test('print emulation hides the interface and keeps figures visible and drawn', async ({ page }) => {
  await page.goto('/en/compute-optimal/');
  await page.evaluate(async () => {
    const ready = (window as unknown as { __figuresReady?: () => Promise<void> }).__figuresReady;
    if (ready) await ready();
  });
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.toc', '.pager', '.site-footer', 'button']) {
    for (const element of await page.locator(selector).all()) await expect(element).toBeHidden();
  }
  await expect(page.locator('.figure input, .figure textarea, .figure [data-field-twin]').first()).toBeHidden();
  const figures = page.locator('figure[id^="fig-"]');
  expect(await figures.count()).toBeGreaterThan(0);
  for (const figure of await figures.all()) {
    await expect(figure).toBeVisible();
    const visual = figure.locator('canvas:visible, img:visible').first();
    await expect(visual).toBeVisible();
    const box = await visual.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(100);
  }
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});
