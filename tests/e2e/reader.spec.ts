import { test, expect, type Browser, type Page, type Locator, type BrowserContext } from '@playwright/test';
import { startedUp } from './start-up';
import { readChapters, type ChapterSource } from '../essay-files';
import { SCROLL_BOXES } from '../../src/scripts/reader/scroll-boxes';
import { axeOf, violationLines } from './axe';
import { cutPoints, PAINT_SIGNAL_SCRIPT, startSlowHtmlProxy } from './slow-html';
import { frameText } from '../../src/lib/figures/strings';
import { t } from '../../src/lib/i18n';
import { fetchZhMarks } from './zh-marks';
import { cutOff, uncaughtErrors } from './cut-off';
import { requestsSeen } from './requests-seen';

/** From the next page load on, records each layout shift of the context's pages (see LayoutShiftRecord). */
async function watchLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __shifts: LayoutShiftRecord[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number; sources: Array<{ node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> }>) {
        // Name each moved box by tag, id and class, with where it was and where it went (x,y w×h), so a failure
        // on another machine says what moved.
        const box = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
        const name = (node?: Node | null) => {
          if (!node) return '(gone)';
          if (!(node instanceof Element)) return node.nodeName;
          return `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
        };
        const nodes = entry.sources.map((s) => `${name(s.node)} ${box(s.previousRect)} → ${box(s.currentRect)}`).join('; ');
        // A shift whose only moved nodes are spaces between words moved nothing a reader can see.
        const inkless = entry.sources.length > 0 && entry.sources.every((s) => s.node instanceof Text && !s.node.data.trim());
        w.__shifts.push({ value: entry.value, nodes: nodes || '(no source)', inkless });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** When <html> got and lost its math-pending mark (ms since navigation), and whether the math fonts were in then. */
type PendingMarks = { __pending: { on?: number; off?: number; fontsIn?: boolean } };

/** One recorded layout shift: its score, what moved (tag#id.class, old → new box), and whether only spaces moved. */
type LayoutShiftRecord = { value: number; nodes: string; inkless: boolean };

/** The layout shifts recorded on the page so far (see watchLayoutShifts). */
function layoutShifts(page: Page): Promise<LayoutShiftRecord[]> {
  return page.evaluate(() => (window as unknown as { __shifts: LayoutShiftRecord[] }).__shifts);
}


// The reader's aids on the built site: theme, previews, sidenotes, search, TOC, progress, continue reading,
// "cite this chapter", and layout from 320 px up.

const contentDir = process.env.ESSAY_CONTENT_DIR ?? 'content';
const editions = { zh: readChapters('zh', contentDir), en: readChapters('en', contentDir) };
const LIGHT_BG = 'rgb(251, 249, 244)';
const DARK_BG = 'rgb(29, 31, 34)';

/** The first chapter whose source uses every one of the given primitives. */
function chapterWith(lang: 'zh' | 'en', ...needles: string[]): ChapterSource {
  const found = editions[lang].find((chapter) => needles.every((needle) => chapter.body.includes(needle)));
  if (!found) throw new Error(`no ${lang} chapter uses ${needles.join(', ')}`);
  return found;
}
const rich = chapterWith('en', '[^', '<Cite', '<EqRef', '<FigRef');
const richPath = `/en/${rich.slug}/`;

/** A trigger in the running text (not inside a sidenote or the notes section). */
function inText(page: Page, selector: string): Locator {
  return page.locator(`.prose > p ${selector}`).first();
}

async function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

test.describe('theme', () => {
  test('follows the system until the reader chooses, then remembers the choice', async ({ browser }) => {
    for (const [scheme, bg] of [['light', LIGHT_BG], ['dark', DARK_BG]] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(richPath);
      expect(await bodyBackground(page)).toBe(bg);
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
      await context.close();
    }
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(richPath);
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await bodyBackground(page)).toBe(DARK_BG);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await bodyBackground(page)).toBe(DARK_BG);
    await page.goto('/en/');
    expect(await bodyBackground(page)).toBe(DARK_BG);
    await context.close();
  });

  test('the stored theme is in force from the first paint (no flash)', async ({ browser }) => {
    for (const [stored, system, bg] of [['dark', 'light', DARK_BG], ['light', 'dark', LIGHT_BG]] as const) {
      const context = await browser.newContext({ colorScheme: system });
      await context.addInitScript((theme) => {
        localStorage.setItem('theme', theme);
        const seen: string[] = [];
        (window as unknown as { __seen: string[] }).__seen = seen;
        const record = () => document.body && seen.push(getComputedStyle(document.body).backgroundColor);
        requestAnimationFrame(record);
        document.addEventListener('DOMContentLoaded', record);
      }, stored);
      const page = await context.newPage();
      await page.goto(richPath);
      await page.waitForLoadState('load');
      const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
      expect(seen.length).toBeGreaterThan(0);
      for (const colour of seen) expect(colour).toBe(bg);
      await context.close();
    }
  });
});

test.describe('previews', () => {
  test.use({ viewport: { width: 1000, height: 800 } });

  test('a citation previews its full reference on hover, and closes when the pointer leaves', async ({ page }) => {
    await page.goto(richPath);
    const cite = inText(page, 'a.cite-link[data-cite]');
    const key = await cite.getAttribute('data-cite');
    // The reference list may not be laid out yet (it waits for the screen below 75rem), so its text is read as text.
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    const reference = words((await page.locator(`[id="ref-${key}"]`).textContent()) ?? '');
    const preview = page.locator('#reader-preview');
    await expect(preview).toBeHidden();
    await cite.hover();
    await expect(preview).toBeVisible();
    await expect(preview).toHaveAttribute('role', 'tooltip');
    expect(words(await preview.innerText())).toBe(reference);
    await expect(cite).toHaveAttribute('aria-describedby', /reader-preview/);
    await expect(cite).toHaveAttribute('aria-expanded', 'true');
    // The preview stays while the pointer moves onto it (its link can be clicked), and goes once it leaves.
    await preview.hover();
    await page.waitForTimeout(400);
    await expect(preview).toBeVisible();
    await page.mouse.move(5, 400);
    await expect(preview).toBeHidden();
    await expect(cite).not.toHaveAttribute('aria-describedby', /reader-preview/);
    await expect(cite).not.toHaveAttribute('aria-expanded', /./);
  });

  test('keyboard focus opens a preview and Escape closes it; equations and figures preview too', async ({ page }) => {
    await page.goto(richPath);
    const preview = page.locator('#reader-preview');
    const cite = inText(page, 'a.cite-link[data-cite]');
    await cite.focus();
    await expect(preview).toBeVisible();
    await expect(cite).toHaveAttribute('aria-describedby', /reader-preview/);
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    await expect(cite).toBeFocused();

    const eq = inText(page, 'a.eq-ref');
    await eq.focus();
    await expect(preview).toBeVisible();
    await expect(preview.locator('.katex')).not.toHaveCount(0);
    const number = (await eq.innerText()).trim();
    await expect(preview.locator('.equation-number')).toHaveText(number);

    const fig = inText(page, 'a.fig-ref');
    await fig.focus();
    await expect(preview).toBeVisible();
    const figId = (await fig.getAttribute('href'))!.slice(1);
    const caption = await page.locator(`[id="${figId}"] figcaption`).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const control of copy.querySelectorAll('button')) control.remove();
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    });
    expect((await preview.textContent())!.replace(/\s+/g, ' ').trim()).toBe(caption);

    const note = inText(page, 'sup a[data-footnote-ref]');
    await note.focus();
    await expect(preview).toBeVisible();
    const noteId = (await note.getAttribute('href'))!.slice(1);
    const noteText = (await page.locator(`[id="${noteId}"] p`).first().textContent())!.replace('↩', '').trim();
    expect((await preview.innerText()).replace(/\s+/g, ' ')).toContain(noteText.slice(0, 30).replace(/\s+/g, ' '));
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    // No duplicate ids came in with the copies.
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates).toEqual([]);
  });
});

test.describe('previews on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });

  test('a first tap opens the preview, a tap outside or Escape closes it, a second tap follows the link', async ({ page }) => {
    await page.goto(richPath);
    const preview = page.locator('#reader-preview');
    const cite = inText(page, 'a.cite-link[data-cite]');
    await cite.scrollIntoViewIfNeeded();
    await cite.tap();
    await expect(preview).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
    await page.locator('h1').tap();
    await expect(preview).toBeHidden();

    await cite.tap();
    await expect(preview).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();

    await cite.tap();
    await expect(preview).toBeVisible();
    await cite.tap();
    await expect(page).toHaveURL(/#ref-/);
    await expect(preview).toBeHidden();
  });
});

test('on a touch screen a heading ends in one mark: the copy-link button once the script has run, else the “#”', async ({ browser }) => {
  /** Per anchored heading of the text: whether its '#' shows, whether it has a copy-link button, and its height. */
  const headings = async (javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(richPath);
    if (javaScriptEnabled) await startedUp(page);
    const found = await page.locator('.prose :is(h2, h3)[id]').evaluateAll((list) =>
      list.map((heading) => {
        const hash = getComputedStyle(heading.querySelector('.heading-link')!, '::after');
        const button = heading.querySelector('.copy-link');
        return {
          id: heading.id,
          hash: hash.content !== 'none' && hash.visibility === 'visible' && Number(hash.opacity) > 0,
          button: button !== null && Number(getComputedStyle(button).opacity) > 0,
          height: heading.getBoundingClientRect().height,
        };
      }),
    );
    await context.close();
    return found;
  };
  const withScript = await headings(true);
  const without = await headings(false);
  expect(withScript.length).toBeGreaterThan(2);
  // The notes section's heading gets no button (the script leaves it out) and keeps its '#'.
  const marks = (list: typeof without) => list.map(({ id, hash, button }) => ({ id, hash, button }));
  expect(marks(withScript)).toEqual(withScript.map(({ id }) => ({ id, hash: id === 'footnote-label', button: id !== 'footnote-label' })));
  expect(marks(without)).toEqual(without.map(({ id }) => ({ id, hash: true, button: false })));
  // The '#' is hidden, not taken out: every heading keeps its height.
  expect(withScript.map((h) => h.height)).toEqual(without.map((h) => h.height));
});

test.describe('sidenotes', () => {
  test('at 1400 px each note sits in the right margin beside its marker, without overlaps', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(richPath);
    const markers = page.locator('.prose > :not(.footnotes) sup a[data-footnote-ref]');
    const count = await markers.count();
    expect(count).toBeGreaterThan(0);
    const prose = (await page.locator('.prose').boundingBox())!;
    const noteOf = async (marker: Locator) =>
      page.locator(`[id="sidenote-${(await marker.getAttribute('href'))!.replace('#user-content-fn-', '')}"]`);
    let previousBottom = -Infinity;
    for (let i = 0; i < count; i++) {
      const marker = markers.nth(i);
      const note = await noteOf(marker);
      await expect(note).toBeVisible();
      await expect(note).toHaveAttribute('aria-hidden', 'true');
      await expect(marker).toHaveAttribute('aria-describedby', (await note.getAttribute('id'))!);
      const box = (await note.boundingBox())!;
      const ref = (await marker.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(prose.x + prose.width + 16);
      expect(box.x + box.width).toBeLessThanOrEqual(1400);
      expect(box.y).toBeGreaterThanOrEqual(previousBottom);
      if (i === 0) expect(Math.abs(box.y - ref.y)).toBeLessThan(30);
      else expect(box.y).toBeGreaterThan(ref.y - 30);
      previousBottom = box.y + box.height;
    }
    // The margin copies keep their links out of the tab order; the notes section stays for links and keyboards.
    await expect(page.locator('.sidenote a:not([tabindex="-1"])')).toHaveCount(0);
    await expect(page.locator('.footnotes')).toBeAttached();
    // Pointing at a marker lights its note; hover previews are left to the margin; a click flashes the note.
    const first = markers.first();
    const note = await noteOf(first);
    await first.hover();
    await expect(note).toHaveClass(/is-active/);
    await page.waitForTimeout(300);
    await expect(page.locator('#reader-preview')).toBeHidden();
    await first.click();
    await expect(note).toHaveClass(/is-flash/);
    expect(new URL(page.url()).hash).toBe('');
    // In print the notes section is the notes and the sidenotes are gone.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.footnotes')).toBeVisible();
    await expect(page.locator('.sidenote').first()).toBeHidden();
  });

  test('at 390 px notes stay inline: the notes section, and the note opens at its marker on tap', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(richPath);
    await expect(page.locator('.sidenote').first()).toBeHidden();
    await expect(page.locator('.footnotes')).toBeVisible();
    const marker = inText(page, 'sup a[data-footnote-ref]');
    await expect(marker).toHaveAttribute('href', /^#user-content-fn-/);
    await marker.scrollIntoViewIfNeeded();
    await marker.tap();
    const preview = page.locator('#reader-preview');
    await expect(preview).toBeVisible();
    const ref = (await marker.boundingBox())!;
    const box = (await preview.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(Math.min(Math.abs(box.y - (ref.y + ref.height)), Math.abs(box.y + box.height - ref.y))).toBeLessThan(20);
    await context.close();
  });

  test('the margin copies and their code come only once the screen is wide enough for them, and then stay', async ({ page }) => {
    const fetched = requestsSeen(page, /\/sidenotes\.[\w-]+\.js$/);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(richPath);
    // The last start-up step has run once the copy buttons show; the sidenotes' step comes before it.
    await startedUp(page);
    await expect(page.locator('.sidenote')).toHaveCount(0);
    expect(fetched, 'a phone-sized screen fetches no sidenote code').toEqual([]);
    const markers = await page.locator('.prose > :not(.footnotes) sup a[data-footnote-ref]').count();
    expect(markers).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1400, height: 900 });
    await expect(page.locator('.sidenote').first()).toBeVisible();
    const made = await page.locator('.sidenote').count();
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThanOrEqual(markers);
    // Narrow again: hidden, not made twice.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect(page.locator('.sidenote').first()).toBeHidden();
    await page.setViewportSize({ width: 1400, height: 900 });
    await expect(page.locator('.sidenote')).toHaveCount(made);
    expect(fetched, 'the sidenote code is fetched once').toHaveLength(1);
  });

  // A reader whose connection drops, or whose open tab outlives a new version of the site (its chunks renamed), may
  // not get the sidenotes' code: the notes stay where they are without a script, at the chapter's end.
  test('when the sidenotes\' code cannot be fetched, the notes stay at the end with no uncaught error, and the next widening tries again', async ({ page }) => {
    const errors = uncaughtErrors(page);
    const code = await cutOff(page, /\/sidenotes\.[\w-]+\.js$/);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(richPath);
    await startedUp(page);
    await expect.poll(() => code.asked()).toBe(1);
    await expect(page.locator('.sidenote')).toHaveCount(0);
    await page.locator('.footnotes').scrollIntoViewIfNeeded();
    await expect(page.locator('.footnotes li').first()).toBeVisible();
    code.reconnect();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.setViewportSize({ width: 1400, height: 900 });
    await expect(page.locator('.sidenote').first()).toBeVisible();
    expect(code.asked()).toBe(2);
    expect(errors).toEqual([]);
  });
});

test.describe('search', () => {
  // Each case walks the whole search flow over three page loads and loads the language's index: give it room.
  test.describe.configure({ timeout: 150_000 });
  const cases = [
    { lang: 'zh', query: '苦涩的教训', slug: 'bitter-lesson', open: '/' },
    { lang: 'en', query: 'Chinchilla', slug: 'compute-optimal', open: 'Control+K' },
  ] as const;
  for (const { lang, query, slug, open } of cases) {
    test(`${lang}: "${query}" finds the ${slug} chapter, in this edition, with links to its sections`, async ({ page }) => {
      const requests = requestsSeen(page, /\/pagefind\//);
      await page.goto(`/${lang}/`);
      await page.waitForLoadState('networkidle');
      expect(requests).toEqual([]);
      const button = page.locator('[data-search-open]');
      await expect(button).toBeVisible();
      await page.keyboard.press(open);
      const dialog = page.locator('dialog[data-search]');
      await expect(dialog).toBeVisible();
      const input = dialog.locator('input[type="search"]');
      await expect(input).toBeFocused();
      await input.fill(query);
      const first = dialog.locator('.search-results > li').first();
      await expect(first.locator('a.search-result')).toHaveAttribute('href', `/${lang}/${slug}/`);
      const hrefs = await dialog.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) expect(href.startsWith(`/${lang}/`)).toBe(true);
      const section = first.locator('a.search-section').first();
      await expect(section).toHaveAttribute('href', new RegExp(`^/${lang}/${slug}/#[a-z0-9-]+$`));
      expect(requests.some((url) => url.includes('/pagefind/pagefind.js'))).toBe(true);
      // Arrow keys walk the results; Escape closes the dialog and gives focus back.
      await input.press('ArrowDown');
      await expect(first.locator('a.search-result')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      // Escape in the box closes the dialog too, at once, and the query is still there on the next opening.
      await button.click();
      await expect(input).toBeFocused();
      await input.press('Escape');
      await expect(dialog).toBeHidden();
      // A section result leads to that section.
      await button.click();
      await expect(input).toHaveValue(query);
      const href = (await section.getAttribute('href'))!;
      await section.click();
      await expect(page).toHaveURL(href);
      await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeInViewport();
      // On the next page, Enter in the box opens the first result. The shortcut is wired by the page script's first,
      // synchronous step, so it works from DOMContentLoaded on (the URL changes earlier, when the navigation commits).
      await page.waitForLoadState('domcontentloaded');
      await page.keyboard.press(open);
      await input.fill(query);
      await expect(first.locator('a.search-result')).toHaveAttribute('href', `/${lang}/${slug}/`);
      await input.press('Enter');
      await expect(page).toHaveURL(`/${lang}/${slug}/`);
    });
  }
  test('zh: excerpts end a heading with “。”, not the “. ” Pagefind adds, and set no space after a full-width mark', async ({ page }) => {
    await page.goto('/zh/');
    await page.keyboard.press('/');
    const dialog = page.locator('dialog[data-search]');
    await dialog.locator('input[type="search"]').fill('Chinchilla');
    await expect(dialog.locator('.search-excerpt').first()).toBeVisible();
    const excerpts = await dialog.locator('.search-excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(3);
    // The section "Chinchilla 的修正" is among the results; its excerpt runs on from the heading into the text.
    expect(excerpts.some((text) => text.includes('的修正。'))).toBe(true);
    expect(excerpts.filter((text) => /[\u4e00-\u9fff。！？：；，、）”]\. |[。！？：；，、）”] /.test(text))).toEqual([]);
  });

  // What the index holds shows in every excerpt: a formula is indexed once, as drawn (KaTeX's MathML copy with its TeX
  // source is excluded in pagefind.yml), a figure's controls, data table and buttons are not indexed at all, and a
  // table's cells stay separate words (rehypeTableSpacing): glued, two decimals read as one ("0.500.693").
  for (const [lang, queries] of [['en', ['slope', 'loss', 'token', 'parameters', 'Figure', '0.693']], ['zh', ['损失', 'token', '参数', '图', '0.693']]] as const) {
    test(`${lang}: excerpts hold no TeX source, no figure controls and no table cells run together`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      const excerpts = await page.evaluate(async (words) => {
        const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
        await pagefind.options({ excerptLength: 24 });
        const found: string[] = [];
        for (const word of words) {
          const { results } = await pagefind.search(word);
          for (const result of results.slice(0, 10)) {
            const data = await result.data();
            found.push(data.excerpt, ...data.sub_results.map((sub: { excerpt: string }) => sub.excerpt));
          }
        }
        return found.map((html) => html.replace(/<[^>]+>/g, ''));
      }, [...queries]);
      expect(excerpts.length).toBeGreaterThan(20);
      const labels = [frameText(lang, 'copyLink'), frameText(lang, 'showData'), frameText(lang, 'controls', { n: 1 }).replace(/\s*1$/, '')];
      const bad = excerpts.filter((text) => text.includes('\\') || labels.some((label) => text.includes(label)) || /\b0\.\d+0\.\d/.test(text));
      expect(bad, 'excerpts with TeX source, a figure control label or two table cells run together').toEqual([]);
      expect(excerpts.some((text) => /0\.50 0\.693/.test(text)), "the worked example's first row, cell by cell").toBe(true);
    });
  }
});

