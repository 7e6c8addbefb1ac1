// The one script every page loads. It wires the site's shell, then what this page has: the root page's edition
// choice, the not-found page's suggestion, a contents page's "continue reading", a chapter's reading aids, and —
// fetched only by a chapter with live figures, once one nears the screen — the figure island. One entry instead of
// one per component: fewer requests, and one gzip stream.
import { initThemeToggle } from './theme';
import { initLanguageSwitch } from './language-switch';
import { initSearch } from './reader/search-trigger';
import { initScrollBoxes } from './reader/scroll-boxes';
import { sendToPreferredEdition } from './language-choice';
import { initContinueReading } from './reader/continue';
import { openTocOnWideScreens } from './toc';
import { initDeepLinks } from './deep-links';
import { initPreviews } from './reader/previews';
import { initReading } from './reader/reading';
import { WIDE_MARGIN } from './wide-margin';
import { initCopyButtons } from './reader/copy';
import { nextTask } from './next-task';

// A live figure: <figure class="figure-live" data-figure> (src/components/essay/Figure.astro); the book's figures are
// static images and need no script.
const LIVE_FIGURE = 'figure.figure-live[data-figure]';

/** Runs the page's start-up steps, each in its own task; fetches the figure island once a figure nears the screen. */
async function start(): Promise<void> {
  // Every page: the search trigger, the theme toggle, the language switch, keyboard-scrollable wide boxes. The
  // search trigger comes first: the first step runs before DOMContentLoaded, so "/" and Ctrl/Cmd+K work as soon as
  // the document is parsed; later steps each wait for a task of their own.
  const steps: Array<() => void> = [initSearch, initThemeToggle, initLanguageSwitch, initScrollBoxes];
  if (document.querySelector('[data-language-choice]')) steps.push(sendToPreferredEdition);
  // The not-found page's code is fetched only there, so that it weighs nothing on the pages people read.
  if (document.querySelector('[data-not-found]')) {
    // If it cannot be fetched, the page still says what it says, without the suggestion.
    steps.push(() => void import('./not-found').then((module) => module.suggestClosestPage(), () => undefined));
  }
  if (document.querySelector('[data-continue]')) steps.push(initContinueReading);
  const chapter = document.body.classList.contains('chapter-page');
  if (chapter) steps.push(openTocOnWideScreens, initDeepLinks, loadSidenotesWhenWide, initPreviews, initReading, initCopyButtons);
  const figures = chapter && document.querySelector(LIVE_FIGURE);
  if (figures) window.__figuresReady = figuresReady;
  for (const [i, step] of steps.entries()) {
    if (i > 0) await nextTask();
    step();
  }
  if (!figures) return;
  // The figures' code is fetched once a figure comes within a screen's height of the viewport (at once if one is on
  // the first screen, or is the target of the link that opened the page), so a reader who never gets to a figure
  // never downloads it, and the first screen's own work is not queued behind it.
  const near = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      near.disconnect();
      void loadIsland();
    },
    { rootMargin: '100% 0px' },
  );
  for (const figure of document.querySelectorAll(LIVE_FIGURE)) near.observe(figure);
}

/**
 * Fetches the sidenotes' code the first time the screen is wide enough to show them, on a chapter with notes: a phone
 * never downloads it. If it cannot be fetched, the notes stay at the chapter's end and the next widening tries again.
 */
function loadSidenotesWhenWide(): void {
  if (!document.querySelector('.prose sup a[data-footnote-ref]')) return;
  const wide = matchMedia(WIDE_MARGIN);
  const load = () => {
    if (!wide.matches) return;
    wide.removeEventListener('change', load);
    void import('./reader/sidenotes').then(
      (module) => module.initSidenotes(),
      () => wide.addEventListener('change', load),
    );
  };
  wide.addEventListener('change', load);
  load();
}

let island: Promise<unknown> | undefined;

/** Fetches the figure island (once). If it cannot be fetched, each figure keeps its picture and shows its load note. */
function loadIsland(): Promise<unknown> {
  island ??= import('./figures/figure-island').catch(() => {
    for (const figure of document.querySelectorAll<HTMLElement>(LIVE_FIGURE)) figure.dataset.failed = '';
  });
  return island;
}

/** window.__figuresReady until the island has started: fetches it if need be, then hands over to the island's own. */
async function figuresReady(): Promise<void> {
  await loadIsland();
  const ready = window.__figuresReady;
  if (ready && ready !== figuresReady) await ready();
}

void start();
