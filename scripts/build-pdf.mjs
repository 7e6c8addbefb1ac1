// Prints the whole essay to one PDF per language from the built site's book page (/<lang>/book/), with a cover,
// contents with page numbers, every chapter with its notes at the foot of the page, the figures, the bibliography, an
// outline and metadata. Paged.js (a dev dependency, injected here only) paginates the page and places the notes
// (scripts/book-pdf.css), again when a figure left a gap the text after it can fill; Chromium prints its pages.
// Usage: node scripts/build-pdf.mjs [dist]   (npm run pdf builds the site first)
// Needs Chromium (CHROMIUM_PATH) and poppler's pdftotext, which checks that the contents' page numbers hold.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { launchOptions } from './chromium.mjs';
import { serveDist } from './serve-dist.mjs';

const TITLES = { zh: 'OpenAI 启示录', en: 'The OpenAI Revelation' };
const SUBJECTS = {
  zh: '两条公理、四个押注：OpenAI 为什么押注 GPT',
  en: 'Two axioms and four bets: why OpenAI bet on GPT',
};
const AUTHOR = 'OpenAI 启示录 / The OpenAI Revelation';
const LANG_TAGS = { zh: 'zh-CN', en: 'en' };
const PAGED_JS = fileURLToPath(new URL('../node_modules/pagedjs/dist/paged.polyfill.js', import.meta.url));
const PAGED_CSS = fileURLToPath(new URL('./book-pdf.css', import.meta.url));

/** The file name of an edition's PDF inside dist/pdf/. */
export function pdfName(lang) {
  return `openai-revelation-${lang}.pdf`;
}

/** The path of one chapter's PDF inside dist/pdf/: "<lang>/<slug>.pdf". */
export function chapterPdfName(lang, slug) {
  return `${lang}/${slug}.pdf`;
}

// A gap above a figure moved to the next page, as a fraction of the page's text area, from which the text after the
// figure is set in it (planFloats): smaller gaps are as a book would leave them.
const FLOAT_MIN_GAP = 0.1;
// At most this many paginations more: each moves one figure per chapter, and no chapter has more than two.
const FLOAT_ROUNDS = 3;

const CHAPTER_REFERENCES = { zh: '本章参考文献', en: 'References' };

/** In the page: keeps only one chapter and the works it cites (under `heading`), for that chapter's own PDF; returns its title. */
function keepOneChapter({ slug, heading }) {
  const chapter = document.querySelector(`[data-book-chapter="${slug}"]`);
  if (!chapter) throw new Error(`PDF: the book has no chapter "${slug}"`);
  document.querySelector('.book-cover')?.remove();
  document.querySelector('.book-toc')?.remove();
  for (const other of document.querySelectorAll('[data-book-chapter]')) if (other !== chapter) other.remove();
  const cited = new Set([...chapter.querySelectorAll('a[data-cite]')].map((a) => a.dataset.cite));
  for (const item of document.querySelectorAll('.book-bibliography li[data-key]')) if (!cited.has(item.dataset.key)) item.remove();
  if (cited.size === 0) document.querySelector('.book-bibliography')?.remove();
  const title = document.querySelector('.book-bibliography h1');
  if (title) title.textContent = heading;
  return chapter.querySelector('h1')?.textContent?.trim() ?? slug;
}

/** Text of each page of a PDF (pdftotext splits pages with form feeds), whitespace removed for matching. */
function pageTexts(file) {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return text.split('\f').map((page) => page.replace(/\s+/g, '').toLowerCase());
}

