/** The boxes that may scroll sideways. global.css keeps every block holding one laid out from the start (its
 * content-visibility rule names the same boxes), so reading their widths here never forces a layout. */
export const SCROLL_BOXES = '.katex-display, .equation-body, .prose table, .prose pre';

/**
 * Wide equations, tables and code scroll sideways in their own box on narrow screens; a box that does scroll is
 * made reachable by keyboard (tabindex="0") so it can be scrolled with the arrow keys.
 */
export function initScrollBoxes(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>(SCROLL_BOXES)];
  if (boxes.length === 0) return;
  const check = () => {
    for (const box of boxes) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls) box.tabIndex = 0;
      else if (box.getAttribute('tabindex') === '0') box.removeAttribute('tabindex');
    }
  };
  // A ResizeObserver reports once when it starts observing and again on every resize, each time just after the
  // browser's own layout: reading the boxes' widths there costs no layout of its own (a check at start-up would force
  // one, and on a long chapter that is a long task).
  new ResizeObserver(check).observe(document.documentElement);
}
