import { test, expect, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPdf } from '../../scripts/build-pdf.mjs';
import { chapterIds, readChapters } from '../essay-files';

const OUT = '.tmp/pdf-test';
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
// Text as found on a page: no spaces, line breaks or hyphens (a word hyphenated at a line's end still matches).
const flat = (s: string) => s.replace(/[\s\u00ad\u2010-]+/g, '').toLowerCase();

test.describe.configure({ mode: 'serial', timeout: 240_000 });

// Each edition's PDF is built once and shared by the tests below (they run in order, in one worker).
const built = new Map<string, ReturnType<typeof buildPdf>>();
function pdfFor(lang: 'zh' | 'en', browser: Browser, baseURL: string | undefined) {
  if (!built.has(lang)) {
    mkdirSync(OUT, { recursive: true });
    built.set(lang, buildPdf({ lang, baseUrl: `${baseURL}/`, outFile: `${OUT}/${lang}.pdf`, browser }));
  }
  return built.get(lang)!;
}
interface BookNote { id: string; chapter: string; label: string; before: string; start: string }

/** From the book page: each note's chapter and number, the plain words just before its call, and its opening words. */
async function bookNotes(browser: Browser, url: string): Promise<BookNote[]> {
  const page = await browser.newPage();
  await page.goto(url);
  const notes = await page.$$eval('section.footnotes li[id]', (items) =>
    items.map((item) => {
      const call = document.querySelector(`a[data-footnote-ref][href="#${CSS.escape(item.id)}"]`)!;
      const plain = (node: Node | null | undefined) => (node?.nodeType === Node.TEXT_NODE ? node.textContent ?? '' : '');
      return {
        id: item.id,
        chapter: item.closest('[data-book-chapter]')!.getAttribute('data-book-chapter')!,
        label: call.textContent!.trim(),
        before: plain(call.parentElement!.previousSibling),
        start: plain(item.querySelector('p')?.firstChild),
      };
    }),
  );
  await page.close();
  return notes;
}

/**
 * Checks that each note matchable as plain text is printed once, on its call's page or the next (pages are the PDF's
 * flattened page texts; `from` gives the first page to search for a chapter). Returns how many notes were checked.
 */
function checkNotesAtFoot(pageTexts: string[], notes: BookNote[], lang: 'zh' | 'en', from: (chapter: string) => number): number {
  let checked = 0;
  for (const note of notes) {
    const before = flat(note.before).slice(-16);
    const start = flat(note.start).slice(0, 16);
    if (before.length < 6 || start.length < 6) continue; // math or markup right at the call: not matchable as text
    const first = from(note.chapter);
    const find = (needle: string) => pageTexts.findIndex((p, i) => i >= first && p.includes(needle));
    // A page may break inside the words before the call: then only the last word (four characters in Chinese) is with it.
    const lastWord = flat(lang === 'zh' ? note.before.trim().slice(-4) : note.before.trim().split(/\s+/).at(-1)!);
    const callPage = [before, lastWord].map((words) => find(`${words}${note.label}`)).find((i) => i >= 0) ?? -1;
    const notePage = find(`${note.label}.${start}`);
    expect(callPage, `${note.id}: call "${before}${note.label}"`).toBeGreaterThanOrEqual(0);
    expect(notePage, `${note.id}: note "${note.label}.${start}"`).toBeGreaterThanOrEqual(0);
    expect(notePage - callPage, `${note.id}: note on page ${notePage + 1}, call on page ${callPage + 1}`).toBeGreaterThanOrEqual(0);
    expect(notePage - callPage, `${note.id}: note on page ${notePage + 1}, call on page ${callPage + 1}`).toBeLessThanOrEqual(1);
    expect(pageTexts.filter((p) => p.includes(`${note.label}.${start}`)), `${note.id} is printed once`).toHaveLength(1);
    checked += 1;
  }
  return checked;
}

/**
 * The tallest band of blank rows on a page of a PDF, between its first and last marks (the footer's page number
 * included), as a fraction of the page's height: a page full of text shows only the space above its footer.
 */
function blankestBand(file: string, page: number): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-band-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', String(page), '-l', String(page), file, `${dir}/p`]);
    const image = readFileSync(path.join(dir, readdirSync(dir)[0]!));
    const [, width, height] = image.subarray(0, 20).toString('latin1').split(/\s+/).map(Number) as [number, number, number];
    const pixels = image.subarray(image.length - width * height);
    const inked = Array.from({ length: height }, (_, y) => pixels.subarray(y * width, (y + 1) * width).some((v) => v < 200));
    let tallest = 0;
    let run = 0;
    for (let y = inked.indexOf(true); y <= inked.lastIndexOf(true); y++) tallest = Math.max(tallest, (run = inked[y] ? 0 : run + 1));
    return tallest / height;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The images of a PDF, one line each of `pdfimages -list` (page first, x-ppi thirteenth). */
