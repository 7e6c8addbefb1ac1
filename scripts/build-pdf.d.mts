import type { Browser } from '@playwright/test';
/** The file name of an edition's PDF inside dist/pdf/. */
export function pdfName(lang: string): string;
/** Renders /<lang>/book/ of a served site to a PDF file. */
export function buildPdf(options: { lang: 'zh' | 'en'; baseUrl: string; outFile: string; browser: Browser; format?: string }): Promise<{
  lang: string;
  pages: number;
  bytes: number;
  seconds: number;
  starts: Record<string, number>;
}>;
/** Shows the contents pages' download links once the PDFs exist. */
export function revealDownloadLinks(dist: string, langs: string[]): void;
