// What every page of the site does once loaded: the theme toggle, the language switch, the search trigger and
// keyboard-scrollable wide boxes. Each page type's entry (src/components/scripts) calls it first.
import { initThemeToggle } from './theme';
import { initLanguageSwitch } from './language-switch';
import { initSearch } from './reader/search-trigger';
import { initScrollBoxes } from './reader/scroll-boxes';

/** Wires the parts of the page shell that every page has. */
export function initSite(): void {
  initThemeToggle();
  initLanguageSwitch();
  initSearch();
  initScrollBoxes();
}
