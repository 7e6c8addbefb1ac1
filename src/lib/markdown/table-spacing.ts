import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Rehype plugin: ends each table cell with a space. The MDX compiler writes cells back to back and drops white space
 * between them (`<td>0.50</td><td>0.693</td>`), which a browser shows as columns but a text extractor, such as the
 * search indexer building an excerpt, reads as one word ("0.500.693"). A space at a cell's end is not drawn.
 */
export function rehypeTableSpacing() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'td' || node.tagName === 'th') node.children.push({ type: 'text', value: ' ' });
    });
  };
}
