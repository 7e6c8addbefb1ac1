import type { Browser } from '@playwright/test';
/** The file name of an edition's PDF inside dist/pdf/. */
export function pdfName(lang: string): string;
/** Renders /<lang>/book/ of a served site to a PDF file with Paged.js (notes at the page foot); `starts` maps each contents entry to its first page. */
export function buildPdf(options: { lang: 'zh' | 'en'; baseUrl: string; outFile: string; browser: Browser; format?: string; chapter?: string; loadSlowdown?: number }): Promise<{
  lang: string;
  pages: number;
  bytes: number;
  seconds: number;
  starts: Record<string, number>;
  /** Each figure set after the text that fills the gap it left (its id, chapter and the tags of the blocks moved before it). */
  floats: Array<{ id: string; chapter?: string; tags: string[] }>;
}>;
/** The path of one chapter's PDF inside dist/pdf/. */
export function chapterPdfName(lang: string, slug: string): string;
/** The chapter slugs of an edition, in order, from its built book page. */
export function chapterSlugs(dist: string, lang: string): string[];
/** Shows the contents and chapter pages' download links once their PDFs exist. */
export function revealDownloadLinks(dist: string, langs: string[]): void;