/** In the page: what print hides leaves the DOM, images load now, and each note moves into the text after its first call. */
async function prepareBook() {
  await document.fonts.ready;
  if (typeof window.__figuresReady === 'function') await window.__figuresReady();
  // Paged.js lays out whatever is in the DOM: the hidden header would start a page of its own, and print also hides
  // the notes' back-arrows.
  for (const el of document.body.querySelectorAll('*')) {
    if (el.isConnected && !el.matches('style, link') && getComputedStyle(el).display === 'none') el.remove();
  }
  // Paged.js waits for every image on a page, and a lazy one far below the viewport never loads.
  const images = [...document.images];
  for (const img of images) img.loading = 'eager';
  await Promise.all(images.map((img) => img.decode().catch(() => {})));
  for (const section of document.querySelectorAll('section.footnotes')) {
    for (const item of section.querySelectorAll(':scope > ol > li[id]')) {
      const call = document.querySelector(`a[data-footnote-ref][href="#${CSS.escape(item.id)}"]`);
      if (!call) throw new Error(`PDF: no call in the text for note ${item.id}`);
      const note = document.createElement('span');
      note.className = 'book-footnote';
      note.dataset.label = call.textContent.trim();
      note.dataset.noteFor = item.id;
      // Paged.js reparses the HTML, where a <p> inside the text's <p> would end it: paragraphs become spans.
      for (const child of [...item.childNodes]) {
        if (child.nodeName !== 'P') {
          note.append(child);
          continue;
        }
        const paragraph = document.createElement('span');
        paragraph.className = 'book-footnote-p';
        paragraph.append(...child.childNodes);
        note.append(paragraph);
      }
      (call.parentElement.tagName === 'SUP' ? call.parentElement : call).after(note);
    }
    section.remove();
  }
  window.PagedConfig = { auto: false }; // Paged.js, added next, waits for firstPagination()
}

/**
 * In the page, after a pagination: the figures a page could not hold, as a book floats them. Paged.js moves such a
 * figure to the top of the next page and leaves the space it did not take empty; here each figure that opens a page
 * after a gap of at least `minGap` (a fraction of the text area) is listed with the text blocks after it that fit in
 * that gap, so that a second pagination sets them first. A paragraph too tall for the gap may split across the break
 * (at least three lines before it) when the figure still fits on the next page after the paragraph's rest; the figure
 * never ends up after a heading it would part from its text. Returns [{ id, chapter, tags }]: the figure's id, its
 * chapter and the tags of the blocks to set before it.
 */
