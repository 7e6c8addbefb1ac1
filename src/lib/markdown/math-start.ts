import type { Root } from 'hast';
import type { Node } from 'unist';
import { EXIT, visit } from 'unist-util-visit';
import { isJsxElement, setAttr } from './mdx-jsx';
import { hasClass } from './hast-class';

/** The attribute that marks where a chapter's math starts (global.css hides from there while KaTeX's fonts load). */
const MATH_START_ATTRIBUTE = 'data-math-from';

/** True for math itself: KaTeX's output (an element of class `katex`) or a numbered equation component. */
function isMath(node: Node): boolean {
  if (isJsxElement(node)) return node.name === 'Equation';
  return hasClass(node, 'katex');
}

/** True when `node` is math or holds some, however deep. */
function holdsMath(node: Node): boolean {
  let found = false;
  visit(node, (child) => {
    if (!isMath(child)) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

/**
 * Rehype plugin (after rehype-katex): marks the first top-level block of a chapter that holds math with
 * `data-math-from` (a component, Equation or Figure, gets it as a prop and writes it on its outer element). While the
 * math fonts load, global.css hides that block and every block after it (`.math-pending`). Found by its mark rather
 * than by `:has(.katex)`, the block is not re-examined when the page script adds a copy-link button to a heading:
 * with `:has()`, that addition made the browser restyle every block below the heading.
 */
export function rehypeMathStart() {
  return (tree: Root) => {
    const first = tree.children.find(holdsMath);
    if (!first) return;
    if (isJsxElement(first)) setAttr(first, MATH_START_ATTRIBUTE, '');
    else if (first.type === 'element') first.properties.dataMathFrom = '';
  };
}