const imageLines = (file: string) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
/** The page of one line of `imageLines`. */
const pageOf = (line: string) => Number(line.trim().split(/\s+/)[0]);

const textOf = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: the whole-essay PDF has its chapters, contents, outline, figures, metadata and no blank page`, async ({ browser, baseURL }) => {
    const file = `${OUT}/${lang}.pdf`;
    const chapters = readChapters(lang);
    const result = await pdfFor(lang, browser, baseURL);

    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(lang === 'zh' ? /Title:\s+OpenAI 启示录/ : /Title:\s+The OpenAI Revelation/);
    expect(info).toMatch(/Author:\s+\S/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBe(result.pages);
    expect(pages).toBeGreaterThan(chapters.length * 2);
    expect(pages).toBeLessThan(400);

    const text = textOf(file);
    const pageTexts = text.split('\f').slice(0, pages);
    for (const chapter of chapters) expect(squash(text)).toContain(squash(chapter.title));
    expect(squash(text)).toContain(squash(lang === 'zh' ? '全部参考文献' : 'Bibliography'));
    expect(squash(text)).toContain('kaplan,j.');
    // A caption's words about a live figure's controls ("drag the slider") are not printed: the book's figures are images.
    const letters = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
    const controlWords = chapters.flatMap((c) => [...c.body.matchAll(/<LiveOnly>([^<]+)<\/LiveOnly>/g)].map((m) => m[1]!));
    expect(controlWords.length, 'captions with words about their controls').toBeGreaterThan(0);
    for (const words of controlWords) expect(letters(text), words).not.toContain(letters(words));

    // The contents page gives each chapter's real starting page: the title heads that page, after its kicker.
    const contents = squash(pageTexts[1] ?? '');
    for (const chapter of chapters) {
      const start = result.starts[chapter.slug]!;
      expect(start, chapter.slug).toBeGreaterThan(2);
      expect(contents, chapter.slug).toContain(`${squash(chapter.title)}${start}`);
      const at = squash(pageTexts[start - 1] ?? '').indexOf(squash(chapter.title));
      expect(at, `${chapter.slug} heads page ${start}`).toBeGreaterThanOrEqual(0);
      expect(at, `${chapter.slug} heads page ${start}`).toBeLessThan(16);
    }
    // Page numbers in the footer: every page but the cover has its own number on a line of its own.
    pageTexts.slice(1).forEach((page, i) => expect(page.split('\n').map((l) => l.trim()), `page ${i + 2}`).toContain(String(i + 2)));

    const outline = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    const titles: string[] = [];
    const walk = (items: Array<{ title: string; kids: unknown[] }>) => items.forEach((item) => { titles.push(item.title); walk(item.kids as never); });
    walk(outline.outlines);
    for (const chapter of chapters) expect(titles.map(squash)).toContain(squash(chapter.title));

    const figureCount = chapters.reduce((n, c) => n + (c.body.match(/<Figure\s/g)?.length ?? 0), 0);
    const images = imageLines(file);
    expect(images.length).toBeGreaterThanOrEqual(figureCount);
    // Figures stay sharp: every image is printed at 300 ppi or more.
    for (const line of images) expect(Number(line.trim().split(/\s+/)[12]), line).toBeGreaterThanOrEqual(300);

    const imagePages = new Set(images.map(pageOf));
    pageTexts.forEach((page, i) => {
      const words = page.replace(/\d+/g, '').trim();
      expect(words.length > 0 || imagePages.has(i + 1), `page ${i + 1} is blank`).toBe(true);
    });
  });

  // A figure too tall for what is left of a page opens the next one, and the text after it fills the space, as a book
  // floats its figures (scripts/build-pdf.mjs, planFloats). Paged.js alone left 22–53 % of the page before a figure
  // blank in the English book and 23–42 % in the Chinese; with the text moved up, at most 16 %.
  test(`${lang}: no page before a figure is left a fifth blank (the text after the figure fills it)`, async ({ browser, baseURL }) => {
    const result = await pdfFor(lang, browser, baseURL);
    const file = `${OUT}/${lang}.pdf`;
    const chapterStarts = new Set(Object.values(result.starts));
    const images = imageLines(file);
    const figurePages = [...new Set(images.map(pageOf))].filter((p) => !chapterStarts.has(p));
    expect(figurePages.length, 'pages with a figure within a chapter').toBeGreaterThanOrEqual(5);
    const bands = figurePages.map((p) => ({ page: p - 1, band: Math.round(blankestBand(file, p - 1) * 100) / 100 }));
    expect(bands.filter(({ band }) => band >= 0.2), `the blankest band of each page before a figure: ${JSON.stringify(bands)}`).toEqual([]);
  });

  test(`${lang}: each note of the whole-essay PDF is at the foot of the page that cites it, with the same number`, async ({ browser, baseURL }) => {
    const result = await pdfFor(lang, browser, baseURL);
    const text = textOf(`${OUT}/${lang}.pdf`);
    const pageTexts = text.split('\f').slice(0, result.pages).map(flat);

    const notes = await bookNotes(browser, `${baseURL}/${lang}/book/`);
    const checked = checkNotesAtFoot(pageTexts, notes, lang, (chapter) => result.starts[chapter]! - 1);
    expect(checked, 'notes checked').toBeGreaterThanOrEqual(10);

    // No chapter gathers its notes at its end under a heading of their own, and no back-arrow is printed.
    const lines = text.split('\n').map((line) => line.trim());
    expect(lines).not.toContain(lang === 'zh' ? '注释' : 'Notes');
    expect(text).not.toContain('↩');
  });
}

// One chapter on its own, as `npm run pdf` writes each chapter for readers who print one: that chapter only, its
// notes at the page foot, its figures, and a bibliography of just the works it cites. The book loads on a CPU slowed
// eightfold, like a busy two-core machine's: the chapters are cut only once the parser has read them all.
test('a chapter PDF holds that chapter, its notes at the page foot and only the works it cites', async ({ browser, baseURL }) => {
  const lang = 'en';
  const chapters = readChapters(lang);
  const chapter = chapters.find((c) => c.slug === 'scaling-laws')!;
  const file = `${OUT}/${lang}-${chapter.slug}.pdf`;
  mkdirSync(OUT, { recursive: true });
  const result = await buildPdf({ lang, baseUrl: `${baseURL}/`, outFile: file, browser, chapter: chapter.slug, loadSlowdown: 8 });

  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(new RegExp(`Title:\\s+${chapter.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · The OpenAI Revelation`));
  expect(result.pages).toBeGreaterThan(2);
  expect(result.pages).toBeLessThan(30);
  const text = textOf(file);
  const pages = text.split('\f').slice(0, result.pages).map(flat);
  expect(pages[0]!.indexOf(flat(chapter.title)), 'the title heads page 1').toBeLessThan(24);
  // No other chapter starts in it (a chapter starts with its kicker, then its title).
  for (const other of chapters.filter((c) => c !== chapter)) expect(flat(text), other.slug).not.toContain(flat(`Chapter ${other.order}${other.title}`));
  expect(flat(text)).toContain(flat(`Chapter ${chapter.order}${chapter.title}`));

  // Its notes: at the foot of the pages that cite them, none under a "Notes" heading at the end.
  const notes = (await bookNotes(browser, `${baseURL}/${lang}/book/`)).filter((n) => n.chapter === chapter.slug);
  expect(checkNotesAtFoot(pages, notes, lang, () => 0), 'notes checked').toBeGreaterThanOrEqual(1);
  expect(text.split('\n').map((l) => l.trim())).not.toContain('Notes');

  // Its works, under "References": Kaplan et al. (cited here) is listed; a work cited only in other chapters is not.
  expect(text.split('\n').map((l) => l.trim())).toContain('References');
  expect(flat(text)).toContain('kaplan,j.');
  const citedHere = new Set(chapterIds(chapter.body).citations);
  const elsewhere = chapters.flatMap((c) => chapterIds(c.body).citations).find((k) => !citedHere.has(k));
  expect(elsewhere, 'a work cited only in other chapters').toBeDefined();
  const page = await browser.newPage();
  await page.goto(`${baseURL}/${lang}/bibliography/`);
  const missing = (await page.locator(`#ref-${elsewhere}`).innerText()).slice(0, 40);
  await page.close();
  expect(flat(text), `${elsewhere} is cited only elsewhere`).not.toContain(flat(missing));

  const images = imageLines(file);
  expect(images.length).toBeGreaterThanOrEqual(chapter.body.match(/<Figure\s/g)?.length ?? 0);
});
