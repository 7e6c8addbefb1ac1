// Prints the whole essay to one PDF per language from the built site's book page (/<lang>/book/), with a cover,
// contents with page numbers, every chapter, the figures, the bibliography, an outline and metadata.
// Usage: node scripts/build-pdf.mjs [dist]   (npm run pdf builds the site first)
// Needs Chromium (CHROMIUM_PATH) and poppler's pdftotext for the contents' page numbers.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
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

/** The file name of an edition's PDF inside dist/pdf/. */
export function pdfName(lang) {
  return `openai-revelation-${lang}.pdf`;
}

/** Text of each page of a PDF (pdftotext splits pages with form feeds), whitespace removed for matching. */
function pageTexts(file) {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return text.split('\f').map((page) => page.replace(/\s+/g, '').toLowerCase());
}

/** The 1-based page on which each book section starts, found by its heading text after the contents pages. */
function findStartPages(file, sections) {
  const pages = pageTexts(file);
  const found = {};
  let from = 2; // the cover and the contents come first
  for (const { id, markers } of sections) {
    const needles = markers.map((m) => m.replace(/\s+/g, '').toLowerCase()).filter(Boolean);
    const index = pages.findIndex((text, i) => i >= from && needles.every((needle) => text.includes(needle)));
    if (index < 0) throw new Error(`PDF: could not find where "${markers.join(' ')}" starts`);
    found[id] = index + 1;
    from = index;
  }
  return found;
}

/** Renders /<lang>/book/ of a served site to `outFile`; returns page count, bytes and seconds. */
export async function buildPdf({ lang, baseUrl, outFile, browser, format = 'A4' }) {
  const started = performance.now();
  const page = await browser.newPage();
  await page.goto(`${baseUrl}${lang}/book/`, { waitUntil: 'networkidle' });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.evaluate(async () => {
    await document.fonts.ready;
    if (typeof window.__figuresReady === 'function') await window.__figuresReady();
  });
  const sections = await page.$$eval('[data-toc-page]', (spans) =>
    spans.map((span) => {
      const id = span.getAttribute('data-toc-page');
      const target = document.getElementById(id);
      const heading = target?.querySelector('h1');
      const kicker = target?.querySelector('.chapter-kicker')?.textContent ?? '';
      return { id, markers: [kicker, heading?.textContent ?? ''] };
    }),
  );
  const options = { format, printBackground: true, preferCSSPageSize: false, outline: true, tagged: true };
  // Pass 1 finds where each chapter starts; pass 2 prints the contents with those page numbers.
  await page.pdf({ ...options, path: outFile });
  const starts = findStartPages(outFile, sections);
  await page.evaluate((numbers) => {
    for (const span of document.querySelectorAll('[data-toc-page]')) {
      span.textContent = String(numbers[span.getAttribute('data-toc-page')] ?? '');
    }
  }, starts);
  const bytes = await page.pdf(options);
  await page.close();
  const check = path.join(path.dirname(outFile), `.check-${lang}.pdf`);
  writeFileSync(check, bytes);
  const again = findStartPages(check, sections);
  for (const { id } of sections) {
    if (again[id] !== starts[id]) throw new Error(`PDF: "${id}" moved from page ${starts[id]} to ${again[id]} after numbering`);
  }

  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(TITLES[lang], { showInWindowTitleBar: true });
  pdf.setAuthor(AUTHOR);
  pdf.setSubject(SUBJECTS[lang]);
  pdf.setLanguage(LANG_TAGS[lang]);
  pdf.setKeywords(['GPT', 'OpenAI', 'scaling laws', 'Bitter Lesson', 'Chinchilla', 'transformer']);
  pdf.setCreator('The OpenAI Revelation build (Chromium print of /book/)');
  pdf.setProducer('Chromium + pdf-lib');
  pdf.setCreationDate(new Date());
  const out = await pdf.save();
  writeFileSync(outFile, out);
  execFileSync('rm', ['-f', check]);
  return { lang, pages: pdf.getPageCount(), bytes: out.length, seconds: (performance.now() - started) / 1000, starts };
}

/** Shows the contents pages' "Download PDF" links once the PDFs exist in dist/pdf/. */
export function revealDownloadLinks(dist, langs) {
  for (const lang of langs) {
    const file = path.join(dist, lang, 'index.html');
    if (!existsSync(path.join(dist, 'pdf', pdfName(lang))) || !existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, html.replace(/(<[^>]*data-pdf-download[^>]*?)\s+hidden(?:="")?/, '$1'));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const base = process.env.BASE_PATH ?? '/';
  const port = 4398;
  const server = await serveDist({ root: dist, port, base });
  const browser = await chromium.launch(launchOptions);
  mkdirSync(path.join(dist, 'pdf'), { recursive: true });
  try {
    for (const lang of ['zh', 'en']) {
      const outFile = path.join(dist, 'pdf', pdfName(lang));
      const result = await buildPdf({ lang, baseUrl: `http://127.0.0.1:${port}${base}`, outFile, browser });
      console.log(`${outFile}: ${result.pages} pages, ${(result.bytes / 1024).toFixed(0)} KiB, ${result.seconds.toFixed(1)} s`);
    }
    revealDownloadLinks(dist, ['zh', 'en']);
  } finally {
    await browser.close();
    server.close();
  }
}