// The search code (a chunk of the page script) and Pagefind's own script are fetched on the first opening; either can
// fail to arrive (offline, or a tab left open across a new version of the site). The dialog says so, the failure is
// not an uncaught error, and the next opening fetches again and searches.
for (const [part, pattern] of [
  ['the search code', /\/_astro\/search\.[\w-]+\.js$/],
  ['Pagefind', /\/pagefind\/pagefind\.js$/],
] as const) {
  test(`when ${part} cannot be fetched, the dialog says so, with no uncaught error, and the next opening searches`, async ({ page }) => {
    const errors = uncaughtErrors(page);
    const code = await cutOff(page, pattern);
    await page.goto('/en/');
    await page.keyboard.press('Control+K');
    const dialog = page.locator('dialog[data-search]');
    await expect(dialog.locator('[role="status"]')).toHaveText(t('en', 'searchError'));
    expect(code.asked()).toBe(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    code.reconnect();
    await page.locator('[data-search-open]').click();
    await dialog.locator('input[type="search"]').fill('Chinchilla');
    await expect(dialog.locator('a.search-result').first()).toHaveAttribute('href', '/en/compute-optimal/');
    await expect(dialog.locator('[role="status"]')).not.toHaveText(t('en', 'searchError'));
    expect(code.asked()).toBe(2);
    expect(errors).toEqual([]);
  });
}

test('the search shortcut works from DOMContentLoaded on: a contents page, a chapter with figures, one without', async ({ page }) => {
  // A "/" dispatched by the document's own DOMContentLoaded listener (registered before any page script) must
  // already open the dialog: a reader, or a test, that presses it once the page is parsed is not ignored.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }));
      const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search]');
      (window as unknown as { __openAtReady: boolean }).__openAtReady = !!dialog?.open;
    });
  });
  for (const path of ['/zh/', '/en/scaling-laws/', '/zh/language/']) {
    await page.goto(path);
    expect(await page.evaluate(() => (window as unknown as { __openAtReady: boolean }).__openAtReady), path).toBe(true);
  }
});

