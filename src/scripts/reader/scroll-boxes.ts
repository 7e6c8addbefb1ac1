/** The boxes that may scroll sideways. */
export const SCROLL_BOXES = '.katex-display, .equation-body, .prose table, .prose pre';

/**
 * Wide equations, tables and code scroll sideways in their own box on narrow screens; a box that does scroll is
 * made reachable by keyboard (tabindex="0") so it can be scrolled with the arrow keys.
 */
export function initScrollBoxes(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>(SCROLL_BOXES)];
  if (boxes.length === 0) return;
  // Only a change is written: every write to the attribute makes the browser restyle the box.
  const reachable = (box: HTMLElement, on: boolean) => {
    const has = box.getAttribute('tabindex') === '0';
    if (on && !has) box.tabIndex = 0;
    else if (!on && has) box.removeAttribute('tabindex');
  };
  // A box keeps its tab stop while it has focus, so that measuring it never throws the reader's focus away.
  const scrolls = (box: HTMLElement) => box.scrollWidth > box.clientWidth + 1 || box === document.activeElement;
  const measure = (box: HTMLElement) => reachable(box, scrolls(box));
  // A box in a block that global.css lays out only near the screen (content-visibility: auto) is not measured until
  // that block is laid out: reading its width sooner would lay the block out at once, and on a long chapter that is a
  // long task. Until then it keeps a tab stop, so that Tab still reaches it before the reader has scrolled near it.
  // (Only this form of checkVisibility() is free: without options it lays the block out. The block is asked through
  // its child that holds the box, or its first child when the box is the block, such as a table, since only what is
  // inside a block is skipped; not through the box itself, which may be hidden for its own reasons, as a figure's
  // data table is inside a closed <details>.)
  const waiting = (box: HTMLElement) => {
    const block = box.closest('.prose > *');
    if (!block || getComputedStyle(block).contentVisibility !== 'auto') return false;
    const inside = block === box ? box.firstElementChild : [...block.children].find((child) => child.contains(box));
    return !!inside && !inside.checkVisibility({ contentVisibilityAuto: true });
  };
  // A ResizeObserver reports once when it starts observing and again on every resize, each time just after the
  // browser's own layout: reading the laid-out boxes' widths there costs no layout of its own.
  // Every box is read before any is written: a write between two reads would make the browser lay the page out again.
  new ResizeObserver(() => {
    const stops = boxes.map((box) => waiting(box) || scrolls(box));
    boxes.forEach((box, i) => reachable(box, stops[i]));
  }).observe(document.documentElement);
  // A block laid out as it nears the screen (or as Tab reaches into it): measure its boxes. The event does not bubble,
  // so it is caught on its way down.
  document.addEventListener(
    'contentvisibilityautostatechange',
    (event) => {
      if ((event as ContentVisibilityAutoStateChangeEvent).skipped || !(event.target instanceof Element)) return;
      for (const box of boxes) if (event.target.contains(box)) measure(box);
    },
    true,
  );
  document.addEventListener('focusout', (event) => {
    const box = event.target;
    if (box instanceof HTMLElement && boxes.includes(box)) setTimeout(() => waiting(box) || measure(box));
  });
}
