// The table of contents: open in the margin on wide screens; a closed disclosure above the text on narrow ones.

/** Opens the contents disclosure when the margin is wide enough to hold it (75rem and up). */
export function openTocOnWideScreens(): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('[data-toc-details]')) {
    if (matchMedia('(min-width: 75rem)').matches) details.open = true;
  }
}
