import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { buildPdf } from '../../scripts/build-pdf.mjs';
import { readChapters } from '../essay-files';

const OUT = '.tmp/pdf-test';
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

test.describe.configure({ mode: 'serial', timeout: 240_000 });

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: the whole-essay PDF has its chapters, contents, outline, figures, metadata and no blank page`, async ({ browser, baseURL }) => {
    mkdirSync(OUT, { recursive: true });
    const file = `${OUT}/${lang}.pdf`;
    const chapters = readChapters(lang);
    const result = await buildPdf({ lang, baseUrl: `${baseURL}/`, outFile: file, browser });

    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(lang === 'zh' ? /Title:\s+OpenAI 启示录/ : /Title:\s+The OpenAI Revelation/);
    expect(info).toMatch(/Author:\s+\S/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBe(result.pages);
    expect(pages).toBeGreaterThan(chapters.length * 2);
    expect(pages).toBeLessThan(400);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const pageTexts = text.split('\f').slice(0, pages);
    for (const chapter of chapters) expect(squash(text)).toContain(squash(chapter.title));
    expect(squash(text)).toContain(squash(lang === 'zh' ? '全部参考文献' : 'Bibliography'));
    expect(squash(text)).toContain('kaplan,j.');

    // The contents page gives each chapter's real starting page.
    for (const chapter of chapters) {
      const start = result.starts[chapter.slug];
      expect(start, chapter.slug).toBeGreaterThan(2);
      expect(squash(pageTexts[start - 1] ?? '')).toContain(squash(chapter.title));
    }

    const outline = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    const titles: string[] = [];
    const walk = (items: Array<{ title: string; kids: unknown[] }>) => items.forEach((item) => { titles.push(item.title); walk(item.kids as never); });
    walk(outline.outlines);
    for (const chapter of chapters) expect(titles.map(squash)).toContain(squash(chapter.title));

    const figureCount = chapters.reduce((n, c) => n + (c.body.match(/<Figure\s/g)?.length ?? 0), 0);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(images.length).toBeGreaterThanOrEqual(figureCount);

    const imagePages = new Set(images.map((line) => Number(line.trim().split(/\s+/)[0])));
    pageTexts.forEach((page, i) => {
      const words = page.replace(/\d+/g, '').trim();
      expect(words.length > 0 || imagePages.has(i + 1), `page ${i + 1} is blank`).toBe(true);
    });
  });
}