test('the table of contents marks the section being read, and the progress bar follows', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(richPath);
  const current = page.locator('.toc a[aria-current="true"]');
  await expect(current).toHaveCount(0);
  const ids = await page.locator('.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(1)));
  expect(ids.length).toBeGreaterThan(2);
  for (const id of [ids[2]!, ids[0]!, ids.at(-1)!]) {
    await page.locator(`[id="${id}"]`).evaluate((el) => el.scrollIntoView({ behavior: 'instant', block: 'start' }));
    await expect(page.locator(`.toc a[href="#${id}"]`)).toHaveAttribute('aria-current', 'true');
    await expect(current).toHaveCount(1);
  }
  const scale = () => page.locator('[data-reading-progress] > span').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  await expect.poll(scale).toBeGreaterThan(0.5);
  await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
  await expect.poll(scale).toBe(0);
  await page.evaluate(() => scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }));
  await expect.poll(scale).toBe(1);
});

test('in forced colours (a contrast theme) the progress bar keeps a colour of its own', async ({ page }) => {
  // Forced colours turn every background into the page's own: the bar's fill vanished and, growing, hid the header's
  // lower edge.
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(richPath);
  await page.evaluate(() => scrollTo({ top: document.body.scrollHeight / 2, behavior: 'instant' }));
  const colours = await page.evaluate(() => ({
    bar: getComputedStyle(document.querySelector('[data-reading-progress] > span')!).backgroundColor,
    page: getComputedStyle(document.body).backgroundColor,
  }));
  expect(colours.page).toMatch(/^rgb\(/);
  expect(colours.bar, 'the bar is drawn in the page background').not.toBe(colours.page);
  expect(colours.bar, 'the bar is transparent').not.toMatch(/, 0\)$|transparent/);
});

