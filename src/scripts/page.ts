// The one script every page loads. It wires the site's shell, then what this page has: the root page's edition
// choice, a contents page's "continue reading", a chapter's reading aids, and — fetched only by a chapter with live
// figures — the figure island. One entry instead of one per component: fewer requests, and one gzip stream.
import { initSite } from './site';
import { sendToPreferredEdition } from './language-choice';
import { initContinueReading } from './reader/continue';
import { openTocOnWideScreens } from './toc';
import { initDeepLinks } from './deep-links';
import { initSidenotes } from './reader/sidenotes';
import { initPreviews } from './reader/previews';
import { initReading } from './reader/reading';
import { initCopyButtons } from './reader/copy';
import { nextTask } from './next-task';

/** Runs the page's start-up steps, each in its own task; the figure island is fetched first so it loads meanwhile. */
async function start(): Promise<void> {
  const steps: Array<() => void> = [initSite];
  if (document.querySelector('[data-language-choice]')) steps.push(sendToPreferredEdition);
  if (document.querySelector('[data-continue]')) steps.push(initContinueReading);
  if (document.body.classList.contains('chapter-page')) {
    // A live figure is <figure class="figure-live" data-figure> (src/components/essay/Figure.astro); the book's
    // figures are static images and need no script.
    if (document.querySelector('figure.figure-live[data-figure]')) startFigures();
    steps.push(openTocOnWideScreens, initDeepLinks, initSidenotes, initPreviews, initReading, initCopyButtons);
  }
  for (const [i, step] of steps.entries()) {
    if (i > 0) await nextTask();
    step();
  }
}

void start();

/** Fetches the figure island; until it has started, window.__figuresReady waits for it and then hands over. */
function startFigures(): void {
  const island = import('./figures/figure-island');
  const early = (): Promise<void> =>
    island.then(() => {
      const ready = window.__figuresReady;
      return ready && ready !== early ? ready() : undefined;
    });
  window.__figuresReady = early;
}