function planFloats(minGap) {
  const MOVABLE = ['P', 'UL', 'OL', 'BLOCKQUOTE', 'H2', 'H3', 'H4'];
  const px = (el, property) => parseFloat(getComputedStyle(el)[property]) || 0;
  const box = (el) => el.getBoundingClientRect();
  // The height a block's notes take at the page's foot.
  const notesOf = (block) =>
    [...block.querySelectorAll('[data-footnote-call]')].reduce((sum, call) => {
      const note = document.querySelector(`.pagedjs_footnote_area [data-ref="${call.dataset.footnoteCall}"]`);
      return sum + (note ? box(note).height + px(note, 'marginTop') + px(note, 'marginBottom') : 0);
    }, 0);
  // The block after this one in the text: its next sibling, or the first block of the text on the next page.
  const nextBlock = (block) => {
    if (block.nextElementSibling) return block.nextElementSibling;
    const prose = block.parentElement;
    const page = block.closest('.pagedjs_page')?.nextElementSibling;
    const next = page?.querySelector(`.prose[data-ref="${prose.dataset.ref}"]`);
    return next?.firstElementChild ?? undefined;
  };
  const plan = [];
  const pages = [...document.querySelectorAll('.pagedjs_page')];
  for (let i = 1; i < pages.length; i++) {
    const area = pages[i].querySelector('.pagedjs_page_content');
    const figure = area.querySelector('.prose > figure[id]');
    if (!figure || figure.hasAttribute('data-split-from')) continue;
    // The figure opens the page (the first block of the chapter's text there, at the top).
    if (figure.previousElementSibling || box(figure).top - box(area).top > 40) continue;
    const previous = pages[i - 1].querySelector('.pagedjs_page_content');
    const blocks = [...previous.querySelectorAll('.prose > *')];
    if (!blocks.length) continue; // a chapter's first page: nothing of its text comes before
    const last = blocks.reduce((a, b) => (box(b).bottom > box(a).bottom ? b : a));
    const space = box(previous).bottom - box(last).bottom;
    if (space < minGap * box(previous).height) continue;
    // A first note on the page also brings the notes' rule and margin (book-pdf.css: 5 + 2 mm).
    const notesRule = pages[i - 1].querySelector('.pagedjs_footnote_area [data-note]') ? 0 : 27;
    const moved = [];
    let used = 0; // of `space`, by the blocks moved so far
    let notes = 0;
    let before = last;
    // The blocks after the figure, on its page and the next, stacked as they will be under the page before's last.
    for (let block = nextBlock(figure); block; before = block, block = nextBlock(block)) {
      if (!MOVABLE.includes(block.tagName) && !block.classList.contains('equation')) break;
      if (block.hasAttribute('data-split-from')) break;
      const samePage = before !== last && before.closest('.pagedjs_page') === block.closest('.pagedjs_page');
      // From the bottom of the block before to the top of this one: as laid out, or the two margins collapsed.
      const margin = samePage
        ? box(block).top - box(before).bottom
        : Math.max(px(before, 'marginBottom'), px(block, 'marginTop'));
      notes += notesOf(block);
      const foot = notes > 0 ? notes + notesRule : 0;
      const whole = !block.hasAttribute('data-split-to'); // not continued on the page after
      if (whole && used + margin + box(block).height + foot <= space) {
        moved.push(block);
        used += margin + box(block).height;
        continue;
      }
      // Part of a paragraph: three lines or more fit, and the figure still fits on its page after the rest.
      const line = px(block, 'lineHeight') || 20;
      const fits = space - used - margin - foot;
      const rest = box(block).height - fits;
      if (block.tagName === 'P' && whole && fits >= 3 * line && rest + line + box(figure).height <= box(area).height) {
        moved.push(block);
      }
      break;
    }
    while (moved.length && /^H\d$/.test(moved[moved.length - 1].tagName)) moved.pop();
    const chapter = figure.closest('[data-book-chapter]')?.dataset.bookChapter;
    if (moved.length) plan.push({ id: figure.id, chapter, tags: moved.map((b) => b.tagName) });
  }
  return plan;
}

/**
 * In the page: Paged.js paginates the prepared book, which is kept for more paginations with its stylesheets, each
 * fetched once here and handed to Paged.js as { url: text } (as it hands on inline styles), not fetched each round.
 */
async function firstPagination() {
  const sheets = window.PagedPolyfill.removeStyles();
  const stylesheets = await Promise.all(sheets.map(async (sheet) => (typeof sheet === 'string' ? { [sheet]: await (await fetch(sheet)).text() } : sheet)));
  window.__bookSource = { html: document.body.innerHTML, stylesheets };
  await window.PagedPolyfill.preview(undefined, stylesheets);
}

/** In the page: Paged.js paginates the kept book again, each figure of `floats` (planFloats) set after its blocks. */
async function paginateWithFloats(floats) {
  const { html, stylesheets } = window.__bookSource;
  for (const el of document.querySelectorAll('body > *, style[data-pagedjs-inserted-styles]')) el.remove();
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const { id, tags } of floats) {
    const figure = template.content.getElementById(id);
    let last = figure;
    for (const tag of tags) {
      last = last?.nextElementSibling;
      if (last?.tagName !== tag) throw new Error(`PDF: the blocks after figure ${id} are not those measured (${tags})`);
    }
    last.after(figure);
  }
  await new window.Paged.Previewer().preview(template.content, stylesheets, document.body);
}

/** In the page, once paginated: calls link to their notes; returns the page on which each contents entry starts. */
function finishPages() {
  document.querySelectorAll('[data-footnote-call]').forEach((call) => call.remove());
  for (const call of document.querySelectorAll('a[data-footnote-ref]')) {
    const note = document.querySelector(`[data-note-for="${call.getAttribute('href').slice(1)}"][id]`);
    if (note) call.setAttribute('href', `#${note.id}`);
  }
  const starts = {};
  for (const span of document.querySelectorAll('[data-toc-page]')) {
    const id = span.getAttribute('data-toc-page');
    starts[id] = Number(document.getElementById(id)?.closest('.pagedjs_page')?.getAttribute('data-page-number'));
    span.textContent = String(starts[id]);
  }
  return { starts, pages: document.querySelectorAll('.pagedjs_page').length };
}

