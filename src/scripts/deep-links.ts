// Copy-link buttons for every heading, equation and footnote: Web Share where the browser has it, else the
// clipboard, with a visible confirmation. Targets already have stable ids; :target highlights them on arrival.
import { pageLang } from './page-lang';

const LABELS = {
  zh: { copy: '复制链接', copied: '链接已复制', failed: '无法复制，链接是：', section: '复制本节链接', equation: '复制公式链接', note: '复制注释链接' },
  en: { copy: 'Copy link', copied: 'Link copied', failed: 'Could not copy; the link is: ', section: 'Copy link to this section', equation: 'Copy link to this equation', note: 'Copy link to this note' },
};

type Labels = (typeof LABELS)['en'];

function labels(): Labels {
  return LABELS[pageLang()];
}

let toast: HTMLElement | undefined;
let toastTimer: number | undefined;

/** Shows a short message in a polite live region at the bottom of the window. */
export function announce(message: string): void {
  if (!toast) {
    toast = document.createElement('div');
    toast.className = 'toast';
    toast.setAttribute('role', 'status');
    toast.setAttribute('aria-live', 'polite');
    document.body.append(toast);
  }
  toast.textContent = message;
  toast.dataset.visible = 'true';
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => toast && (toast.dataset.visible = 'false'), 2500);
}

/** How a link left the page: through the system share sheet, onto the clipboard, or not at all. */
export type ShareOutcome = 'shared' | 'copied' | 'failed';

/** Hands `url` to the Web Share sheet on touch devices that have one, else copies it to the clipboard. */
export async function shareOrCopy(url: string, title: string): Promise<ShareOutcome> {
  if (typeof navigator.share === 'function' && matchMedia('(pointer: coarse)').matches) {
    try {
      await navigator.share({ url, title });
      return 'shared';
    } catch {
      /* dismissed or refused: fall back to the clipboard */
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'failed';
  }
}

/** Shares or copies the URL of this page with `#id`, and says so. */
export async function shareLink(id: string, title: string): Promise<void> {
  const url = `${location.origin}${location.pathname}${location.search}#${id}`;
  const text = labels();
  const outcome = await shareOrCopy(url, title);
  if (outcome !== 'shared') announce(outcome === 'copied' ? text.copied : text.failed + url);
  history.replaceState(history.state, '', `#${id}`);
}

function makeButton(label: string, id: string, title: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-link';
  button.setAttribute('aria-label', label);
  button.title = label;
  button.dataset.copyLink = id;
  // The chain-link icon is drawn by CSS (.copy-link::before in global.css), not carried by this script.
  button.addEventListener('click', () => void shareLink(id, title));
  return button;
}

/** Adds a copy-link button to each anchored heading, numbered equation and footnote of the page. */
export function initDeepLinks(): void {
  const text = labels();
  for (const heading of document.querySelectorAll<HTMLElement>('.prose :is(h2, h3)[id]')) {
    if (heading.id === 'footnote-label') continue;
    heading.append(makeButton(`${text.section}: ${heading.textContent?.trim() ?? ''}`, heading.id, heading.textContent ?? ''));
  }
  for (const equation of document.querySelectorAll<HTMLElement>('.equation[id]')) {
    const number = equation.querySelector('.equation-number');
    (number?.parentElement ?? equation).insertBefore(makeButton(`${text.equation} ${number?.textContent ?? ''}`, equation.id, document.title), number?.nextSibling ?? null);
  }
  for (const note of document.querySelectorAll<HTMLElement>('.footnotes li[id]')) {
    const target = note.querySelector('p') ?? note;
    target.append(makeButton(text.note, note.id, document.title));
  }
}