test('the contents page offers to continue where the reader left off, and can forget it', async ({ page }) => {
  await page.goto('/en/');
  await expect(page.locator('[data-continue]')).toBeHidden();
  await page.goto(richPath);
  await page.locator('.prose h2').nth(1).evaluate((el) => el.scrollIntoView({ behavior: 'instant', block: 'start' }));
  const current = page.locator('.toc a[aria-current="true"]');
  await expect(current).toHaveCount(1);
  const id = await current.evaluate((a) => (a as HTMLAnchorElement).hash.slice(1));
  const sectionTitle = (await page.locator(`[id="${id}"]`).innerText()).trim();
  await page.goto('/en/');
  const box = page.locator('[data-continue]');
  await expect(box).toBeVisible();
  await expect(box.locator('a')).toHaveAttribute('href', `${richPath}#${id}`);
  await expect(box.locator('a')).toContainText(rich.title);
  await expect(box.locator('a')).toContainText(sectionTitle);
  // The other edition keeps its own place.
  await page.goto('/zh/');
  await expect(page.locator('[data-continue]')).toBeHidden();
  await page.goto('/en/');
  await box.locator('button[data-continue-dismiss]').click();
  await expect(box).toBeHidden();
  await page.reload();
  await expect(box).toBeHidden();
});

test('cite this chapter: a plain reference and BibTeX made from the chapter, each with a copy button', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(richPath);
  const block = page.locator('details.cite-this');
  await expect(block).toHaveCount(1);
  // It comes after the references and before the pager.
  const order = await page.evaluate(() => {
    const all = [...document.querySelectorAll('.references, details.cite-this, .pager')];
    return all.map((el) => el.className.split(' ')[0]);
  });
  expect(order).toEqual(['references', 'cite-this', 'pager']);
  await block.locator('summary').click();
  const url = `https://openai-revelation.example.org${richPath}`;
  const bibtex = (await block.locator('pre code').textContent())!;
  expect(bibtex).toMatch(/^@\w+\{[\w:-]+,/);
  expect(bibtex).toContain(`title = {`);
  expect(bibtex).toContain(`url = {${url}}`);
  expect(bibtex).toMatch(/year = \{\d{4}\}/);
  const plain = (await block.locator('.cite-this-text').textContent())!;
  expect(plain).toContain(rich.title);
  expect(plain).toContain('The OpenAI Revelation');
  expect(plain).toContain(url);
  const copy = block.locator('button[data-copy-target]').nth(1);
  await copy.click();
  await expect(copy).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
  await context.close();
});

test.describe('layout from 320 px', () => {
  test.use({ viewport: { width: 320, height: 700 } });
  for (const lang of ['zh', 'en'] as const) {
    test(`${lang}: no page scrolls sideways at 320 px; wide equations and tables scroll in their own box`, async ({ page }) => {
      for (const path of [`/${lang}/`, ...editions[lang].map((chapter) => `/${lang}/${chapter.slug}/`)]) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
        // Each wide thing either fits or sits in a box (itself or an ancestor) that scrolls and fits.
        const escaping = await page.evaluate((wide) => {
          const width = document.documentElement.clientWidth + 0.5;
          return [...document.querySelectorAll(wide)]
            .filter((el) => {
              let box: Element | null = el;
              while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
              return (box && box !== document.body ? box : el).getBoundingClientRect().right > width;
            })
            .map((el) => el.className);
        }, `${SCROLL_BOXES}, .cite-this-code`);
        expect(escaping, path).toEqual([]);
      }
    });
  }
});

test.describe('the header on a narrow phone', () => {
  // 280 px is a folding phone's outer screen. The header's breakpoints count in the reader's own text size, so 240 and
  // 195 px are where a 360 px phone lands with its text at 150 % and a 390 px one at 200 %: there the header takes two
  // rows, the title above the tools.
  for (const width of [360, 320, 280, 240, 195]) {
    test(`${width} px: shows the site's whole title in whole words inside the header, the tools on screen, and the language switch names the other language`, async ({ page }) => {
      await page.setViewportSize({ width, height: 700 });
      for (const [path, name] of [['/en/', '中文'], ['/zh/', 'English'], [`/en/${editions.en[0]!.slug}/`, '中文'], [`/zh/${editions.zh[0]!.slug}/`, 'English']] as const) {
        await page.goto(path);
        await expect(page.locator('.search-button')).toBeVisible();
        const title = await page.locator('.site-title').evaluate((el) => {
          const box = el.getBoundingClientRect();
          const header = el.closest('header')!.getBoundingClientRect();
          // Each word of the title, and the lines it is drawn on (more than one: broken inside the word).
          const text = el.firstChild as Text;
          const broken = [...text.data.matchAll(/\S+/g)].filter((word) => {
            const range = document.createRange();
            range.setStart(text, word.index!);
            range.setEnd(text, word.index! + word[0].length);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
          });
          const tools = [...el.closest('header')!.querySelectorAll<HTMLElement>('.header-tools > *')]
            .filter((tool) => tool.offsetWidth > 0)
            .map((tool) => tool.getBoundingClientRect())
            .filter((r) => r.left < 0 || r.right > innerWidth || r.top < header.top || r.bottom > header.bottom);
          return {
            full: el.scrollWidth, shown: el.clientWidth, fullHeight: el.scrollHeight, shownHeight: el.clientHeight,
            inside: box.top >= header.top && box.bottom <= header.bottom, broken: broken.map((word) => word[0]), toolsOut: tools.length,
          };
        });
        expect(title.full, `${path}: the title is cut short`).toBeLessThanOrEqual(title.shown);
        expect(title.fullHeight, `${path}: the title is cut off below`).toBeLessThanOrEqual(title.shownHeight);
        expect(title.inside, `${path}: the title stays inside the header`).toBe(true);
        expect(title.broken, `${path}: a word of the title is broken across lines`).toEqual([]);
        expect(title.toolsOut, `${path}: tools outside the header or the screen`).toBe(0);
        await expect(page.locator('[data-lang-switch]')).toHaveText(name, { useInnerText: true });
      }
    });
  }

  // The two-row header is about 5.7rem tall: on a tall screen it stays, and a link lands below it; on 195 × 420 (a
  // 390 × 844 phone at 200 % text) it would hide 22 % of every screen, so there it scrolls away with the page.
  const landing = async (page: Page, height: number) => {
    await page.setViewportSize({ width: 195, height });
    const chapter = editions.en[2]!;
    await page.goto(`/en/${chapter.slug}/`);
    const id = await page.locator('.prose h2[id]').nth(1).getAttribute('id');
    await page.goto(`/en/${chapter.slug}/#${id}`);
    return page.evaluate((target) => ({
      heading: document.getElementById(target)!.getBoundingClientRect().top,
      header: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
      bar: document.querySelector('.reading-progress')!.getBoundingClientRect().top,
    }), id!);
  };
  test('195 × 1000 px: a link to a section lands below the two-row header, and the reading bar runs along the top edge', async ({ page }) => {
    const { heading, header, bar } = await landing(page, 1000);
    expect(header, 'the header has two rows, on screen').toBeGreaterThan(80);
    expect(heading, 'the section heading sits below the header').toBeGreaterThanOrEqual(header);
    expect(heading - header, 'and not far below it').toBeLessThan(60);
    expect(bar).toBe(0);
  });
  test('195 × 420 px: the two-row header scrolls away, a link to a section lands at the top, and the reading bar counts from the top edge', async ({ page }) => {
    const { heading, header, bar } = await landing(page, 420);
    expect(header, 'the header has scrolled away').toBeLessThanOrEqual(0);
    expect(heading, 'the section heading is at the screen\'s top').toBeGreaterThanOrEqual(0);
    expect(heading, 'and not far below it').toBeLessThan(40);
    expect(bar).toBe(0);
    // Halfway down the chapter's text the bar is about half full (measured from the screen's top, not the header's
    // foot far above it).
    await page.evaluate(() => {
      const prose = document.querySelector('.prose')!.getBoundingClientRect();
      scrollTo(0, scrollY + prose.top + (prose.height - innerHeight) / 2);
    });
    await expect.poll(() => page.locator('[data-reading-progress] > span').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)).toBeGreaterThan(0.4);
    expect(await page.locator('[data-reading-progress] > span').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)).toBeLessThan(0.6);
  });
});