/**
 * Renders /<lang>/book/ of a served site to `outFile` with Paged.js (notes at the page foot); with `chapter` (a slug),
 * only that chapter and the works it cites. `loadSlowdown` (a CPU slowdown factor, 1 = none) applies until Paged.js
 * starts. Returns page count, bytes, seconds and each contents entry's first page.
 */
export async function buildPdf({ lang, baseUrl, outFile, browser, format = 'A4', chapter, loadSlowdown = 1 }) {
  const started = performance.now();
  // Paged.js is injected into this page only, so the context ignores the site's CSP; readers never load it.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  // A test may slow the CPU while the book loads and is prepared, as on a busy machine, where the parser takes longer.
  const cdp = loadSlowdown > 1 ? await context.newCDPSession(page) : undefined;
  await cdp?.send('Emulation.setCPUThrottlingRate', { rate: loadSlowdown });
  // The load event, not network quiet: on a busy machine the network is idle for 500 ms while the parser is still
  // reading the book, and a chapter's PDF would then keep the chapters parsed after it.
  const response = await page.goto(`${baseUrl}${lang}/book/`, { waitUntil: 'load' });
  if (response?.status() !== 200) throw new Error(`PDF: ${baseUrl}${lang}/book/ answered ${response?.status() ?? 'nothing'}, not the book page`);
  if ((await page.evaluate(() => document.readyState)) !== 'complete') throw new Error('PDF: the book page has not finished loading');
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const chapterTitle = chapter ? await page.evaluate(keepOneChapter, { slug: chapter, heading: CHAPTER_REFERENCES[lang] }) : undefined;
  const headings = await page.$$eval('[data-toc-page]', (spans) =>
    spans.map((span) => {
      const id = span.getAttribute('data-toc-page');
      return { id, text: document.getElementById(id)?.querySelector('h1')?.textContent ?? '' };
    }),
  );
  await page.evaluate(prepareBook);
  await cdp?.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.addStyleTag({ content: `@page { size: ${format}; }\n${readFileSync(PAGED_CSS, 'utf8')}` });
  await page.addScriptTag({ path: PAGED_JS });
  // Paged.js paginates; while a figure leaves a gap at a page's foot, it paginates again with the text set there. A
  // move changes where the rest of its chapter breaks, so each round moves one figure per chapter, measured anew.
  await page.evaluate(firstPagination);
  const floats = [];
  for (let round = 0; round < FLOAT_ROUNDS; round++) {
    const chapters = new Set();
    const planned = await page.evaluate(planFloats, FLOAT_MIN_GAP);
    const next = planned.filter(({ chapter }) => !chapters.has(chapter) && chapters.add(chapter));
    if (!next.length) break;
    floats.push(...next);
    await page.evaluate(paginateWithFloats, floats);
  }
  const { starts, pages } = await page.evaluate(finishPages);
  const bytes = await page.pdf({ printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
  await context.close();

  // Paged.js's pages must be the PDF's pages, or the contents would lie.
  mkdirSync(path.dirname(outFile), { recursive: true });
  const check = path.join(path.dirname(outFile), `.check-${lang}.pdf`);
  writeFileSync(check, bytes);
  const texts = pageTexts(check).slice(0, -1);
  rmSync(check);
  if (texts.length !== pages) throw new Error(`PDF: Paged.js made ${pages} pages, the PDF has ${texts.length}`);
  for (const { id, text } of headings) {
    if (!texts[starts[id] - 1]?.includes(text.replace(/\s+/g, '').toLowerCase())) throw new Error(`PDF: "${text}" is not on page ${starts[id]}`);
  }

  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(chapterTitle ? `${chapterTitle} · ${TITLES[lang]}` : TITLES[lang], { showInWindowTitleBar: true });
  pdf.setAuthor(AUTHOR);
  pdf.setSubject(SUBJECTS[lang]);
  pdf.setLanguage(LANG_TAGS[lang]);
  pdf.setKeywords(['GPT', 'OpenAI', 'scaling laws', 'Bitter Lesson', 'Chinchilla', 'transformer']);
  pdf.setCreator('The OpenAI Revelation build (Chromium print of /book/)');
  pdf.setProducer('Paged.js + Chromium + pdf-lib');
  pdf.setCreationDate(new Date());
  const out = await pdf.save();
  writeFileSync(outFile, out);
  return { lang, pages: pdf.getPageCount(), bytes: out.length, seconds: (performance.now() - started) / 1000, starts, floats };
}

/** Shows the "Download PDF" links of the contents pages and chapter pages whose PDFs exist in dist/pdf/. */
export function revealDownloadLinks(dist, langs) {
  const reveal = (file, pdf) => {
    if (!existsSync(path.join(dist, 'pdf', pdf)) || !existsSync(file)) return;
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, html.replace(/(<[^>]*data-pdf-download[^>]*?)\s+hidden(?:="")?/, '$1'));
  };
  for (const lang of langs) {
    reveal(path.join(dist, lang, 'index.html'), pdfName(lang));
    for (const slug of chapterSlugs(dist, lang)) reveal(path.join(dist, lang, slug, 'index.html'), chapterPdfName(lang, slug));
  }
}

/** The file of an edition's built book page (/<lang>/book/), from which both the PDF and the chapter list come. */
function bookPageFile(dist, lang) {
  return path.join(dist, lang, 'book', 'index.html');
}

/** The chapter slugs of an edition, in order, read from its built book page. */
export function chapterSlugs(dist, lang) {
  const html = readFileSync(bookPageFile(dist, lang), 'utf8');
  return [...html.matchAll(/data-book-chapter="([a-z0-9-]+)"/g)].map((m) => m[1]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.slice(2).some((arg) => arg.startsWith('-'))) {
    console.log('Usage: node scripts/build-pdf.mjs [dist]   prints dist/pdf/ from a built site (default dist/; npm run pdf builds it first)');
    process.exit(process.argv.includes('--help') ? 0 : 2);
  }
  const dist = process.argv[2] ?? 'dist';
  for (const lang of ['zh', 'en']) {
    const book = bookPageFile(dist, lang);
    if (!existsSync(book)) {
      console.error(`PDF: no built book page at ${book}; build the site first (npm run pdf does) or name the built site's folder`);
      process.exit(1);
    }
  }
  const base = process.env.BASE_PATH ?? '/';
  const port = 4398;
  const server = await serveDist({ root: dist, port, base });
  const browser = await chromium.launch(launchOptions);
  mkdirSync(path.join(dist, 'pdf'), { recursive: true });
  try {
    for (const lang of ['zh', 'en']) {
      const baseUrl = `http://127.0.0.1:${port}${base}`;
      const outFile = path.join(dist, 'pdf', pdfName(lang));
      const result = await buildPdf({ lang, baseUrl, outFile, browser });
      const floated = result.floats.length ? `, ${result.floats.length} figures set after the text that fills the gap above them` : '';
      console.log(`${outFile}: ${result.pages} pages, ${(result.bytes / 1024).toFixed(0)} KiB, ${result.seconds.toFixed(1)} s${floated}`);
      // Each chapter on its own, for readers who print one chapter: same layout, its notes at the page foot.
      const started = performance.now();
      let pages = 0;
      const slugs = chapterSlugs(dist, lang);
      for (const chapter of slugs) {
        const one = await buildPdf({ lang, baseUrl, outFile: path.join(dist, 'pdf', chapterPdfName(lang, chapter)), browser, chapter });
        pages += one.pages;
      }
      console.log(`${path.join(dist, 'pdf', lang)}/: ${slugs.length} chapter PDFs, ${pages} pages, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    revealDownloadLinks(dist, ['zh', 'en']);
  } finally {
    await browser.close();
    server.close();
  }
}
