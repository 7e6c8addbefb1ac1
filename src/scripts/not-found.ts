import { closestPage, type Suggestion } from '../lib/closest-page';

/**
 * On the not-found page: offers the page whose address is closest to the one the reader asked for (a typo, a dropped
 * letter, an old ".html" form), labelled in that page's language. Nothing is shown when no page is close.
 */
export function suggestClosestPage(): void {
  const root = document.querySelector<HTMLElement>('[data-not-found]');
  const guess = root?.querySelector<HTMLElement>('[data-guess]');
  const link = guess?.querySelector<HTMLAnchorElement>('[data-guess-link]');
  if (!root || !guess || !link) return;
  const pages = JSON.parse(root.dataset.pages ?? '[]') as Array<Suggestion & { lang: string }>;
  const page = closestPage(location.pathname, pages, root.dataset.base ?? '/');
  if (!page) return;
  link.href = page.path;
  link.textContent = page.title;
  link.lang = page.lang;
  for (const label of guess.querySelectorAll<HTMLElement>('[data-guess-label]')) {
    label.hidden = label.dataset.guessLabel !== page.lang;
  }
  guess.hidden = false;
}