// The same breakpoints set by the browser's own text-size setting, as a reader sets it: at 200 % a 390 × 844 phone's
// header would cover 183 of its 844 px, and scrolls away instead; at 100 % it stays on screen.
test('a reader\'s text size decides whether the header stays on screen (390 × 844: yes at 100 %, no at 200 %)', async ({ browser }) => {
  for (const [root, stays] of [[16, true], [32, false]] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: root, fixed: Math.round((root * 13) / 16) } });
    await page.goto(`/zh/${editions.zh[2]!.slug}/`);
    await page.evaluate(() => scrollTo(0, 3000));
    const bottom = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().bottom);
    if (stays) expect(bottom, `${root} px text: the header's foot on screen`).toBeGreaterThan(40);
    else expect(bottom, `${root} px text: the header scrolled away`).toBeLessThanOrEqual(0);
    await context.close();
  }
});

test.describe('the pager on a narrow phone', () => {
  // A long word of a chapter's title in half a column ran out of its card, and the chapter's end, laid out on its own,
  // cut it off at the column's edge: below 360 px the two cards stack.
  for (const width of [280, 359]) {
    test(`${width} px: every chapter's previous and next cards fit the column, one above the other`, async ({ page }) => {
      await page.setViewportSize({ width, height: 700 });
      for (const lang of ['en', 'zh'] as const) {
        for (const chapter of editions[lang]) {
          const path = `/${lang}/${chapter.slug}/`;
          await page.goto(path);
          const cards = await page.locator('.pager').evaluate((pager) => {
            const column = pager.getBoundingClientRect();
            return [...pager.querySelectorAll<HTMLElement>('a')].map((card) => {
              const box = card.getBoundingClientRect();
              return { fits: card.scrollWidth <= card.clientWidth && box.left >= column.left - 0.5 && box.right <= column.right + 0.5, top: box.top, bottom: box.bottom };
            });
          });
          expect(cards.length, path).toBeGreaterThan(0);
          expect(cards.filter((card) => !card.fits).length, `${path}: a card runs past the column`).toBe(0);
          if (cards.length === 2) expect(cards[1]!.top, `${path}: the cards stack`).toBeGreaterThan(cards[0]!.bottom);
        }
      }
    });
  }
});

test('on a narrow phone the bibliography names each citing chapter on one line', async ({ page }) => {
  await page.setViewportSize({ width: 240, height: 700 });
  for (const lang of ['zh', 'en'] as const) {
    await page.goto(`/${lang}/bibliography/`);
    const split = await page.locator('.cited-in a').evaluateAll((links) =>
      links.filter((a) => new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size > 1).map((a) => a.textContent));
    expect(await page.locator('.cited-in a').count()).toBeGreaterThan(20);
    expect(split, lang).toEqual([]);
  }
});

test.describe('math', () => {
  // A formula cut off at its box's edge can look finished (the rest is reached only by scrolling it), so every
  // display equation must fit its column whole, on a 360 px phone as on a desktop.
  // A browser may also break a line between inline math and the text beside it even where the text forbids it: a
  // comma, a "、" or a closing bracket then opens the next line, or an opening bracket ends one (before
  // rehypeMathMarks, 13 such breaks in the Chinese chapters at 320, 390 and 1400 px, and 2 in the English).
  const displayWide = () =>
    [...document.querySelectorAll<HTMLElement>('.prose .katex-display')].map((box) =>
      box.scrollWidth > box.clientWidth + 1 ? `${box.closest('[id]')?.id ?? box.textContent?.slice(0, 30)}: ${box.scrollWidth} px in ${box.clientWidth} px` : '',
    );
  const marksParted = () => {
    const line = (rect: DOMRect) => rect.top + rect.height / 2;
    const charRect = (text: Text, at: number) => {
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      return range.getBoundingClientRect();
    };
    const checked: string[] = [];
    for (const math of document.querySelectorAll<HTMLElement>('.prose .katex')) {
      if (math.closest('.katex-display')) continue;
      const rects = [...math.getClientRects()];
      if (!rects.length) continue;
      const name = (math.querySelector('annotation')?.textContent ?? math.textContent ?? '').slice(0, 24);
      const after = math.nextSibling;
      if (after instanceof Text && /^[，。、；：！？）」』”’,.;:!?)’”]/.test(after.data)) {
        checked.push(charRect(after, 0).top > line(rects.at(-1)!) ? `"${after.data[0]}" opens a line after ${name}` : '');
      }
      const before = math.previousSibling;
      if (before instanceof Text && /[（「『“‘(“‘]$/.test(before.data)) {
        checked.push(line(charRect(before, before.data.length - 1)) < rects[0]!.top ? `"${before.data.at(-1)}" ends a line before ${name}` : '');
      }
    }
    return checked;
  };
  for (const lang of ['zh', 'en'] as const) {
    test(`${lang}: every display equation fits its column, and no mark beside inline math is parted from it by a line break`, async ({ page }) => {
      let equations = 0;
      let marks = 0;
      const parted: string[] = [];
      for (const chapter of editions[lang]) {
        const path = `/${lang}/${chapter.slug}/`;
        await page.setViewportSize({ width: 1400, height: 800 });
        await page.goto(path);
        await page.evaluate(() => document.querySelectorAll<HTMLElement>('.prose > *').forEach((b) => (b.style.contentVisibility = 'visible')));
        for (const width of [1400, 390, 360, 320]) {
          await page.setViewportSize({ width, height: 800 });
          if (width === 1400 || width === 360) {
            const boxes = await page.evaluate(displayWide);
            expect(boxes.filter(Boolean), `${path} at ${width} px`).toEqual([]);
            equations += boxes.length;
          }
          if (width !== 360) {
            const checked = await page.evaluate(marksParted);
            marks += checked.length;
            parted.push(...checked.filter(Boolean).map((b) => `${path} at ${width} px: ${b}`));
          }
        }
      }
      expect(equations).toBeGreaterThan(10);
      expect(marks, 'marks next to inline math').toBeGreaterThan(100);
      expect(parted).toEqual([]);
    });
  }

  test.describe('a box that scrolls sideways', () => {
    test.use({ viewport: { width: 360, height: 800 } });
    test('shows a shadow at each edge it can be scrolled past, and none when it fits', async ({ page }) => {
      const path = `/en/${chapterWith('en', '<Figure', '<Equation').slug}/`;
      await page.goto(path);
      // A figure's data, opened, is wider than a phone.
      await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.prose details').forEach((details) => (details.open = true)));
      const shadows = (locator: Locator) =>
        locator.evaluate((box) => {
          // Two inset layers: the left edge's, then the right edge's; a transparent layer is no shadow.
          const shadow = getComputedStyle(box).boxShadow;
          const [left = '', right = ''] = shadow.split(/,(?![^(]*\))/);
          const shows = (layer: string) => !/rgba\(0, 0, 0, 0\)|transparent/.test(layer);
          return { left: shows(left), right: shows(right), none: shadow === 'none' };
        });
      const tables = page.locator('.prose table, .figure-data-body');
      const widths = await tables.evaluateAll((all) => all.map((t) => t.scrollWidth - t.clientWidth));
      const wideIndex = widths.findIndex((extra) => extra > 40);
      expect(wideIndex, `a table wider than the screen on ${path}`).toBeGreaterThanOrEqual(0);
      const table = tables.nth(wideIndex);
      await table.scrollIntoViewIfNeeded();
      expect(await shadows(table)).toEqual({ left: false, right: true, none: false });
      await table.evaluate((box) => (box.scrollLeft = box.scrollWidth / 4));
      await expect.poll(() => shadows(table)).toEqual({ left: true, right: true, none: false });
      await table.evaluate((box) => (box.scrollLeft = box.scrollWidth));
      await expect.poll(() => shadows(table)).toEqual({ left: true, right: false, none: false });
      // An equation that fits has nothing to scroll, so no shadow.
      const equation = page.locator('.prose .equation .katex-display').first();
      await equation.scrollIntoViewIfNeeded();
      expect(await shadows(equation)).toMatchObject({ none: true });
    });
  });
});

