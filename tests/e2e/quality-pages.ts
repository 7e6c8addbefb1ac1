// The pages the quality gates visit: every HTML page of the built site (DIST_DIR, default dist/), found on disk.
import { existsSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { htmlFiles, pagePath } from '../../scripts/page-bytes.mjs';

export const DIST = process.env.DIST_DIR ?? 'dist';
export const BASE = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
/** The public origin the build wrote into canonical URLs and previews (astro.config.mjs: SITE_URL). */
export const SITE = new URL(process.env.SITE_URL ?? 'https://openai-revelation.example.org').origin;

export type PageKind = 'chapter' | 'contents' | 'bibliography' | 'book' | 'root' | 'other';

export interface SitePage {
  /** The page's path, base included: "/en/scaling-laws/". */
  path: string;
  /** What to open: the path, or "/?choose" for the root page (which otherwise sends the reader to an edition). */
  url: string;
  /** The HTML file in the build. */
  file: string;
  kind: PageKind;
  lang?: 'zh' | 'en';
}

function kindOf(rel: string): { kind: PageKind; lang?: 'zh' | 'en' } {
  if (rel === '') return { kind: 'root' };
  const match = /^(zh|en)\/(?:([a-z0-9-]+)\/)?$/.exec(rel);
  if (!match) return { kind: 'other' };
  const lang = match[1] as 'zh' | 'en';
  const name = match[2];
  if (!name) return { kind: 'contents', lang };
  if (name === 'bibliography' || name === 'book') return { kind: name, lang };
  return { kind: 'chapter', lang };
}

/** Every built page, sorted by path (empty if the site is not built). */
export const PAGES: SitePage[] = existsSync(DIST)
  ? htmlFiles(DIST).map((file) => {
      const path = pagePath(DIST, file, BASE);
      const { kind, lang } = kindOf(path.slice(BASE.length));
      return { path, url: kind === 'root' ? `${path}?choose` : path, file, kind, lang };
    })
  : [];

/** How long scrollThrough waits for the page's figures to be drawn once it has reached the end (ms). */
const FIGURES_WAIT = 30_000;
/** How long scrollThrough gives the page to scroll to its end and draw, before it fails as stalled (ms). */
const STALL_LIMIT = FIGURES_WAIT + 40_000;

/**
 * Scrolls a page to its end in viewport-sized steps (so lazy figures load and draw), then waits for quiet. If the
 * figures are not all drawn within FIGURES_WAIT, it fails naming them and the requests still open (`inFlight`, from
 * page-watch.ts), rather than leaving the test to run out of time with no word of what it waited for; and so it does
 * if the page has not got through scrolling and drawing within STALL_LIMIT (its script stuck, or a frame never
 * coming).
 */
export async function scrollThrough(page: Page, inFlight: ReadonlySet<Request>): Promise<void> {
  const open = () => [...inFlight].map((request) => request.url()).join(', ') || 'none';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), STALL_LIMIT)));
  const scrolled = page.evaluate(async (limit) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 25)));
    const step = Math.max(200, Math.floor(window.innerHeight * 0.9));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
    const ready = (window as unknown as { __figuresReady?: () => Promise<void> }).__figuresReady;
    if (typeof ready !== 'function') return undefined;
    const late = await Promise.race([
      ready().then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), limit)),
    ]);
    if (!late) return undefined;
    const figures = document.querySelectorAll<HTMLElement>('figure[data-figure]:not([data-drawn]):not([data-failed])');
    return [...figures].map((figure) => figure.id || figure.dataset.figure || '?');
  }, FIGURES_WAIT);
  const undrawn = await Promise.race([scrolled, stalled]).finally(() => clearTimeout(timer));
  if (undrawn === 'stalled') {
    throw new Error(`the page did not scroll to its end and draw within ${STALL_LIMIT / 1000} s; requests still open: ${open()}`);
  }
  if (undrawn) {
    const which = undrawn.join(', ') || 'none (each is drawn or has failed, yet the wait for them did not end)';
    throw new Error(`figures not drawn ${FIGURES_WAIT / 1000} s after reaching the page's end: ${which}; requests still open: ${open()}`);
  }
  await page.waitForLoadState('networkidle');
}
