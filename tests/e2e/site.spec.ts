import { test, expect } from '@playwright/test';
import { chapterIds, readChapters } from '../essay-files';
import { fetchZhMarks } from './zh-marks';
import { cutOff, uncaughtErrors } from './cut-off';

const editions = { zh: readChapters('zh'), en: readChapters('en') };

test('both editions have the same chapters, at least one each', () => {
  expect(editions.zh.length).toBeGreaterThan(0);
  expect(editions.en.map((c) => c.slug)).toEqual(editions.zh.map((c) => c.slug));
});

for (const lang of ['zh', 'en'] as const) {
  const chapters = editions[lang];

  test(`${lang}: contents page lists every chapter with description and reading time`, async ({ page }) => {
    const response = await page.goto(`/${lang}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    const items = page.locator('.chapter-list li');
    await expect(items).toHaveCount(chapters.length);
    for (const [i, chapter] of chapters.entries()) {
      await expect(items.nth(i).locator('a')).toHaveAttribute('href', `/${lang}/${chapter.slug}/`);
      await expect(items.nth(i).locator('.chapter-list-description')).not.toBeEmpty();
      await expect(items.nth(i).locator('.chapter-list-meta')).toHaveText(/\d/);
    }
  });

  for (const [i, chapter] of chapters.entries()) {
    test(`${lang}/${chapter.slug}: renders with math, anchored headings, working TOC, pager and language switch`, async ({ page }) => {
      const response = await page.goto(`/${lang}/${chapter.slug}/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(chapter.title);
      await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(3);

      // KaTeX rendered everything it was given.
      await expect(page.locator('.katex-error')).toHaveCount(0);
      if (/(?<!\\)\$[^$\n]+(?<!\\)\$|<Equation/.test(chapter.body)) expect(await page.locator('.katex').count()).toBeGreaterThan(0);

      // Every heading of the text has an id and links to itself. (The built page is static: its headings and contents
      // are read in one call rather than one browser round trip per heading.)
      const headings = await page.locator('.prose h2, .prose h3').evaluateAll((list) =>
        list.map((h) => ({ id: h.id, href: h.querySelector('a.heading-link')?.getAttribute('href') ?? null })),
      );
      expect(headings.length).toBeGreaterThan(0);
      for (const [h, { id, href }] of headings.entries()) {
        expect(id, `heading ${h} has an id`).toMatch(/^[a-z0-9-]+$/);
        if (id === 'footnote-label') continue;
        expect(href, `heading #${id} links to itself`).toBe(`#${id}`);
      }

      // Every TOC link points at exactly one element of the page, and the TOC covers every section.
      const toc = await page.locator('.toc a').evaluateAll((links) =>
        links.map((a) => {
          const href = a.getAttribute('href') ?? '';
          return { href, targets: href.startsWith('#') ? document.querySelectorAll(`[id="${CSS.escape(href.slice(1))}"]`).length : 0 };
        }),
      );
      expect(toc.length).toBe(headings.filter((h) => h.id !== 'footnote-label').length);
      for (const { href, targets } of toc) {
        expect(href).toMatch(/^#/);
        expect(targets, `elements with the id of TOC link ${href}`).toBe(1);
      }

      // Previous and next chapter.
      const prev = chapters[i - 1];
      const next = chapters[i + 1];
      if (prev) await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', `/${lang}/${prev.slug}/`);
      else await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
      if (next) await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', `/${lang}/${next.slug}/`);
      else await expect(page.locator('a[rel="next"]')).toHaveCount(0);

      // The language switch lands on the same chapter of the other edition.
      const other = lang === 'zh' ? 'en' : 'zh';
      await expect(page.locator('[data-lang-switch]')).toHaveAttribute('href', `/${other}/${chapter.slug}/`);
    });
  }
}

test('language switch keeps the section the reader came from', async ({ page }) => {
  const chapter = editions.zh[0]!;
  await page.goto(`/zh/${chapter.slug}/`);
  const id = await page.locator('.prose h2').first().getAttribute('id');
  await page.goto(`/zh/${chapter.slug}/#${id}`);
  await page.locator('[data-lang-switch]').click();
  await expect(page).toHaveURL(`/en/${chapter.slug}/#${id}`);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('prev/next links lead to the chapters they name', async ({ page }) => {
  const [first, second] = editions.en;
  test.skip(!second, 'needs two chapters');
  await page.goto(`/en/${first!.slug}/`);
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(`/en/${second!.slug}/`);
  await expect(page.locator('h1')).toHaveText(second!.title);
  await page.locator('a[rel="prev"]').click();
  await expect(page).toHaveURL(`/en/${first!.slug}/`);
});

test('root page offers both editions and sends a reader to the preferred one', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/?choose');
  await expect(page.locator('[data-language-choice] a[data-lang]')).toHaveCount(2);
  await page.goto('/');
  await expect(page).toHaveURL('/en/');
  await context.close();
  const zhContext = await browser.newContext({ locale: 'zh-CN' });
  const zhPage = await zhContext.newPage();
  await zhPage.goto('/');
  await expect(zhPage).toHaveURL('/zh/');
  await zhContext.close();
});

test('an address the site does not have gets the not-found page, in both languages, with the likeliest page offered', async ({ page, browser }) => {
  const chapter = editions.en[2]!;
  // A dropped last letter: the page is served with status 404 and offers the chapter, labelled in its language.
  const typo = `/en/${chapter.slug.slice(0, -1)}/`;
  const response = await page.goto(typo);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText('Page not found');
  await expect(page.locator('h1')).toContainText('找不到这一页');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  const guess = page.locator('[data-guess]');
  await expect(guess).toBeVisible();
  await expect(guess.locator('a')).toHaveAttribute('href', `/en/${chapter.slug}/`);
  await expect(guess.locator('a')).toHaveText(chapter.title);
  await expect(guess).toHaveText(new RegExp(`^\\s*Perhaps you meant:\\s*${chapter.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`), { useInnerText: true });
  await guess.locator('a').click();
  await expect(page).toHaveURL(`/en/${chapter.slug}/`);
  // A Chinese address is answered with the Chinese chapter.
  await page.goto(`/zh/${chapter.slug.replace(/-/g, '')}`);
  await expect(page.locator('[data-guess] a')).toHaveAttribute('href', `/zh/${chapter.slug}/`);
  await expect(page.locator('[data-guess] a')).toHaveText(editions.zh[2]!.title);
  // An unrelated address offers no guess, only both editions' contents.
  await page.goto('/no/such/thing/here/');
  await expect(page.locator('[data-guess]')).toBeHidden();
  await expect(page.locator('.not-found li a')).toHaveCount(2);
  // Without JavaScript the page still reads, and links to both editions.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  expect((await plain.goto(typo))?.status()).toBe(404);
  await expect(plain.locator('.not-found li a[href="/zh/"]')).toBeVisible();
  await expect(plain.locator('.not-found li a[href="/en/"]')).toBeVisible();
  await noJs.close();
});

// The suggestion's code is fetched by the not-found page alone; if it does not arrive, the page still says it and
// links to both editions, and the failed fetch is not an uncaught error.
test('the not-found page reads the same when its suggestion code cannot be fetched, with no uncaught error', async ({ page }) => {
  const errors = uncaughtErrors(page);
  const code = await cutOff(page, /\/_astro\/not-found\.[\w-]+\.js$/);
  expect((await page.goto(`/en/${editions.en[2]!.slug.slice(0, -1)}/`))?.status()).toBe(404);
  await expect.poll(() => code.asked()).toBe(1);
  await expect(page.locator('h1')).toContainText('Page not found');
  await expect(page.locator('.not-found li a[href="/en/"]')).toBeVisible();
  await expect(page.locator('[data-guess]')).toBeHidden();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

// The bibliography sends the reader back: under each work, a link to every chapter that cites it (read from the
// chapters' own sources), in chapter order, named by the chapter's number and leading to the work in that chapter's
// references.
for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: the bibliography links each work to exactly the chapters that cite it`, async ({ page }) => {
    const expected = new Map<string, string[]>();
    for (const chapter of editions[lang]) {
      for (const key of chapterIds(chapter.body).citations) {
        expected.set(key, [...(expected.get(key) ?? []), `${chapter.order} /${lang}/${chapter.slug}/#ref-${key}`]);
      }
    }
    expect(expected.size).toBeGreaterThan(10);
    await page.goto(`/${lang}/bibliography/`);
    const found = await page.locator('.reference-list > li').evaluateAll((items) =>
      items.map((li) => [li.id.replace(/^ref-/, ''), [...li.querySelectorAll('.cited-in a')].map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') }))] as const),
    );
    // A link's text is "Chapter 3" or "第 3 章": its number is compared.
    const number = (text: string) => text.replace(/\D+/g, ' ').trim();
    expect(new Map(found.map(([key, links]) => [key, links.map(({ text, href }) => `${number(text)} ${href}`)]))).toEqual(expected);
  });
}

// Chinese text sets its quotation marks and ellipsis full-width (the ellipsis's dots at mid-height); the Latin face
// first in the stacks would set them narrow, so the Chinese pages put a face of their own before it (global.css).
// The English edition keeps its Latin marks.
test('quotation marks and ellipses are full-width in Chinese text, in prose and headings, and Latin in English', async ({ page }) => {
  const widths = async (selector: string) =>
    page.locator(selector).evaluateAll((elements) => {
      const found: Record<string, number> = {};
      for (const el of elements) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (const ch of ['“', '”', '…']) {
            const at = node.data.indexOf(ch);
            if (at < 0 || ch in found || node.parentElement!.closest('.katex, code')) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            found[ch] = range.getBoundingClientRect().width / parseFloat(getComputedStyle(node.parentElement!).fontSize);
          }
        }
      }
      return found;
    });
  await fetchZhMarks(page);
  await page.goto('/zh/decoder-only/');
  await page.evaluate(() => document.fonts.ready);
  const prose = await widths('.prose > p');
  expect(Object.keys(prose).sort()).toEqual(['…', '“', '”'].sort());
  for (const [ch, em] of Object.entries(prose)) expect(em, `${ch} in Chinese prose`).toBeGreaterThan(0.9);
  await page.goto('/zh/compute-optimal/');
  await page.evaluate(() => document.fonts.ready);
  expect((await widths('.prose > h2'))['“'], '“ in a Chinese heading').toBeGreaterThan(0.9);
  await page.goto('/en/compute-optimal/');
  const english = await widths('.prose > p');
  expect(english['“'], '“ in English prose').toBeLessThan(0.6);
});
