// The table of contents: open in the margin on wide screens; a closed disclosure above the text on narrow ones.
import { WIDE_MARGIN } from './wide-margin';

/** Opens the contents disclosure when the margin is wide enough to hold it (WIDE_MARGIN). */
export function openTocOnWideScreens(): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('[data-toc-details]')) {
    if (matchMedia(WIDE_MARGIN).matches) details.open = true;
  }
}
