/** Carries the current #anchor (or the section being read) over to the other edition's URL on click. */
export function initLanguageSwitch(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-lang-switch]')) {
    link.addEventListener('click', () => {
      const hash = location.hash || currentSectionHash();
      if (hash) link.href = link.href.split('#')[0] + hash;
    });
  }
}

/** The anchor of the last h2/h3 whose top has scrolled past the upper third of the window, if any. */
function currentSectionHash(): string {
  let id = '';
  for (const heading of document.querySelectorAll<HTMLElement>('.prose h2[id], .prose h3[id]')) {
    if (heading.getBoundingClientRect().top < innerHeight / 3) id = heading.id;
  }
  return id && id !== 'footnote-label' ? `#${id}` : '';
}
