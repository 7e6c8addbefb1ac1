// Where the site's header ends on screen, for the scripts that keep clear of it (the reading bar, note previews).

/** The header's foot in CSS px from the screen's top, or 0 where the header has scrolled away (a short screen: global.css). */
export function headerFoot(): number {
  return Math.max(0, document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0);
}