test.describe('a long chapter on a phone', () => {
  test.use({ viewport: { width: 320, height: 700 } });
  const longest = [...editions.en].sort((a, b) => b.body.length - a.body.length)[0]!;

  test(`${longest.slug}: blocks far below are laid out only when reached, and every wide box on screen scrolls by keyboard`, async ({ page }) => {
    await page.goto(`/en/${longest.slug}/`);
    // Skipped = laid out only as a placeholder box (content-visibility: auto) until it nears the screen; judged by
    // each block's first child element (blocks of plain text have none to ask).
    const probes = '.prose > * > :first-child';
    const skipped = () => page.evaluate((probes) => [...document.querySelectorAll(probes)].map((el) => !el.checkVisibility({ contentVisibilityAuto: true })), probes);
    const atTop = await skipped();
    expect(atTop.filter(Boolean).length, 'off-screen blocks not yet laid out').toBeGreaterThan(atTop.length / 2);
    expect(atTop.at(-1), 'the last block waits').toBe(true);
    // Walk down the page half a screen at a time: each block reached is laid out, and every box then on screen is
    // reachable by keyboard exactly when it is wider than the column (a box not yet measured keeps a tab stop).
    const walk = await page.evaluate(async (boxes) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const name = (box: HTMLElement) => box.closest('[id]')?.id ?? box.className;
      const missing = new Set<string>();
      const extra = new Set<string>();
      const scrolling = new Set<HTMLElement>();
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
        scrollTo({ top: y, behavior: 'instant' });
        await frame();
        for (const box of document.querySelectorAll<HTMLElement>(boxes)) {
          const rect = box.getBoundingClientRect();
          if (rect.bottom < 0 || rect.top > innerHeight) continue;
          const scrolls = box.scrollWidth > box.clientWidth + 1;
          if (scrolls) scrolling.add(box);
          if (scrolls && box.tabIndex !== 0) missing.add(name(box));
          if (!scrolls && box.getAttribute('tabindex') === '0') extra.add(name(box));
        }
      }
      return { missing: [...missing], extra: [...extra], scrolling: scrolling.size };
    }, SCROLL_BOXES);
    expect(walk.missing, 'wide boxes without a tab stop').toEqual([]);
    expect(walk.extra, 'boxes that fit but keep a tab stop').toEqual([]);
    expect((await skipped()).at(-1), 'the last block, reached, is laid out').toBe(false);
    // The chapter does have boxes that scroll at 320 px, so the walk above had something to check.
    expect(walk.scrolling).toBeGreaterThan(0);
  });

  test('decoder-only: a formula far below asks for no math font until it nears the screen (the script measures no box early)', async ({ page }) => {
    await page.goto('/en/decoder-only/');
    // The premise: this chapter's first formula sits after the twelve opening blocks that are always laid out.
    const firstMath = await page.evaluate(() =>
      [...document.querySelector('.prose')!.children].filter((el) => !el.classList.contains('sidenote')).findIndex((el) => el.querySelector('.katex')),
    );
    expect(firstMath).toBeGreaterThanOrEqual(12);
    // The copy buttons are shown by the page script's last start-up step; two frames later its resize check has run.
    await startedUp(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const mathFonts = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/KaTeX_/.test(e.name)).length);
    expect(await mathFonts(), 'KaTeX fonts fetched at load').toBe(0);
    await page.locator('.prose .katex').first().scrollIntoViewIfNeeded();
    await expect.poll(mathFonts).toBeGreaterThan(0);
  });

  // A slow connection brings a page in pieces, and the browser paints each piece. Nothing painted may move when the
  // rest arrives: the header is held back until it is whole (rel=expect), a heading's '#' waits for its heading, and
  // the text after a formula waits for the math fonts until the whole document is in. A proxy stops the page's HTML
  // at each cut, waits for the browser to paint what it has, then sends the rest: the same result on any machine.
  test.describe('on a slow connection, nothing painted moves when the rest of the page arrives', () => {
    const fetchPage = async (baseURL: string | undefined, path: string) => Buffer.from(await (await fetch(new URL(path, baseURL))).arrayBuffer());
    const proseStart = (html: Buffer) => html.indexOf('<div class="prose">');
    /** The first chapter of an edition whose built page passes `wanted`: its path and its HTML. */
    const pick = async (baseURL: string | undefined, lang: 'zh' | 'en', wanted: (html: Buffer) => boolean) => {
      for (const chapter of editions[lang]) {
        const path = `/${lang}/${chapter.slug}/`;
        const html = await fetchPage(baseURL, path);
        if (wanted(html)) return { path, html };
      }
      throw new Error(`no ${lang} chapter fits`);
    };

    /** A phone-sized page behind the holding proxy; load() stops a page at a byte and says what happened. */
    async function heldLoads(browser: Browser, baseURL: string) {
      const proxy = await startSlowHtmlProxy(baseURL);
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
      await watchLayoutShifts(context);
      await context.addInitScript(PAINT_SIGNAL_SCRIPT);
      const page = await context.newPage();
      /** Loads path stopped at byte at; says whether a paint came before the rest, and what moved. */
      const load = async (path: string, html: Buffer, at: number, maxMs: number, transform?: (html: string) => string) => {
        const held = proxy.hold({ path, at, maxMs, transform });
        await page.goto(proxy.origin + path, { waitUntil: 'commit' });
        const { paintedBeforeRest } = await held;
        // Then until the page is loaded, its fonts are in, the math mark is off and the page script has started up,
        // and two frames more.
        await page.waitForLoadState('load');
        await page.evaluate(() => document.fonts.ready);
        await expect(page.locator('html')).not.toHaveClass(/math-pending/);
        await startedUp(page);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const where = `${path} stopped at byte ${at} ("…${html.subarray(Math.max(0, at - 40), at).toString()}|${html.subarray(at, at + 16).toString()}…")`;
        // A page stopped just after a space can show that space moving once the next word comes (Chromium scores a
        // space at the end of the painted text that then joins a line); it has no ink, so it is not counted here.
        const shifts = (await layoutShifts(page)).filter(({ inkless }) => !inkless);
        return { paintedBeforeRest, where, shifts: shifts.map(({ value, nodes }) => `${value.toFixed(4)} ${nodes}`) };
      };
      /** Stops the page at each cut; lists what was painted too soon, not painted, or moved. */
      const walk = async (path: string, html: Buffer, cuts: number[]) => {
        const headerEnd = html.indexOf('<span id="header-end"');
        const problems: string[] = [];
        for (const at of cuts) {
          // Stopped inside the header, the browser must paint nothing while it waits (300 ms is ample to see a paint).
          const inHeader = at <= headerEnd;
          const { paintedBeforeRest, where, shifts } = await load(path, html, at, inHeader ? 300 : 10_000);
          if (inHeader && paintedBeforeRest) problems.push(`${where}: painted before the header was whole`);
          if (!inHeader && !paintedBeforeRest) problems.push(`${where}: nothing painted while the rest was held`);
          problems.push(...shifts.map((shift) => `${where}: moved ${shift}`));
        }
        return problems;
      };
      const close = async () => {
        await context.close();
        await proxy.close();
      };
      return { load, walk, close };
    }

    test('the header, the title and an early heading (an English chapter stopped at each tag)', async ({ browser, baseURL }) => {
      test.setTimeout(180_000);
      const { path, html } = await pick(baseURL, 'en', (page) => !page.includes('math-pending') && page.indexOf('<h2', proseStart(page)) - proseStart(page) < 1500);
      const held = await heldLoads(browser, baseURL!);
      // The check can fail: without the header's hold, a page stopped in the middle of the header tools is painted
      // half-built, and the tools move when the rest arrives.
      const unheld = (text: string) => text.replace(/<link rel="expect"[^>]*>/, '');
      const bare = Buffer.from(unheld(html.toString()));
      const control = await held.load(path, bare, bare.indexOf('<a class="lang-switch"'), 5000, unheld);
      expect(control.paintedBeforeRest, 'without the hold, the half-built header is painted').toBe(true);
      expect(control.shifts.length, 'and moves').toBeGreaterThan(0);

      const cuts = cutPoints(html, '<header class="site-header">', 3);
      expect(cuts.length, 'cuts to make').toBeGreaterThan(40);
      expect(await held.walk(path, html, cuts)).toEqual([]);
      await held.close();
    });

    test('the text from the first formula on (a Chinese chapter with math on its first screen, stopped at each tag and inside the formula)', async ({ browser, baseURL }) => {
      test.setTimeout(180_000);
      const { path, html } = await pick(baseURL, 'zh', (page) => page.includes('math-pending'));
      const held = await heldLoads(browser, baseURL!);
      // The header and the chapter's title block are built alike on every page: the test above stops in them.
      const cuts = cutPoints(html, '<div class="prose">', 2, true);
      expect(cuts.length, 'cuts to make').toBeGreaterThan(20);
      expect(await held.walk(path, html, cuts)).toEqual([]);
      await held.close();
    });
  });

  test('no chapter shifts while it loads on a phone or a tablet (blocks laid out late must not move what is on screen)', async ({ browser }) => {
    // Forty-four loads: 45–51 s in a full run on two cores, close to the default limit of 60 s.
    test.setTimeout(180_000);
    const shifted: string[] = [];
    for (const viewport of [{ width: 412, height: 823 }, { width: 768, height: 1024 }]) {
      const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true });
      await watchLayoutShifts(context);
      const page = await context.newPage();
      for (const lang of ['zh', 'en'] as const) {
        for (const chapter of editions[lang]) {
          await page.goto(`/${lang}/${chapter.slug}/`);
          await page.evaluate(() => document.fonts.ready);
          await page.waitForTimeout(300);
          const shift = (await layoutShifts(page)).reduce((sum, { value }) => sum + value, 0);
          // Lighthouse prints CLS to three decimals; anything it would show as more than 0.000 fails.
          if (shift >= 0.0005) shifted.push(`${viewport.width}px /${lang}/${chapter.slug}/: ${shift.toFixed(4)}`);
        }
      }
      await context.close();
    }
    expect(shifted).toEqual([]);
  });

  // The browser lays out a waiting block (content-visibility: auto) that starts within half a screen below the first
  // one frame after its first layout; on screen, that would move what is below it. So the blocks that never wait
  // must reach that far on every chapter (global.css: the first twelve, or six before a displayed formula). Checked
  // on a tall phone and a tablet, the screens tallest for their widths, with every block then laid out to measure
  // where the first waiting one starts.
  test('no block that waits for the screen starts within one and a half screens of the top, on a phone or a tablet', async ({ browser }) => {
    test.setTimeout(120_000);
    const early: string[] = [];
    for (const viewport of [{ width: 430, height: 932 }, { width: 768, height: 1024 }]) {
      const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      for (const lang of ['zh', 'en'] as const) {
        for (const chapter of editions[lang]) {
          await page.goto(`/${lang}/${chapter.slug}/`);
          await page.evaluate(() => document.fonts.ready);
          const start = await page.evaluate(() => {
            const blocks = [...document.querySelectorAll<HTMLElement>('.prose > *')];
            const first = blocks.find((block) => getComputedStyle(block).contentVisibility === 'auto');
            for (const block of blocks) block.style.setProperty('content-visibility', 'visible', 'important');
            return first ? (first.getBoundingClientRect().top + scrollY) / innerHeight : Infinity;
          });
          if (start < 1.5) early.push(`${viewport.width}×${viewport.height} /${lang}/${chapter.slug}/: ${start.toFixed(2)} screens`);
        }
      }
      await context.close();
    }
    expect(early).toEqual([]);
  });

  // A formula on the first screen whose font arrives after the first paint changes width, and its line wraps again
  // (a 0.15 shift at 768 px on compute-optimal, on a busy machine). Here the math fonts are held back on purpose.
  test('compute-optimal: math fonts that arrive after the first paint move no text (it waits hidden, then shows)', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true });
    await watchLayoutShifts(context);
    await context.addInitScript(() => {
      const w = window as unknown as PendingMarks;
      w.__pending = {};
      new MutationObserver(() => {
        const on = document.documentElement.classList.contains('math-pending');
        if (on && w.__pending.on === undefined) w.__pending.on = performance.now();
        if (!on && w.__pending.on !== undefined && w.__pending.off === undefined) {
          w.__pending.off = performance.now();
          w.__pending.fontsIn = document.fonts.check('1em KaTeX_Main') && document.fonts.check('italic 1em KaTeX_Math');
        }
      }).observe(document, { attributes: true, attributeFilter: ['class'], subtree: true });
    });
    await context.route(/\/KaTeX_[^/]+\.woff2$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto('/en/compute-optimal/');
    await expect(page.locator('html')).not.toHaveClass(/math-pending/);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    const pending = await page.evaluate(() => (window as unknown as PendingMarks).__pending);
    const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN);
    expect(pending.on, 'the text after the first formula was held back').toBeDefined();
    expect(pending.fontsIn, 'it was shown once the math fonts were in').toBe(true);
    expect(pending.off!, 'and not before the first paint').toBeGreaterThan(firstPaint);
    expect((await layoutShifts(page)).map(({ value, nodes }) => `${value.toFixed(4)} ${nodes}`)).toEqual([]);
    await context.close();
  });

  // What the text waits behind is found by a mark written at build time on the first block with math, not by
  // :has(.katex) (which made a heading's new copy-link button restyle every block below it), so the mark must sit
  // exactly there: on a chapter's first block (margin notes aside) that holds KaTeX's output, and on no other.
  test('the mark where a chapter’s math starts sits on its first block with math, and only there', async ({ page }) => {
    const wrong: string[] = [];
    let marked = 0;
    for (const lang of ['zh', 'en'] as const) {
      for (const chapter of editions[lang]) {
        await page.goto(`/${lang}/${chapter.slug}/`);
        const { first, marks } = await page.evaluate(() => {
          const blocks = [...document.querySelectorAll('.prose > :not(.sidenote)')];
          const found = blocks.findIndex((block) => block.querySelector('.katex'));
          return { first: found, marks: [...document.querySelectorAll('[data-math-from]')].map((mark) => (mark.parentElement?.matches('.prose') ? blocks.indexOf(mark) : -2)) };
        });
        const expected = first < 0 ? [] : [first];
        if (JSON.stringify(marks) !== JSON.stringify(expected)) wrong.push(`/${lang}/${chapter.slug}/: marks at blocks ${marks.join(', ') || 'none'}, math from block ${first}`);
        marked += marks.length;
      }
    }
    expect(wrong).toEqual([]);
    expect(marked, 'chapters with math').toBeGreaterThan(4);
  });

  test('compute-optimal: while the math fonts load, the text from the first block with math on waits hidden, and what is above it shows (the title, on this chapter)', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/KaTeX_[^/]+\.woff2$/, async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto('/en/compute-optimal/', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('html')).toHaveClass(/math-pending/);
    const visibility = () =>
      page.evaluate(() => {
        const mark = document.querySelector('.prose > [data-math-from]')!;
        const of = (el: Element | null | undefined) => (el ? getComputedStyle(el).visibility : 'missing');
        return { before: of(mark.previousElementSibling ?? document.querySelector('.chapter-header h1')), mark: of(mark), after: of(mark.nextElementSibling), last: of(document.querySelector('.prose > :last-child')) };
      });
    expect(await visibility()).toEqual({ before: 'visible', mark: 'hidden', after: 'hidden', last: 'hidden' });
    release();
    await expect(page.locator('html')).not.toHaveClass(/math-pending/);
    expect(await visibility()).toEqual({ before: 'visible', mark: 'visible', after: 'visible', last: 'visible' });
    await context.close();
  });

  test(`${longest.slug}: print lays out every block`, async ({ page }) => {
    await page.goto(`/en/${longest.slug}/`);
    await page.emulateMedia({ media: 'print' });
    const deferred = await page.evaluate(() => [...document.querySelectorAll('.prose > *')].filter((el) => getComputedStyle(el).contentVisibility !== 'visible').length);
    expect(deferred).toBe(0);
  });
});

