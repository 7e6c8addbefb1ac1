/**
 * On the root page: remembers the edition a reader picks, and on later visits (or from the browser's
 * language on the first) goes straight to that edition's contents. `?choose` keeps the chooser open.
 */
export function sendToPreferredEdition(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-language-choice] a[data-lang]')];
  for (const link of links) {
    link.addEventListener('click', () => {
      try {
        localStorage.setItem('lang', link.dataset.lang ?? '');
      } catch {
        /* the choice is only a convenience */
      }
    });
  }
  if (new URLSearchParams(location.search).has('choose')) return;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem('lang');
  } catch {
    stored = null;
  }
  const preferred = stored ?? (navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh' : 'en');
  const target = links.find((link) => link.dataset.lang === preferred);
  if (target) location.replace(target.href);
}
