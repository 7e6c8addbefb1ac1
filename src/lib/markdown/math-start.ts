import type { Root, RootContent } from 'hast';
import type { Node } from 'unist';
import { isJsxElement, setAttr } from './mdx-jsx';

/** The attribute that marks where a chapter's math starts (global.css hides from there while KaTeX's fonts load). */
const MATH_START_ATTRIBUTE = 'data-math-from';

/** True when `node` holds math: KaTeX's output (an element of class `katex`) or a numbered equation component. */
function holdsMath(node: Node): boolean {
  if (isJsxElement(node) && node.name === 'Equation') return true;
  if (node.type === 'element') {
    const className = (node as unknown as { properties?: { className?: unknown } }).properties?.className;
    if (Array.isArray(className) && className.includes('katex')) return true;
  }
  const children = (node as { children?: Node[] }).children;
  return Array.isArray(children) && children.some(holdsMath);
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
    const first = tree.children.find((node: RootContent) => holdsMath(node)) as Node | undefined;
    if (!first) return;
    if (isJsxElement(first)) setAttr(first, MATH_START_ATTRIBUTE, '');
    else if (first.type === 'element') (first as unknown as { properties: Record<string, unknown> }).properties.dataMathFrom = '';
  };
}