// The page script's steps run in tasks of their own, some after the load event, and the figures' code later still.
// Whatever they add (copy-link buttons, margin notes, drawn figures) must leave every block of the chapter as tall
// as it is without JavaScript: a block far above the screen that grows moves the text on it, and a shared link to a
// section comes to rest off its mark. What differs on purpose (words about live controls, <LiveOnly>, and a
// figure's note that its image is static) is taken out of both before measuring.
for (const width of [390, 1400]) {
  for (const lang of ['zh', 'en'] as const) {
    test(`${width} px, ${lang}: the page script changes the height of no block (as tall as without JavaScript)`, async ({ browser }) => {
      test.setTimeout(120_000);
      const heights = async (context: BrowserContext, path: string) => {
        const page = await context.newPage();
        await page.goto(path);
        await page.evaluate(() => window.__figuresReady?.());
        await page.evaluate(() => document.fonts.ready);
        return page.evaluate(() => {
          const blocks = [...document.querySelectorAll<HTMLElement>('.prose > :not(.sidenote)')];
          // Blocks far down are laid out only when reached (content-visibility); lay out all of them.
          for (const block of blocks) block.style.setProperty('content-visibility', 'visible', 'important');
          for (const words of document.querySelectorAll<HTMLElement>('.live-only, .figure-noscript')) words.style.display = 'none';
          const seen = new Map<string, number>();
          const measured = blocks.map((block) => {
            const name = `${block.localName}${block.id ? `#${block.id}` : ''} “${(block.textContent ?? '').trim().slice(0, 24)}”`;
            const n = (seen.get(name) ?? 0) + 1;
            seen.set(name, n);
            return [n > 1 ? `${name} (${n})` : name, block.getBoundingClientRect().height] as const;
          });
          // Whether this load set its text in the Chinese marks' face (a full-width quotation mark) or, the face
          // having come after the first layout, in the system's narrow marks (font-display: optional).
          const probe = document.createElement('span');
          probe.textContent = '“';
          document.querySelector('.prose > p')?.append(probe);
          const fullWidthMarks = probe.getBoundingClientRect().width / parseFloat(getComputedStyle(probe).fontSize) > 0.9;
          probe.remove();
          return { measured, fullWidthMarks };
        });
      };
      const contexts = await Promise.all([true, false].map((javaScriptEnabled) => browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled })));
      // Each context fetches the Chinese marks' face once before the chapters are compared: whether a load gets it in
      // time is the font's race, not the page script's.
      await Promise.all(contexts.map(async (context) => {
        const page = await context.newPage();
        await fetchZhMarks(page);
        await page.close();
      }));
      const changed: string[] = [];
      const raced: string[] = [];
      let compared = 0;
      for (const chapter of editions[lang]) {
        const path = `/${lang}/${chapter.slug}/`;
        const [live, bare] = await Promise.all(contexts.map((context) => heights(context, path)));
        // On a busy machine the marks' face can miss one load's first layout even from the cache, and Chinese lines
        // then wrap otherwise: a chapter whose two loads differ in that face is the font's race, not the script's.
        if (live!.fullWidthMarks !== bare!.fullWidthMarks) {
          raced.push(path);
          continue;
        }
        const without = new Map(bare!.measured);
        for (const [name, height] of live!.measured) {
          const before = without.get(name);
          expect(before, `${path}: ${name} is on the page without JavaScript too`).toBeDefined();
          compared++;
          if (Math.abs(height - before!) > 0.5) changed.push(`${path} ${name}: ${before!.toFixed(2)} → ${height.toFixed(2)} px`);
        }
      }
      await Promise.all(contexts.map((context) => context.close()));
      expect(raced.length, `chapters set in different marks with and without JavaScript: ${raced.join(', ')}`).toBeLessThan(editions[lang].length / 2);
      expect(compared, 'blocks compared').toBeGreaterThan((editions[lang].length - raced.length) * 20);
      expect(changed).toEqual([]);
    });
  }
}

test.describe('accessibility with the reader aids in use', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds nothing with a preview open, sidenotes shown and "cite this" open (${scheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(richPath);
      await page.locator('details.cite-this summary').click();
      await expect(page.locator('.sidenote').first()).toBeVisible();
      await inText(page, 'a.cite-link[data-cite]').focus();
      await expect(page.locator('#reader-preview')).toBeVisible();
      const results = await (await axeOf(page)).analyze();
      expect(violationLines(results)).toEqual([]);
      await context.close();
    });

    test(`axe finds nothing in the search dialog and on a narrow page with a note preview (${scheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      await page.goto(richPath);
      await inText(page, 'sup a[data-footnote-ref]').focus();
      await expect(page.locator('#reader-preview')).toBeVisible();
      let results = await (await axeOf(page)).analyze();
      expect(violationLines(results)).toEqual([]);
      await page.goto('/en/');
      await page.locator('[data-search-open]').click();
      await page.locator('dialog[data-search] input').fill('scaling');
      await expect(page.locator('.search-results > li').first()).toBeVisible();
      results = await (await axeOf(page)).analyze();
      expect(violationLines(results)).toEqual([]);
      await context.close();
    });
  }
});
