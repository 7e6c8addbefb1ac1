// Prints the whole essay to one PDF per language from the built site's book page (/<lang>/book/), with a cover,
// contents with page numbers, every chapter with its notes at the foot of the page, the figures, the bibliography, an
// outline and metadata. Paged.js (a dev dependency, injected here only) paginates the page and places the notes
// (scripts/book-pdf.css); Chromium prints its pages.
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
  window.PagedConfig = { auto: false }; // Paged.js, added next, waits for paginate()
}

/** In the page: Paged.js paginates; calls link to their notes; returns the page on which each contents entry starts. */
async function paginate() {
  await window.PagedPolyfill.preview();
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
  const { starts, pages } = await page.evaluate(paginate);
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
  return { lang, pages: pdf.getPageCount(), bytes: out.length, seconds: (performance.now() - started) / 1000, starts };
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
      console.log(`${outFile}: ${result.pages} pages, ${(result.bytes / 1024).toFixed(0)} KiB, ${result.seconds.toFixed(1)} s`);
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
